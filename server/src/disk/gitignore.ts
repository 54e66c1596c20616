// .gitignore rules for a disk walk, with git's precedence: every .gitignore applies to its own
// folder and below, with paths relative to that folder; a deeper file overrides a shallower one, and
// within a file the last matching line wins (which the `ignore` package decides, negations included).
// `.git/info/exclude` of the repository applies below all of them. When the workspace folder is
// inside a repository, the .gitignore files of the folders between the repository root and the
// workspace folder apply too — unless they ignore the workspace folder itself (then the user opened
// an ignored folder on purpose, and only the rules inside it count).
//
// Not read: the global `core.excludesFile` (user configuration outside the workspace).
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import type { SkippedFile } from '../engine/types';
import { errorText } from '../shared/errorText';

interface Level {
  /** The folder the rules are relative to. */
  base: string;
  ig: Ignore;
  /** Every rule names folders only (`build/`): none can match a file itself. */
  foldersOnly: boolean;
  /** Some rule re-includes (`!…`). */
  negates: boolean;
  /** The rules file's path, size and modification time. */
  stamp: string;
  mtimeMs: number;
}

/**
 * The rule files a folder adds to its chain (its .gitignore; for the root also those from outside
 * it), as their paths, sizes and modification times: unchanged stamps, unchanged rules. A folder
 * listing kept from an earlier walk (discovery.ts) is only trusted below unchanged rules.
 */
export interface RulesStamp {
  stamp: string;
  /** The latest modification time among those files (0 for none). */
  newestMs: number;
}

function stampOf(levels: readonly Level[]): RulesStamp {
  return { stamp: levels.map((l) => l.stamp).join('\n'), newestMs: Math.max(0, ...levels.map((l) => l.mtimeMs)) };
}

/** What the walk asks about each entry of a folder, worked out once per folder. */
interface FolderRules {
  /** The folder's path relative to each level of its chain, with `/` separators and a trailing `/` ('' for the level's own folder). */
  prefixes: string[];
  /**
   * Indexes of the levels that can decide about a file in the folder, deepest first. Without a `!`
   * rule in the chain a file is ignored only by a rule matching the file itself — a rule matching
   * one of its folders pruned that folder from the walk — so folder-only levels are left out.
   */
  forFiles: number[];
  /** Indexes of every level, deepest first. */
  forFolders: number[];
}

/** .gitignore files larger than this are not applied (a real one is a few KiB). */
const MAX_GITIGNORE_SIZE = 1024 * 1024;
/** How far up to look for the repository root. */
const MAX_PARENT_DEPTH = 64;
// Git ignores case where the file system does (its default core.ignorecase).
const IGNORE_CASE = process.platform === 'win32' || process.platform === 'darwin';

export class GitignoreRules {
  /** folder -> the levels that apply to its entries, shallowest first (shared arrays when nothing is added). */
  private readonly chains = new Map<string, readonly Level[]>();
  /** folder -> what `ignores` needs for its entries. */
  private readonly folderRules = new Map<string, FolderRules>();
  readonly problems: SkippedFile[] = [];

  private constructor(readonly root: string) {}

  /** Rules for a walk of `root`: its own `.gitignore` is read when the walk lists the root (see `enter`). */
  static async forRoot(root: string): Promise<GitignoreRules> {
    const rules = new GitignoreRules(root);
    const outer = await rules.outerLevels();
    rules.chains.set(path.dirname(root), outer);
    if (outer.length > 0 && isIgnoredBy(outer, root, true)) rules.chains.set(path.dirname(root), []);
    return rules;
  }

  /**
   * Called when the walk lists `dir`, before its entries are filtered: reads `dir/.gitignore` if the
   * listing has one. The parent folder must have been entered before (a walk lists parents first).
   */
  async enter(dir: string, hasGitignore: boolean): Promise<RulesStamp> {
    const inherited = this.chains.get(path.dirname(dir)) ?? [];
    const own = hasGitignore ? await this.load(path.join(dir, '.gitignore'), dir) : undefined;
    if (dir === this.root) {
      const info = await this.load(path.join(dir, '.git', 'info', 'exclude'), dir, true);
      const levels = [...inherited, ...(info ? [info] : []), ...(own ? [own] : [])];
      this.chains.set(dir, levels);
      this.folderRules.delete(dir);
      // The rules from outside the folder count as the root's own: a change to them changes every verdict.
      return stampOf(levels);
    }
    this.chains.set(dir, own ? [...inherited, own] : inherited);
    this.folderRules.delete(dir);
    return stampOf(own ? [own] : []);
  }

