// The traceability matrix webview: its page has a strict CSP and no spec text in the markup (the
// page script inserts it as text); its messages open locations and export the shown rows as CSV.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { SpectraceApi } from '../../../client/src/api';
import { closeAllEditors, fixture, readWs, removeWs, spectrace, waitFor, wsPath, wsUri, writeWs } from './helpers';

describe('traceability matrix', () => {
  let api: SpectraceApi;

  before(async () => {
    api = await spectrace();
    writeWs('specs/e2e-hostile.yaml', fixture('hostile.yaml'));
    await waitFor('the hostile spec indexed', async () => (await api.views.requirements.current()).byId.has('XSSE-2'));
  });

  after(async () => {
    api.matrix()?.dispose();
    await closeAllEditors();
    removeWs('specs/e2e-hostile.yaml');
    removeWs('e2e-matrix');
  });

  it('spectrace.showMatrix opens one panel with every requirement', async () => {
    await vscode.commands.executeCommand('spectrace.showMatrix');
    const panel = api.matrix();
    assert.ok(panel, 'the panel is open');
    assert.equal(panel.panel.viewType, 'spectrace.matrix');
    const ids = panel.currentRows.map((r) => r.id);
    for (const id of ['PAY-1', 'CART-1', 'SRCH-10', 'XSSE-1']) assert.ok(ids.includes(id), `${id} is a row`);
    // A second run reuses the panel.
    await vscode.commands.executeCommand('spectrace.showMatrix');
    assert.equal(api.matrix(), panel);
  });

  it('has a strict Content-Security-Policy with a nonce and only local resources', () => {
    const html = api.matrix()?.pageHtml ?? '';
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'a CSP meta tag');
    assert.match(csp, /default-src 'none'/);
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    assert.ok(nonce, 'scripts need the nonce');
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.doesNotMatch(csp, /(^|[\s;])\*([\s;]|$)/, 'no wildcard source');
    // Every script element carries the nonce; the only executable one is the extension's file.
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    assert.ok(scripts.length > 0);
    for (const attrs of scripts) assert.ok(attrs.includes(`nonce="${nonce}"`), `script ${attrs} has the nonce`);
    assert.ok(scripts.some((a) => /src="[^"]*client\/media\/matrix\.js"/.test(a)), 'the page script comes from client/media');
  });

  it('keeps spec text out of the markup: hostile titles are escaped JSON data', () => {
    const html = api.matrix()?.pageHtml ?? '';
    assert.ok(!html.includes('<img src=x'), 'no <img> from a title');
    assert.ok(!html.includes('</script><script>alert(2)'), 'no </script> from a title');
    assert.ok(html.includes('\\u003cimg src=x onerror=alert(1)\\u003e'), 'the title travels as escaped JSON');
    const rows = api.matrix()?.currentRows ?? [];
    assert.equal(rows.find((r) => r.id === 'XSSE-1')?.title, '<img src=x onerror=alert(1)>');
  });

  it('opens a location when the page asks for one of its cells', async () => {
    const panel = api.matrix();
    assert.ok(panel);
    const row = panel.currentRows.findIndex((r) => r.id === 'CART-1');
    assert.ok(row >= 0);
    await panel.receive({ type: 'open', version: panel.dataVersion, row, cell: 'implementation', index: 0 });
    await waitFor('src/checkout/cart.ts opened', () => vscode.window.activeTextEditor?.document.uri.fsPath.endsWith('src/checkout/cart.ts'));
    await panel.receive({ type: 'open', version: panel.dataVersion, row, cell: 'requirement', index: 0 });
    const editor = await waitFor('specs/checkout.yaml opened', () => (vscode.window.activeTextEditor?.document.uri.fsPath.endsWith('specs/checkout.yaml') ? vscode.window.activeTextEditor : undefined));
    assert.match(editor.document.lineAt(editor.selection.start.line).text, /CART-1/);
  });

  it('ignores malformed and stale messages', async () => {
    const panel = api.matrix();
    assert.ok(panel);
    const before = vscode.window.activeTextEditor?.document.uri.toString();
    await panel.receive({ type: 'open', uri: 'file:///etc/passwd' });
    await panel.receive({ type: 'open', version: panel.dataVersion + 99, row: 0, cell: 'requirement', index: 0 });
    await panel.receive('not an object');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), before, 'nothing was opened');
  });

  it('exports the rows the page shows, in its order, as CSV', async () => {
    const panel = api.matrix();
    assert.ok(panel);
    fs.mkdirSync(wsPath('e2e-matrix'), { recursive: true });
    const pick = ['CART-2', 'XSSE-1', 'PAY-1'].map((id) => panel.currentRows.findIndex((r) => r.id === id));
    await panel.exportCsv(wsUri('e2e-matrix/matrix.csv'), pick);
    const lines = readWs('e2e-matrix/matrix.csv').trimEnd().split('\r\n');
    assert.equal(lines[0], 'ID,Title,Type,Priority,Status,Roadmap,Roadmap title,Parent,Implementations,Tests,Coverage,Defined in');
    assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]), ['CART-2', 'XSSE-1', 'PAY-1']);
    assert.match(lines[1], /src\/checkout\/cart\.ts:\d+/);
  });

  it('refreshes its rows when the index changes', async () => {
    const panel = api.matrix();
    assert.ok(panel);
    const version = panel.dataVersion;
    removeWs('specs/e2e-hostile.yaml');
    await waitFor('the hostile rows gone from the matrix', () => panel.dataVersion > version && !panel.currentRows.some((r) => r.id.startsWith('XSSE-')));
  });
});
