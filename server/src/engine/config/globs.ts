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
// - Glob syntax is picomatch's, with dotfiles matched. A glob naming a folder by a plain last segment
//   (`src`, `vendor/`) also selects what is below it. A glob starting with `!` takes paths out of
//   the list it is in (`include: ["src/**", "!src/legacy/**"]`).
//
// Globs come from a workspace file, i.e. possibly from a stranger, and picomatch compiles them to
// backtracking regular expressions: `x/*a*a*a*a*a*a*a*a*a*a*a*ab` takes minutes on a 60-character
// file name. So globs other than the built-in defaults run on RE2 (re2js, linear time), the engine
// that already guards the ID pattern. The one glob form RE2 cannot run, a negative extglob `!(…)`,
// matches nothing and is listed in `problems`.
import picomatch from 'picomatch/posix';
import { RE2JS } from 're2js';
import type { SpectraceConfig } from '../types';
import { errorText } from '../../shared/errorText';

/** Folders, by name at any depth, excluded from specs and code and never walked into. */
export const ALWAYS_EXCLUDED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);
export const ALWAYS_EXCLUDED: readonly string[] = [...ALWAYS_EXCLUDED_DIRS].map((d) => `**/${d}/**`);
const ALWAYS_EXCLUDED_SEGMENT = new RegExp(`(?:^|/)(?:${[...ALWAYS_EXCLUDED_DIRS].map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?:/|$)`);

/** Whether a `/`-separated path below a folder is, or lies inside, one of ALWAYS_EXCLUDED_DIRS. */
export function isInAlwaysExcludedDir(relPosix: string): boolean {
  return ALWAYS_EXCLUDED_SEGMENT.test(relPosix);
}

/** Excluded from code in addition to the config's `code.exclude`. */
export const DEFAULT_CODE_EXCLUDES: readonly string[] = ['**/dist/**', '**/out/**', '**/.vscode-test/**', '**/coverage/**'];

/** The config file at the workspace root: neither spec nor code. */
export const CONFIG_PATH = 'spectrace.yaml';

const PICOMATCH_OPTIONS = { dot: true } as const;

/**
 * Globs whose compiled regular expressions have at most two lazy quantifiers in a row (quadratic at
 * worst on a path): run natively, as they are matched against every file of a big tree.
 */
const NATIVE_SAFE = new Set<string>([
  'specs/**/*.{yaml,yml}',
  '**/*.spec.{yaml,yml}',
  '**/*',
  '**',
  ...ALWAYS_EXCLUDED,
  ...DEFAULT_CODE_EXCLUDES,
]);

/**
 * Lookarounds picomatch emits (constants in picomatch/lib/constants.js); RE2 cannot run them, and
 * they are dropped from every glob. All of them keep `*` from matching `.`/`..` segments or an empty
 * segment, which a normalized relative path never has, so dropping them does not change what matches.
 */
const PICOMATCH_LOOKAROUNDS = ['(?!(?:^|\\/)\\.{1,2}(?:\\/|$))', '(?!\\.{0,1}(?:\\/|$))', '(?!\\.{1,2}(?:\\/|$))', '(?!\\.)', '(?=.)'];

export interface GlobProblem {
  glob: string;
  message: string;
}

export interface PathClassifier {
  /** `relPosix` is relative to the workspace folder, with `/` separators. */
  isSpecPath(relPosix: string): boolean;
  isCodePath(relPosix: string): boolean;
  /** Globs of the config that cannot be used (they match nothing). */
  readonly problems: readonly GlobProblem[];
}

/**
 * Normalize a glob as people write them: `./src/**` and `/src/**` mean `src/**`, `vendor/` means
 * everything below `vendor`. Empty globs are dropped.
 */
export function normalizeGlob(glob: string): string | undefined {
  let g = glob.trim();
  const negated = g.startsWith('!') && !g.startsWith('!(');
  if (negated) g = g.slice(1);
  while (g.startsWith('./')) g = g.slice(2);
  while (g.startsWith('/')) g = g.slice(1);
  if (g.endsWith('/')) g += '**';
  if (!g) return undefined;
  return negated ? `!${g}` : g;
}

/** A plain last segment (`src`, `vendor/lib`) names a folder too; `src/*` keeps its meaning. */
function namesFolder(glob: string): boolean {
  const last = glob.slice(glob.lastIndexOf('/') + 1);
  return !/[*?[\]{}()!+@\\]/.test(last);
}

/**
 * Globs naming a folder by a plain last segment also select what is below it: exclude `generated`
 * excludes `generated/x.ts`, include `src` includes `src/a.ts`.
 */
export function expandDirGlobs(globs: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const raw of globs) {
    const g = typeof raw === 'string' ? normalizeGlob(raw) : undefined;
    if (!g) continue;
    out.push(g);
    if (namesFolder(g)) out.push(`${g}/**`);
  }
  return out;
}

/** A native regular expression (built-in globs), an RE2 predicate (workspace globs), or why neither. */
type CompiledGlob = { native: RegExp } | { test: (s: string) => boolean } | { error: string };

// Compiled globs by text: the language server builds a classifier per config load, and a test suite
// or a fuzzer many more; the same few globs come back each time. Bounded, as configs can be edited.
const compiled = new Map<string, CompiledGlob>();
const COMPILED_LIMIT = 256;

