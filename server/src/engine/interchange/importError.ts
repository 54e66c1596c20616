// The one error the importers throw for input they refuse (empty, truncated, unsafe, not ReqIF, no
// title column ...): its message is meant for the user as it is, so the CLI prints it without a trace.

export class ImportError extends Error {}

/** Files above this size are refused before they are read (a hostile or mistaken input must not exhaust memory). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/** The 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
