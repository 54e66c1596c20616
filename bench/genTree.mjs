#!/usr/bin/env node
// genTree.mjs — a large code tree for the scan benchmark: FILES source files in several languages
// (TypeScript, Python, Go, Java, Markdown), about 2 KiB each, a tenth of them carrying
// `@implements`/`@verifies` tags, plus a spec file defining the requirements the tags name.
// usage: node bench/genTree.mjs OUT_DIR [--files 20000] [--requirements 2000] [--seed 1]
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const out = args[0];
if (!out) { process.stderr.write('usage: node bench/genTree.mjs OUT_DIR [--files N] [--requirements N] [--seed S]\n'); process.exit(2); }
const opt = { files: 20000, requirements: 2000, seed: 1 };
for (let i = 1; i < args.length; i++) opt[args[i].replace(/^--/, '')] = Number(args[++i]);

let s = opt.seed >>> 0 || 1;
const rand = () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const ri = (n) => Math.floor(rand() * n);

const LANGS = [
  { ext: 'ts', comment: '//', body: (n) => `export function handler${n}(input: string): string {\n  const value = input.trim();\n  if (value.length === 0) {\n    return 'empty';\n  }\n  return value.toUpperCase() + ${n};\n}\n` },
  { ext: 'py', comment: '#', body: (n) => `def handler_${n}(value):\n    value = value.strip()\n    if not value:\n        return "empty"\n    return value.upper() + str(${n})\n` },
  { ext: 'go', comment: '//', body: (n) => `func Handler${n}(input string) string {\n\tvalue := strings.TrimSpace(input)\n\tif value == "" {\n\t\treturn "empty"\n\t}\n\treturn strings.ToUpper(value)\n}\n` },
  { ext: 'java', comment: '//', body: (n) => `  public static String handler${n}(String input) {\n    String value = input.trim();\n    if (value.isEmpty()) { return "empty"; }\n    return value.toUpperCase();\n  }\n` },
  { ext: 'md', comment: '', body: (n) => `Section ${n} explains how the handler behaves for empty input and for mixed-case input.\n` },
];

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'specs'), { recursive: true });
const reqs = [];
for (let i = 1; i <= opt.requirements; i++) {
  reqs.push(`  - id: REQ-${i}\n    title: Requirement number ${i}\n    priority: should\n    status: approved\n`);
}
writeFileSync(join(out, 'specs', 'product.yaml'), `product: Scan benchmark\nrequirements:\n${reqs.join('')}`);
writeFileSync(join(out, 'spectrace.yaml'), 'coverage: []\n');
writeFileSync(join(out, '.gitignore'), 'node_modules/\n');

let tagged = 0;
for (let f = 0; f < opt.files; f++) {
  const lang = LANGS[f % LANGS.length];
  const dir = join(out, 'src', `pkg${f % 40}`, `mod${Math.floor(f / 40) % 25}`);
  mkdirSync(dir, { recursive: true });
  const parts = [];
  const blocks = 8 + ri(8);
  for (let b = 0; b < blocks; b++) {
    if (lang.comment && ri(80) === 0) {
      const word = ri(3) === 0 ? '@verifies' : '@implements';
      parts.push(`${lang.comment} ${word} REQ-${1 + ri(opt.requirements)}, REQ-${1 + ri(opt.requirements)}\n`);
      tagged++;
    } else if (lang.comment) {
      parts.push(`${lang.comment} Handles block ${b} of file ${f}; see the design notes for details.\n`);
    }
    parts.push(lang.body(f * 100 + b));
  }
  writeFileSync(join(dir, `file${f}.${lang.ext}`), parts.join('\n'));
}
process.stderr.write(`genTree.mjs: ${opt.files} files, ${tagged} tag lines, ${opt.requirements} requirements -> ${out}\n`);
