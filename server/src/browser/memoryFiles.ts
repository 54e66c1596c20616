// WorkspaceFiles over files held in memory (path -> text or bytes): the browser build's file-system
// interface without a client, for tests that run the browser indexing against the same files the
// disk build reads. Listing matches globs as the client's findFiles does (engine/config/globs.ts
// compiles them), never below node_modules/.git/.hg/.svn; reading follows the same rules as the
// client (shared/fileText.ts).
import * as path from 'node:path';
import { ALWAYS_EXCLUDED_DIRS, compileGlobs } from '../engine/config/globs';
import { fileText } from '../shared/fileText';
import type { FileReadResult, WorkspaceFiles } from './workspaceFiles';

export class MemoryFiles implements WorkspaceFiles {
  private readonly files = new Map<string, Uint8Array>();

  constructor(files: Iterable<[string, string | Uint8Array]> = []) {
    for (const [file, content] of files) this.write(file, content);
  }

  write(file: string, content: string | Uint8Array): void {
    this.files.set(file, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }

  delete(file: string): void {
    this.files.delete(file);
  }

  async list(root: string, globs: readonly string[], maxResults: number): Promise<{ files: string[]; truncated: boolean }> {
    const matches = compileGlobs(globs);
    const found: string[] = [];
    for (const file of this.files.keys()) {
      const rel = path.relative(root, file);
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
      if (rel.split('/').some((segment) => ALWAYS_EXCLUDED_DIRS.has(segment))) continue;
      if (matches(rel)) found.push(file);
    }
    return { files: found.slice(0, maxResults), truncated: found.length > maxResults };
  }

  async read(files: readonly string[], maxBytes: number, checkBinary: boolean): Promise<FileReadResult[]> {
    return files.map((file) => {
      const bytes = this.files.get(file);
      if (!bytes) return { kind: 'missing' };
      if (bytes.length > maxBytes) return { kind: 'too-large', detail: `${bytes.length} bytes, over the limit of ${maxBytes} (maxFileSize)` };
      return fileText(bytes, checkBinary);
    });
  }
}
