// Text mutations for the fuzzer: each takes a document's text and returns a damaged copy, the way a
// person typing, a bad merge, a broken encoding or a hostile workspace would damage it. They are pure
// functions of (text, prng): a seed reproduces them exactly.
import type { Prng } from './prng';

export type DocKind = 'spec' | 'code' | 'config';

export interface Mutation {
  name: string;
  /** Kinds of document the mutation makes sense for; all kinds when omitted. */
  kinds?: DocKind[];
  /** Relative frequency. */
  weight: number;
  apply(text: string, rng: Prng, kind: DocKind): string;
}

/** Characters that break naive text handling: surrogate halves, bidi controls, zero-width, NUL, ... */
export const HOSTILE_CHARS: readonly string[] = [
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '\uD83D\uDE00', // astral (two UTF-16 units)
  '\u202E', // right-to-left override
  '\u200F', // right-to-left mark
  '\u2067', // right-to-left isolate
  '\u200B', // zero-width space
  '\u200D', // zero-width joiner
  '\uFEFF', // BOM / zero-width no-break space
  '\u0000', // NUL
  '\u0007',
  '\u001B',
  '\u2028', // line separator
  '\u2029', // paragraph separator
  '\u0085', // next line
  '\r', // lone carriage return
  '\u0301', // combining acute accent
  '\uFFFD',
  '\uFFFF', // non-character
  '\u0420\u0410', // Cyrillic "РА" (looks like "PA")
  '\u0391', // Greek capital alpha
  '\u00A0', // no-break space
  '\u3000', // ideographic space
  '\t',
  '\\',
  '"',
  "'",
];

/** YAML punctuation that moves a parser into another state. */
const YAML_TOKENS: readonly string[] = [
  ':', ': ', '- ', '-', '? ', '&a ', '*a', '*undefined_alias', '!!binary ', '!custom ', '!!str ', '|', '|-', '>', '---\n', '...\n',
  '%YAML 1.2\n', '"', "'", '#', '{', '}', '[', ']', ',', '<<: *a\n', '@', '`', '%', '\n', '\n\n', '  ', 'null', '~', 'true', '0x1F', '.nan',
  '2026-13-45', '1e999', '-.inf',
];

const ID_LIKE: readonly string[] = [
  'PAY-1', 'CART-2', 'SRCH-3', 'ACC-1', 'R-2026', 'M-1', 'R-2027', 'PAY-999', '\u0420\u0410Y-1', 'pay-1', 'PAY-', '-1', 'PAY-1-1', '',
  'PAY-1\u200B', 'X'.repeat(300), 'ID WITH SPACES', '"quoted"', '*a', '&a', 'PAY-01', 'PAY-9007199254740993',
];

function splitLines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

function randomOffset(text: string, rng: Prng): number {
  return rng.int(0, text.length);
}

function insertAt(text: string, offset: number, piece: string): string {
  return text.slice(0, offset) + piece + text.slice(offset);
}

function randomLineIndex(lines: string[], rng: Prng): number {
  return rng.int(0, Math.max(0, lines.length - 1));
}

function randomId(rng: Prng): string {
  return rng.chance(0.6) ? rng.pick(ID_LIKE) : `${rng.pick(['PAY', 'CART', 'SRCH', 'ACC', 'R', 'Z', 'AB1'])}-${rng.int(0, 200)}`;
}

