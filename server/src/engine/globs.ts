// Which role a workspace-relative path plays: spec file, code file, or neither. One place decides it
// for the disk walk (discovery.ts), the language server (open documents, file events) and the CLI.
//
// - Spec files: the `specs` globs (default `specs/**/*.{yaml,yml}` and `**/*.spec.{yaml,yml}`).
// - Code files: the `code.include` globs minus `code.exclude`, minus spec files and `spectrace.yaml`.
// - Never either: anything under `node_modules/`, `.git/`, `.hg/`, `.svn/` (at any depth).
// - Never code, whatever the config says: build output and tool folders at any depth —
//   `dist/`, `out/`, `.vscode-test/`, `coverage/`. `build/` is NOT on the list: in many repositories
//   it holds build scripts, and where it holds output it is usually gitignored (which the disk walk
//   honours). Add it to `code.exclude` if needed.
//
// Globs come from a workspace file, i.e. possibly from a stranger: extglobs (`+(a|aa)`) are off, as
// they compile to backtracking regular expressions; a glob picomatch cannot compile matches nothing.
import picomatch from 'picomatch/posix';
import type { SpectraceConfig } from './types';

/** Folders, by name at any depth, excluded from specs and code and never walked into. */
export const ALWAYS_EXCLUDED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);
export const ALWAYS_EXCLUDED: readonly string[] = [...ALWAYS_EXCLUDED_DIRS].map((d) => `**/${d}/**`);

/** Excluded from code in addition to the config's `code.exclude`. */
export const DEFAULT_CODE_EXCLUDES: readonly string[] = ['**/dist/**', '**/out/**', '**/.vscode-test/**', '**/coverage/**'];

/** The config file at the workspace root: neither spec nor code. */
export const CONFIG_PATH = 'spectrace.yaml';

export const PICOMATCH_OPTIONS = { dot: true, noextglob: true } as const;

export interface PathClassifier {
  /** `relPosix` is relative to the workspace folder, with `/` separators. */
  isSpecPath(relPosix: string): boolean;
  isCodePath(relPosix: string): boolean;
}

/**
 * Normalize a glob as people write them: `./src/**` and `/src/**` mean `src/**`, `vendor/` means
 * everything below `vendor`. Empty globs are dropped.
 */
export function normalizeGlob(glob: string): string | undefined {
  let g = glob.trim();
  while (g.startsWith('./')) g = g.slice(2);
  while (g.startsWith('/')) g = g.slice(1);
  if (g.endsWith('/')) g += '**';
  return g ? g : undefined;
}

/**
 * Globs naming a folder by a plain last segment also select what is below it: exclude `generated`
 * excludes `generated/x.ts`, include `src` includes `src/a.ts`.
 */
export function expandDirGlobs(globs: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of globs) {
    const g = typeof raw === 'string' ? normalizeGlob(raw) : undefined;
    if (!g) continue;
    out.push(g);
    // Only a plain last segment (`src`, `vendor/lib`) names a folder; `src/*` keeps its meaning.
    const last = g.slice(g.lastIndexOf('/') + 1);
    if (!/[*?[\]{}()!+@]/.test(last)) out.push(`${g}/**`);
  }
  return out;
}

/** A matcher for any of `globs`; globs picomatch rejects are left out (they match nothing). */
export function compileGlobs(globs: readonly string[]): (relPosix: string) => boolean {
  const matchers: ((s: string) => boolean)[] = [];
  for (const raw of globs) {
    if (typeof raw !== 'string') continue;
    const g = normalizeGlob(raw);
    if (!g) continue;
    try {
      matchers.push(picomatch(g, PICOMATCH_OPTIONS));
    } catch {
      // The config schema reports malformed settings; an uncompilable glob simply selects no file.
    }
  }
  if (matchers.length === 0) return () => false;
  if (matchers.length === 1) return matchers[0];
  return (s) => matchers.some((m) => m(s));
}

/** The globs a disk walk must cover to find every spec and code file (normalized, as the classifier reads them). */
export function walkGlobs(config: SpectraceConfig): string[] {
  const specs = (config.specs ?? []).map((g) => (typeof g === 'string' ? normalizeGlob(g) : undefined));
  const code = expandDirGlobs(config.code?.include ?? []);
  return [...new Set([...specs.filter((g): g is string => g !== undefined), ...code])];
}

function stripDotSlash(rel: string): string {
  let r = rel;
  while (r.startsWith('./')) r = r.slice(2);
  return r;
}

export function createPathClassifier(config: SpectraceConfig): PathClassifier {
  const always = compileGlobs(ALWAYS_EXCLUDED);
  const spec = compileGlobs(config.specs ?? []);
  const include = compileGlobs(expandDirGlobs(config.code?.include ?? []));
  const exclude = compileGlobs([...DEFAULT_CODE_EXCLUDES, ...expandDirGlobs(config.code?.exclude ?? [])]);

  const isSpecPath = (relPosix: string): boolean => {
    const rel = stripDotSlash(relPosix);
    if (!rel || rel === CONFIG_PATH || rel.startsWith('../')) return false;
    return spec(rel) && !always(rel);
  };
  const isCodePath = (relPosix: string): boolean => {
    const rel = stripDotSlash(relPosix);
    if (!rel || rel === CONFIG_PATH || rel.startsWith('../')) return false;
    return include(rel) && !always(rel) && !exclude(rel) && !spec(rel);
  };
  return { isSpecPath, isCodePath };
}
