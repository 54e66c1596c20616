// Property: any mutation of a real trace file (acme-shop's, built as `spectrace check --format trace`
// builds it) is either merged or refused with a TraceFileError whose message is one line; never
// another exception. Byte flips, truncation, deleted, duplicated and retyped keys, huge numbers, deep
// nesting, prototype keys and very long strings, for a few hundred seeded cases; the accepted ones go
// through `spectrace merge` in-process (restore, link, check and every report format).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../server/src/cli/main';
import type { CliIo } from '../../../server/src/cli/output';
import { buildTraceFile, parseTraceFile, renderTraceFile, TraceFileError } from '../../../server/src/engine/reports/traceFile';
import { TOOL } from '../../../server/src/engine/reports/tool';
import { Prng } from '../../fuzz/prng';
import { loadCorpus } from '../../fuzz/workspace';
import { memoryIndex, NOW, rel } from '../../support/memoryWorkspace';
import { REPO_ROOT } from '../../support/serverProcess';

function acmeTraceFile(): string {
  const corpus = loadCorpus(path.join(REPO_ROOT, 'examples', 'acme-shop'));
  const mem = memoryIndex(Object.fromEntries(corpus.map((f) => [f.rel, f.text])));
  const source = { name: 'acme-shop', commit: '0123456789abcdef0123456789abcdef01234567', branch: 'main', repository: 'https://example.com/acme/shop', folder: '' };
  return renderTraceFile(buildTraceFile(mem.index, { tool: TOOL, source, now: NOW, textOf: (file) => mem.files.get(rel(file)) }));
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A value of another type than most fields expect, or one at the edge of its type. */
function hostileValue(rng: Prng): Json {
  return rng.pick<Json>([
    null,
    true,
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    2 ** 53 + 1,
    '',
    '..',
    '../../etc/passwd',
    '/etc/passwd',
    'C:\\Windows',
    'x'.repeat(1_000_000),
    '\u0000\uD800\u202E',
    [],
    [null],
    {},
    { line: -1, character: 1e308 },
    { start: { line: 1e9, character: 0 }, end: { line: 0, character: 0 } },
  ]);
}

/** The path of a random node: keys and indexes from the root. */
function randomPath(rng: Prng, root: Json): (string | number)[] {
  const out: (string | number)[] = [];
  let node = root;
  while (node !== null && typeof node === 'object' && rng.chance(0.75)) {
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_v, i) => i) : Object.keys(node);
    if (!keys.length) break;
    const key = rng.pick(keys);
    out.push(key);
    node = (node as Record<string | number, Json>)[key]!;
  }
  return out;
}

function parentOf(root: Json, at: (string | number)[]): Record<string | number, Json> | undefined {
  let node = root;
  for (const k of at.slice(0, -1)) node = (node as Record<string | number, Json>)[k]!;
  return node !== null && typeof node === 'object' ? (node as Record<string | number, Json>) : undefined;
}

const MARK = '"__spectrace_raw__"';

