// The Spectrace language server on a connection. Thin by design: each handler finds the document and
// its folder's index (lspWorkspace.ts), then delegates to one feature module (features/), passing the
// cancellation token. Errors stop at the boundary (boundary.ts): logged, answered, never fatal. The
// connection comes from the caller: serverMain.ts makes one on stdio / IPC / a socket, tests one in memory.
import { DidChangeWatchedFilesNotification, TextDocuments, WatchKind } from 'vscode-languageserver/node';
import type { CancellationToken, Connection, InitializeParams, SymbolInformation, DocumentSymbol } from 'vscode-languageserver/node';
import { codeActions } from '../features/codeActions';
import { codeLenses } from '../features/codeLens';
import { completion } from '../features/completion';
import { definition } from '../features/definition';
import { documentSymbols } from '../features/documentSymbols';
import { foldingRanges, selectionRanges } from '../features/folding';
import { hover } from '../features/hover';
import { idAtPosition } from '../features/idAtPosition';
import { inlayHints } from '../features/inlayHints';
import { references } from '../features/references';
import { prepareRename, rename } from '../features/rename';
import { coverageGaps, insights, matrix, nextId, requirementsTree, roadmap, summary, trace } from '../features/views/requests';
import { renderReport } from '../features/views/report';
import { releaseNotes, timeline } from '../features/views/releases';
import { burnup, release, releaseFolder } from '../features/views/release';
import { bumpRevision, reviewText, suspectLinks } from '../features/views/reviewRequests';
import { board, boardMove } from '../features/views/board';
import { workspaceSymbols } from '../features/workspaceSymbols';
import type { FeatureRequest } from '../features/featureContext';
import { contentModified, documentParamsProblem, guard, guardNotification, invalidParams } from './boundary';
import { readClientSupport, serverCapabilities } from './capabilities';
import type { ClientSupport } from './capabilities';
import { pathToUri } from './uris';
import { TOOL } from '../engine/reports/tool';
import { PieceDocument } from './pieceDocument';
import { Workspace } from './lspWorkspace';
import type { RequestTarget } from './lspWorkspace';
import { exportReqifRequest, importRequirementsRequest } from './interchangeRequests';
import {
  BoardMoveRequest,
  BoardRequest,
  BurnupRequest,
  ReleaseRequest,
  BumpRevisionRequest,
  CoverageGapsRequest,
  ExportReqifRequest,
  IdAtRequest,
  ImportRequirementsRequest,
  MatrixRequest,
  ReleaseNotesRequest,
  TimelineRequest,
  NextIdRequest,
  ReportRequest,
  ReviewTextRequest,
  SuspectLinksRequest,
  RequirementsTreeRequest,
  RoadmapRequest,
  InsightsRequest,
  SummaryRequest,
  TraceRequest,
  TrustChangedNotification,
} from '../shared/protocol';
import type { InitializationOptions } from '../shared/protocol';

export interface ServerOptions {
  /** "Today" for overdue checks and due dates. Default: the system clock. */
  now?: () => Date;
}

