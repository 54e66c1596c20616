// disk/gitignore.ts for the browser build (the exports lsp/ uses): the same precedence as the disk
// walk — every .gitignore applies to its own folder and below, a deeper one overrides a shallower
// one, and within a file the `ignore` package decides (negations included) — over the .gitignore
// files found through WorkspaceFiles. Not available in the browser: `.git/info/exclude` and the
// .gitignore files above the workspace folder. Paths match case-sensitively, as on Linux.
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import * as path from 'node:path';
import type { SkippedFile } from '../../engine/types';
import { readFiles, workspaceFiles } from '../workspaceTexts';

/** .gitignore files larger than this are not applied (as on disk). */
const MAX_GITIGNORE_SIZE = 1024 * 1024;
/** More .gitignore files than this in one folder tree are not read. */
const MAX_GITIGNORE_FILES = 2000;

export class GitignoreRules {
  readonly problems: SkippedFile[] = [];
  /** Folder -> its own rules. */
  private readonly levels = new Map<string, Ignore>();

  private constructor(readonly root: string) {}

  /** Reads every .gitignore below `root`. */
  static async forRoot(root: string): Promise<GitignoreRules> {
    const rules = new GitignoreRules(root);
    const { files } = await workspaceFiles().list(root, ['**/.gitignore'], MAX_GITIGNORE_FILES);
    const reads = await readFiles(files, MAX_GITIGNORE_SIZE, true);
    files.forEach((file, i) => {
      const read = reads[i];
      if (read.kind === 'text') rules.levels.set(path.dirname(file), ignore().add(read.text));
      else if (read.kind === 'too-large') rules.problems.push({ file, reason: 'too-large', detail: `${read.detail}; its rules are not applied` });
      else if (read.kind === 'binary') rules.problems.push({ file, reason: 'unreadable', detail: `its rules are not applied: ${read.detail}` });
    });
    return rules;
  }

  /** Whether a file below the root, or one of the folders on its way, is ignored. */
  async isIgnored(file: string): Promise<boolean> {
    return this.ignoresPath(file);
  }

  ignoresPath(file: string): boolean {
    const rel = path.relative(this.root, file);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    const parts = rel.split('/');
    let dir = this.root;
    for (let i = 0; i < parts.length; i++) {
      if (this.ignores(dir, parts[i], i < parts.length - 1)) return true;
      dir = path.join(dir, parts[i]);
    }
    return false;
  }

  /** Whether `name` in folder `dir` is ignored: the deepest rules with a verdict decide. */
  private ignores(dir: string, name: string, isDir: boolean): boolean {
    const suffix = isDir ? '/' : '';
    for (let base = dir; ; base = path.dirname(base)) {
      const ig = this.levels.get(base);
      if (ig) {
        const rel = path.relative(base, dir);
        const verdict = ig.test(`${rel ? `${rel}/` : ''}${name}${suffix}`);
        if (verdict.ignored) return true;
        if (verdict.unignored) return false;
      }
      if (base === this.root || base === path.dirname(base)) return false;
    }
  }
}
