// Diagnostics as an editor sees them: pushed with the document version, updated by incremental
// edits, the edited document first, cross-file effects in files that are not open, unchanged files
// not re-sent.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { LspClient, copyExample, messageOf, removeCopy, uriOf } from './lspClient';

const NOW = { SPECTRACE_NOW: '2026-11-28' };

describe('LSP diagnostics (acme-shop over stdio)', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspClient;
  let checkout: string;
  let payment: string;

  before(async () => {
    root = copyExample('acme-shop');
    checkout = path.join(root, 'specs', 'checkout.yaml');
    payment = path.join(root, 'src', 'checkout', 'payment.ts');
    client = await LspClient.start({ root, env: NOW });
  });

  after(async () => {
    await client?.stop();
    removeCopy(root);
  });

  it('indexes the folder with work-done progress and publishes the opened spec with its version', async () => {
    await client.open(checkout);
    const p = await client.diagnosticsFor(checkout, (d) => d.version === 1);
    assert.deepEqual(p.diagnostics, [], JSON.stringify(p.diagnostics, null, 1));
    assert.ok(client.serverRequests.some((r) => r.method === 'window/workDoneProgress/create'), 'progress token requested');
    const kinds = client.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    assert.ok(kinds.includes('begin') && kinds.includes('end'), `progress: ${kinds.join(',')}`);
    assert.ok(client.serverRequests.some((r) => r.method === 'client/registerCapability'), 'file watcher registered');
  });

  it('an incremental edit that breaks a value is published for the new version, on the value, with a fix', async () => {
    const doc = client.doc(checkout);
    const at = doc.getText().indexOf('priority: must', doc.getText().indexOf('id: CART-1'));
    const start = doc.positionAt(at + 'priority: '.length);
    const version = await client.change(checkout, [{ range: { start, end: { line: start.line, character: start.character + 4 } }, text: 'mus' }]);
    const p = await client.diagnosticsFor(checkout, (d) => d.version === version);
    assert.equal(p.diagnostics.length, 1, JSON.stringify(p.diagnostics));
    const d = p.diagnostics[0];
    assert.equal(d.source, 'spectrace');
    assert.equal(d.code, 'schema');
    assert.deepEqual(d.range.start, start);
    assert.match(messageOf(d), /^“mus” is not a valid priority: use must, should, could or wont — did you mean “must”\?$/);
    assert.deepEqual(d.data, { kind: 'replace-value', values: ['must', 'should', 'could', 'wont'], typoOf: 'must' });
  });

  it('fixing it publishes an empty list for the next version', async () => {
    const version = await client.replace(checkout, 'priority: mus\n', 'priority: must\n');
    const p = await client.diagnosticsFor(checkout, (d) => d.version === version);
    assert.deepEqual(p.diagnostics, []);
  });

  it('several quick edits: the last version wins and is published', async () => {
    const doc = client.doc(checkout);
    const pos = doc.positionAt(doc.getText().indexOf('title: Shopping cart') + 'title: Shopping cart'.length);
    let version = 0;
    for (const ch of [' ', 'a', 'n', 'd', ' ', 'x']) {
      version = await client.change(checkout, [{ range: { start: pos, end: pos }, text: ch }]);
      pos.character += 1;
    }
    const p = await client.diagnosticsFor(checkout, (d) => d.version === version);
    // The title is a review field of CART-1 (the example has change review on): its fingerprint is stale.
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.message]),
      [['unrecorded-change', 'CART-1 changed since its fingerprint was written (rev 1): bump the revision or record an editorial change']],
    );
    assert.match(client.doc(checkout).getText(), /title: Shopping cart and x/);
  });

  it('renaming an ID in the spec text makes the tag in a closed code file dangle, and back', async () => {
    const before = client.lastSeq;
    const version = await client.replace(checkout, 'id: PAY-10\n', 'id: PAY-100\n');
    // The edited document is published first, with its version.
    await client.diagnosticsFor(checkout, (d) => d.version === version, before);
    const dangling = await client.diagnosticsFor(payment, (d) => d.diagnostics.some((x) => x.code === 'unknown-code-reference'), before);
    assert.equal(dangling.version, undefined, 'a closed file is published without a version');
    const firstForSpec = client.publishes.find((p) => p.seq > before && p.uri === uriOf(checkout));
    const firstForCode = client.publishes.find((p) => p.seq > before && p.uri === uriOf(payment));
    assert.ok(firstForSpec && firstForCode && firstForSpec.seq < firstForCode.seq, 'edited document first');
    const d = dangling.diagnostics.find((x) => x.code === 'unknown-code-reference');
    assert.equal(d?.source, 'spectrace');
    assert.match(d ? messageOf(d) : '', /PAY-10/);

    const mid = client.lastSeq;
    await client.replace(checkout, 'id: PAY-100\n', 'id: PAY-10\n');
    const cleared = await client.diagnosticsFor(payment, (p) => p.diagnostics.length === 0, mid);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('an edit that affects no other file re-sends no other file', async () => {
    const before = client.lastSeq;
    const changed = client.notifications.filter((n) => n.method === 'spectrace/indexChanged').length;
    const version = await client.replace(checkout, 'A cart that collects products', 'A cart that gathers products');
    await client.diagnosticsFor(checkout, (d) => d.version === version, before);
    // The index-changed notification comes after the cross-file pass: by then every publish is out.
    await client.waitFor('indexChanged', () => client.notifications.filter((n) => n.method === 'spectrace/indexChanged').length > changed);
    const others = client.publishes.filter((p) => p.seq > before && p.uri !== uriOf(checkout));
    assert.deepEqual(others.map((p) => p.uri), []);
  });

  it('closing the document keeps the disk content as the truth', async () => {
    // The open document says "gathers", the disk "collects"; after closing, the disk wins and the
    // spec is clean, published without a version.
    await client.replace(checkout, 'title: Shopping cart and x', 'title: ');
    await client.diagnosticsFor(checkout, (p) => p.diagnostics.length > 0);
    const before = client.lastSeq;
    await client.close(checkout);
    const p = await client.diagnosticsFor(checkout, (d) => d.diagnostics.length === 0, before);
    assert.equal(p.version, undefined);
  });

  it('shuts down and exits with code 0', async () => {
    const code = await client.stop();
    assert.equal(code, 0, client.stderr);
  });
});