/** Register every handler on `connection` and start listening. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  // Open documents are kept in pieces: a keystroke in an 11 MB spec must not copy 11 MB.
  const documents = new TextDocuments(PieceDocument);
  const log = connection.console;
  const now = options.now ?? (() => new Date());

  let client: ClientSupport = readClientSupport(undefined);
  let workspace: Workspace | undefined;
  let initialFolders: { uri: string; name: string }[] = [];

  function ws(): Workspace {
    if (!workspace) throw new Error('the server is not initialized');
    return workspace;
  }

  connection.onInitialize((params: InitializeParams) => {
    client = readClientSupport(params.capabilities);
    const opts = (params.initializationOptions ?? {}) as Partial<InitializationOptions>;
    // A client without a notion of trust (Neovim, a plain stdio client) is trusted.
    // The extension's storage folder, where each folder's code index persists between sessions.
    const storagePath = typeof opts.storagePath === 'string' && opts.storagePath.trim() !== '' ? opts.storagePath : undefined;
    workspace = new Workspace(connection, documents, client, opts.trusted !== false, now, storagePath);
    if (params.workspaceFolders?.length) initialFolders = params.workspaceFolders.map((f) => ({ uri: f.uri, name: f.name }));
    else if (params.rootUri) initialFolders = [{ uri: params.rootUri, name: params.rootUri.split('/').pop() ?? 'workspace' }];
    else if (params.rootPath) initialFolders = [{ uri: pathToUri(params.rootPath), name: params.rootPath.split(/[\\/]/).pop() ?? 'workspace' }];
    return { capabilities: serverCapabilities(client), serverInfo: { name: TOOL.name, version: TOOL.version } };
  });

  connection.onInitialized(() => {
    guardNotification('initialized', log, async () => {
      const w = ws();
      if (client.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((e) =>
          guardNotification('didChangeWorkspaceFolders', log, () => {
            for (const f of e.removed) w.removeFolder(f.uri);
            for (const f of e.added) w.addFolder(f.uri, f.name);
          }),
        );
      }
      for (const f of initialFolders) w.addFolder(f.uri, f.name);
      // Without dynamic registration the client decides which file events to send (e.g. the VS Code
      // client's synchronize.fileEvents); the handler below takes whatever arrives.
      if (client.watchedFilesDynamic) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*', kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete }],
        });
      }
    });
  });
  // ---------------------------------------------------------------------------------------------
  // Documents, files, settings, trust

  documents.onDidChangeContent((e) => guardNotification('didChange', log, () => ws().documentChanged(e.document.uri)));
  documents.onDidClose((e) => guardNotification('didClose', log, () => ws().documentClosed(e.document.uri)));
  connection.onDidChangeWatchedFiles((p) => guardNotification('didChangeWatchedFiles', log, () => ws().filesChanged(p.changes)));
  connection.onDidChangeConfiguration((p) =>
    guardNotification('didChangeConfiguration', log, async () => {
      const w = ws();
      const before = w.allFolders().map((f) => w.settings.get(f.uri).codeScanning.enabled);
      w.settings.acceptPush(p.settings);
      await w.settings.pull(w.allFolders().map((f) => f.uri));
      const after = w.allFolders().map((f) => w.settings.get(f.uri).codeScanning.enabled);
      if (before.some((b, i) => b !== after[i])) w.reindexAll();
      w.notifier.changed(); // lenses and hints may have been switched on or off
    }),
  );
  connection.onNotification(TrustChangedNotification, (p) => guardNotification('trustChanged', log, () => ws().setTrusted(p.trusted === true)));
  connection.onShutdown(() => workspace?.dispose());

  // ---------------------------------------------------------------------------------------------
  // Document features

  interface DocParams {
    textDocument: { uri: string };
  }

  /**
   * A document request: find the target, run the feature. With `edits`, the answer is refused when the
   * document or the index changed while it was computed (the edits would apply to text they were not
   * computed for).
   */
  function onDocument<P extends DocParams, R>(
    name: string,
    empty: R,
    run: (req: FeatureRequest<P>, target: RequestTarget) => R | Promise<R>,
    opts: { edits?: boolean } = {},
  ) {
    return (params: P, token: CancellationToken) =>
      guard(name, log, token, async () => {
        const problem = documentParamsProblem(params);
        if (problem) throw invalidParams(`${name}: ${problem}`);
        const target = await ws().target(params.textDocument.uri, token);
        if (!target) return empty;
        const version = target.document.version;
        const indexVersion = target.ctx.index.version;
        const result = await run({ ctx: target.ctx, document: target.document, file: target.file, params, token }, target);
        if (opts.edits && (documents.get(params.textDocument.uri)?.version !== version || target.ctx.index.version !== indexVersion)) throw contentModified();
        return result;
      });
  }

  connection.onCompletion(onDocument('completion', null, (req, t) => completion(req, { isSpec: t.isSpec, isConfig: t.isConfig })));
  connection.onHover(onDocument('hover', null, (req, t) => hover(req, { isSpec: t.isSpec, isConfig: t.isConfig, now: now() })));
  connection.onDefinition(onDocument('definition', null, (req) => definition(req)));
  connection.onReferences(onDocument('references', null, (req) => references(req)));
  connection.onPrepareRename(onDocument('prepareRename', null, (req) => prepareRename(req)));
  connection.onRenameRequest(onDocument('rename', null, (req) => rename(req), { edits: true }));
  connection.onDocumentSymbol(
    onDocument<Parameters<typeof documentSymbols>[0]['params'], DocumentSymbol[] | SymbolInformation[]>('documentSymbol', [], (req) => {
      const symbols = documentSymbols(req);
      return client.hierarchicalSymbols ? symbols : flattenSymbols(symbols, req.document.uri);
    }),
  );
  connection.onCodeLens(onDocument('codeLens', [], (req) => codeLenses(req, now())));
  connection.onCodeAction(onDocument('codeAction', [], (req) => codeActions(req), { edits: true }));
  connection.onFoldingRanges(onDocument('foldingRange', [], (req) => foldingRanges(req)));
  connection.onSelectionRanges(onDocument('selectionRange', [], (req) => selectionRanges(req)));
  connection.languages.inlayHint.on(onDocument('inlayHint', [], (req) => inlayHints(req)));

  connection.onWorkspaceSymbol((params, token) =>
    guard('workspaceSymbol', log, token, async () => {
      const views = await ws().views(token);
      return workspaceSymbols(
        views.map((v) => v.ctx),
        params,
        token,
      );
    }),
  );
  // ---------------------------------------------------------------------------------------------
  // Custom requests for the client's views (shared/protocol.ts)

  connection.onRequest(RequirementsTreeRequest, (p, token) => guard('requirementsTree', log, token, async () => requirementsTree(await ws().views(token, p?.folderUri), token)));
  connection.onRequest(RoadmapRequest, (p, token) => guard('roadmap', log, token, async () => roadmap(await ws().views(token, p?.folderUri), token)));
  connection.onRequest(InsightsRequest, (p, token) => guard('insights', log, token, async () => insights(await ws().views(token, p?.folderUri), token)));
  connection.onRequest(MatrixRequest, (p, token) => guard('matrix', log, token, async () => matrix(await ws().views(token, p?.folderUri), token)));
  connection.onRequest(CoverageGapsRequest, (p, token) => guard('coverageGaps', log, token, async () => coverageGaps(await ws().views(token, p?.folderUri), token)));
  connection.onRequest(SummaryRequest, (p, token) => guard('summary', log, token, async () => summary(await ws().views(token, p?.folderUri))));
  connection.onRequest(TraceRequest, (p, token) =>
    guard('trace', log, token, async () => {
      for (const view of await ws().views(token, undefined, p.uri)) {
        const t = trace(view, String(p.id ?? ''));
        if (t) return t;
      }
      return null;
    }, p),
  );
  connection.onRequest(NextIdRequest, (p, token) =>
    guard('nextId', log, token, async () => {
      const [view] = await ws().views(token, undefined, p.uri);
      return view ? nextId(view, String(p.prefix ?? '')) : { id: `${String(p.prefix ?? 'REQ').replace(/-+$/, '')}-1` };
    }, p),
  );
  connection.onRequest(IdAtRequest, onDocument('idAt', null, (req) => idAtPosition(req)));
  connection.onRequest(ReportRequest, (p, token) => guard('report', log, token, async () => renderReport(await ws().views(token, p?.folderUri), p?.format ?? 'md', now())));
  connection.onRequest(ExportReqifRequest, (p, token) => guard('exportReqif', log, token, async () => exportReqifRequest(await ws().views(token, p?.folderUri), p ?? {}, ws().isTrusted)));
  connection.onRequest(ImportRequirementsRequest, (p, token) => guard('importRequirements', log, token, async () => importRequirementsRequest(await ws().views(token, p?.folderUri, p?.outUri ?? p?.fileUri), p), p));
  connection.onRequest(SuspectLinksRequest, (p, token) => guard('suspectLinks', log, token, async () => suspectLinks(await ws().views(token, p?.folderUri), p ?? {}, token)));
  connection.onRequest(ReviewTextRequest, (p, token) => guard('reviewText', log, token, async () => reviewText(await ws().views(token, undefined, p.uri), p), p));
  connection.onRequest(ReleaseNotesRequest, (p, token) => guard('releaseNotes', log, token, async () => releaseNotes(await ws().views(token, p?.folderUri), p), p));
  connection.onRequest(TimelineRequest, (p, token) => guard('timeline', log, token, async () => timeline(await ws().views(token, p?.folderUri), p ?? {})));
  connection.onRequest(ReleaseRequest, (p, token) => guard('release', log, token, async () => release(releaseFolder(await ws().views(token, p.folderUri), p), p), p));
  connection.onRequest(BurnupRequest, (p, token) => guard('burnup', log, token, async () => burnup(releaseFolder(await ws().views(token, p.folderUri), p), p), p));
  connection.onRequest(BumpRevisionRequest, (p, token) => guard('bumpRevision', log, token, async () => bumpRevision(await ws().views(token, undefined, p.uri), p), p));
  connection.onRequest(BoardRequest, (p, token) => guard('board', log, token, async () => board(await ws().views(token, p?.folderUri), token)));
  connection.onRequest(BoardMoveRequest, (p, token) => guard('boardMove', log, token, async () => boardMove(await ws().views(token, undefined, p?.uri), p)));

  documents.listen(connection);
  connection.listen();
}

function flattenSymbols(symbols: DocumentSymbol[], uri: string, container?: string): SymbolInformation[] {
  return symbols.flatMap((s) => [
    { name: s.name, kind: s.kind, location: { uri, range: s.selectionRange }, containerName: container },
    ...flattenSymbols(s.children ?? [], uri, s.name),
  ]);
}
