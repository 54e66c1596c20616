// Activation: the extension activates on the example workspace (it holds spectrace.yaml), reports
// its own activation time, and its language server comes up.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpectraceApi } from '../../../client/src/api';
import { EXTENSION_ID, spectrace, waitFor } from './helpers';
import { extensionCodeLoadMs } from './hostMarks';

describe('activation', () => {
  it('activates on a workspace with spectrace.yaml and records activationMs', async () => {
    const ext = vscode.extensions.getExtension<SpectraceApi>(EXTENSION_ID);
    assert.ok(ext, 'the extension is installed');
    // workspaceContains:spectrace.yaml activates it without anyone asking.
    await waitFor('the extension to be active', () => ext.isActive);
    const { activationMs } = ext.exports;
    assert.equal(typeof activationMs, 'number');
    assert.ok(Number.isFinite(activationMs) && activationMs >= 0, `activationMs is a duration (${activationMs})`);
    console.log(`      activationMs = ${activationMs.toFixed(1)}`);
    // The steps cover activate() from its first line to its return: they add up to activationMs.
    const steps = ext.exports.activationSteps;
    assert.deepEqual(Object.keys(steps), ['context', 'views', 'statusBar', 'commands', 'startClient']);
    const sum = Object.values(steps).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - activationMs) < 1, `the steps (${sum.toFixed(1)} ms) add up to activationMs`);
    console.log(`      steps: ${Object.entries(steps).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
  });

  it("VS Code's marks time the loading of extension.js", () => {
    // With activate() above, this is the part of VS Code's "Startup Activation" that is ours.
    const codeLoadMs = extensionCodeLoadMs(EXTENSION_ID);
    assert.ok(codeLoadMs !== undefined, 'the extension host marks the start and end of loading extension.js');
    assert.ok(Number.isFinite(codeLoadMs) && codeLoadMs >= 0, `loading extension.js took a duration (${codeLoadMs})`);
    console.log(`      extension.js loaded in ${codeLoadMs.toFixed(1)} ms (VS Code's will/didLoadExtensionCode marks)`);
  });

  it('starts the language server', async () => {
    const api = await spectrace();
    assert.equal(api.server.status, 'running');
  });

  it('contributes its commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['spectrace.newRequirement', 'spectrace.goToRequirement', 'spectrace.showMatrix', 'spectrace.exportReport', 'spectrace.copyId', 'spectrace.revealRequirement', 'spectrace.refresh', 'spectrace.restartServer', 'spectrace.showLocations', 'spectrace.createStarter', 'spectrace.reviewSuspectLinks', 'spectrace.bumpRevision', 'spectrace.showBoard']) {
      assert.ok(all.includes(id), `${id} is registered`);
    }
  });

  it('shows the workspace summary in the status bar', async () => {
    const api = await spectrace();
    // The first answer may come while the server still indexes; the index-changed refresh follows.
    const summary = await waitFor("the example's 40 requirements in the summary", () => ((api.statusBar.summary?.requirements ?? 0) >= 40 ? api.statusBar.summary : undefined));
    const text = api.statusBar.item.text;
    assert.match(text, new RegExp(`^\\$\\(checklist\\) Specs: ${summary.satisfied}/${summary.underPolicy} under policy covered · ${summary.implemented}/${summary.requirements} implemented`));
    assert.doesNotMatch(text, /restricted/, 'the trusted pass is not restricted');
    assert.equal(api.statusBar.item.command, 'spectrace.coverageGaps.focus');
    // Its click shows the Coverage gaps view.
    await vscode.commands.executeCommand('spectrace.coverageGaps.focus');
    await waitFor('the Coverage gaps view visible', () => api.views.coverageGaps.view.visible);
  });
});
