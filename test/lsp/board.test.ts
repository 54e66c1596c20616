// The backlog board's requests through the real server over stdio, on a copy of examples/acme-shop:
// the cards, and the move edit for an open document (versioned, only the status value), for a closed
// file (version null, the disk text), refused after a YAML error is typed into the file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { BoardMoveResult, BoardResult } from '../../server/src/shared/protocol';
import { LspClient, copyExample, removeCopy, uriOf } from './lspClient';

const NOW = { SPECTRACE_NOW: '2026-11-28' };

describe('LSP backlog board (acme-shop over stdio)', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspClient;
  let checkout: string;
  let accounts: string;

  before(async () => {
    root = copyExample('acme-shop');
    checkout = path.join(root, 'specs', 'checkout.yaml');
    accounts = path.join(root, 'specs', 'accounts.yaml');
    client = await LspClient.start({ root, env: NOW });
    await client.open(checkout);
    await client.diagnosticsFor(checkout, (p) => p.version === 1);
  });

  after(async () => {
    await client?.stop();
    removeCopy(root);
  });

  /** The text after applying a move's edits to `text`. */
  function applied(text: string, result: BoardMoveResult): string {
    assert.ok('edit' in result, `refused: ${'refused' in result ? result.refused : ''}`);
    const doc = TextDocument.create(result.edit.uri, 'yaml', 0, text);
    return TextDocument.applyEdits(doc, result.edit.edits);
  }

  it('answers every requirement of the example as a card', async () => {
    const { cards, roadmapItems } = await client.request<BoardResult>('spectrace/board', {});
    const ids = new Set(cards.map((c) => c.id));
    const specIds = fs
      .readdirSync(path.join(root, 'specs'))
      .flatMap((f) => [...fs.readFileSync(path.join(root, 'specs', f), 'utf8').matchAll(/^ {2}- id: ([A-Z]+-\d+)$/gm)].map((m) => m[1]))
      .filter((id) => !/^(R|M|INS)-/.test(id));
    for (const id of specIds) assert.ok(ids.has(id), `${id} has a card`);
    const cart5 = cards.find((c) => c.id === 'CART-5');
    assert.deepEqual(
      cart5 && { status: cart5.status, priority: cart5.priority, owner: cart5.owner, product: cart5.product, insightCount: cart5.insightCount, score: cart5.score, uri: cart5.location.uri },
      { status: 'draft', priority: 'could', owner: 'payments-pm', product: 'Acme Checkout', insightCount: 0, score: { value: 75, label: 'RICE 75' }, uri: uriOf(checkout) },
    );
    assert.ok(roadmapItems.length > 0 && roadmapItems.every((r) => r.id && typeof r.title === 'string'));
  });

  it('moves a card in an open document: the edit carries its version and changes only the status value', async () => {
    const text = client.doc(checkout).getText();
    const result = await client.request<BoardMoveResult>('spectrace/boardMove', { id: 'CART-5', status: 'approved', uri: uriOf(checkout) });
    assert.ok('edit' in result);
    assert.equal(result.edit.version, 1);
    const after = applied(text, result);
    const at = text.indexOf('  - id: CART-5');
    assert.equal(after, text.slice(0, at) + text.slice(at).replace('status: draft', 'status: approved'));
  });

  it('moves a card in a closed file from the disk text, version null', async () => {
    const text = fs.readFileSync(accounts, 'utf8');
    const result = await client.request<BoardMoveResult>('spectrace/boardMove', { id: 'ACC-1', status: 'implemented', uri: uriOf(accounts) });
    assert.ok('edit' in result);
    assert.equal(result.edit.version, null);
    assert.equal(applied(text, result), text.replace('status: in-progress', 'status: implemented'));
  });

  it('refuses an unknown status, a card of another file, and a file with a YAML error typed into it', async () => {
    assert.match((await client.request<{ refused: string }>('spectrace/boardMove', { id: 'CART-5', status: 'done', uri: uriOf(checkout) })).refused, /"done" is not a requirement status/);
    assert.deepEqual(await client.request('spectrace/boardMove', { id: 'CART-5', status: 'approved', uri: uriOf(accounts) }), { refused: 'There is no requirement CART-5 in that file any more.' });
    assert.deepEqual(await client.request('spectrace/boardMove', { status: 'approved' }), { refused: 'The move names no requirement.' });
    const version = await client.replace(checkout, '    title: Save an item for later\n', '    title: [Save an item for later\n');
    await client.diagnosticsFor(checkout, (p) => p.version === version && p.diagnostics.some((d) => d.code === 'yaml-syntax'));
    const refused = await client.request<BoardMoveResult>('spectrace/boardMove', { id: 'CART-5', status: 'approved', uri: uriOf(checkout) });
    assert.deepEqual(refused, { refused: 'CART-5 was not moved: its file has YAML errors. Fix them (see the Problems panel), then move it again.' });
    assert.ok(client.alive);
  });
});
