// Loads one of the extension's own CommonJS bundles in the web worker extension host, the way the
// host loads extension code itself (fetch, then `new Function` with module, exports and a require
// that knows only `vscode`): the host has no require() of its own for extension files. The browser
// entry loads the language client this way after activate() returns, so VS Code's activation time
// does not include fetching and evaluating vscode-languageclient.
import * as vscode from 'vscode';

export async function loadScript<T>(script: vscode.Uri): Promise<T> {
  const url = script.toString(true);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  const code = `${await response.text()}\n//# sourceURL=${url}`;
  const module: { exports: unknown } = { exports: {} };
  const requireInHost = (id: string): unknown => {
    if (id === 'vscode') return vscode;
    throw new Error(`${url} requires '${id}', which the web worker extension host does not have`);
  };
  // The extension's own shipped bundle, evaluated as the host evaluates extension.js.
  new Function('module', 'exports', 'require', code)(module, module.exports, requireInHost);
  return module.exports as T;
}
