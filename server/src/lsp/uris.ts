// Document URIs <-> absolute paths. The engine speaks paths, LSP speaks URIs; conversions happen at
// this boundary only, and are cached because every diagnostic and location crosses it.
import { URI } from 'vscode-uri';

const toPath = new Map<string, string | undefined>();
const toUri = new Map<string, string>();
const LIMIT = 50_000;
/**
 * A workspace that is not on a local disk (the browser build: `vscode-remote:`, `vscode-vfs:`): the
 * URIs of this scheme and authority are files too, named by their URI's path.
 */
let workspaceScheme: { scheme: string; authority: string } | undefined;

/** Treat URIs with the scheme and authority of `folderUri` as files (the browser build's worker calls this once). */
export function useFilesOfScheme(folderUri: string): void {
  const u = URI.parse(folderUri);
  workspaceScheme = u.scheme === 'file' ? undefined : { scheme: u.scheme, authority: u.authority };
  toPath.clear();
  toUri.clear();
}

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= LIMIT) map.clear(); // a crude bound: the cache is an optimisation, not state
  map.set(key, value);
  return value;
}

/** The absolute path of a `file:` URI; undefined for other schemes (untitled:, git:, ...). */
export function uriToPath(uri: string): string | undefined {
  if (toPath.has(uri)) return toPath.get(uri);
  let file: string | undefined;
  try {
    const u = URI.parse(uri);
    file = u.scheme === 'file' ? u.fsPath : u.scheme === workspaceScheme?.scheme && u.authority === workspaceScheme.authority ? u.path : undefined;
  } catch {
    file = undefined; // not a URI at all: treated like a non-file document
  }
  return remember(toPath, uri, file);
}

export function pathToUri(file: string): string {
  const cached = toUri.get(file);
  if (cached !== undefined) return cached;
  const uri = (workspaceScheme ? URI.from({ ...workspaceScheme, path: file }) : URI.file(file)).toString();
  toPath.set(uri, file);
  return remember(toUri, file, uri);
}

/** Whether `file` is `root` or inside it. */
export function isInside(file: string, root: string): boolean {
  if (file === root) return true;
  const sep = root.endsWith('/') || root.endsWith('\\') ? '' : root.includes('\\') && !root.includes('/') ? '\\' : '/';
  return file.startsWith(root + sep);
}
