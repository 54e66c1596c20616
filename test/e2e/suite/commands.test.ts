// Every command, run through vscode.commands.executeCommand with the arguments that skip its
// questions (quick picks and dialogs cannot be answered from a test), asserting on what it did.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { SpectraceApi } from '../../../client/src/api';
import type { NewRequirementResult } from '../../../client/src/commands/newRequirement';
import { closeAllEditors, fixture, readWs, removeWs, spectrace, waitFor, wsPath, wsUri, writeWs } from './helpers';

describe('commands', () => {
  let api: SpectraceApi;

  before(async () => {
    api = await spectrace();
  });

  after(async () => {
    await closeAllEditors();
    // The suites after this one see the example as it was. VS Code may keep a closed spec's document open
    // for a while, and an open document is the server's truth: empty the files first (the documents
    // follow the disk), wait until the index has dropped what these tests wrote, then delete them.
    // The server restarted by the last test may register its file watcher after the first write: the
    // files are written again every few seconds until it has seen them.
    const written = ['specs/e2e-new.yaml', 'specs/e2e-child.yaml'];
    let lastWrite = 0;
    await waitFor('the new requirements gone from the index', async () => {
      if (Date.now() - lastWrite > 3000) {
        for (const f of written) writeWs(f, '');
        lastWrite = Date.now();
      }
      const byId = (await api.views.requirements.current()).byId;
      const left = ['NEWC-1', 'NEWC-2', 'NEWP-1', 'NEWR-3'].filter((id) => byId.has(id));
      if (left.length > 0) throw new Error(`still indexed: ${left.join(', ')}; open: ${vscode.workspace.textDocuments.map((d) => d.uri.path + (d.isDirty ? '*' : '')).join(', ')}`);
      return true;
    });
    for (const f of ['specs/e2e-new.yaml', 'specs/e2e-child.yaml', 'e2e-out', 'e2e-starter']) removeWs(f);
  });

  it('spectrace.newRequirement {file, title}: appends the next free ID to the requirements list', async () => {
    const uri = writeWs('specs/e2e-new.yaml', fixture('new-requirement.yaml'));
    await waitFor('NEWR-2 indexed', async () => (await api.views.requirements.current()).byId.has('NEWR-2'));
    const result = await vscode.commands.executeCommand<NewRequirementResult>('spectrace.newRequirement', { file: uri, title: 'Export: "all" # of it' });
    assert.ok(result, 'the command returns what it created');
    assert.equal(result.id, 'NEWR-3');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === uri.toString(), 'the spec is open');
    const text = editor.document.getText();
    // After the last item, separated by a blank line like the others, before the trailing comment.
    const expected = '    status: draft\n\n  - id: NEWR-3\n    title: "Export: \\"all\\" # of it"\n    type: story\n    priority: should\n    status: draft\n';
    assert.ok(text.includes(expected), `the new item follows the list's layout:\n${text}`);
    assert.ok(text.indexOf('- id: NEWR-3') < text.indexOf('# A trailing comment'), 'inserted inside the list');
    await editor.document.save();
    // The server reads it back as a valid requirement.
    await waitFor('NEWR-3 indexed', async () => (await api.views.requirements.current()).byId.has('NEWR-3'));
  });

  it('spectrace.newRequirement {parent, roadmap, priority, owner}: writes the item under its parent with its prefix, every other line unchanged', async () => {
    const before = fixture('new-child.yaml');
    const uri = writeWs('specs/e2e-child.yaml', before);
    await waitFor('NEWC-1 indexed', async () => (await api.views.requirements.current()).byId.get('NEWC-1')?.req.parent === 'NEWP-1');
    const result = await vscode.commands.executeCommand<NewRequirementResult>('spectrace.newRequirement', {
      title: 'Save the cart for later',
      parent: 'NEWP-1',
      roadmap: 'M-1',
      priority: 'must',
      owner: 'cart-team',
    });
    assert.ok(result, 'the command returns what it created');
    // The prefix the parent's children use, in the parent's file.
    assert.equal(result.id, 'NEWC-2');
    assert.equal(result.uri, uri.toString());
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === uri.toString(), 'the spec is open');
    const item = ['', '  - id: NEWC-2', '    title: Save the cart for later', '    type: story', '    priority: must', '    status: draft', '    owner: cart-team', '    roadmap: M-1', '    parent: NEWP-1'];
    // Right after the parent's subtree (its child NEWC-1), before the next top-level requirement.
    const lines = before.split('\n');
    const after = lines.indexOf('    parent: NEWP-1') + 1;
    assert.deepEqual(editor.document.getText().split('\n'), [...lines.slice(0, after), ...item, ...lines.slice(after)]);
    await editor.document.save();
    const node = await waitFor('NEWC-2 indexed under NEWP-1', async () => (await api.views.requirements.current()).byId.get('NEWC-2'));
    assert.deepEqual([node.req.parent, node.req.roadmap, node.req.priority, node.req.owner, node.req.status], ['NEWP-1', 'M-1', 'must', 'cart-team', 'draft']);
  });

  it('spectrace.goToRequirement {id}: opens the definition', async () => {
    const opened = await vscode.commands.executeCommand<string>('spectrace.goToRequirement', { id: 'CART-2' });
    assert.equal(opened, 'CART-2');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.fsPath.endsWith('specs/checkout.yaml'));
    assert.match(editor.document.lineAt(editor.selection.start.line).text, /id: CART-2\b/);
    assert.equal(await vscode.commands.executeCommand('spectrace.goToRequirement', 'NOPE-1'), undefined, 'an unknown ID opens nothing');
  });

  it('spectrace.copyId: puts the ID on the clipboard', async () => {
    const node = (await api.views.requirements.current()).byId.get('PAY-3');
    assert.ok(node);
    // From a tree item (the context menu passes the node).
    assert.equal(await vscode.commands.executeCommand('spectrace.copyId', node), 'PAY-3');
    assert.equal(await vscode.env.clipboard.readText(), 'PAY-3');
  });

  it('spectrace.revealRequirement: selects the requirement in the Requirements view', async () => {
    assert.equal(await vscode.commands.executeCommand('spectrace.revealRequirement', 'CART-3'), 'CART-3');
    const view = api.views.requirements.view;
    await waitFor('CART-3 selected in the Requirements view', () => view.selection.some((n) => n.kind === 'requirement' && n.req.id === 'CART-3'));
    assert.ok(view.visible, 'the view is shown');
  });

  it('spectrace.refresh: the views fetch again', async () => {
    let fired = 0;
    const subs = [api.views.requirements.onDidChangeTreeData(() => fired++), api.views.roadmap.onDidChangeTreeData(() => fired++), api.views.coverageGaps.onDidChangeTreeData(() => fired++)];
    try {
      await vscode.commands.executeCommand('spectrace.refresh');
      assert.ok(fired >= 3, `all three views refreshed (${fired})`);
      assert.ok((await api.views.requirements.current()).byId.has('PAY-1'), 'and have their data again');
    } finally {
      for (const s of subs) s.dispose();
    }
  });

  it('spectrace.exportReport {format, target}: writes md, html and csv reports', async () => {
    fs.mkdirSync(wsPath('e2e-out'), { recursive: true });
    for (const format of ['md', 'html', 'csv'] as const) {
      const target = wsUri(`e2e-out/report.${format}`);
      const written = await vscode.commands.executeCommand<string>('spectrace.exportReport', { format, target });
      assert.equal(written, target.toString());
      const content = readWs(`e2e-out/report.${format}`);
      assert.match(content, /CART-1/, `${format} lists the requirements`);
      if (format === 'html') assert.match(content, /<html/i);
      if (format === 'csv') assert.match(content.split(/\r?\n/)[0], /id/i);
    }
  });

  it('spectrace.showLocations: rejects malformed arguments with a message, not a crash', async () => {
    // The boundary reports and returns undefined; the extension keeps working.
    assert.equal(await vscode.commands.executeCommand('spectrace.showLocations', { uri: 42 }), undefined);
    assert.equal(api.server.status, 'running');
  });

  it('spectrace.createStarter {folder}: writes spectrace.yaml and specs/product.yaml, never overwriting', async () => {
    const folder = wsUri('e2e-starter');
    const created = await vscode.commands.executeCommand<string[]>('spectrace.createStarter', { folder });
    assert.deepEqual(created.map((u) => vscode.Uri.parse(u).fsPath).sort(), [wsPath('e2e-starter/spectrace.yaml'), wsPath('e2e-starter/specs/product.yaml')].sort());
    assert.match(readWs('e2e-starter/specs/product.yaml'), /- id: REQ-1\n/);
    assert.match(readWs('e2e-starter/spectrace.yaml'), /^specs:/m);
    fs.writeFileSync(wsPath('e2e-starter/spectrace.yaml'), '# mine\n');
    assert.deepEqual(await vscode.commands.executeCommand('spectrace.createStarter', { folder }), [], 'a second run creates nothing');
    assert.equal(readWs('e2e-starter/spectrace.yaml'), '# mine\n', 'and overwrites nothing');
  });

  it('spectrace.groupBy* and spectrace.filterRequirements change the Requirements view', async () => {
    await vscode.commands.executeCommand('spectrace.groupByFile');
    assert.equal(api.views.requirements.grouping, 'file');
    await vscode.commands.executeCommand('spectrace.groupByRoadmap');
    assert.equal(api.views.requirements.grouping, 'roadmap');
    await vscode.commands.executeCommand('spectrace.groupByProduct');
    assert.equal(api.views.requirements.grouping, 'product');
    await vscode.commands.executeCommand('spectrace.filterRequirements', { tag: ['mobile'] });
    assert.deepEqual(api.views.requirements.filter.tag, ['mobile']);
    await vscode.commands.executeCommand('spectrace.clearRequirementsFilter');
    assert.deepEqual(api.views.requirements.filter.tag, []);
  });

  it('spectrace.showOutput: opens the Spectrace log without an error', async () => {
    assert.equal(await vscode.commands.executeCommand('spectrace.showOutput'), undefined);
  });

  it('spectrace.restartServer: a fresh server answers again', async () => {
    await vscode.commands.executeCommand('spectrace.restartServer');
    assert.equal(api.server.status, 'running');
    await waitFor('requirements from the new server', async () => (await api.views.requirements.current()).byId.has('PAY-1'));
    assert.equal(api.server.crashRestarts, 0, 'a restart by the user is not a crash');
  });
});
