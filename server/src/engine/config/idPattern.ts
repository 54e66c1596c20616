// Workspace-provided regular expressions (the config's `idPattern`, `pattern`s in custom JSON Schemas)
// come from files a stranger may have written. JavaScript's backtracking RegExp can take exponential
// time on `(a+)+$`; RE2 (re2js, pure JS) matches in linear time, so a hostile pattern cannot stall the
// server. RE2 rejects look-around and back-references; those patterns are reported, not run natively.
import { RE2JS } from 're2js';
import type { CodeOptions } from 'ajv';
import { errorText } from '../../shared/errorText';
import { quoted } from '../text/quote';

type RegExpEngine = NonNullable<CodeOptions['regExp']>;
type RegExpLike = ReturnType<RegExpEngine>;

export interface CompiledPattern {
  readonly source: string;
  test(s: string): boolean;
}

/** Compile `source` with RE2; `{ error }` (a sentence for people) when RE2 cannot compile it. */
export function compileIdPattern(source: string): CompiledPattern | { error: string } {
  try {
    const re = RE2JS.compile(source);
    // `test` searches like RegExp.prototype.test (unanchored unless the pattern anchors itself).
    return { source, test: (s: string) => re.test(s) };
  } catch (err) {
    return { error: re2ErrorText(err) };
  }
}

function re2ErrorText(err: unknown): string {
  const raw = errorText(err);
  // re2js says "error parsing regexp: invalid named capture: `(?<=a)b`"; look-around shows up as a
  // named-capture problem, which would confuse a user.
  if (/\(\?<?[=!]/.test(raw)) return 'look-ahead and look-behind are not supported (patterns run on RE2, in linear time)';
  if (/\\[1-9]/.test(raw)) return 'back-references are not supported (patterns run on RE2, in linear time)';
  return raw.replace(/^error parsing regexp:\s*/, '');
}

/** Thrown by the ajv engine below so schema compilation fails with a message people can act on. */
export class UnsupportedPatternError extends Error {}

/**
 * ajv's `code.regExp` option: every schema `pattern` / `patternProperties` key goes through RE2.
 * Unsupported syntax throws, which makes ajv's compile throw, which the caller reports.
 */
export const re2RegExpEngine: RegExpEngine = Object.assign(
  (pattern: string, _flags: string): RegExpLike => {
    const compiled = compileIdPattern(pattern);
    if ('error' in compiled) throw new UnsupportedPatternError(`pattern ${quoted(pattern)} cannot be used: ${compiled.error}`);
    // ajv de-duplicates compiled patterns by `toString()`: it must differ per pattern.
    const rx: RegExpLike & { toString(): string } = { test: compiled.test, toString: () => `re2:/${pattern}/` };
    return rx;
  },
  { code: 'spectraceRe2' },
);
