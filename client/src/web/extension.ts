// The extension's browser entry (package.json "browser"): for vscode.dev, github.dev and code-server's
// web worker extension host. Activation is the Node entry's (extension.ts); only the language client
// differs: its server runs in a Web Worker and reads the workspace through this extension.
import type * as vscode from 'vscode';
import type { SpectraceApi } from '../api';
import { activateWith, deactivate } from '../extension';
import * as webLanguageClient from './webLanguageClient';

export function activate(context: vscode.ExtensionContext): SpectraceApi {
  return activateWith(context, () => Promise.resolve(webLanguageClient));
}

export { deactivate };
