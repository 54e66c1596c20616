// A .code-workspace of two folders (test/fixtures/e2e/multi-root, opened by the runner's multiroot
// pass): the specs in one folder, their code and tests in the other, one trace. The Requirements view
// shows PAY-1 with the other folder's implementation, and the code file has no squiggle.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RequirementsViewNode } from '../../../client/src/views/requirementsView';
import { hoverText, spectrace, spectraceDiagnostics, waitFor } from './helpers';

type Provider = vscode.TreeDataProvider<RequirementsViewNode>;

async function walk(provider: Provider, node?: RequirementsViewNode, out: RequirementsViewNode[] = []): Promise<RequirementsViewNode[]> {
  for (const child of (await provider.getChildren(node)) ?? []) {
    out.push(child);
    await walk(provider, child, out);
  }
  return out;
}

function folderUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(folder, `the workspace has a ${name} folder (${(vscode.workspace.workspaceFolders ?? []).map((f) => f.name).join(', ')})`);
  return folder.uri;
}

describe('multi-root workspace: one trace across folders @multiroot', () => {
  it('opens both folders of the .code-workspace', () => {
    assert.deepEqual((vscode.workspace.workspaceFolders ?? []).map((f) => f.name), ['specs-repo', 'service']);
  });

  it('Requirements view: PAY-1 under specs-repo, with the service folder’s implementation and test', async () => {
    const api = await spectrace();
    await api.views.requirements.setGrouping('product');
    const provider = api.views.requirements;
    const pay1 = await waitFor('PAY-1 with one implementation in the view', async () => {
      const nodes = await walk(provider);
      const node = nodes.find((n) => n.kind === 'requirement' && n.req.id === 'PAY-1');
      return node?.kind === 'requirement' && node.req.implementations.length === 1 ? node : undefined;
    });
    const item = await provider.getTreeItem(pay1);
    assert.match(String(item.description), /covered · 1 impl · 1 test$/);
    const children = (await provider.getChildren(pay1)) ?? [];
    const impl = children.find((c) => c.kind === 'location' && c.role === 'implementation');
    assert.ok(impl?.kind === 'location');
    assert.equal(impl.location.uri, vscode.Uri.joinPath(folderUri('service'), 'src', 'payment.ts').toString());
    // The folder that holds the requirement is its root node in a multi-root workspace.
    const roots = await Promise.all(((await provider.getChildren()) ?? []).map(async (r) => (await provider.getTreeItem(r)).label));
    assert.ok(roots.includes('specs-repo'), `folder nodes: ${roots.join(', ')}`);
  });

  it('the service’s code file has no squiggle: its tag resolves to the other folder’s requirement', async () => {
    const uri = vscode.Uri.joinPath(folderUri('service'), 'src', 'payment.ts');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(doc.getText().indexOf('PAY-1') + 1);
    // The hover names the requirement once the server has both folders: after that, diagnostics are final.
    await waitFor('the hover on PAY-1 names its title', async () => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at)) ?? [];
      return hoverText(hovers).includes('Pay with a saved card') ? true : undefined;
    });
    const definitions = (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, at)) ?? [];
    const target = definitions[0] && ('targetUri' in definitions[0] ? definitions[0].targetUri : definitions[0].uri);
    assert.equal(target?.toString(), vscode.Uri.joinPath(folderUri('specs-repo'), 'specs', 'payments.yaml').toString());
    assert.deepEqual(spectraceDiagnostics(uri).map((d) => d.message), []);
  });

  it('Export ReqIF… exports the folder given, or asks which folder to export', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-e2e-reqif-'));
    const objects = (file: string) => (fs.readFileSync(file, 'utf8').match(/<SPEC-OBJECT /g) ?? []).length;
    const given = path.join(out, 'given.reqif');
    await vscode.commands.executeCommand('spectrace.exportReqif', { target: vscode.Uri.file(given).toString(), folder: folderUri('specs-repo').toString() });
    assert.equal(objects(given), 2);
    // Without a folder the command shows the workspace folder pick; its first entry is specs-repo.
    const picked = path.join(out, 'picked.reqif');
    let done = false;
    const exported = Promise.resolve(vscode.commands.executeCommand('spectrace.exportReqif', { target: vscode.Uri.file(picked).toString() })).finally(() => {
      done = true;
    });
    await waitFor('the folder pick answered', async () => {
      if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return done ? true : undefined;
    });
    await exported;
    assert.equal(objects(picked), 2);
    fs.rmSync(out, { recursive: true, force: true });
  });
});
