// Temp copies of example workspaces, so tests and the fuzzer can damage files on disk freely.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/serverProcess';
import type { DocKind } from './mutations';

/** Copies `examples/<name>` (or any absolute folder) to a fresh temp folder and returns its path. */
export function copyWorkspace(source: string, label = 'spectrace-hardening'): string {
  const from = path.isAbsolute(source) ? source : path.join(REPO_ROOT, 'examples', source);
  const to = fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
  fs.cpSync(from, to, { recursive: true });
  return to;
}

/** A fresh empty temp folder. */
export function tempFolder(label = 'spectrace-hardening'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
}

export function removeFolder(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export interface CorpusFile {
  /** Path relative to the workspace root, with forward slashes. */
  rel: string;
  kind: DocKind;
  languageId: string;
  text: string;
}

const LANGUAGE_BY_EXT: Record<string, string> = {
  '.ts': 'typescript',
  '.py': 'python',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.md': 'markdown',
  '.json': 'json',
};

/** The fuzz corpus of a workspace: its spec files, code and test files and `spectrace.yaml`. */
export function loadCorpus(root: string): CorpusFile[] {
  const out: CorpusFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '__pycache__' && !entry.name.startsWith('.')) walk(abs);
        continue;
      }
      const rel = path.relative(root, abs).split(path.sep).join('/');
      const ext = path.extname(entry.name);
      const languageId = LANGUAGE_BY_EXT[ext];
      if (!languageId || ext === '.md' || ext === '.json') continue;
      const kind: DocKind = rel === 'spectrace.yaml' ? 'config' : languageId === 'yaml' ? 'spec' : 'code';
      out.push({ rel, kind, languageId, text: fs.readFileSync(abs, 'utf8') });
    }
  };
  walk(root);
  return out.sort((a, b) => a.rel.localeCompare(b.rel));
}
