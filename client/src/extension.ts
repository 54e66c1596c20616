import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // The language client is started here once the server exists.
}

export function deactivate(): void {}
