// The file-system interface of the browser build: the language server runs in a Web Worker with no
// disk, and reads the workspace only through this. clientFiles.ts implements it with requests to the
// extension (vscode.workspace.findFiles and workspace.fs); memoryFiles.ts over a map of texts (tests).
// The Node build reads the disk directly (server/src/disk/). Paths are absolute and `/`-separated: in
// the browser, a workspace file's path is its URI's path (lsp/uris.ts).
import type { FileReadResult } from '../shared/protocol';

export type { FileReadResult };

export interface WorkspaceFiles {
  /** The files below `root` that match one of `globs` (root-relative), at most `maxResults`. */
  list(root: string, globs: readonly string[], maxResults: number): Promise<{ files: string[]; truncated: boolean }>;
  /** Each file's text, or why there is none, in the order asked. */
  read(files: readonly string[], maxBytes: number, checkBinary: boolean): Promise<FileReadResult[]>;
}