/** One glob as a predicate, or why it cannot be one. */
function compileGlob(glob: string): CompiledGlob {
  const hit = compiled.get(glob);
  if (hit) return hit;
  const result = compileGlobUncached(glob);
  if (compiled.size >= COMPILED_LIMIT) compiled.clear();
  compiled.set(glob, result);
  return result;
}

function compileGlobUncached(glob: string): CompiledGlob {
  let native: RegExp;
  try {
    native = picomatch.makeRe(glob, PICOMATCH_OPTIONS);
  } catch (err) {
    return { error: errorText(err) };
  }
  let source = native.source;
  for (const look of PICOMATCH_LOOKAROUNDS) source = source.split(look).join('');
  // Without the lookarounds a native expression runs several times faster (they are tried at every
  // character): the built-in globs run on every file of a walk.
  if (NATIVE_SAFE.has(glob)) return { native: new RegExp(source, native.flags) };
  try {
    const re = RE2JS.compile(source);
    return { test: (s: string) => re.test(s) };
  } catch {
    return { error: 'negative extglobs !(…) are not supported (globs run on RE2, in linear time); use a ! glob or code.exclude instead' };
  }
}

/** One predicate for several compiled globs: the native ones joined into a single regular expression. */
function anyOf(globs: CompiledGlob[]): ((s: string) => boolean) | undefined {
  const natives: string[] = [];
  const tests: ((s: string) => boolean)[] = [];
  for (const g of globs) {
    if ('native' in g) natives.push(g.native.source);
    else if ('test' in g) tests.push(g.test);
  }
  // Bare regular expressions: picomatch's matcher function around them costs 3-10 times more per path.
  if (natives.length > 0) {
    const re = new RegExp(natives.map((src) => `(?:${src})`).join('|'));
    tests.unshift((s) => re.test(s));
  }
  if (tests.length === 0) return undefined;
  if (tests.length === 1) return tests[0];
  return (s) => tests.some((t) => t(s));
}

/**
 * A matcher for a glob list: a path matches when a positive glob matches it and no `!` glob does.
 * Globs that cannot be compiled are reported to `problems` and match nothing.
 */
export function compileGlobs(globs: readonly unknown[], problems: GlobProblem[] = []): (relPosix: string) => boolean {
  const positive: CompiledGlob[] = [];
  const negative: CompiledGlob[] = [];
  for (const raw of globs) {
    if (typeof raw !== 'string') continue;
    const g = normalizeGlob(raw);
    if (!g) continue;
    const negated = g.startsWith('!') && !g.startsWith('!(');
    const c = compileGlob(negated ? g.slice(1) : g);
    if ('error' in c) {
      problems.push({ glob: raw, message: c.error });
      continue;
    }
    (negated ? negative : positive).push(c);
  }
  const pos = anyOf(positive);
  const neg = anyOf(negative);
  if (!pos) return () => false;
  if (!neg) return pos;
  return (s) => pos(s) && !neg(s);
}

/**
 * The globs a disk walk must cover to find every spec and code file: the literal base folder of
 * each spec and include glob (`src/**` for `src/**\/*.ts`), or the whole tree when a glob starts
 * with a wildcard. Only these simple globs reach the walker's own (native) glob matcher; the
 * classifier decides about each file found.
 */
export function walkGlobs(config: SpectraceConfig): string[] {
  const out = new Set<string>();
  const specs = (config.specs ?? []).map((g) => (typeof g === 'string' ? normalizeGlob(g) : undefined)).filter((g): g is string => !!g);
  for (const g of [...specs, ...expandDirGlobs(config.code?.include ?? [])]) {
    if (g.startsWith('!')) continue;
    const scan = picomatch.scan(g);
    if (!scan.isGlob && namesFolder(g)) {
      out.add(g); // a literal path: itself, and below it when it is a folder (expandDirGlobs added that)
      continue;
    }
    const base = scan.isGlob ? scan.base : g;
    if (!base || /[*?[\]{}()!+@\\]/.test(base)) return ['**'];
    out.add(`${base}/**`);
  }
  return [...out];
}

function stripDotSlash(rel: string): string {
  let r = rel;
  while (r.startsWith('./')) r = r.slice(2);
  return r;
}

export function createPathClassifier(config: SpectraceConfig): PathClassifier {
  const problems: GlobProblem[] = [];
  // Same meaning as the ALWAYS_EXCLUDED globs, by segment: this check runs for every file (one
  // regular expression costs a fifth of splitting the path).
  const always = (rel: string) => ALWAYS_EXCLUDED_SEGMENT.test(rel);
  const spec = compileGlobs(config.specs ?? [], problems);
  const include = compileGlobs(expandDirGlobs(config.code?.include ?? []), problems);
  const exclude = compileGlobs([...DEFAULT_CODE_EXCLUDES, ...expandDirGlobs(config.code?.exclude ?? [])], problems);

  const outside = (rel: string) => !rel || rel === CONFIG_PATH || rel === '..' || rel.startsWith('../');
  return {
    problems,
    isSpecPath(relPosix: string): boolean {
      const rel = stripDotSlash(relPosix);
      return !outside(rel) && spec(rel) && !always(rel);
    },
    isCodePath(relPosix: string): boolean {
      const rel = stripDotSlash(relPosix);
      return !outside(rel) && include(rel) && !always(rel) && !exclude(rel) && !spec(rel);
    },
  };
}
