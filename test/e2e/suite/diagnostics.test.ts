// Diagnostics reach VS Code's diagnostics API for specs and code written into the workspace, and go
// away when the files are fixed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticCode, fixture, removeWs, spectrace, spectraceDiagnostics, waitFor, writeWs } from './helpers';

describe('diagnostics', () => {
  before(async () => {
    await spectrace();
  });

  after(async () => {
    await closeAllEditors();
    removeWs('specs/e2e-broken.yaml');
    removeWs('src/e2e-bad-tags.ts');
  });

  it('reports schema, duplicate-ID and unknown-reference problems of a broken spec', async () => {
    const uri = writeWs('specs/e2e-broken.yaml', fixture('broken.yaml'));
    const diags = await waitFor('diagnostics on specs/e2e-broken.yaml', () => {
      const d = spectraceDiagnostics(uri);
      const codes = new Set(d.map(diagnosticCode));
      return codes.has('schema') && codes.has('duplicate-id') && codes.has('unknown-reference') ? d : undefined;
    });
    const schema = diags.find((d) => diagnosticCode(d) === 'schema');
    assert.ok(schema);
    // Plain text in the Problems panel: the bad value named, the allowed ones listed, no backticks.
    assert.equal(schema.message, '“urgent” is not a valid priority: use must, should, could or wont');
    assert.equal(schema.severity, vscode.DiagnosticSeverity.Error);
    // The range is the offending value on line 6 ("    priority: urgent"), not the whole document.
    assert.equal(schema.range.start.line, 5);
    assert.equal(schema.range.end.line, 5);

    const roadmap = diags.find((d) => diagnosticCode(d) === 'unknown-reference');
    assert.ok(roadmap);
    assert.match(roadmap.message, /R-NOWHERE/);
  });

  it('offers each allowed priority for priority: urgent as its own quick fix, none preferred', async () => {
    const uri = writeWs('specs/e2e-broken.yaml', fixture('broken.yaml'));
    const schema = await waitFor('the schema diagnostic on priority: urgent', () => spectraceDiagnostics(uri).find((d) => diagnosticCode(d) === 'schema'));
    // Code actions are asked of an open document, as the light bulb does.
    await vscode.workspace.openTextDocument(uri);
    const actions = await waitFor('quick fixes for priority: urgent', async () => {
      const all = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, schema.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
      const fixes = all.filter((a) => a.title.startsWith('Replace “urgent”'));
      return fixes.length ? fixes : undefined;
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred ?? false]),
      ['must', 'should', 'could', 'wont'].map((v) => [`Replace “urgent” with “${v}”`, false]),
    );
  });

  it('clears the diagnostics when the spec is fixed on disk', async () => {
    const uri = writeWs('specs/e2e-broken.yaml', fixture('broken.yaml').replace('urgent', 'must').replace(/id: BRKN-1\n(\s+title: The same ID again)/, 'id: BRKN-3\n$1').replace('    roadmap: R-NOWHERE\n', ''));
    await waitFor('no diagnostics on the fixed spec', () => spectraceDiagnostics(uri).length === 0);
  });

  it('reports a code tag naming an unknown requirement in the code file', async () => {
    const uri = writeWs('src/e2e-bad-tags.ts', fixture('bad-tags.ts'));
    const diag = await waitFor('unknown-code-reference on src/e2e-bad-tags.ts', () => spectraceDiagnostics(uri).find((d) => diagnosticCode(d) === 'unknown-code-reference'));
    assert.match(diag.message, /NOPE-404/);
    assert.equal(diag.range.start.line, 2);
  });

  it('updates diagnostics as an open document is edited (before it is saved)', async () => {
    const uri = writeWs('specs/e2e-broken.yaml', fixture('broken.yaml').replace('urgent', 'must').replace(/id: BRKN-1\n(\s+title: The same ID again)/, 'id: BRKN-3\n$1').replace('    roadmap: R-NOWHERE\n', ''));
    await waitFor('no diagnostics on the fixed spec', () => spectraceDiagnostics(uri).length === 0);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.lineAt(5);
    assert.match(line.text, /priority: must/);
    await editor.edit((b) => b.replace(line.range, '    priority: sometimes'));
    const diag = await waitFor('a schema diagnostic for the unsaved edit', () => spectraceDiagnostics(uri).find((d) => diagnosticCode(d) === 'schema'));
    assert.equal(diag.range.start.line, 5);
  });
});
