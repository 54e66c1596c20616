// The browser build in a real web worker extension host (code-server, the extension forced into the
// web worker with remote.extensionKind): the language server in its Web Worker reads the workspace
// through the extension, and the editor's features work on examples/acme-shop.
import * as vscode from 'vscode';
import type { SpectraceApi } from '../../../client/src/api';
import type { RequirementsViewNode } from '../../../client/src/views/requirementsView';
import { equal, ok, positionOf, readWs, removeWs, spectrace, waitFor, writeWs, wsUri } from './check';

function diagnosticsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'spectrace');
}

describe('the browser build in the web worker extension host', () => {
  let api: SpectraceApi;

  before(async () => {
    api = await spectrace();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const f of ['specs/web-broken.yaml', 'specs/web-rename.yaml', 'src/web-rename.ts']) await removeWs(f);
  });

  it('runs without Node: no process, no require, in a worker scope', () => {
    const scope = globalThis as Record<string, unknown>;
    equal(typeof scope.process, 'undefined', 'process');
    equal(typeof scope.require, 'undefined', 'require');
    ok(typeof scope.WorkerGlobalScope !== 'undefined', 'a worker global scope');
    console.log(`[spectrace-web] activationMs=${api.activationMs.toFixed(1)} steps=${JSON.stringify(api.activationSteps)}`);
  });

  it('reports diagnostics on a spec written to the workspace', async () => {
    const uri = await writeWs('specs/web-broken.yaml', 'requirements:\n  - id: WEB-1\n    title: Broken in the browser\n    priority: urgent\n    status: draft\n  - id: WEB-1\n    title: Twice\n    priority: must\n    status: draft\n');
    await vscode.workspace.openTextDocument(uri);
    const diagnostics = await waitFor('diagnostics on web-broken.yaml', () => {
      const d = diagnosticsOf(uri);
      return d.some((x) => /urgent/.test(x.message)) && d.some((x) => /WEB-1/.test(x.message)) ? d : undefined;
    });
    ok(diagnostics.length >= 2, diagnostics.map((d) => d.message).join(' | '));
  });

  it('completes status values in a spec', async () => {
    const doc = await vscode.workspace.openTextDocument(wsUri('specs/checkout.yaml'));
    const at = positionOf(doc, 'status: released', 'status: '.length);
    const labels = await waitFor('status completions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
      const items = (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return items.includes('approved') ? items : undefined;
    });
    ok(labels.includes('released') && labels.includes('draft'), labels.join(', '));
  });

  it('shows the requirement card on hover over an ID', async () => {
    const doc = await vscode.workspace.openTextDocument(wsUri('specs/checkout.yaml'));
    const at = positionOf(doc, 'parent: PAY-1', 'parent: '.length + 1);
    const text = await waitFor('a hover', async () => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)) ?? [];
      const all = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return /PAY-1/.test(all) ? all : undefined;
    });
    ok(/PAY-1/.test(text), text);
  });

  it('puts a code lens with the code and tests above a requirement', async () => {
    const uri = wsUri('specs/checkout.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const line = positionOf(doc, 'id: CART-1').line;
    const lens = await waitFor('a code lens for CART-1', async () => {
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
      return lenses.find((l) => l.command?.command === 'spectrace.showLocations' && Math.abs(l.range.start.line - line) <= 1);
    });
    ok(/impl|test/i.test(lens.command?.title ?? ''), lens.command?.title ?? '');
  });

  it('fills the Requirements view', async () => {
    const provider = api.views.requirements as vscode.TreeDataProvider<RequirementsViewNode>;
    const ids = await waitFor('requirements in the view', async () => {
      const found: string[] = [];
      const walk = async (node?: RequirementsViewNode): Promise<void> => {
        for (const child of (await provider.getChildren(node)) ?? []) {
          if (child.kind === 'requirement') found.push(child.req.id);
          await walk(child);
        }
      };
      await walk();
      return found.includes('CART-1') && found.includes('PAY-1') ? found : undefined;
    });
    ok(ids.length > 5, ids.join(', '));
  });

  it('resolves a tag in a code file to its requirement in the spec', async () => {
    const uri = wsUri('src/checkout/cart.ts');
    const doc = await vscode.workspace.openTextDocument(uri);
    const at = positionOf(doc, '@implements CART-1', '@implements '.length + 1);
    const target = await waitFor('a definition for CART-1', async () => {
      const defs = (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, at)) ?? [];
      return defs.map((d) => ('targetUri' in d ? d.targetUri : d.uri)).find((u) => u.path.endsWith('specs/checkout.yaml'));
    });
    equal(target.scheme, uri.scheme, 'the definition is in the same workspace');
  });

  it('follows code files created and deleted on disk (file watcher events)', async () => {
    const doc = await vscode.workspace.openTextDocument(wsUri('specs/checkout.yaml'));
    const at = positionOf(doc, 'id: CART-1', 'id: '.length + 1);
    const referencesIn = async (name: string) => {
      const refs = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at)) ?? [];
      return refs.some((r) => r.uri.path.endsWith(name));
    };
    await writeWs('src/web-watched.ts', '// @implements CART-1\nexport const watched = true;\n');
    await waitFor('a reference from the new file', () => referencesIn('src/web-watched.ts'));
    await removeWs('src/web-watched.ts');
    await waitFor('the reference gone with the file', async () => !(await referencesIn('src/web-watched.ts')));
  });

  it('flags the suspect link from the revisions in the files; the diff says history is not available', async () => {
    const provider = api.views.coverageGaps as vscode.TreeDataProvider<unknown>;
    const labels = await waitFor('a suspect link for SRCH-4 in Coverage gaps', async () => {
      const found: string[] = [];
      const walk = async (node?: unknown): Promise<void> => {
        for (const child of (await provider.getChildren(node)) ?? []) {
          const item = await provider.getTreeItem(child);
          found.push(`${typeof item.label === 'string' ? item.label : (item.label?.label ?? '')} ${typeof item.description === 'string' ? item.description : ''}`);
          await walk(child);
        }
      };
      await walk();
      return found.some((l) => l.startsWith('Suspect links')) && found.some((l) => l.includes('SRCH-4')) ? found : undefined;
    });
    ok(labels.length > 0, 'the gaps tree has nodes');
    const folder = wsUri('specs/search.yaml').toString();
    const reviewed = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'spectrace-review', path: '/SRCH-4@1', query: folder }));
    ok(/not available: git history is not available in the browser/.test(reviewed.getText()), reviewed.getText());
    const current = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'spectrace-review', path: '/SRCH-4@2', query: folder }));
    ok(/swapped letters/.test(current.getText()), current.getText());
  });

  it('opens the traceability matrix with every requirement and a nonce from Web Crypto', async () => {
    await vscode.commands.executeCommand('spectrace.showMatrix');
    const panel = await waitFor('the matrix panel', () => api.matrix());
    const ids = await waitFor('matrix rows', () => (panel.currentRows.length > 0 ? panel.currentRows.map((r) => r.id) : undefined));
    ok(ids.includes('PAY-1') && ids.includes('CART-1'), ids.join(', '));
    ok(/script-src[^;]*'nonce-[A-Za-z0-9+/=]{20,}'/.test(panel.pageHtml), 'the page has a nonce');
    panel.dispose();
  });

  it('opens the backlog board with the example\'s cards and their scores', async () => {
    await vscode.commands.executeCommand('spectrace.showBoard');
    const panel = await waitFor('the board panel', () => api.board());
    const cart5 = await waitFor('CART-5 on the board', () => panel.currentCards.find((c) => c.id === 'CART-5'));
    equal(cart5.status, 'draft');
    equal(cart5.score?.label, 'RICE 75');
    panel.dispose();
  });

  it('opens the roadmap timeline with the example\'s roadmap', async () => {
    await vscode.commands.executeCommand('spectrace.showTimeline');
    const panel = await waitFor('the timeline panel', () => api.timeline());
    const folders = await waitFor('timeline data', () => (panel.data.folders.length > 0 ? panel.data.folders : undefined));
    ok(JSON.stringify(folders[0].svg).includes('R-2026'), 'the chart draws R-2026');
    panel.dispose();
  });

  it('opens the release view of R-2026; its burn-up says git history is not available in the browser', async () => {
    await vscode.commands.executeCommand('spectrace.showRelease', { id: 'R-2026' });
    const panel = await waitFor('the release panel', () => api.release());
    const page = await waitFor('the release page with its burn-up state', () => (panel.currentPage && panel.currentPage.burnup.state !== 'loading' ? panel.currentPage : undefined));
    equal(page.id, 'R-2026');
    ok(page.total > 0, 'the release has requirements');
    ok(page.burnup.state === 'missing' && /not available in the browser/.test(page.burnup.reason), JSON.stringify(page.burnup));
    panel.dispose();
  });

  it('exports an HTML report into the workspace', async () => {
    const target = wsUri('web-report.html');
    const written = await vscode.commands.executeCommand<string>('spectrace.exportReport', { format: 'html', target: target.toString() });
    equal(written, target.toString());
    ok((await readWs('web-report.html')).includes('CART-1'), 'the report lists CART-1');
    await removeWs('web-report.html');
  });

  it('renames an ID across the spec and the code', async () => {
    const spec = await writeWs('specs/web-rename.yaml', 'requirements:\n  - id: WREN-1\n    title: Renamed in the browser\n    priority: could\n    status: draft\n');
    const code = await writeWs('src/web-rename.ts', '// @implements WREN-1\nexport const renamed = true;\n');
    const doc = await vscode.workspace.openTextDocument(spec);
    const at = positionOf(doc, 'WREN-1', 1);
    const edit = await waitFor('a rename edit touching the code file', async () => {
      const e = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', spec, at, 'WREN-2');
      return e && e.entries().some(([u]) => u.path === code.path) ? e : undefined;
    });
    ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    for (const uri of [spec, code]) {
      const edited = await vscode.workspace.openTextDocument(uri);
      ok(await edited.save(), `saved ${uri.toString()}`);
    }
    equal((await readWs('src/web-rename.ts')).split('\n')[0], '// @implements WREN-2');
    ok((await readWs('specs/web-rename.yaml')).includes('id: WREN-2'), 'the spec has the new ID');
  });
});
