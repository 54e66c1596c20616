// The browser build's language server has no file system: it asks the extension, which answers
// spectrace/listFiles with vscode.workspace.findFiles and spectrace/readFiles with workspace.fs
// (the same requests whatever the workspace's scheme: vscode-remote:, vscode-vfs:, file:).
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ListFilesRequest, ReadFilesRequest } from '../../../server/src/shared/protocol';
import type { FileReadResult, ListFilesParams, ListFilesResult, ReadFilesParams } from '../../../server/src/shared/protocol';
import { fileText } from '../../../server/src/shared/fileText';

/** Never listed, as in the Node build's disk walk (engine/config/globs.ts ALWAYS_EXCLUDED_DIRS). */
const NEVER_LISTED = '**/{node_modules,.git,.hg,.svn}/**';
/** Files read at the same time. */
const READ_CONCURRENCY = 16;

export function serveWorkspaceFiles(client: BaseLanguageClient): vscode.Disposable[] {
  // By method name, as Ctx.request sends them (the message types come from this bundle's vscode-jsonrpc).
  return [
    client.onRequest(ListFilesRequest.method, (p: ListFilesParams, token: vscode.CancellationToken) => listFiles(p, token)),
    client.onRequest(ReadFilesRequest.method, (p: ReadFilesParams) => readFiles(p)),
  ];
}

async function listFiles(params: ListFilesParams, token: vscode.CancellationToken): Promise<ListFilesResult> {
  const folder = vscode.Uri.parse(params.folderUri);
  const max = Math.max(1, params.maxResults);
  // One search per glob: a glob with braces inside a `{a,b}` group is not portable across search providers.
  const found = await Promise.all(params.globs.map((glob) => vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), NEVER_LISTED, max + 1, token)));
  const uris = new Set<string>();
  let truncated = false;
  for (const list of found) {
    if (list.length > max) truncated = true;
    for (const uri of list) uris.add(uri.toString());
  }
  const all = [...uris];
  return { uris: all.slice(0, max), truncated: truncated || all.length > max };
}

async function readFiles(params: ReadFilesParams): Promise<FileReadResult[]> {
  const out: FileReadResult[] = new Array<FileReadResult>(params.uris.length);
  let next = 0;
  const worker = async () => {
    while (next < params.uris.length) {
      const i = next++;
      out[i] = await readOne(vscode.Uri.parse(params.uris[i]), params.maxBytes, params.checkBinary);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, params.uris.length) }, worker));
  return out;
}

async function readOne(uri: vscode.Uri, maxBytes: number, checkBinary: boolean): Promise<FileReadResult> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if ((stat.type & vscode.FileType.File) === 0) return { kind: 'missing' };
    if (stat.size > maxBytes) return { kind: 'too-large', detail: `${stat.size} bytes, over the limit of ${maxBytes} (maxFileSize)` };
    return fileText(await vscode.workspace.fs.readFile(uri), checkBinary);
  } catch (err) {
    // Deleted since it was listed, or not readable: either way not part of the index.
    if (err instanceof vscode.FileSystemError) return { kind: 'missing' };
    throw err;
  }
}
