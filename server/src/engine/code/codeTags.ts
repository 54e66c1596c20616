// Code and test tags: `@implements PAY-1, PAY-2` / `@verifies PAY-1@3 PAY-3` in any file of any
// language. Comment syntax differs per language and cannot be known for every file, so a tag is the
// configured tag word anywhere in the text, as a whole word, followed on the same line by a list of
// IDs separated by commas and/or spaces, each with an optional `@rev` suffix. The list ends at the
// first word that is not an ID (one matching the ID pattern), so prose after the IDs
// (`@implements SHOP-10 e-mail opt-in`) and IDs elsewhere in the text are not links. A word that
// matches the pattern only once case and look-alikes are folded (`shop-10`, `PAY‑1`) is kept as a
// loose tag: the rules report it only when it is a near miss of a real ID.
//
// Pure and synchronous (text in, tags out) so that it can move to a worker thread. Fast on files
// without tags: one `indexOf` per tag word over the whole text, no regular expression, no line
// splitting; line numbers are only counted up to each hit.
import { compileIdPattern } from '../config/idPattern';
import type { CompiledPattern } from '../config/idPattern';
import { foldLookalikes } from '../text/lookalikes';
import type { CodeTag, Range, SpectraceConfig, TagKind } from '../types';

interface TagWord {
  word: string;
  kind: TagKind;
  /** The word starts / ends with a letter, digit or `_`, so a neighbouring one would make it part of a longer word. */
  identStart: boolean;
  identEnd: boolean;
}

interface Prepared {
  words: TagWord[];
  /** The configured ID pattern, which also accepts IDs without a dash (e.g. `US1234`). */
  idPattern: CompiledPattern | undefined;
}

// Dashes people type or paste: ASCII hyphen-minus and its Unicode look-alikes (hyphen, non-breaking
// hyphen, figure dash, en/em dash, minus sign, small/full-width hyphen). A look-alike still makes a
// tag, so the rules report `PAY‑1` as unknown with a did-you-mean instead of silently dropping it.
const DASHES = '\\-\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D';
const WORD_PART = '[\\p{L}\\p{M}\\p{N}_]';
/**
 * A candidate ID: a letter, then word parts joined by one dash or dot each (`PAY-1`, `REQ-1.2`,
 * `ab_c-x-9`); a single trailing dash is kept only before a separator (`PAY- ` is a badly formed ID
 * the rules can flag, while in `PAY-1-->` the `-->` is not part of the ID). Sticky, so it matches
 * exactly at the scan position without searching ahead.
 */
const ID_TOKEN = new RegExp(`\\p{L}${WORD_PART}*(?:[${DASHES}.]${WORD_PART}+)*(?:[${DASHES}](?=[\\s,]|$))?`, 'uy');
const HAS_DASH = new RegExp(`[${DASHES}]`, 'u');
const ANY_DASH = new RegExp(`[${DASHES}]`, 'gu');
/** What follows `@` in a suffix: a revision, or the malformed rest up to the next separator. */
const SUFFIX_REST = /[0-9]+(?![\p{L}\p{N}_])|[\p{L}\p{N}_-]*/uy;
const IDENT_CHAR = /[\p{L}\p{M}\p{N}_]/u;

function isIdentCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return IDENT_CHAR.test(String.fromCharCode(c));
}

/** Separators inside an ID list: spaces, tabs, no-break space, commas. Never a line break. */
function isSeparator(c: number): boolean {
  return c === 32 || c === 9 || c === 44 || c === 0xa0 || c === 0x3000;
}

// Prepared data per distinct (words, idPattern): configs are re-created on every reload, so the key
// is their content, not their identity. Kept small: a workspace has one config at a time.
const prepared = new Map<string, Prepared>();
const PREPARED_LIMIT = 16;

// And per config object: the key above costs a JSON.stringify, too much to pay per file of a scan.
const preparedByConfig = new WeakMap<SpectraceConfig, Prepared>();

