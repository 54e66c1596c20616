// The language features through VS Code's own command API (what the editor calls): code lenses,
// hover, definition from a code tag to the spec, and a rename applied across spec and code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ShowLocationsArgs } from '../../../server/src/shared/protocol';
import { closeAllEditors, fixture, hoverText, positionOf, readWs, removeWs, spectrace, waitFor, wsUri, writeWs } from './helpers';

describe('language features', () => {
  before(async () => {
    await spectrace();
  });

  after(async () => {
    await closeAllEditors();
    removeWs('specs/e2e-rename.yaml');
    removeWs('src/e2e-rename.ts');
    removeWs('specs/e2e-complete.yaml');
  });

  it('code lenses above requirements open their locations with spectrace.showLocations', async () => {
    const uri = wsUri('specs/checkout.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const cartLine = positionOf(doc, 'id: CART-1').line;
    const lens = await waitFor('a code lens for CART-1', async () => {
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
      return lenses.find((l) => l.command?.command === 'spectrace.showLocations' && Math.abs(l.range.start.line - cartLine) <= 1);
    });
    assert.match(lens.command?.title ?? '', /impl|test/i);
    const args = lens.command?.arguments?.[0] as ShowLocationsArgs;
    assert.ok(args.locations.some((l) => l.uri.endsWith('src/checkout/cart.ts')), 'the lens points at the cart code');
    // The lens's click: the locations in the peek view.
    const shown = await vscode.commands.executeCommand<number>('spectrace.showLocations', args);
    assert.equal(shown, args.locations.length);
  });

  it('completion after status: and roadmap: offers only values, roadmap items active first with title and due date', async () => {
    const uri = writeWs('specs/e2e-complete.yaml', 'requirements:\n  - id: CMPL-1\n    title: Completion in values\n    priority: could\n    status: \n    roadmap: \n');
    const doc = await vscode.workspace.openTextDocument(uri);
    const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
    const statusAt = new vscode.Position(4, '    status: '.length);
    const statuses = await waitFor('status values', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, statusAt);
      return list?.items.length ? list.items : undefined;
    });
    assert.deepEqual(statuses.map(labelOf), ['draft', 'proposed', 'approved', 'in-progress', 'implemented', 'verified', 'released', 'rejected', 'deprecated']);
    const roadmapAt = new vscode.Position(5, '    roadmap: '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, roadmapAt);
    const items = list?.items ?? [];
    assert.ok(items.length > 0 && items.every((i) => i.kind === vscode.CompletionItemKind.Event), JSON.stringify(items.map(labelOf)));
    const first = items[0]?.label;
    assert.ok(typeof first === 'object' && first.detail && /due /.test(first.description ?? ''), JSON.stringify(first));
    assert.equal(doc.lineAt(5).text, '    roadmap: ');
  });

  it('hover on an ID in a spec shows the requirement card', async () => {
    const uri = wsUri('specs/checkout.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const at = positionOf(doc, 'parent: PAY-1', 'parent: '.length + 1);
    const text = await waitFor('a hover with the parent requirement title', async () => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at)) ?? [];
      const t = hoverText(hovers);
      return t.includes('Checkout and payments') ? t : undefined;
    });
    assert.match(text, /PAY-1/);
  });

  it('hover on an ID in code shows the requirement card', async function () {
    // VS Code asks every hover provider, TypeScript's too, whose server may still be starting on a busy machine.
    this.timeout(120_000);
    const uri = wsUri('src/checkout/cart.ts');
    const doc = await vscode.workspace.openTextDocument(uri);
    const at = positionOf(doc, '@implements CART-1', '@implements '.length + 2);
    const text = await waitFor(
      'a hover with the requirement title',
      async () => {
        const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at)) ?? [];
        const t = hoverText(hovers);
        return t.includes('Shopping cart') ? t : undefined;
      },
      { timeoutMs: 100_000 },
    );
    assert.match(text, /CART-1/);
    assert.match(text, /released/);
  });

  it('go to definition from a code tag lands on the requirement in the spec', async function () {
    this.timeout(120_000); // TypeScript's definition provider is asked too (see the hover test)
    const uri = wsUri('src/checkout/cart.ts');
    const doc = await vscode.workspace.openTextDocument(uri);
    const at = positionOf(doc, '@implements CART-1', '@implements '.length + 1);
    const defs = await waitFor(
      'a definition in a spec',
      async () => {
        const d = (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, at)) ?? [];
        return d.length > 0 ? d : undefined;
      },
      { timeoutMs: 100_000 },
    );
    const first = defs[0];
    const targetUri = 'targetUri' in first ? first.targetUri : first.uri;
    const targetRange = 'targetUri' in first ? (first.targetSelectionRange ?? first.targetRange) : first.range;
    assert.ok(targetUri.fsPath.endsWith('specs/checkout.yaml'), `defined in specs/checkout.yaml (got ${targetUri.fsPath})`);
    const spec = await vscode.workspace.openTextDocument(targetUri);
    assert.match(spec.lineAt(targetRange.start.line).text, /id: CART-1\b/);
  });

  it('rename of an ID edits the spec and the code in one workspace edit', async () => {
    const specUri = writeWs('specs/e2e-rename.yaml', fixture('rename.yaml'));
    const codeUri = writeWs('src/e2e-rename.ts', fixture('rename.ts'));
    const doc = await vscode.workspace.openTextDocument(specUri);
    const at = positionOf(doc, 'id: REN-1', 'id: '.length + 2);
    const edit = await waitFor('a rename edit reaching the code file', async () => {
      const e = await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>('vscode.executeDocumentRenameProvider', specUri, at, 'REN-100');
      return e && e.get(codeUri).length > 0 ? e : undefined;
    });
    assert.ok(edit.get(specUri).length >= 2, 'the definition and the depends_on reference');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    // The edit leaves the documents dirty; save each one it touched.
    for (const [uri] of edit.entries()) {
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.ok(await doc.save(), `saved ${uri.fsPath}`);
    }

    const spec = readWs('specs/e2e-rename.yaml');
    const code = readWs('src/e2e-rename.ts');
    assert.match(spec, /- id: REN-100\n/);
    assert.match(spec, /depends_on: \[REN-100\]/);
    assert.doesNotMatch(spec, /REN-1\b(?!00)/);
    assert.match(code, /\/\/ @implements REN-100\n/);
    // Nothing else moved: the comments and the other requirement are as they were.
    assert.equal(spec, fixture('rename.yaml').replace(/REN-1\b/g, 'REN-100'));
    assert.equal(code, fixture('rename.ts').replace(/REN-1\b/g, 'REN-100'));
  });
});