/** One structural mutation of the parsed file, serialized back; raw JSON text goes in through MARK. */
function structural(rng: Prng, text: string): { text: string; name: string } {
  const data = JSON.parse(text) as Json;
  const at = randomPath(rng, data);
  const parent = parentOf(data, at);
  const key = at[at.length - 1];
  const raw: string[] = [];
  const put = (value: Json | { raw: string }) => {
    const v: Json = typeof value === 'object' && value !== null && 'raw' in value && typeof value.raw === 'string' ? (raw.push(value.raw), '__spectrace_raw__') : (value as Json);
    if (parent && key !== undefined) parent[key] = v;
  };
  const kind = rng.pick(['delete', 'retype', 'huge-number', 'deep-nesting', 'prototype-keys', 'long-string', 'duplicate-key', 'empty-list'] as const);
  switch (kind) {
    case 'delete':
      if (parent && key !== undefined) {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
      }
      break;
    case 'retype':
      put(hostileValue(rng));
      break;
    case 'huge-number':
      put({ raw: rng.pick(['1e999', '-1e999', '123456789012345678901234567890', '-0', '1e-400', '4294967296']) });
      break;
    case 'deep-nesting': {
      const depth = rng.pick([1000, 100_000]);
      put({ raw: rng.chance(0.5) ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` });
      break;
    }
    case 'prototype-keys':
      put({ raw: rng.pick(['{"__proto__":{"format":2,"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"__proto__":null,"toString":1,"hasOwnProperty":"x"}']) });
      break;
    case 'long-string':
      put('PAY-1 '.repeat(rng.pick([10_000, 400_000])));
      break;
    case 'duplicate-key':
      // A later duplicate wins in JSON.parse: the same key again with a hostile value.
      if (parent && !Array.isArray(parent) && typeof key === 'string') {
        const serialized = JSON.stringify(data);
        return { text: serialized.replace(/}$/, `,${JSON.stringify(key)}:${JSON.stringify(hostileValue(rng))}}`), name: kind };
      }
      break;
    case 'empty-list':
      put([]);
      break;
  }
  let out = JSON.stringify(data, null, rng.chance(0.5) ? 2 : undefined);
  for (const r of raw) out = out.replace(MARK, r);
  return { text: out, name: kind };
}

/** One text-level mutation: what a broken upload, a bad merge or an editor does to the file. */
function textual(rng: Prng, text: string): { text: string; name: string } {
  const kind = rng.pick(['byte-flip', 'truncate', 'cut', 'insert'] as const);
  switch (kind) {
    case 'byte-flip': {
      const bytes = Buffer.from(text, 'utf8');
      for (let n = rng.int(1, 8); n > 0; n--) {
        const at = rng.int(0, bytes.length - 1);
        bytes[at] = (bytes[at]! ^ (1 << rng.int(0, 7))) & 0xff;
      }
      return { text: bytes.toString('utf8'), name: kind };
    }
    case 'truncate':
      return { text: text.slice(0, rng.int(0, text.length)), name: kind };
    case 'cut': {
      const a = rng.int(0, text.length);
      return { text: text.slice(0, a) + text.slice(a + rng.int(1, 500)), name: kind };
    }
    case 'insert': {
      const a = rng.int(0, text.length);
      return { text: text.slice(0, a) + rng.pick(['{', '}', '[', ']', ',', '"', ':', '\\', '\u0000', 'null', '"__proto__":', '\n']) + text.slice(a), name: kind };
    }
  }
}

function mutateTrace(rng: Prng, text: string): { text: string; names: string[] } {
  let out = text;
  const names: string[] = [];
  for (let n = rng.int(1, 3); n > 0; n--) {
    let parses = true;
    try {
      JSON.parse(out);
    } catch {
      parses = false;
    }
    // Deeply nested JSON parses, but cannot be serialized back: later mutations work on its text.
    const m = parses && !names.includes('deep-nesting') && rng.chance(0.7) ? structural(rng, out) : textual(rng, out);
    out = m.text;
    names.push(m.name);
  }
  return { text: out, names };
}

function memoryIo(cwd: string): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdoutIsTTY: false, env: {}, cwd };
}

describe('trace files: random mutations never crash spectrace merge', function () {
  // A hang guard only: the cases run in a few seconds.
  this.timeout(120_000);
  let original: string;
  let dir: string;
  before(() => {
    original = acmeTraceFile();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-trace-fuzz-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the unmutated trace file parses and merges with exit code 0 or 1', async () => {
    assert.equal(parseTraceFile(original).source.name, 'acme-shop');
    fs.writeFileSync(path.join(dir, 'acme.trace.json'), original);
    const io = memoryIo(dir);
    const code = await main(['merge', 'acme.trace.json', '--format', 'json', '--today', '2026-11-28'], io);
    assert.ok(code === 0 || code === 1, io.err.join(''));
    assert.ok((JSON.parse(io.out.join('')) as { requirements: unknown[] }).requirements.length > 30);
  });

  it('names a bad format and a JSON error in one short line: a deeply nested or huge "format", a pretty-printed file cut short', () => {
    const refusal = (text: string): string => {
      try {
        parseTraceFile(text);
      } catch (err) {
        if (err instanceof TraceFileError) return err.message;
        throw err;
      }
      return assert.fail('accepted');
    };
    const data = JSON.parse(original) as Record<string, unknown>;
    const withFormat = (raw: string) => JSON.stringify({ ...data, format: '__format__' }).replace('"__format__"', raw);
    assert.equal(refusal(withFormat(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)), 'unknown trace file format a list (this Spectrace reads format 1)');
    assert.equal(refusal(withFormat(JSON.stringify('1'.repeat(60_000)))), `unknown trace file format "${'1'.repeat(40)}…" (this Spectrace reads format 1)`);
    const cut = refusal(`${original.slice(0, original.indexOf('"files"'))}}`);
    assert.match(cut, /^not JSON \(.+\)$/);
    assert.doesNotMatch(cut, /\n/);
  });

  it('each of 400 seeded mutations is read or refused with a one-line TraceFileError', () => {
    const rng = new Prng(2026);
    const refusedBy = new Map<string, number>();
    let accepted = 0;
    for (let i = 0; i < 400; i++) {
      const m = mutateTrace(rng, original);
      try {
        parseTraceFile(m.text);
        accepted++;
      } catch (err) {
        if (!(err instanceof TraceFileError)) assert.fail(`case ${i} (${m.names.join(', ')}): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        assert.doesNotMatch(err.message, /[\n\r]/, `case ${i} (${m.names.join(', ')}): a message of several lines`);
        assert.ok(err.message.length <= 300, `case ${i} (${m.names.join(', ')}): a ${err.message.length}-character message`);
        const reason = err.message.replace(/[[(].*$/, '').trim();
        refusedBy.set(reason, (refusedBy.get(reason) ?? 0) + 1);
      }
    }
    // Both outcomes happen: the mutations reach past the JSON syntax into the checked fields.
    assert.ok(accepted > 20 && refusedBy.size > 5, `accepted ${accepted}; refused: ${JSON.stringify([...refusedBy])}`);
  });

  it('the mutated files the reader accepts merge in every format, or are refused as usage errors (exit 2), never an internal error', async () => {
    const rng = new Prng(77);
    const formats = ['text', 'json', 'html', 'md', 'csv', 'sarif', 'junit'];
    let merged = 0;
    for (let i = 0; merged < 60 && i < 600; i++) {
      const m = mutateTrace(rng, original);
      try {
        parseTraceFile(m.text);
      } catch {
        continue;
      }
      merged++;
      const file = path.join(dir, `case-${i}.trace.json`);
      fs.writeFileSync(file, m.text);
      const io = memoryIo(dir);
      const format = rng.pick(formats);
      const code = await main(['merge', path.basename(file), 'acme.trace.json', '--format', format, '--today', '2026-11-28'], io);
      const stderr = io.err.join('');
      assert.doesNotMatch(stderr, /internal error|\n\s+at /, `case ${i} (${m.names.join(', ')}), --format ${format}`);
      assert.ok(code === 0 || code === 1 || code === 2, `case ${i}: exit ${code}`);
      if (code === 2) assert.match(stderr.split('\n')[0]!, /^spectrace: \S/, `case ${i}: ${stderr}`);
      fs.rmSync(file);
    }
    assert.equal(merged, 60);
  });
});
