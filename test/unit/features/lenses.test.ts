// code lenses, inlay hints, folding and selection ranges, and the view requests on an in-memory workspace.
import * as assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-languageserver';
import { codeLenses } from '../../../server/src/features/codeLens';
import { foldingRanges, selectionRanges } from '../../../server/src/features/folding';
import { MAX_HINT_LENGTH, fitTitle, inlayHints, lineBudgets } from '../../../server/src/features/inlayHints';
import { coverageGaps, matrix, nextId, requirementsTree, roadmap, summary, trace } from '../../../server/src/features/views/requests';
import type { ShowLocationsArgs } from '../../../server/src/shared/protocol';
import { NOW, at, standard } from './helpers';

const token = new CancellationTokenSource().token;

describe('features: code lenses', () => {
  it('above each requirement: implementations, tests, roadmap item with due date', async () => {
    const ws = standard();
    const lenses = await codeLenses(ws.request('specs/pay.yaml', { textDocument: { uri: '' } }), NOW);
    const byLine = (line: number) => lenses.filter((l) => l.range.start.line === line).map((l) => l.command?.title);
    assert.deepEqual(byLine(2), ['2 implementations', '1 test', 'R-1 (due 31 Mar)']);
    assert.deepEqual(byLine(8), ['1 implementation', 'no tests', 'R-1 (due 31 Mar)']);
    assert.deepEqual(byLine(16), ['no implementations', 'no tests']);
    const args = lenses[0].command?.arguments?.[0] as ShowLocationsArgs;
    assert.equal(lenses[0].command?.command, 'spectrace.showLocations');
    assert.deepEqual(args.position, { line: 2, character: 4 });
    assert.deepEqual(args.locations.map((l) => `${l.uri}:${l.range.start.line}`), ['file:///ws/src/pay.ts:0', 'file:///ws/src/pay.ts:2']);
    const roadmapArgs = lenses[2].command?.arguments?.[0] as ShowLocationsArgs;
    assert.deepEqual(roadmapArgs.locations.map((l) => `${l.uri}:${l.range.start.line}`), ['file:///ws/specs/roadmap.yaml:1']);
  });

  it('above each roadmap item: progress, and the release view', async () => {
    const ws = standard();
    ws.set('specs/pay.yaml', ws.doc('specs/pay.yaml').getText().replace('status: approved', 'status: implemented'));
    const lenses = await codeLenses(ws.request('specs/roadmap.yaml', { textDocument: { uri: '' } }), NOW);
    // R-1 was due 2026-03-31 and is not done: overdue on 2026-11-28.
    assert.deepEqual(lenses.map((l) => l.command?.title), ['1 done · 1 in progress · overdue', 'Show release', 'no requirements', 'Show release']);
    assert.equal(lenses[1].command?.command, 'spectrace.showRelease');
    assert.deepEqual(lenses[1].command?.arguments, [{ id: 'R-1', uri: 'file:///ws/specs/roadmap.yaml' }]);
    assert.deepEqual(lenses[1].range, lenses[0].range);
  });

  it('none in code by default (the inlay hint names the requirement); above each tag with codeFiles', async () => {
    assert.deepEqual(await codeLenses(standard().request('src/pay.ts', { textDocument: { uri: '' } }), NOW), []);
    const ws = standard({ settings: { codeLens: { enabled: true, codeFiles: true } } });
    const lenses = await codeLenses(ws.request('src/pay.ts', { textDocument: { uri: '' } }), NOW);
    assert.deepEqual(lenses.map((l) => `${l.range.start.line} ${l.command?.title}`), ['0 PAY-1: Pay by card', '0 PAY-2: Pay with a saved card', '2 PAY-1: Pay by card']);
  });

  it('none anywhere when switched off', async () => {
    const off = standard({ settings: { codeLens: { enabled: false, codeFiles: true } } });
    assert.deepEqual(await codeLenses(off.request('src/pay.ts', { textDocument: { uri: '' } }), NOW), []);
    assert.deepEqual(await codeLenses(off.request('specs/pay.yaml', { textDocument: { uri: '' } }), NOW), []);
  });
});

