// What a caught value says, for a one-line message: an Error's message, anything else as text. Used
// wherever the server, the CLI and the extension report a failure. Pure, no imports.

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
