// In-process keystroke cost: the server's engine (index + analyzer + rules) on a bench workspace,
// without the transport. Edits as the stdio driver makes them (one letter inside a `description:`
// value), each timed through `updateFile` (re-split, re-read, index update) and `diagnosticsFor`
// (rules, merge). For profiling: `node --import tsx --cpu-prof bench/micro/keystroke.ts 20000`.
// usage: node --import tsx bench/micro/keystroke.ts N [edits] [gap-ms]   (needs bench/work/lsp-N from bench/run.mjs)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { indexFolder } from '../../server/src/disk/indexFolder';
import { PieceDocument } from '../../server/src/lsp/pieceDocument';

const n = Number(process.argv[2] ?? 20000);
const edits = Number(process.argv[3] ?? 200);
/** Idle time between edits (ms), as the driver leaves: caches and the JIT's state cool down as in an editor. */
const gapMs = Number(process.argv[4] ?? 50);
const root = path.resolve(__dirname, '..', 'work', `lsp-${n}`);
const file = path.join(root, `product-${n}.spec.yaml`);

async function main(): Promise<void> {
  const { index } = await indexFolder(root);
  let text = fs.readFileSync(file, 'utf8');
  const doc = PieceDocument.create(`file://${file}`, 'yaml', 1, text);
  index.updateFile(file, doc);
  index.diagnosticsFor(file);
  // A second of quiet: the opening's garbage is collected, and a profile shows the edits apart.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const lines = text.split('\n');
  const candidates = lines.flatMap((l, i) => (/^\s*description:\s/.test(l) ? [i] : []));
  let seed = 1;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const update: number[] = [];
  const diags: number[] = [];
  for (let k = 0; k < edits; k++) {
    const line = candidates[Math.floor(rand() * candidates.length)];
    const col = lines[line].indexOf(':') + 3;
    lines[line] = `${lines[line].slice(0, col)}x${lines[line].slice(col)}`;
    PieceDocument.update(doc, [{ range: { start: { line, character: col }, end: { line, character: col } }, text: 'x' }], doc.version + 1);
    if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
    const t0 = performance.now();
    index.updateFile(file, doc);
    const t1 = performance.now();
    index.diagnosticsFor(file);
    const t2 = performance.now();
    update.push(t1 - t0);
    diags.push(t2 - t1);
  }
  text = lines.join('\n');
  if (doc.getText() !== text) throw new Error('document and replay diverged');
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)].toFixed(3);
  console.log(`${n} requirements, ${edits} edits: updateFile median ${med(update)} ms, diagnosticsFor median ${med(diags)} ms`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