function hugeScalar(rng: Prng): string {
  const size = rng.pick([100 * 1024, 64 * 1024, 20 * 1024]);
  const unit = rng.pick(['x', 'lorem ipsum ', 'é', '\uD83D\uDE00', 'PAY-1 ']);
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

function deepNesting(rng: Prng): string {
  const depth = rng.pick([50, 500, 2000, 10000]);
  switch (rng.int(0, 4)) {
    case 0:
      return '['.repeat(depth) + ']'.repeat(depth);
    case 1:
      return '{a: '.repeat(depth) + '1' + '}'.repeat(depth);
    case 2:
      return '['.repeat(depth); // never closed
    case 3: {
      // Block mappings: indentation grows quadratically, so keep it shallower.
      const d = Math.min(depth, 300);
      let out = '\n';
      for (let i = 0; i < d; i++) out += `${' '.repeat(i + 1)}k${i}:\n`;
      return out;
    }
    default:
      return '- '.repeat(Math.min(depth, 2000)) + 'x';
  }
}

const ALIAS_SNIPPETS: readonly string[] = [
  // Billion laughs.
  'x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nx-b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nx-c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n' +
    'x-d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nx-e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nx-f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n' +
    'x-g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nx-h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\nx-i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n',
  '    tags: *i\n',
  '    depends_on: *b\n',
  'x-self: &s [*s]\n',
  '  - &item\n    id: PAY-77\n    title: anchored\n  - *item\n',
  '    <<: *a\n',
  '    title: *nowhere\n',
  '    id: &idalias PAY-5\n    parent: *idalias\n',
];

const REVIEW_FIELDS: readonly string[] = [
  'rev: 2',
  'rev: 0',
  'rev: "3"',
  'rev: 1.5',
  'rev: 99999999999',
  'fingerprint: v1:000000000000',
  'fingerprint: banana',
  'fingerprint: v9:from-the-future',
  'fingerprint:',
  'rev: 3\n    fingerprint: v1:abcdefabcdef',
];

const REV_SUFFIXES: readonly string[] = ['@1', '@2', '@3', '@99', '@', '@x', '@0', '@03', '@2@3', '@\u0661', '@-1', '@9999999999999'];

const CONFIG_SNIPPETS: readonly string[] = [
  'review: {}\n',
  'review:\n  fields: [title]\n  suspectCounts: true\n',
  'review:\n  statuses: [bogus]\n  fields: []\n',
  'review: 3\n',
  'idPattern: "(a+)+$"\n',
  'idPattern: "(?<=x)y"\n',
  'idPattern: "["\n',
  'idPattern: ""\n',
  'maxFileSize: -1\n',
  'maxFileSize: 10\n',
  'maxFileSize: 1e400\n',
  'specs: ["**/*"]\n',
  'specs: []\n',
  'specs: "specs/*.yaml"\n',
  'code: {include: ["**/*"], exclude: ["**"]}\n',
  'code: 5\n',
  'schemas: {requirement: missing.schema.json}\n',
  'schemas: {requirement: spectrace.yaml}\n',
  'schemas: {roadmap: ../../../../../../../etc/hostname}\n',
  'rules: {schema: off, duplicate-id: hint, nonsense: error}\n',
  'rules: {uncovered-requirement: fatal}\n',
  'tags: {implements: ["@impl", ""], verifies: []}\n',
  'tags: {implements: ["("]}\n',
  'coverage: [{implementations: -1, tests: "x"}]\n',
  'coverage: {}\n',
  'scoring: {model: rice}\n',
  'scoring: {model: wsjf}\n',
  'scoring: {model: value-effort}\n',
  'scoring: {model: moscow}\n',
  'scoring: rice\n',
  'scoring: {}\n',
  'scoring:\n  model: [rice, wsjf]\n',
  'evidence: {type: [epic, feature, story]}\n',
  'evidence: {priority: [must], status: [approved]}\n',
  'evidence: {}\n',
  'evidence: yes\n',
  'evidence: {type: story, nonsense: [1]}\n',
  'rules: {unsupported-requirement: error}\n',
  'include: [../product-specs]\n',
  'include: [missing-folder, ../../nowhere]\n',
  'include: [.]\n',
  'include: [./specs, ./specs/../specs]\n',
  'include: ["/"]\n',
  'include: ["/etc", "/proc/self"]\n',
  'include: ["../../../../../../../../"]\n',
  'include: [{path: ., code: true}]\n',
  'include: [{path: ../web, code: "yes"}, {code: true}, 7, null]\n',
  'include: "../other"\n',
  'include: ["' + 'x/'.repeat(2000) + '"]\n',
  'include: ["\\u0000", "~", "$HOME", "file:///etc"]\n',
  'maxSpecFileSize: 0\n',
  'maxSpecFileSize: 10\n',
  'maxSpecFileSize: -5\n',
  'maxSpecFileSize: 1e400\n',
  'maxSpecFileSize: "16 MiB"\n',
  'maxSpecFileSize: 9007199254740993\n',
  'releases: {warnDays: -1}\n',
  'releases: {warnDays: "soon"}\n',
  'schemas: {insight: missing.schema.json}\n',
];

/** Customer insights, references to them and prioritisation inputs: well formed, odd and hostile. */
const INSIGHT_SNIPPETS: readonly string[] = [
  'insights:\n  - id: INS-90\n    title: Fuzzed insight\n    customer: Globex\n    importance: 3\n',
  'insights:\n  - id: INS-1\n    title: duplicate of an existing insight\n',
  'insights:\n  - id: INS-91\n    importance: "very"\n    date: 2026-02-30\n    quote: [not, a, string]\n',
  'insights: {INS-1: wrong shape}\n',
  'insights: []\n',
  'insights:\n  - INS-1\n  - id:\n  -\n',
  '    insights: [INS-1]\n',
  '    insights: [INS-1, INS-1, INS-404]\n',
  '    insights: INS-2\n',
  '    insights: []\n',
  '    insights: [PAY-1, R-2026]\n',
  '    insights: [{id: INS-1}, 3, null]\n',
  '    rice: { reach: 1200, impact: 2, confidence: 80%, effort: 6 }\n',
  '    rice: { reach: 0, impact: 0, confidence: 0%, effort: 0 }\n',
  '    rice: { reach: 10, impact: 1, confidence: 100%, effort: 0 }\n',
  '    rice: { reach: -5, impact: -1, confidence: -20%, effort: -2 }\n',
  '    rice: { reach: "many", impact: high, confidence: "80%", effort: "2 weeks" }\n',
  '    rice: { reach: 1e308, impact: 1e308, confidence: 1000%, effort: 1e-308 }\n',
  '    rice: { reach: .nan, impact: .inf, confidence: 50%, effort: -.inf }\n',
  '    rice: 42\n',
  '    rice: {}\n',
  '    wsjf: { value: 8, time_criticality: 5, risk_reduction: 3, job_size: 0 }\n',
  '    wsjf: { value: "8", time_criticality: -5, risk_reduction: null, job_size: 2 }\n',
  '    value: 0\n    effort: 0\n',
  '    value: 80%\n    effort: -3\n',
  '    value: 9007199254740993\n    effort: 0.0000001\n',
  '    value: [1]\n    effort: {}\n',
];

const CODE_SNIPPETS: readonly string[] = [
  '// @implements PAY-1, PAY-2\n',
  '// @implements\n',
  '// @implements , , ,\n',
  '# @verifies CART-2\n',
  '/* @implements PAY-999 */',
  '// @verifies \u0420\u0410Y-1\n',
  '// @implements PAY-1@verifies PAY-2 @implements\n',
  '@implements',
  '-- @implements ' + Array.from({ length: 300 }, (_, i) => `PAY-${i}`).join(', ') + '\n',
  '// @implements PAY-1,\n//   PAY-2\n',
  '<!-- @verifies SRCH-3 -->\n',
];

function idLine(rng: Prng): string {
  const indent = ' '.repeat(rng.pick([0, 2, 2, 2, 4, 6]));
  const tail = rng.chance(0.5) ? `\n${indent}  title: ${rng.pick(['Fuzzed', '', '"unterminated', 'x: y: z', hugeScalar(rng).slice(0, 200)])}` : '';
  return `${indent}- id: ${randomId(rng)}${tail}\n`;
}

export const MUTATIONS: readonly Mutation[] = [
  {
    name: 'char-flip',
    weight: 6,
    apply(text, rng) {
      if (!text) return text;
      const at = rng.int(0, text.length - 1);
      const flipped = String.fromCharCode(text.charCodeAt(at) ^ (1 << rng.int(0, 15)));
      return text.slice(0, at) + flipped + text.slice(at + 1);
    },
  },
  {
    name: 'byte-flip',
    weight: 6,
    apply(text, rng) {
      // Flip bits in the UTF-8 bytes, then decode leniently, as an editor does with a broken file.
      const bytes = Buffer.from(text, 'utf8');
      if (!bytes.length) return text;
      for (let n = rng.int(1, 4); n > 0; n--) {
        const at = rng.int(0, bytes.length - 1);
        bytes[at] = (bytes[at]! ^ (1 << rng.int(0, 7))) & 0xff;
      }
      return bytes.toString('utf8');
    },
  },
  {
    name: 'truncate',
    weight: 4,
    apply(text, rng) {
      return text.slice(0, randomOffset(text, rng));
    },
  },
  {
    name: 'cut-range',
    weight: 4,
    apply(text, rng) {
      const a = randomOffset(text, rng);
      const b = Math.min(text.length, a + rng.int(1, 200));
      return text.slice(0, a) + text.slice(b);
    },
  },
  {
    name: 'indent-shift',
    weight: 6,
    apply(text, rng) {
      const lines = splitLines(text);
      const from = randomLineIndex(lines, rng);
      const to = Math.min(lines.length, from + rng.int(1, 8));
      const delta = rng.pick([-4, -2, -1, 1, 2, 3, 4]);
      for (let i = from; i < to; i++) {
        const line = lines[i]!;
        lines[i] = delta > 0 ? ' '.repeat(delta) + line : line.replace(new RegExp(`^ {0,${-delta}}`), '');
      }
      return lines.join('');
    },
  },
  {
    name: 'hostile-unicode',
    weight: 6,
    apply(text, rng) {
      let out = text;
      for (let n = rng.int(1, 5); n > 0; n--) out = insertAt(out, randomOffset(out, rng), rng.pick(HOSTILE_CHARS));
      return out;
    },
  },
  {
    name: 'yaml-token',
    weight: 6,
    apply(text, rng) {
      let out = text;
      for (let n = rng.int(1, 3); n > 0; n--) out = insertAt(out, randomOffset(out, rng), rng.pick(YAML_TOKENS));
      return out;
    },
  },
  {
    name: 'duplicate-lines',
    weight: 4,
    apply(text, rng) {
      const lines = splitLines(text);
      const from = randomLineIndex(lines, rng);
      const chunk = lines.slice(from, from + rng.int(1, 12));
      lines.splice(randomLineIndex(lines, rng), 0, ...chunk);
      return lines.join('');
    },
  },
  {
    name: 'delete-lines',
    weight: 4,
    apply(text, rng) {
      const lines = splitLines(text);
      lines.splice(randomLineIndex(lines, rng), rng.int(1, 6));
      return lines.join('');
    },
  },
  {
    name: 'huge-scalar',
    weight: 1,
    apply(text, rng, kind) {
      const lines = splitLines(text);
      const at = randomLineIndex(lines, rng);
      const big = hugeScalar(rng);
      const piece = kind === 'code' ? `// ${big}\n` : rng.chance(0.5) ? `    title: ${big}\n` : `    description: "${big}"\n`;
      lines.splice(at, 0, piece);
      return lines.join('');
    },
  },
  {
    name: 'tabs',
    weight: 3,
    apply(text, rng) {
      if (rng.chance(0.5)) return text.replace(/^( {2})+/gm, (m) => (rng.chance(0.2) ? '\t'.repeat(m.length / 2) : m));
      return insertAt(text, randomOffset(text, rng), '\t');
    },
  },
  {
    name: 'deep-nesting',
    weight: 1,
    apply(text, rng) {
      const lines = splitLines(text);
      lines.splice(randomLineIndex(lines, rng), 0, `    tags: ${deepNesting(rng)}\n`);
      return lines.join('');
    },
  },
  {
    name: 'alias-snippet',
    weight: 2,
    kinds: ['spec', 'config'],
    apply(text, rng) {
      const lines = splitLines(text);
      lines.splice(randomLineIndex(lines, rng), 0, rng.pick(ALIAS_SNIPPETS));
      return lines.join('');
    },
  },
  {
    name: 'id-insertion',
    weight: 5,
    kinds: ['spec', 'code'],
    apply(text, rng, kind) {
      const lines = splitLines(text);
      lines.splice(randomLineIndex(lines, rng), 0, kind === 'code' ? `// @implements ${randomId(rng)}\n` : idLine(rng));
      return lines.join('');
    },
  },
  {
    name: 'id-rewrite',
    weight: 4,
    kinds: ['spec', 'code'],
    apply(text, rng) {
      // Replace one existing ID occurrence with another ID-like string (duplicates, look-alikes, garbage).
      const ids = [...text.matchAll(/[A-Z][A-Z0-9]*-[0-9]+/g)];
      if (!ids.length) return text;
      const m = rng.pick(ids);
      return text.slice(0, m.index) + randomId(rng) + text.slice(m.index + m[0].length);
    },
  },
  {
    name: 'code-tag',
    weight: 4,
    kinds: ['code'],
    apply(text, rng) {
      const lines = splitLines(text);
      lines.splice(randomLineIndex(lines, rng), 0, rng.pick(CODE_SNIPPETS));
      return lines.join('');
    },
  },
  {
    name: 'insight-snippet',
    weight: 3,
    kinds: ['spec'],
    apply(text, rng) {
      // Top-level insight lists go at the end; item fields go after an item's `id:` line.
      const snippet = rng.pick(INSIGHT_SNIPPETS);
      const ids = [...text.matchAll(/^( *)- id: .*$/gm)];
      if (!snippet.startsWith(' ') || !ids.length) return `${text}${text.endsWith('\n') || !text ? '' : '\n'}${snippet}`;
      const m = rng.pick(ids);
      const at = (m.index ?? 0) + m[0].length;
      const indent = `${m[1]}  `;
      return `${text.slice(0, at)}\n${snippet.replace(/^ {4}/gm, indent).replace(/\n$/, '')}${text.slice(at)}`;
    },
  },
  {
    name: 'config-snippet',
    weight: 5,
    kinds: ['config'],
    apply(text, rng) {
      const lines = splitLines(text);
      lines.splice(rng.chance(0.5) ? lines.length : randomLineIndex(lines, rng), 0, rng.pick(CONFIG_SNIPPETS));
      return lines.join('');
    },
  },
  {
    name: 'review-fields',
    weight: 4,
    kinds: ['spec'],
    apply(text, rng) {
      // Change review's fields at an item's `id:` line, well formed or not.
      const ids = [...text.matchAll(/^( *)- id: .*$/gm)];
      if (!ids.length) return text;
      const m = rng.pick(ids);
      const indent = `${m[1]}  `;
      const field = rng.pick(REVIEW_FIELDS);
      const at = (m.index ?? 0) + m[0].length;
      return `${text.slice(0, at)}\n${indent}${field}${text.slice(at)}`;
    },
  },
  {
    name: 'rev-suffix',
    weight: 3,
    kinds: ['spec', 'code'],
    apply(text, rng) {
      // An @rev suffix (good, ahead, malformed) after one ID occurrence.
      const ids = [...text.matchAll(/[A-Z][A-Z0-9]*-[0-9]+/g)];
      if (!ids.length) return text;
      const m = rng.pick(ids);
      const end = (m.index ?? 0) + m[0].length;
      return text.slice(0, end) + rng.pick(REV_SUFFIXES) + text.slice(end);
    },
  },
  {
    name: 'merge-conflict',
    weight: 1,
    kinds: ['spec'],
    apply(text, rng) {
      const lines = splitLines(text);
      const at = randomLineIndex(lines, rng);
      const span = rng.int(0, 4);
      lines.splice(at + span, 0, rng.chance(0.8) ? '>>>>>>> topic\n' : '');
      lines.splice(at + Math.floor(span / 2), 0, '=======\n');
      lines.splice(at, 0, '<<<<<<< HEAD\n');
      return lines.join('');
    },
  },
  {
    name: 'line-endings',
    weight: 2,
    apply(text, rng) {
      switch (rng.int(0, 3)) {
        case 0:
          return text.replace(/\r?\n/g, '\r\n');
        case 1:
          return text.replace(/\r?\n/g, '\r');
        case 2:
          return '\uFEFF' + text;
        default:
          return text.replace(/\r\n/g, '\n');
      }
    },
  },
  {
    name: 'empty',
    weight: 1,
    apply(_text, rng) {
      return rng.pick(['', '\n', ' ', '---', '- ', 'requirements:', 'requirements: []\nroadmap: {}', 'requirements:\n  -', '\uFEFF']);
    },
  },
];

/** Applies one weighted-random mutation suited to `kind`; returns the new text and the mutation's name. */
export function mutate(text: string, rng: Prng, kind: DocKind): { text: string; name: string } {
  const usable = MUTATIONS.filter((m) => !m.kinds || m.kinds.includes(kind));
  const m = rng.weighted(usable.map((x) => [x.weight, x] as const));
  return { text: m.apply(text, rng, kind), name: m.name };
}
