// hover, definition, references, document and workspace symbols on an in-memory workspace.
import * as assert from 'node:assert/strict';
import { CancellationTokenSource, LSPErrorCodes } from 'vscode-languageserver';
import type { CancellationToken, MarkupContent } from 'vscode-languageserver';
import { definition } from '../../../server/src/features/definition';
import { documentSymbols } from '../../../server/src/features/documentSymbols';
import { hover } from '../../../server/src/features/hover';
import { references } from '../../../server/src/features/references';
import { workspaceSymbols } from '../../../server/src/features/workspaceSymbols';
import { NOW, SPEC, at, memoryWorkspace, standard } from './helpers';

describe('features: hover', () => {
  const ws = standard();
  const opts = (isSpec: boolean) => ({ isSpec, isConfig: false, now: NOW });

  it('shows the requirement card on a tag in code', async () => {
    const h = await hover(ws.request('src/pay.ts', { textDocument: { uri: '' }, position: at(ws.doc('src/pay.ts'), 'PAY-1', 1) }), opts(false));
    const text = (h?.contents as MarkupContent).value;
    assert.match(text, /\*\*PAY-1\*\* — Pay by card/);
    assert.match(text, /status `approved` · priority `must` · type `epic`/);
    assert.match(text, /Roadmap: \*\*R-1\*\* — First release \(due 31 Mar\)/);
    assert.match(text, /2 implementations · 1 test/);
    assert.match(text, /\[src\/pay\.ts:1\]\(file:\/\/\/ws\/src\/pay\.ts#L1\)/);
    assert.match(text, /\[test\/pay\.test\.ts:1\]/);
    assert.deepEqual(h?.range, { start: { line: 0, character: 15 }, end: { line: 0, character: 20 } });
  });

  it('shows a roadmap card with progress on a roadmap reference', async () => {
    const h = await hover(ws.request('specs/pay.yaml', { textDocument: { uri: '' }, position: at(ws.doc('specs/pay.yaml'), 'roadmap: R-1', 10) }), opts(true));
    const text = (h?.contents as MarkupContent).value;
    assert.match(text, /\*\*R-1\*\* — First release/);
    // Progress by stage, and the due date in the one date style.
    assert.match(text, /1 in progress · 1 planned · \*\*overdue\*\*/);
    assert.match(text, /due `31 Mar`/);
  });

  it('shows schema documentation on a key and nothing on plain text', async () => {
    const h = await hover(ws.request('specs/pay.yaml', { textDocument: { uri: '' }, position: at(ws.doc('specs/pay.yaml'), 'status: approved', 2) }), opts(true));
    assert.match((h?.contents as MarkupContent).value, /^\*\*status\*\*/);
    assert.match((h?.contents as MarkupContent).value, /Allowed: `draft`/);
    const none = await hover(ws.request('src/pay.ts', { textDocument: { uri: '' }, position: at(ws.doc('src/pay.ts'), 'function pay') }), opts(false));
    assert.equal(none, null);
  });

  it('says when an ID is unknown', async () => {
    const w = standard();
    w.set('src/ghost.ts', '// @implements GHOST-1\n');
    const h = await hover(w.request('src/ghost.ts', { textDocument: { uri: '' }, position: { line: 0, character: 17 } }), opts(false));
    assert.match((h?.contents as MarkupContent).value, /GHOST-1\*\* — unknown ID/);
  });

  it('answers in plain text to a client without Markdown', async () => {
    const plain = standard({ markdown: false });
    const h = await hover(plain.request('src/pay.ts', { textDocument: { uri: '' }, position: at(plain.doc('src/pay.ts'), 'PAY-2') }), opts(false));
    assert.equal((h?.contents as MarkupContent).kind, 'plaintext');
  });
});

describe('features: definition and references', () => {
  const ws = standard();

  it('goes from a code tag and from a spec reference to the id value', () => {
    const target = at(ws.doc('specs/pay.yaml'), 'id: PAY-1', 4);
    for (const [rel, pos] of [
      ['src/pay.ts', at(ws.doc('src/pay.ts'), 'PAY-1')],
      ['specs/pay.yaml', at(ws.doc('specs/pay.yaml'), 'parent: PAY-1', 9)],
    ] as const) {
      const locs = definition(ws.request(rel, { textDocument: { uri: '' }, position: pos }));
      assert.deepEqual(locs, [{ uri: 'file:///ws/specs/pay.yaml', range: { start: target, end: { line: target.line, character: target.character + 5 } } }]);
    }
    assert.equal(definition(ws.request('src/pay.ts', { textDocument: { uri: '' }, position: { line: 1, character: 3 } })), null);
  });

  it('lists the definition, spec references, implementations and tests', async () => {
    const req = (includeDeclaration: boolean) =>
      ws.request('specs/pay.yaml', { textDocument: { uri: '' }, position: at(ws.doc('specs/pay.yaml'), 'id: PAY-1', 5), context: { includeDeclaration } });
    const all = (await references(req(true))) ?? [];
    const lines = all.map((l) => `${l.uri.replace('file:///ws/', '')}:${l.range.start.line}`).sort();
    assert.deepEqual(lines, ['specs/pay.yaml:14', 'specs/pay.yaml:15', 'specs/pay.yaml:2', 'src/pay.ts:0', 'src/pay.ts:2', 'test/pay.test.ts:0']);
    assert.equal((await references(req(false)))?.length, 5);
  });

  it('stops at its first checkpoint when cancelled', async () => {
    // Enough implementations that the loop reaches a checkpoint (the pacer looks every 8 items).
    const files: Record<string, string> = { 'specs/pay.yaml': SPEC };
    for (let i = 0; i < 32; i++) files[`src/pay${i}.ts`] = '// @implements PAY-1\n';
    const many = memoryWorkspace(files);
    const req = (token: CancellationToken) =>
      many.request('specs/pay.yaml', { textDocument: { uri: '' }, position: at(many.doc('specs/pay.yaml'), 'id: PAY-1', 5), context: { includeDeclaration: false } }, token);
    assert.ok(((await references(req(new CancellationTokenSource().token))) ?? []).length > 32);
    const source = new CancellationTokenSource();
    source.cancel();
    await assert.rejects(references(req(source.token)), (err: { code?: number }) => err.code === LSPErrorCodes.RequestCancelled);
  });
});

describe('features: symbols', () => {
  const ws = standard();

  it('nests requirements by parent in the outline', () => {
    const symbols = documentSymbols(ws.request('specs/pay.yaml', { textDocument: { uri: '' } }));
    assert.deepEqual(
      symbols.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]),
      [
        ['PAY-1', ['PAY-2']],
        ['PAY-3', []],
      ],
    );
    assert.equal(symbols[0].detail, 'Pay by card — approved');
    assert.equal(symbols[0].kind, 4 /* Package, for an epic */);
    const roadmap = documentSymbols(ws.request('specs/roadmap.yaml', { textDocument: { uri: '' } }));
    assert.deepEqual(roadmap.map((s) => s.name), ['R-1', 'R-2']);
  });

  it('finds requirements across the workspace by title words', async () => {
    const found = await workspaceSymbols([ws.ctx], { query: 'saved card' }, new CancellationTokenSource().token);
    assert.ok(found.some((s) => s.name === 'PAY-2 Pay with a saved card'), JSON.stringify(found.map((s) => s.name)));
    assert.equal(found.find((s) => s.name.startsWith('PAY-2'))?.containerName, 'specs/pay.yaml');
  });
});
