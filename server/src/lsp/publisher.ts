// Push diagnostics. One model everywhere: textDocument/publishDiagnostics with the document version
// for open documents (pull diagnostics are not offered, so every client, VS Code or Neovim, gets the
// same). Unchanged files are not re-sent: each file's last publish is remembered by a hash of what was
// sent. Files whose diagnostics became empty get one empty publish.
import { createHash } from 'node:crypto';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { SpecDiagnostic } from '../engine/types';
import { toLspDiagnostic } from './convert';
import { pathToUri } from './uris';
import { unchangedEnds } from './unchangedEnds';
import { errorText } from '../shared/errorText';

interface Sent {
  /** Which folder's index the diagnostics came from (a file belongs to one folder). */
  folder: string;
  /** The engine array last converted: when the index hands back the same array, nothing changed. */
  source: readonly SpecDiagnostic[] | undefined;
  /** `source` converted, when sent (with `related` information or not). */
  lsp?: Diagnostic[];
  related?: boolean;
  hash: string;
  empty: boolean;
}

const EMPTY_HASH = 'empty';
const UNHASHED = '';

export class DiagnosticsPublisher {
  private readonly sent = new Map<string, Sent>();
  /**
   * LSP diagnostics by engine diagnostic. The engine keeps the diagnostic objects of unchanged items
   * across edits, so a keystroke in a file with hundreds of problems converts only the new ones.
   * Keyed weakly: diagnostics the engine dropped are collected with their conversions.
   */
  private converted = new WeakMap<SpecDiagnostic, Diagnostic>();
  private convertedWithRelated = true;

  constructor(
    private readonly connection: Connection,
    private readonly versionOf: (uri: string) => number | undefined,
    private readonly relatedInformation: () => boolean,
  ) {}

  /**
   * Publish `file`'s diagnostics when they differ from the last publish, or always with `force` (an
   * edited document gets a publish for its new version even when nothing changed).
   * Returns whether a publish was sent.
   */
  publishFile(folder: string, file: string, diagnostics: readonly SpecDiagnostic[], force = false): boolean {
    const uri = pathToUri(file);
    const prev = this.sent.get(uri);
    if (!force && prev && prev.source === diagnostics) return false;
    const lsp = this.convert(diagnostics, prev);
    // A forced publish (the edited document, on the keystroke path) skips hashing; the next unforced
    // comparison then re-sends once, which is cheap and never wrong.
    const hash = force ? UNHASHED : lsp.length ? createHash('sha1').update(JSON.stringify(lsp)).digest('base64') : EMPTY_HASH;
    if (!force && (prev ? prev.hash === hash : lsp.length === 0)) {
      if (prev) {
        prev.source = diagnostics;
        prev.lsp = lsp;
        prev.related = this.convertedWithRelated;
      }
      return false;
    }
    this.sent.set(uri, { folder, source: diagnostics, lsp, related: this.convertedWithRelated, hash, empty: lsp.length === 0 });
    this.send(uri, lsp);
    return true;
  }

  private convert(diagnostics: readonly SpecDiagnostic[], prev: Sent | undefined): Diagnostic[] {
    const related = this.relatedInformation();
    if (related !== this.convertedWithRelated) {
      this.converted = new WeakMap();
      this.convertedWithRelated = related;
    }
    const n = diagnostics.length;
    const out: Diagnostic[] = new Array<Diagnostic>(n);
    // The diagnostics the last publish began and ended with are taken from it by position: an edit
    // changes a few in between, and the rest need no lookup.
    let same = 0;
    let sameEnd = 0;
    const before = prev?.source;
    const beforeLsp = prev?.lsp;
    if (before && beforeLsp && prev.related === related) {
      ({ same, sameEnd } = unchangedEnds(diagnostics, before));
      const m = before.length;
      for (let i = 0; i < same; i++) out[i] = beforeLsp[i];
      for (let k = 1; k <= sameEnd; k++) out[n - k] = beforeLsp[m - k];
    }
    for (let i = same; i < n - sameEnd; i++) {
      const d = diagnostics[i];
      let lsp = this.converted.get(d);
      if (!lsp) {
        lsp = toLspDiagnostic(d, related);
        this.converted.set(d, lsp);
      }
      out[i] = lsp;
    }
    return out;
  }

  /** Diff a folder's whole diagnostics map against what was sent: publish changed files, clear vanished ones. */
  publishAll(folder: string, all: ReadonlyMap<string, readonly SpecDiagnostic[]>): number {
    let n = 0;
    const seen = new Set<string>();
    for (const [file, diags] of all) {
      seen.add(pathToUri(file));
      if (this.publishFile(folder, file, diags)) n++;
    }
    for (const [uri, s] of this.sent) {
      if (s.folder !== folder || seen.has(uri)) continue;
      if (!s.empty) {
        this.send(uri, []);
        n++;
      }
      this.sent.delete(uri);
    }
    return n;
  }

  /**
   * Publish an empty list once for files that were checked and are clean (spec files after indexing),
   * so a client knows they were checked. Files already published are left alone.
   */
  announceClean(folder: string, files: Iterable<string>): void {
    for (const file of files) {
      const uri = pathToUri(file);
      if (this.sent.has(uri)) continue;
      this.sent.set(uri, { folder, source: undefined, hash: EMPTY_HASH, empty: true });
      this.send(uri, []);
    }
  }

  /** A folder went away (or is re-indexed from scratch): clear everything it published. */
  clearFolder(folder: string): void {
    for (const [uri, s] of this.sent) {
      if (s.folder !== folder) continue;
      if (!s.empty) this.send(uri, []);
      this.sent.delete(uri);
    }
  }

  private send(uri: string, diagnostics: Diagnostic[]): void {
    const version = this.versionOf(uri);
    this.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics }).catch((err: unknown) => {
      this.connection.console.error(`spectrace: could not send diagnostics for ${uri}: ${errorText(err)}`);
    });
  }
}
