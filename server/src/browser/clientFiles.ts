// WorkspaceFiles through the client: the extension answers spectrace/listFiles with
// vscode.workspace.findFiles and spectrace/readFiles with workspace.fs (client/src/web/). Paths
// cross as URIs of the workspace's own scheme (lsp/uris.ts).
import type { Connection } from 'vscode-languageserver/browser';
import { pathToUri, uriToPath } from '../lsp/uris';
import { ListFilesRequest, ReadFilesRequest } from '../shared/protocol';
import type { FileReadResult, WorkspaceFiles } from './workspaceFiles';

export class ClientFiles implements WorkspaceFiles {
  constructor(private readonly connection: Connection) {}

  async list(root: string, globs: readonly string[], maxResults: number): Promise<{ files: string[]; truncated: boolean }> {
    const answer = await this.connection.sendRequest(ListFilesRequest, { folderUri: pathToUri(root), globs: [...globs], maxResults });
    const files: string[] = [];
    for (const uri of answer.uris) {
      const file = uriToPath(uri);
      if (file) files.push(file);
    }
    return { files, truncated: answer.truncated };
  }

  async read(files: readonly string[], maxBytes: number, checkBinary: boolean): Promise<FileReadResult[]> {
    if (files.length === 0) return [];
    return this.connection.sendRequest(ReadFilesRequest, { uris: files.map(pathToUri), maxBytes, checkBinary });
  }
}
