// Granting workspace trust from a test. An extension cannot trust a folder through the API; the
// runner can, through the real UI: the test logs a request line, the runner (which sees the
// extension host's console) clicks "Trust" in the workbench, and the test waits for the grant.
import * as vscode from 'vscode';

/** Must equal GRANT_TRUST_REQUEST in test/e2e/lib/extension-tests.mjs. */
export const GRANT_TRUST_REQUEST = '[spectrace-e2e] request: grant-trust';

/**
 * Asks the runner to trust the workspace and resolves once VS Code reports it trusted.
 * Rejects after `timeoutMs` (e.g. under a runner that cannot click, such as test-electron).
 */
export function requestWorkspaceTrust(timeoutMs = 45_000): Promise<void> {
  if (vscode.workspace.isTrusted) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const done = (err?: Error): void => {
      clearTimeout(timer);
      clearInterval(poll);
      sub.dispose();
      if (err) reject(err);
      else resolve();
    };
    const sub = vscode.workspace.onDidGrantWorkspaceTrust(() => done());
    // The event is the signal; the poll only guards against a grant that raced the subscription.
    const poll = setInterval(() => {
      if (vscode.workspace.isTrusted) done();
    }, 100);
    const timer = setTimeout(() => done(new Error(`workspace trust was not granted within ${timeoutMs} ms`)), timeoutMs);
    console.log(GRANT_TRUST_REQUEST);
  });
}
