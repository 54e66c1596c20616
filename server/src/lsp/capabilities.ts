// What the client can do (read once from initialize) and what the server offers in return. Every
// optional client capability has a fallback, so a base-protocol client (no configuration, no dynamic
// registration, no workspace folders, no progress) still gets diagnostics and the core features.
import { CodeActionKind, TextDocumentSyncKind } from 'vscode-languageserver';
import type { ClientCapabilities, ServerCapabilities } from 'vscode-languageserver';

/** What the client declared it can do, read once from the initialize params. */
export interface ClientFeatures {
  configuration: boolean;
  workspaceFolders: boolean;
  watchedFilesDynamic: boolean;
  workDoneProgress: boolean;
  documentChanges: boolean;
  snippets: boolean;
  markdown: boolean;
  relatedInformation: boolean;
  codeLensRefresh: boolean;
  inlayHintRefresh: boolean;
}

export interface ClientSupport extends ClientFeatures {
  prepareRename: boolean;
  hierarchicalSymbols: boolean;
  codeActionLiterals: boolean;
}

export function readClientSupport(c: ClientCapabilities | undefined): ClientSupport {
  const td = c?.textDocument;
  const ws = c?.workspace;
  return {
    configuration: ws?.configuration === true,
    workspaceFolders: ws?.workspaceFolders === true,
    watchedFilesDynamic: ws?.didChangeWatchedFiles?.dynamicRegistration === true,
    workDoneProgress: c?.window?.workDoneProgress === true,
    documentChanges: ws?.workspaceEdit?.documentChanges === true,
    snippets: td?.completion?.completionItem?.snippetSupport === true,
    markdown: (td?.hover?.contentFormat ?? []).includes('markdown'),
    relatedInformation: td?.publishDiagnostics?.relatedInformation === true,
    codeLensRefresh: ws?.codeLens?.refreshSupport === true,
    inlayHintRefresh: ws?.inlayHint?.refreshSupport === true,
    prepareRename: td?.rename?.prepareSupport === true,
    hierarchicalSymbols: td?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    codeActionLiterals: td?.codeAction?.codeActionLiteralSupport !== undefined,
  };
}

export const COMPLETION_TRIGGERS = [' ', ':', ',', '[', '-'];

export function serverCapabilities(client: ClientSupport): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: client.prepareRename ? { prepareProvider: true } : true,
    documentSymbolProvider: { label: 'Spectrace' },
    workspaceSymbolProvider: true,
    codeLensProvider: { resolveProvider: false },
    codeActionProvider: client.codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix] } : false,
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    inlayHintProvider: { resolveProvider: false },
    workspace: client.workspaceFolders ? { workspaceFolders: { supported: true, changeNotifications: true } } : undefined,
  };
}
