// Checks of the e2e harness itself: the runner opened the workspace copy it announced, the
// extension under development is loaded, and the trust state matches the pass. The untrusted pass
// ends by granting trust through the runner (index.ts loads this file last: the grant cannot be undone).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { e2eEnv } from './env';
import { requestWorkspaceTrust } from './trust';

const env = e2eEnv();
// Read when the file loads, before any test runs: a test may grant trust before this file's tests.
const trustedAtLoad = vscode.workspace.isTrusted;

describe('e2e harness', () => {
  it('opens the workspace copy the runner announced', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'exactly one workspace folder');
    assert.ok(env.workspace, 'SPECTRACE_E2E_WORKSPACE is set');
    assert.equal(path.resolve(folders[0].uri.fsPath), path.resolve(env.workspace));
  });

  it('loads the extension under development', () => {
    const ext = vscode.extensions.getExtension('spectrace.spectrace');
    assert.ok(ext, 'spectrace.spectrace is loaded');
  });

  it('runs with the workspace trusted', () => {
    assert.equal(vscode.workspace.isTrusted, true);
  });
});

describe('e2e harness @untrusted', () => {
  it('starts with the workspace untrusted', () => {
    assert.equal(trustedAtLoad, false);
  });

  it('gets trust granted by the runner through the workbench UI', async () => {
    await requestWorkspaceTrust();
    assert.equal(vscode.workspace.isTrusted, true);
  });
});