  /**
   * Whether a file under the root is ignored, for one path outside a walk (a file created or changed
   * after the first index): enters each folder from the root down, as the walk would, and answers
   * true when the file or one of its folders is ignored. Entered folders are cached. `isFolder`: the
   * path is a folder (rules ending in `/` apply to it).
   */
  async isIgnored(file: string, isFolder = false): Promise<boolean> {
    const rel = path.relative(this.root, file);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    const parts = rel.split(path.sep);
    let dir = this.root;
    for (let i = 0; i < parts.length; i++) {
      if (!this.chains.has(dir)) await this.enter(dir, await exists(path.join(dir, '.gitignore')));
      const isDir = i < parts.length - 1 || isFolder;
      if (this.ignores(dir, parts[i], isDir)) return true;
      dir = path.join(dir, parts[i]);
    }
    return false;
  }

  /** Whether `name` in the entered folder `dir` is ignored (`isDir`: it is a folder). */
  ignores(dir: string, name: string, isDir: boolean): boolean {
    const levels = this.chains.get(dir);
    if (!levels || levels.length === 0) return false;
    // A walk asks this for every entry of a folder: the folder's path relative to each level is
    // worked out once per folder (path.relative per entry was most of a 20,000-file walk).
    let rules = this.folderRules.get(dir);
    if (!rules) {
      const prefixes = levels.map((l) => {
        const rel = path.relative(l.base, dir);
        return rel ? `${rel.split(path.sep).join('/')}/` : '';
      });
      const forFolders = levels.map((_, i) => levels.length - 1 - i);
      const negates = levels.some((l) => l.negates);
      rules = { prefixes, forFolders, forFiles: negates ? forFolders : forFolders.filter((i) => !levels[i].foldersOnly) };
      this.folderRules.set(dir, rules);
    }
    const { prefixes } = rules;
    const suffix = isDir ? '/' : '';
    // Deepest level first: the first one with a verdict (ignored, or re-included by `!`) decides.
    // Every level of a folder's chain is the folder itself or one above it.
    for (const i of isDir ? rules.forFolders : rules.forFiles) {
      const verdict = levels[i].ig.test(prefixes[i] + name + suffix);
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  }

  private async load(file: string, base: string, optional = false): Promise<Level | undefined> {
    try {
      const stat = await fsp.stat(file);
      if (!stat.isFile()) return undefined;
      if (stat.size > MAX_GITIGNORE_SIZE) {
        this.problems.push({ file, reason: 'too-large', detail: `${stat.size} bytes; its rules are not applied` });
        return undefined;
      }
      const text = await fsp.readFile(file, 'utf8');
      return { base, ig: ignore({ ignorecase: IGNORE_CASE }).add(text), ...ruleKinds(text), stamp: `${file}:${stat.size}:${stat.mtimeMs}`, mtimeMs: stat.mtimeMs };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || optional) return undefined;
      this.problems.push({ file, reason: 'unreadable', detail: `its rules are not applied: ${errorText(err)}` });
      return undefined;
    }
  }

  /** `.git/info/exclude` and the .gitignore files from the enclosing repository's root down to the root's parent. */
  private async outerLevels(): Promise<Level[]> {
    const dirs: string[] = [];
    let dir = path.dirname(this.root);
    let repo: string | undefined;
    if (await exists(path.join(this.root, '.git'))) return [];
    for (let i = 0; i < MAX_PARENT_DEPTH && dir !== path.dirname(dir); i++) {
      dirs.unshift(dir);
      if (await exists(path.join(dir, '.git'))) {
        repo = dir;
        break;
      }
      dir = path.dirname(dir);
    }
    if (!repo) return [];
    const levels: Level[] = [];
    const info = await this.load(path.join(repo, '.git', 'info', 'exclude'), repo, true);
    if (info) levels.push(info);
    for (const d of dirs) {
      const own = await this.load(path.join(d, '.gitignore'), d, true);
      if (own) levels.push(own);
    }
    return levels;
  }
}

/** Deepest level first: the first one with a verdict (ignored, or re-included by `!`) decides. */
function isIgnoredBy(levels: readonly Level[], abs: string, isDir: boolean): boolean {
  for (let i = levels.length - 1; i >= 0; i--) {
    const { base, ig } = levels[i];
    const rel = path.relative(base, abs);
    if (!rel || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) continue;
    const posix = rel.split(path.sep).join('/');
    const verdict = ig.test(isDir ? `${posix}/` : posix);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/**
 * Whether every rule of a .gitignore text names folders only (ends with `/`) and whether one
 * re-includes (`!`). A line with a backslash (an escape) counts as one that may match files.
 */
export function ruleKinds(text: string): { foldersOnly: boolean; negates: boolean } {
  let foldersOnly = true;
  let negates = false;
  for (const raw of text.split('\n')) {
    if (raw.startsWith('#')) continue;
    const line = raw.replace(/[ \r]+$/, '');
    if (!line) continue;
    if (line.startsWith('!')) negates = true;
    if (!line.endsWith('/') || line.includes('\\')) foldersOnly = false;
  }
  return { foldersOnly, negates };
}

async function exists(p: string): Promise<boolean> {
  try {
    await fsp.lstat(p);
    return true;
  } catch {
    return false; // missing or not reachable: either way there is no repository marker to use
  }
}
