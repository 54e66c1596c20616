// Import Requirements… and Export ReqIF…, run with the arguments that skip their dialogs: a Jira CSV
// becomes a spec file the server indexes without errors; the workspace is written as a ReqIF file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { SpectraceApi } from '../../../client/src/api';
import { diagnosticCode, readWs, removeWs, repoPath, spectrace, spectraceDiagnostics, waitFor, wsPath, wsUri } from './helpers';

describe('interchange commands', () => {
  let api: SpectraceApi;

  before(async () => {
    api = await spectrace();
  });

  after(() => {
    for (const f of ['specs/e2e-jira.yaml', 'e2e-reqif']) removeWs(f);
  });

  it('spectrace.importRequirements {file, out}: a Jira CSV becomes a spec file that validates', async () => {
    const out = wsUri('specs/e2e-jira.yaml');
    const written = await vscode.commands.executeCommand<string>('spectrace.importRequirements', { file: repoPath('test', 'fixtures', 'interchange', 'jira-export.csv'), out });
    assert.equal(written, out.toString());
    const text = readWs('specs/e2e-jira.yaml');
    assert.match(text, /- id: SHOP-1\n {4}title: Checkout epic\n/);
    await waitFor('SHOP-2 indexed with its parent', async () => (await api.views.requirements.current()).byId.get('SHOP-2')?.req.parent === 'SHOP-1');
    // The server has published the new file's diagnostics once its requirements are in the views. The
    // example's policy makes an uncovered `must` an error: that is coverage, not the file's validity.
    const errors = spectraceDiagnostics(out).filter((d) => d.severity === vscode.DiagnosticSeverity.Error && diagnosticCode(d) !== 'uncovered-requirement');
    assert.deepEqual(errors.map((d) => `${diagnosticCode(d) ?? ''} ${d.message}`), []);
    assert.ok(spectraceDiagnostics(out).some((d) => diagnosticCode(d) === 'uncovered-requirement'), 'the file was checked');
  });

  it('spectrace.exportReqif {target}: writes the workspace as ReqIF', async () => {
    fs.mkdirSync(wsPath('e2e-reqif'), { recursive: true });
    const target = wsUri('e2e-reqif/specs.reqif');
    const written = await vscode.commands.executeCommand<string>('spectrace.exportReqif', { target, date: '2026-03-01' });
    assert.equal(written, target.toString());
    const text = readWs('e2e-reqif/specs.reqif');
    assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<REQ-IF xmlns="http:\/\/www.omg.org\/spec\/ReqIF\/20110401\/reqif.xsd"/);
    assert.match(text, /<SPEC-OBJECT IDENTIFIER="req-CART-1" LAST-CHANGE="2026-03-01T00:00:00Z" LONG-NAME="Shopping cart">/);
  });
});
