// The extension's browser entry (package.json "browser"): for vscode.dev, github.dev and code-server's
// web worker extension host. Activation is the Node entry's (extension.ts); only the language client
// differs: its server runs in a Web Worker and reads the workspace through this extension. The client
// is its own bundle (dist/web/languageClient.js), loaded after activate() returns, as the Node entry
// does with dist/languageClient.js.
import * as vscode from 'vscode';
import type { SpectraceApi } from '../api';
import type { LanguageClientModule } from '../clientOptions';
import { activateWith, deactivate } from '../extension';
import { loadScript } from './loadScript';

export function activate(context: vscode.ExtensionContext): SpectraceApi {
  return activateWith(context, () => loadScript<LanguageClientModule>(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'languageClient.js')));
}

export { deactivate };
