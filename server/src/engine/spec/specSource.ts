// Text the engine can read without holding it as one string. An open document is kept in pieces
// (lsp/pieceDocument.ts): rebuilding an 11 MB string on every keystroke, as a single-string document
// does, costs more than everything else an edit needs in a large spec file. The analyzer
// reads only the pieces around an edit, and asks the source what changed since its last reading.

/** The unchanged prefix and suffix lengths between an earlier revision of a source and now. */
export interface ChangedRegion {
  prefix: number;
  suffix: number;
}

export interface SpecSource {
  readonly length: number;
  /** Characters [start, end) as a string: cheap for a small range. */
  slice(start: number, end: number): string;
  /** The whole text as one string (built on demand; costly for a large text). */
  text(): string;
  /** Increases with every change to the text. */
  readonly revision: number;
  /** What changed since `revision` of this source; undefined when it no longer knows. */
  changedSince(revision: number): ChangedRegion | undefined;
}

export type SpecInput = string | SpecSource;

export function wholeText(input: SpecInput): string {
  return typeof input === 'string' ? input : input.text();
}

/** Which reading of `input` this is: a string never changes; a source counts its changes. */
export function revisionOf(input: SpecInput): number {
  return typeof input === 'string' ? 0 : input.revision;
}
