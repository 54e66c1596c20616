// The editor context menu's ID commands show only on an ID: the `spectrace.cursorOnId` context key
// follows the cursor in spec and code files (the server says what is an ID), and stays off in files
// outside the specs and code globs and in editors that show no file. The manifest's when clauses are
// checked by test/unit/packaging/manifest.test.ts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpectraceApi } from '../../../client/src/api';
import { closeAllEditors, positionOf, spectrace, waitFor, wsUri } from './helpers';

/** Opens a workspace file and puts the cursor at `offset` characters into the first `text`. */
async function cursorAt(rel: string, text: string, offset: number): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(wsUri(rel));
  const at = positionOf(editor.document, text, offset);
  editor.selection = new vscode.Selection(at, at);
  return editor;
}

describe('editor context menu: ID commands only on an ID', () => {
  let api: SpectraceApi;

  before(async () => {
    api = await spectrace();
  });

  after(async () => {
    await closeAllEditors();
  });

  it('is on for an item ID and a reference in a spec, off on a key', async () => {
    await cursorAt('specs/checkout.yaml', '- id: CART-1', '- id: CA'.length);
    await waitFor('the cursor on CART-1 (a definition)', () => api.cursorId.id === 'CART-1');
    await cursorAt('specs/checkout.yaml', 'roadmap: R-2026', 'roadmap: R-'.length);
    await waitFor('the cursor on R-2026 (a reference)', () => api.cursorId.id === 'R-2026');
    await cursorAt('specs/checkout.yaml', 'title: Shopping cart', 2);
    await waitFor('no ID under the cursor on a key', () => api.cursorId.id === undefined);
  });

  it('is on for a tag in code, and the commands act on that ID', async () => {
    await cursorAt('src/checkout/cart.ts', '@implements CART-2', '@implements CA'.length);
    await waitFor('the cursor on the CART-2 tag', () => api.cursorId.id === 'CART-2');
    assert.equal(await vscode.commands.executeCommand('spectrace.copyId'), 'CART-2');
    assert.equal(await vscode.env.clipboard.readText(), 'CART-2');
    // As the context menu runs it: with the editor's URI.
    const opened = await vscode.commands.executeCommand<string>('spectrace.goToRequirement', wsUri('src/checkout/cart.ts'));
    assert.equal(opened, 'CART-2');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.fsPath.endsWith('specs/checkout.yaml'), 'the definition is open');
    await cursorAt('src/checkout/cart.ts', '@implements CART-2', 2);
    await waitFor('no ID under the cursor on the tag word', () => api.cursorId.id === undefined);
  });

  it('is off in a file outside the globs and in an untitled editor, even on ID-shaped text', async () => {
    await cursorAt('specs/checkout.yaml', '- id: CART-1', '- id: CA'.length);
    await waitFor('the cursor on CART-1', () => api.cursorId.id === 'CART-1');
    // TRACE.md names every ID, but is neither a spec nor a code file of acme-shop.
    await cursorAt('TRACE.md', '| CART-1 |', '| CA'.length);
    await waitFor('no ID under the cursor in TRACE.md', () => api.cursorId.id === undefined);

    await cursorAt('specs/checkout.yaml', '- id: CART-1', '- id: CA'.length);
    await waitFor('the cursor on CART-1 again', () => api.cursorId.id === 'CART-1');
    const untitled = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'requirements:\n  - id: CART-1\n' });
    const editor = await vscode.window.showTextDocument(untitled);
    const at = positionOf(untitled, 'CART-1', 2);
    editor.selection = new vscode.Selection(at, at);
    await waitFor('no ID under the cursor in an untitled editor', () => api.cursorId.id === undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
