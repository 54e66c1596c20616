// `spectrace merge` (the built CLI) on corrupted copies of a real trace file: cut short, bit-flipped,
// binary, empty, a folder, a deeply nested or huge "format", prototype keys, paths leaving the
// repository. Each exits 2 (docs/cli.md: a trace file that cannot be read or is not one) with one
// line saying which file and why, then the usage hint, and no stack trace.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLES, assertNoStackTrace, ensureBuilt, outputDir, runCli } from './helpers';

describe('spectrace merge on corrupted trace files', function () {
  this.timeout(60_000);
  let dir: string;
  let good: string;
  let text: string;

  before(async () => {
    ensureBuilt();
    dir = outputDir('merge-corrupted');
    good = path.join(dir, 'acme.trace.json');
    const r = await runCli(['check', path.join(EXAMPLES, 'acme-shop'), '--format', 'trace', '--source-name', 'acme', '--out', good]);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    text = fs.readFileSync(good, 'utf8');
  });

  const corruptions: [name: string, make: (text: string) => string | Buffer | 'folder'][] = [
    ['cut short in the middle', (t) => t.slice(0, Math.floor(t.length / 2))],
    ['bits flipped in its first bytes', (t) => Buffer.from(Buffer.from(t, 'utf8').map((b, i) => (i < 64 && i % 3 === 0 ? b ^ 0x5a : b)))],
    ['binary', () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 151 + 7) % 256))],
    ['empty', () => ''],
    ['a folder', () => 'folder'],
    ['a deeply nested "format"', (t) => t.replace('"format": 1', `"format": ${'['.repeat(100_000)}${']'.repeat(100_000)}`)],
    ['a huge string "format"', (t) => t.replace('"format": 1', `"format": "${'9'.repeat(1_000_000)}"`)],
    ['format 2', (t) => t.replace('"format": 1', '"format": 2')],
    ['a "__proto__" source', (t) => t.replace('"source": {', '"source": {"__proto__": {"name": "x"}, "x": {').replace(/"folder": ""\n {2}}/, '"folder": ""\n  }}')],
    ['a file path leaving the repository', (t) => t.replace(/"path": "specs\//, '"path": "../../etc/')],
    ['a tag without its ranges', (t) => JSON.stringify({ ...(JSON.parse(t) as object), tags: [{ id: 'PAY-1', kind: 'implements', word: '@implements', file: 'src/x.ts' }] })],
  ];

  for (const [name, make] of corruptions) {
    it(`refuses a trace file ${name}: exit 2, one line naming the file, no stack trace or usage hint`, async () => {
      const file = path.join(dir, `${name.replace(/\W+/g, '-')}.trace.json`);
      const content = make(text);
      fs.rmSync(file, { recursive: true, force: true });
      if (content === 'folder') fs.mkdirSync(file);
      else fs.writeFileSync(file, content);
      const r = await runCli(['merge', good, file]);
      assert.equal(r.code, 2, `${r.stdout}\n${r.stderr}`);
      assertNoStackTrace(r.stderr);
      const lines = r.stderr.split('\n').filter((l) => l !== '');
      // The command line was right: no hint to read the usage.
      assert.deepEqual(lines.slice(1), [], r.stderr.slice(0, 2000));
      assert.match(lines[0]!, new RegExp(`^spectrace: cannot (merge|read trace file) '${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}': \\S.{0,300}$`));
      assert.equal(r.stdout, '');
    });
  }
});
