// Customer insights and RICE scores through the real server over stdio, on the example (which has
// scoring: rice and specs/insights.yaml): the score hint and its formula, evidence lenses, completion
// of insight IDs, references and rename across insights and requirements, the Insights request.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CodeLens, CompletionList, Hover, InlayHint, Location, MarkupContent, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { InsightsRequest } from '../../server/src/shared/protocol';
import type { InsightsResult } from '../../server/src/shared/protocol';
import { LspClient, copyExample, positionOf, removeCopy, uriOf } from './lspClient';

describe('LSP insights and scores (acme-shop over stdio)', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspClient;
  let checkout: string;
  let insights: string;
  const td = (f: string) => ({ uri: uriOf(f) });

  before(async () => {
    root = copyExample('acme-shop');
    checkout = path.join(root, 'specs', 'checkout.yaml');
    insights = path.join(root, 'specs', 'insights.yaml');
    client = await LspClient.start({ root, env: { SPECTRACE_NOW: '2026-11-28' } });
    await client.open(checkout);
    await client.open(insights);
    await client.diagnosticsFor(insights, (p) => p.version === 1);
  });

  after(async () => {
    await client?.stop();
    removeCopy(root);
  });

  it('shows the RICE score as an inlay hint after the requirement ID, the formula in its tooltip', async () => {
    const doc = client.doc(checkout);
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: td(checkout), range: { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } } });
    const idEnd = positionOf(doc, 'id: CART-4\n', 'id: CART-4'.length);
    const hint = hints.find((h) => h.position.line === idEnd.line);
    assert.deepEqual(hint?.position, idEnd);
    assert.equal(hint?.label, 'RICE 320');
    assert.equal(hint?.tooltip, '1200 × 2 × 0.8 ÷ 6 = 320');
    // PAY-4's effort is its estimate (5).
    const pay4 = hints.find((h) => h.position.line === positionOf(doc, 'id: PAY-4\n').line);
    assert.equal(pay4?.tooltip, '900 × 3 × 0.9 ÷ 5 = 486');
    // Only requirements with the model's inputs get one.
    assert.equal(hints.find((h) => h.position.line === positionOf(doc, 'id: PAY-3\n').line), undefined);
  });

  it('shows the score with its formula and the evidence in the requirement hover card', async () => {
    const position = positionOf(client.doc(checkout), 'id: CART-4\n', 'id: '.length + 1);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: td(checkout), position });
    const text = (hover.contents as MarkupContent).value;
    assert.match(text, /Score: \*\*RICE 320\*\* — 1200 × 2 × 0\.8 ÷ 6 = 320/);
    assert.match(text, /Evidence: 1 insight · 1 customer: Initech/);
  });

  it('lenses: "1 insight · 1 customer" on a requirement, "addressed by …" with statuses on an insight', async () => {
    const reqLenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: td(checkout) });
    const pay4 = positionOf(client.doc(checkout), '- id: PAY-4\n').line;
    assert.ok(reqLenses.filter((l) => l.range.start.line === pay4).some((l) => l.command?.title === '1 insight · 1 customer'));
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: td(insights) });
    const title = (id: string) => lenses.find((l) => l.range.start.line === positionOf(client.doc(insights), `- id: ${id}\n`).line)?.command?.title;
    assert.equal(title('INS-1'), 'addressed by PAY-4 (in-progress), PAY-6 (in-progress)');
    assert.equal(title('INS-7'), 'addressed by ACC-10 (implemented)');
    assert.equal(title('INS-8'), 'addressed by no requirement');
  });

  it('completes insight IDs (with customer and importance) inside insights: [...], and only insight IDs', async () => {
    const position = positionOf(client.doc(checkout), 'insights: [INS-2]', 'insights: ['.length);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: td(checkout), position });
    const labels = list.items.map((i) => i.label);
    assert.deepEqual(labels.filter((l) => l.startsWith('INS-')).sort(), ['INS-1', 'INS-2', 'INS-3', 'INS-4', 'INS-5', 'INS-6', 'INS-7', 'INS-8']);
    assert.ok(!labels.some((l) => l.startsWith('PAY-')), 'no requirement IDs');
    const ins1 = list.items.find((i) => i.label === 'INS-1');
    assert.equal(ins1?.detail, 'Typing the card number again at every order');
    assert.equal(ins1?.documentation, 'insight · Globex · enterprise · critical');
  });

  it('references of an insight are the requirements citing it; definition goes to the insight', async () => {
    const position = positionOf(client.doc(insights), 'id: INS-1\n', 'id: '.length + 1);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: td(insights), position, context: { includeDeclaration: false } });
    const cited = refs.map((r) => `${path.basename(r.uri)}:${r.range.start.line}`).sort();
    const doc = client.doc(checkout);
    const lineOf = (text: string, n: number) => positionOf(doc, text, 0, n).line;
    assert.deepEqual(cited, [`checkout.yaml:${lineOf('[INS-1]', 0)}`, `checkout.yaml:${lineOf('[INS-1]', 1)}`].sort());
    const def = await client.request<Location[]>('textDocument/definition', { textDocument: td(checkout), position: positionOf(doc, '[INS-1]', 2) });
    assert.equal(def[0]?.uri, uriOf(insights));
    assert.equal(def[0]?.range.start.line, position.line);
  });

  it('renames an insight across the insights file and the requirements citing it, touching only the ID', async () => {
    const position = positionOf(client.doc(insights), 'id: INS-2\n', 'id: '.length + 1);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: td(insights), position, newName: 'INS-20' });
    const changes = (edit.documentChanges ?? []) as TextDocumentEdit[];
    assert.deepEqual(changes.map((c) => path.basename(c.textDocument.uri)).sort(), ['checkout.yaml', 'insights.yaml']);
    for (const c of changes) for (const e of c.edits) assert.ok('newText' in e && e.newText === 'INS-20' && e.range.end.character - e.range.start.character === 5);
    await client.applyEdit(edit);
    assert.match(client.doc(checkout).getText(), /insights: \[INS-20\]/);
    assert.match(client.doc(insights).getText(), /- id: INS-20\n/);
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: td(insights), position: positionOf(client.doc(insights), 'id: INS-20\n', 'id: '.length + 1), newName: 'PAY-4' }),
      (err: Error) => /^PAY-4 is already used by a requirement in specs\/checkout\.yaml:\d+\.$/.test(err.message),
    );
  });

  it('the Insights request lists every insight with the requirements addressing it', async () => {
    const result = await client.request<InsightsResult>(InsightsRequest.method, {});
    const list = result.folders[0].insights;
    assert.equal(list.length, 8);
    const ins1 = list.find((i) => i.id === 'INS-1');
    assert.deepEqual(ins1?.addressedBy.map((r) => `${r.id} ${r.status}`), ['PAY-4 in-progress', 'PAY-6 in-progress']);
    assert.equal(ins1?.importance, 3);
    assert.equal(ins1?.customer, 'Globex');
    assert.deepEqual(list.find((i) => i.id === 'INS-8')?.addressedBy, []);
  });
});
