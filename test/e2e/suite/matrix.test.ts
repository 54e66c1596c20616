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

  it("has every requirement's owner, as the report does", () => {
    const rows = api.matrix()?.currentRows ?? [];
    assert.deepEqual(rows.filter((r) => r.owner === 'security-lead').map((r) => r.id).sort(), ['ACC-11', 'ACC-8', 'PAY-11', 'PAY-5']);
    assert.equal(rows.find((r) => r.id === 'PAY-1')?.owner, 'payments-pm');
  });

  it("marks the example's suspect link, location by location", () => {
    const rows = api.matrix()?.currentRows ?? [];
    const srch4 = rows.find((r) => r.id === 'SRCH-4');
    assert.equal(srch4?.rev, 2);
    assert.deepEqual(srch4?.implementations.map((l) => l.file), ['search/fuzzy.py']);
    assert.deepEqual(srch4?.suspectImplementations, [true], 'fuzzy.py still names SRCH-4@1');
    assert.deepEqual(srch4?.suspectTests, [false], 'the test was reviewed against rev 2');
    assert.deepEqual(rows.filter((r) => r.suspectImplementations.includes(true) || r.suspectTests.includes(true)).map((r) => r.id), ['SRCH-4']);
  });

  it('opens a location beside the matrix, which stays visible and focused', async () => {
    const panel = api.matrix();
    assert.ok(panel);
    const row = panel.currentRows.findIndex((r) => r.id === 'CART-1');
    assert.ok(row >= 0);
    const shownEditor = (suffix: string) => vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath.endsWith(suffix));
    await panel.receive({ type: 'open', version: panel.dataVersion, row, cell: 'implementation', index: 0 });
    const code = await waitFor('src/checkout/cart.ts shown', () => shownEditor('src/checkout/cart.ts'));
    assert.notEqual(code.viewColumn, panel.panel.viewColumn, 'in another editor group');
    assert.ok(panel.panel.visible, 'the matrix is still visible');
    assert.ok(panel.panel.active, 'the matrix keeps the focus');
    await panel.receive({ type: 'open', version: panel.dataVersion, row, cell: 'requirement', index: 0 });
    const editor = await waitFor('specs/checkout.yaml shown', () => shownEditor('specs/checkout.yaml'));
    assert.match(editor.document.lineAt(editor.selection.start.line).text, /CART-1/);
    assert.equal(editor.viewColumn, code.viewColumn, 'the same group beside the matrix');
    assert.ok(panel.panel.visible);
  });

  it('loads the document of a location the pointer rests on, before the click', async () => {
    const panel = api.matrix();
    assert.ok(panel);
    const row = panel.currentRows.findIndex((r) => r.testLocations.length > 0);
    assert.ok(row >= 0, 'a requirement with a test');
    const target = panel.currentRows[row].testLocations[0].uri;
    await panel.receive({ type: 'prefetch', version: panel.dataVersion, row, cell: 'test', index: 0 });
    assert.ok(vscode.workspace.textDocuments.some((d) => d.uri.toString() === target), `${target} is loaded`);
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === target), 'but not shown');
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
    assert.equal(lines[0], 'ID,Title,Type,Priority,Status,Owner,Roadmap,Roadmap title,Parent,Implementations,Tests,Coverage,Defined in,Score,Insights,Customers');
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
