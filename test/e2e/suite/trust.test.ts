// Workspace trust (the untrusted pass only, see the @untrusted tag): restricted mode says so in the
// status bar and loads no workspace schema; granting trust upgrades both without a reload.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpectraceApi } from '../../../client/src/api';
import { fixture, readWs, spectrace, spectraceDiagnostics, waitFor, writeWs } from './helpers';
import { requestWorkspaceTrust } from './trust';

const MARKER = 'e2e_trusted_only';

describe('workspace trust @untrusted', () => {
  let api: SpectraceApi;
  let specUri: vscode.Uri;

  before(async () => {
    api = await spectrace();
    // A workspace schema (requires a field no requirement has) and a spec it would reject.
    writeWs('e2e-trust/e2e-requirement.schema.json', fixture('trust', 'e2e-requirement.schema.json'));
    specUri = writeWs('e2e-trust/trust.yaml', fixture('trust', 'trust.yaml'));
    const config = readWs('spectrace.yaml')
      .replace(/^specs: .*$/m, 'specs: ["specs/**/*.yaml", "e2e-trust/**/*.yaml"]')
      .concat('\nschemas:\n  requirement: e2e-trust/e2e-requirement.schema.json\n');
    writeWs('spectrace.yaml', config);
  });

  it('runs in restricted mode and says so in the status bar', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const text = await waitFor('the restricted summary in the status bar', () => (api.statusBar.summary ? api.statusBar.item.text : undefined));
    assert.match(text, /^\$\(checklist\) Specs: .* \(restricted\)$/);
    assert.equal(api.statusBar.summary?.trusted, false);
    assert.match(String(api.statusBar.item.tooltip), /Restricted mode/);
  });

  it('does not load the workspace schema while untrusted', async () => {
    // The new config is in effect once its extra spec glob brings TRUST-1 in.
    await waitFor('TRUST-1 indexed under the new config', async () => (await api.views.requirements.current()).byId.has('TRUST-1'));
    const marked = spectraceDiagnostics(specUri).filter((d) => d.message.includes(MARKER));
    assert.deepEqual(marked.map((d) => d.message), [], 'no diagnostic from the workspace schema');
  });

  it('upgrades when trust is granted: the status bar drops "(restricted)" and the workspace schema applies', async () => {
    await requestWorkspaceTrust();
    assert.equal(vscode.workspace.isTrusted, true);
    await waitFor('a trusted summary', () => api.statusBar.summary?.trusted === true && !api.statusBar.item.text.includes('restricted'));
    const diag = await waitFor(`a diagnostic from the workspace schema on e2e-trust/trust.yaml`, () => spectraceDiagnostics(specUri).find((d) => d.message.includes(MARKER)));
    assert.equal(diag.range.start.line, 2, 'on the requirement');
  });
});