function prepare(config: SpectraceConfig): Prepared {
  const known = preparedByConfig.get(config);
  if (known) return known;
  const result = prepareByContent(config);
  preparedByConfig.set(config, result);
  return result;
}

function prepareByContent(config: SpectraceConfig): Prepared {
  const implementsWords = config.tags?.implements ?? [];
  const verifiesWords = config.tags?.verifies ?? [];
  const key = JSON.stringify([implementsWords, verifiesWords, config.idPattern ?? '']);
  const hit = prepared.get(key);
  if (hit) return hit;
  const words: TagWord[] = [];
  const seen = new Set<string>();
  const add = (list: readonly unknown[], kind: TagKind) => {
    for (const w of list) {
      // A word with surrounding or inner line breaks could never match on one line; an empty one would match everywhere.
      if (typeof w !== 'string') continue;
      const word = w.trim();
      if (!word || /[\r\n]/.test(word) || seen.has(word)) continue;
      seen.add(word);
      words.push({ word, kind, identStart: isIdentCode(word.charCodeAt(0)), identEnd: isIdentCode(word.charCodeAt(word.length - 1)) });
    }
  };
  add(implementsWords, 'implements');
  add(verifiesWords, 'verifies');
  let idPattern: CompiledPattern | undefined;
  if (typeof config.idPattern === 'string' && config.idPattern) {
    const compiled = compileIdPattern(config.idPattern);
    // An uncompilable pattern is reported by the config loader; here it just accepts nothing extra.
    if (!('error' in compiled)) idPattern = compiled;
  }
  const result: Prepared = { words, idPattern };
  if (prepared.size >= PREPARED_LIMIT) prepared.clear();
  prepared.set(key, result);
  return result;
}

interface Hit {
  pos: number;
  tag: TagWord;
}

/** Occurrences of the tag words that stand as whole words; at one position the longest word wins. */
function findHits(text: string, words: TagWord[]): Hit[] {
  const hits: Hit[] = [];
  for (const tag of words) {
    const { word } = tag;
    for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) {
      if (i > 0) {
        const before = text.charCodeAt(i - 1);
        // `x@implements` (an e-mail address, a decorator chain) and `@@implements` are not tags.
        if (before === 64 /* @ */) continue;
        if ((tag.identStart || word.charCodeAt(0) === 64) && isIdentCode(before)) continue;
      }
      const end = i + word.length;
      if (end < text.length && tag.identEnd) {
        const after = text.charCodeAt(end);
        if (isIdentCode(after) || after === 45 /* - */) continue; // `@implementsX`, `@implements-list`
      }
      hits.push({ pos: i, tag });
    }
  }
  if (hits.length < 2) return hits;
  hits.sort((a, b) => a.pos - b.pos || b.tag.word.length - a.tag.word.length);
  const out: Hit[] = [];
  let coveredUntil = -1;
  for (const h of hits) {
    if (h.pos < coveredUntil) continue; // a shorter word at the same place, or a word inside a longer one
    out.push(h);
    coveredUntil = h.pos + h.tag.word.length;
  }
  return out;
}

/** Counts lines from the start of the text up to offsets given in increasing order (\n, \r\n and lone \r end a line). */
class LineCursor {
  private offset = 0;
  line = 0;
  lineStart = 0;
  private readonly hasCR: boolean;
  private readonly bom: boolean;

  constructor(private readonly text: string) {
    this.hasCR = text.indexOf('\r') !== -1;
    this.bom = text.charCodeAt(0) === 0xfeff;
  }

  advance(pos: number): void {
    const { text } = this;
    if (!this.hasCR) {
      for (let nl = text.indexOf('\n', this.offset); nl !== -1 && nl < pos; nl = text.indexOf('\n', nl + 1)) {
        this.line++;
        this.lineStart = nl + 1;
      }
    } else {
      for (let k = this.offset; k < pos; k++) {
        const c = text.charCodeAt(k);
        if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) {
          this.line++;
          this.lineStart = k + 1;
        }
      }
    }
    this.offset = pos;
  }

  /** The UTF-16 column of `pos` on the current line; a byte order mark is not a character editors show. */
  column(pos: number): number {
    return pos - this.lineStart - (this.line === 0 && this.bom ? 1 : 0);
  }

  range(start: number, end: number): Range {
    return { start: { line: this.line, character: this.column(start) }, end: { line: this.line, character: this.column(end) } };
  }
}