describe('features: inlay hints', () => {
  it('puts the title and status after each tagged ID in the range, within the editor\'s length limit per line', () => {
    const ws = standard();
    const hints = inlayHints(ws.request('src/pay.ts', { textDocument: { uri: '' }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } }));
    assert.deepEqual(
      hints.map((h) => [h.position, h.label]),
      [
        // Two tags on one line share the editor's limit.
        [{ line: 0, character: 20 }, 'Pay by… · approved'],
        [{ line: 0, character: 27 }, 'Pay… · in progress'],
      ],
    );
    assert.ok(hints.map((h) => String(h.label)).join('').length <= MAX_HINT_LENGTH);
    assert.match(String(hints[1].tooltip), /^PAY-2: Pay with a saved card\nstatus: in-progress/);
    const alone = inlayHints(ws.request('src/pay.ts', { textDocument: { uri: '' }, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } } }));
    assert.deepEqual(alone.map((h) => h.label), ['Pay by card · approved']);
    const off = standard({ settings: { inlayHints: { enabled: false } } });
    assert.deepEqual(inlayHints(off.request('src/pay.ts', { textDocument: { uri: '' }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } })), []);
  });
});

describe('features: inlay hint length', () => {
  it('shortens a title at a word boundary and keeps the status', () => {
    assert.equal(fitTitle('Pay with a saved card', ' · in progress'), 'Pay with a saved card · in progress');
    assert.equal(fitTitle('Checkout answers within 2 seconds', ' · verified'), 'Checkout answers within 2… · verified');
    assert.ok(fitTitle('Checkout answers within 2 seconds', ' · verified').length <= MAX_HINT_LENGTH);
    assert.equal(fitTitle('Supercalifragilisticexpialidocious', ' · draft', 20), 'Supercalifr… · draft');
  });

  it('gives hints on one line what they need when they fit, else shares the rest', () => {
    assert.deepEqual(lineBudgets([1, 1, 2], [10, 20, 50]), [10, 20, 43]);
    assert.deepEqual(lineBudgets([1, 1], [10, 40]), [10, 33]);
    assert.deepEqual(lineBudgets([1, 1], [30, 40]), [21, 22]);
  });
});

describe('features: folding and selection ranges', () => {
  it('folds each item and grows a selection from the ID outwards', () => {
    const ws = standard();
    const folds = foldingRanges(ws.request('specs/pay.yaml', { textDocument: { uri: '' } }));
    assert.ok(folds.some((f) => f.startLine === 2 && f.endLine === 7));
    assert.ok(folds.some((f) => f.startLine === 8 && f.endLine === 15));
    const pos = at(ws.doc('specs/pay.yaml'), 'id: PAY-2', 5);
    const [sel] = selectionRanges(ws.request('specs/pay.yaml', { textDocument: { uri: '' }, positions: [pos] }));
    const chain: string[] = [];
    for (let s: typeof sel | undefined = sel; s; s = s.parent) chain.push(`${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}`);
    assert.equal(chain[0], '8:8-8:13');
    assert.ok(chain.includes('8:2-15:23'), chain.join(' '));
    assert.equal(chain[chain.length - 1].split('-')[0], '0:0');
  });
});

describe('features: view requests', () => {
  const ws = standard();
  const folder = { uri: 'file:///ws', name: 'ws', ctx: ws.ctx };

  it('requirements tree and matrix rows with coverage', async () => {
    const tree = await requirementsTree([folder], token);
    const pay1 = tree.folders[0].requirements.find((r) => r.id === 'PAY-1');
    assert.equal(pay1?.title, 'Pay by card');
    assert.equal(pay1?.product, 'shop');
    assert.equal(pay1?.implementations.length, 2);
    assert.equal(pay1?.coverage, 'covered');
    const rows = (await matrix([folder], token)).rows;
    assert.deepEqual(rows.map((r) => r.id), ['PAY-1', 'PAY-2', 'PAY-3']);
    assert.deepEqual(rows[0].implementations.map((i) => `${i.file}:${i.line}`), ['src/pay.ts:1', 'src/pay.ts:3']);
  });

  it('roadmap, trace, summary, next ID, gaps', async () => {
    const rm = await roadmap([folder], token);
    assert.deepEqual(rm.folders[0].items.map((i) => [i.id, i.requirementIds, `${i.done}/${i.total}`]), [
      ['R-1', ['PAY-1', 'PAY-2'], '0/2'],
      ['R-2', [], '0/0'],
    ]);
    const t = trace(folder, 'PAY-2');
    assert.equal(t?.parent?.id, 'PAY-1');
    assert.deepEqual(t?.dependencies.map((d) => d.id), ['PAY-1']);
    assert.equal(trace(folder, 'NOPE-1'), null);
    const s = summary([folder]);
    assert.equal(s.requirements, 3);
    assert.equal(s.trusted, true);
    assert.equal(nextId(folder, 'PAY').id, 'PAY-4');
    assert.equal(nextId(folder, 'PAY-').id, 'PAY-4');
    const gaps = await coverageGaps([folder], token);
    assert.ok(gaps.gaps.every((g) => g.location.uri.startsWith('file:///ws/')));
  });
});