/**
 * Every ID named by a tag in `text`. `file` is copied onto the tags. Positions are 0-based lines and
 * UTF-16 columns, as an editor shows the text (a leading byte order mark is not counted).
 */
export function extractTags(file: string, text: string, config: SpectraceConfig): CodeTag[] {
  const { words, idPattern } = prepare(config);
  if (words.length === 0 || text.length === 0) return [];
  const hits = findHits(text, words);
  if (hits.length === 0) return [];

  const tags: CodeTag[] = [];
  const cursor = new LineCursor(text);
  for (const { pos, tag } of hits) {
    cursor.advance(pos);
    let p = pos + tag.word.length;
    if (text.charCodeAt(p) === 58 /* : */ && !tag.word.endsWith(':')) p++; // `@implements: PAY-1`
    const wordRange = cursor.range(pos, pos + tag.word.length);
    // When the first word matches the pattern only by having a dash, the pattern does not describe the
    // IDs in use (it was changed, say): then every dashed word of the list is kept, loose.
    let dashedList = false;
    for (let first = true; ; first = false) {
      while (p < text.length && isSeparator(text.charCodeAt(p))) p++;
      ID_TOKEN.lastIndex = p;
      const m = ID_TOKEN.exec(text);
      if (!m) break;
      const id = m[0];
      const kind = classify(id, idPattern, first || dashedList);
      if (first && kind === 'loose' && idPattern && !idPattern.test(foldLookalikes(id.replace(ANY_DASH, '-')).toUpperCase())) dashedList = true;
      if (kind === 'prose') break;
      const end = p + id.length;
      const found: CodeTag = { file, kind: tag.kind, word: tag.word, id, idRange: cursor.range(p, end), wordRange };
      if (kind === 'loose' || !first) found.loose = true;
      p = end;
      if (text.charCodeAt(p) === 64 /* @ */) p = readSuffix(text, p, found, cursor);
      tags.push(found);
      // Punctuation right after an ID (`PAY-1.`, `(PAY-1)`, `PAY-1;`) ends the list.
      if (p >= text.length || !isSeparator(text.charCodeAt(p))) break;
    }
  }
  return tags;
}

/**
 * An ID (matches the ID pattern), a loose word (matches it once upper-cased with plain dashes and
 * look-alikes folded; or, with `anyDashed`, any word with a dash, such as an ID written before the
 * pattern changed), or prose (ends the list). Without a usable pattern, a word with a dash
 * is an ID. The rules report a loose word only when it is a near miss of a real ID.
 */
function classify(word: string, idPattern: CompiledPattern | undefined, anyDashed: boolean): 'id' | 'loose' | 'prose' {
  if (!idPattern) return HAS_DASH.test(word) ? 'id' : 'prose';
  if (idPattern.test(word)) return 'id';
  const folded = foldLookalikes(word.replace(ANY_DASH, '-')).toUpperCase();
  if (folded !== word && idPattern.test(folded)) return 'loose';
  return anyDashed && HAS_DASH.test(word) ? 'loose' : 'prose';
}

/** Reads the `@rev` suffix at `at` (an `@`) onto `tag`; returns the offset after it. */
function readSuffix(text: string, at: number, tag: CodeTag, cursor: LineCursor): number {
  SUFFIX_REST.lastIndex = at + 1;
  const rest = SUFFIX_REST.exec(text)?.[0] ?? '';
  const end = at + 1 + rest.length;
  tag.revRange = cursor.range(at, end);
  if (/^[1-9][0-9]{0,8}$/.test(rest)) tag.rev = Number(rest);
  else tag.badRev = rest;
  return end;
}
