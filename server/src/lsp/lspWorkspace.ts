// The server's state: one index per workspace folder, all linked into one trace (a requirement in one
// folder is known to the tags of every folder), kept current from open documents (their text
// wins over the disk) and from file events, with diagnostics pushed after every change. Requests ask
// it for a feature context; it makes sure pending edits are applied first. The parts live beside it:
// folder.ts (one folder), documentSync.ts (pending edits), indexUpdates.ts (a file's text into its
// index), diskReads.ts (files read after events), publishScheduler.ts (cross-file publishing),
// requestScope.ts (what a request runs against).
import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver';
import type { CancellationToken, Connection, FileEvent, TextDocuments, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SpecInput } from '../engine/spec/specSource';
import type { PieceDocument } from './pieceDocument';
import { CodeIndexCache } from '../disk/indexCache';
import { SpecResultCache } from '../disk/specResultCache';
import type { SkippedFile } from '../engine/types';
import type { FeatureContext } from '../features/featureContext';
import type { FolderView } from '../features/views/nodes';
import { describeError } from './boundary';
import type { ClientFeatures } from './capabilities';
import { filesOfNewFolder, LatestDiskEvent, readChangedFile } from './diskReads';
import { PendingEdits } from './documentSync';
import { buildIndex, emptyIndex } from './engineIndex';
import type { WorkspaceIndex } from '../engine/index/workspaceIndex';
import { LinkedTrace } from '../engine/index/linkedTrace';
import { isInAlwaysExcludedDir } from '../engine/config/globs';
import { readTextSync } from '../disk/readText';
import { Folder } from './folder';
import { indexIncludes, resolveIncludes } from '../disk/includes';
import { applyText, removeFromIndex } from './indexUpdates';
import { ChangeNotifier } from './notifier';
import { DiagnosticsPublisher } from './publisher';
import { PublishScheduler } from './publishScheduler';
import { featureContext, whenReady } from './requestScope';
import { SettingsStore } from './settings';
import { isInside, pathToUri, uriToPath } from './uris';
import { errorText } from '../shared/errorText';

export { Folder };

export interface RequestTarget {
  folder: Folder;
  ctx: FeatureContext;
  document: TextDocument;
  file: string;
  isSpec: boolean;
  isConfig: boolean;
}

const SKIP_LOG_LIMIT = 50;
/**
 * SPECTRACE_TIMING=1: one stderr line per applied batch of edits with the server's own time for it
 * (apply, diagnostics, publish). The benchmark reports it next to the client-side latency, which also
 * holds the transport and the client's own pauses.
 */
const TIMING = process.env.SPECTRACE_TIMING === '1';

export class Workspace {
  private folders: Folder[] = [];
  /** The window's one trace: every folder's index is a member. */
  private readonly trace = new LinkedTrace<WorkspaceIndex>();
  /** The indexing runs, one after another (see queueIndex). */
  private indexing: Promise<void> = Promise.resolve();
  private readonly pending = new PendingEdits(() => this.flush());
  private readonly scheduler: PublishScheduler;
  /** Per file, the latest disk event: a slow read that finishes after a newer event is dropped. */
  private readonly diskEvents = new LatestDiskEvent();
  private skippedLogged = 0;
  readonly settings: SettingsStore;
  readonly publisher: DiagnosticsPublisher;
  readonly notifier: ChangeNotifier;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<PieceDocument>,
    readonly client: ClientFeatures,
    private trusted: boolean,
    private readonly now: () => Date,
    /** Where the persisted code index of each folder is kept (the extension's storage); none when undefined. */
    private readonly storagePath?: string,
  ) {
    this.settings = new SettingsStore(connection, () => client.configuration);
    this.publisher = new DiagnosticsPublisher(connection, (uri) => documents.get(uri)?.version, () => client.relatedInformation);
    this.notifier = new ChangeNotifier(connection, () => ({ codeLens: client.codeLensRefresh, inlayHint: client.inlayHintRefresh }));
    this.scheduler = new PublishScheduler(this.publisher, this.notifier, (message) => connection.console.error(message), () => this.flush());
  }

  get isTrusted(): boolean {
    return this.trusted;
  }

  // -------------------------------------------------------------------------------------------
  // Folders

  allFolders(): readonly Folder[] {
    return this.folders;
  }

  /** The innermost folder containing `file`. */
  folderFor(file: string): Folder | undefined {
    let best: Folder | undefined;
    for (const f of this.folders) if (isInside(file, f.root) && (!best || f.root.length > best.root.length)) best = f;
    return best;
  }

  addFolder(uri: string, name: string): Folder | undefined {
    const root = uriToPath(uri);
    if (!root) {
      this.connection.console.warn(`spectrace: workspace folder ${uri} is not on the file system; skipped`);
      return undefined;
    }
    const existing = this.folders.find((f) => f.uri === uri);
    if (existing) return existing;
    const folder = new Folder(uri, name, root);
    if (this.storagePath) {
      const log = (message: string) => this.connection.console.log(message);
      folder.cache = new CodeIndexCache(this.storagePath, root, log);
      folder.specCache = new SpecResultCache(this.storagePath, root, log);
      folder.storageDir = this.storagePath;
      folder.storageLog = log;
    }
    this.folders.push(folder);
    folder.ready = this.settings.pull([uri]).then(() => this.queueIndex(folder));
    return folder;
  }

  removeFolder(uri: string): void {
    const folder = this.folders.find((f) => f.uri === uri);
    if (!folder) return;
    this.folders = this.folders.filter((f) => f !== folder);
    if (folder.cacheTimer) clearTimeout(folder.cacheTimer);
    folder.generation++;
    folder.index?.leaveTrace();
    folder.index = undefined;
    for (const f of folder.included) f.index?.leaveTrace();
    folder.included = [];
    this.settings.forget(uri);
    this.publisher.clearFolder(uri);
    if (this.allIndexed()) for (const f of this.folders) this.publishIndexed(f);
    this.markAllDirty();
    this.scheduler.schedule();
    this.notifier.changed();
  }

  /**
   * Folders are indexed one at a time: nothing is published before every folder has its index, so
   * running them side by side gains nothing, and each large folder's code scan would start its own
   * worker thread on the same cores.
   */
  private queueIndex(folder: Folder): Promise<void> {
    const run = this.indexing.then(() => (this.folders.includes(folder) ? this.index(folder) : undefined));
    this.indexing = run.catch(() => undefined);
    return run;
  }

  /** (Re)build a folder's index from disk, with work-done progress, then overlay the open documents. */
  private async index(folder: Folder): Promise<void> {
    const generation = ++folder.generation;
    folder.gitignore = undefined;
    folder.eventsWhileIndexing = new Map();
    let progress: WorkDoneProgressServerReporter | undefined;
    try {
      progress = await this.connection.window.createWorkDoneProgress();
      progress.begin(`Spectrace: indexing ${folder.name}`, 0, undefined, false);
    } catch (err) {
      // A client that refuses the progress token still gets its index.
      this.connection.console.info(`spectrace: no progress reporting (${errorText(err)})`);
      progress = undefined;
    }
    let index: WorkspaceIndex;
    const started = Date.now();
    try {
      index = await buildIndex(folder.root, {
        trusted: this.trusted,
        now: this.now,
        onProgress: (message, percentage) => progress?.report(percentage ?? 0, message),
        onSkip: (s) => this.logSkip(s),
        // A custom schema being edited counts with its unsaved text.
        readFile: (file) => this.textOf(file),
        codeCache: folder.cache,
        specCache: folder.specCache,
        log: (message) => this.connection.console.log(message),
      });
    } catch (err) {
      this.connection.console.error(`spectrace: indexing ${folder.root} failed: ${describeError(err)}`);
      void this.connection.window.showErrorMessage(`Spectrace could not index ${folder.name}: ${errorText(err)}`);
      index = emptyIndex(folder.root, this.trusted);
    } finally {
      progress?.done();
    }
    if (generation !== folder.generation || !this.folders.includes(folder)) return; // superseded or removed meanwhile
    const included = await this.indexIncludes(folder, index);
    if (generation !== folder.generation || !this.folders.includes(folder)) return;
    if (!this.settings.get(folder.uri).codeScanning.enabled) for (const c of [...index.codeFiles()]) index.removeFile(c.file);
    index.joinTrace(this.trace, folder.index);
    folder.index = index;
    for (const old of folder.included) old.index?.leaveTrace();
    folder.included = included;
    for (const f of included) f.index?.joinTrace(this.trace);
    // Open documents win over what was read from disk, and are published first, with their versions.
    const open: string[] = [];
    for (const doc of this.documents.all()) {
      const file = uriToPath(doc.uri);
      if (!file || this.folderFor(file) !== folder) continue;
      this.pending.delete(doc.uri);
      // An open, unchanged spectrace.yaml is what indexFolder just read: re-applying it would
      // re-validate the whole folder for nothing.
      const sameConfig = file === folder.configFile && doc.getText() === readTextSync(file);
      if (sameConfig || this.applyText(folder, file, doc)) open.push(file);
    }
    this.connection.console.info(`spectrace: indexed ${folder.root} in ${Date.now() - started} ms`);
    for (const file of open) folder.unpublished.add(file);
    this.replayEvents(folder);
    // A folder's tags may name another folder's requirements: nothing is published until every
    // folder has its index, so no unknown reference flashes up while the others are still read.
    if (this.allIndexed()) {
      for (const f of this.folders) this.publishIndexed(f);
      // The other folders' tags and coverage may resolve differently now.
      this.markAllDirty();
      this.scheduler.schedule();
      this.notifier.changed();
    }
    // After the diagnostics are out: the next start reads only the code files changed meanwhile.
    void folder.cache?.save();
    void folder.specCache?.save();
  }

  /**
   * The file events that came while the folder was indexed, applied again to its new index: the walk
   * may have read a file before its last write (a burst of large files), and the events themselves
   * went to the index it replaced, or to none.
   */
  private replayEvents(folder: Folder): void {
    const events = folder.eventsWhileIndexing;
    folder.eventsWhileIndexing = undefined;
    if (!events?.size) return;
    for (const [file, deleted] of events) {
      if (this.documents.get(pathToUri(file))) continue; // open: applied above, the editor's text is the truth
      if (deleted) {
        this.diskEvents.deleted(file);
        this.removeFromIndex(folder, file, true);
      } else this.readFromDisk(folder, file);
    }
    this.markDirty(folder);
  }

  /**
   * The folders a folder's spectrace.yaml includes, indexed (not yet linked). A folder already in the
   * trace (a workspace folder, or included by another folder) is not read twice. In an untrusted
   * workspace `include:` is not followed: it would read folders outside the workspace.
   */
  private async indexIncludes(folder: Folder, index: WorkspaceIndex): Promise<Folder[]> {
    if (!index.config.include?.length) return [];
    if (!this.trusted) {
      this.connection.console.info(`spectrace: ${folder.name}: include: is not followed in an untrusted workspace`);
      return [];
    }
    const resolved = await resolveIncludes(index);
    index.setConfigProblems(resolved.problems);
    const taken = (root: string) =>
      this.folders.some((f) => isInside(root, f.root) || f.included.some((i) => i.root === root && folder.included.every((own) => own.root !== root)));
    const wanted = resolved.folders.filter((f) => {
      if (!taken(f.root)) return true;
      this.connection.console.info(`spectrace: ${folder.name}: ${f.written} is in the trace already; not read again`);
      return false;
    });
    const built = await indexIncludes(wanted, async (root) => {
      try {
        return await buildIndex(root, { trusted: this.trusted, now: this.now, onSkip: (s) => this.logSkip(s), readFile: (file) => this.textOf(file) });
      } catch (err) {
        this.connection.console.error(`spectrace: indexing the included folder ${root} failed: ${describeError(err)}`);
        return emptyIndex(root, this.trusted);
      }
    });
    return built.map((i) => {
      const f = new Folder(pathToUri(i.root), `${path.basename(i.root)} (included)`, i.root);
      f.index = i;
      return f;
    });
  }

  private allIndexed(): boolean {
    return this.folders.every((f) => f.index !== undefined);
  }

  /** A folder's first publish after indexing: its open documents with their versions, then the rest. */
  private publishIndexed(folder: Folder): void {
    const index = folder.index;
    if (!index) return;
    const files = [...folder.unpublished];
    folder.unpublished.clear();
    for (const file of files) this.publisher.publishFile(folder.uri, file, index.diagnosticsFor(file), true);
    this.publisher.publishAll(folder.uri, index.diagnostics());
    this.publisher.announceClean(folder.uri, [...index.specFiles()].filter((s) => s.hasSpecLists).map((s) => s.file));
  }

  /** Re-index every folder (trust granted, code scanning switched, config file replaced on disk). */
  reindexAll(): void {
    for (const f of this.folders) this.reindex(f);
  }

  private reindex(folder: Folder): void {
    folder.ready = this.queueIndex(folder);
  }

  setTrusted(trusted: boolean): void {
    if (trusted === this.trusted) return;
    this.trusted = trusted;
    this.reindexAll();
  }

  /** A folder's contents changed: its diagnostics, and through the shared trace the other folders', may have. */
  private markDirty(folder: Folder): void {
    if (!this.allIndexed()) return; // published when the last folder has its index
    if (this.folders.length === 1) this.scheduler.markDirty(folder);
    else this.markAllDirty();
  }

  private markAllDirty(): void {
    if (!this.allIndexed()) return;
    for (const f of this.folders) this.scheduler.markDirty(f);
  }

  private logSkip(s: SkippedFile): void {
    if (this.skippedLogged++ < SKIP_LOG_LIMIT) {
      this.connection.console.info(`spectrace: skipped ${s.file} (${s.reason}${s.detail ? `: ${s.detail}` : ''})`);
    } else if (this.skippedLogged === SKIP_LOG_LIMIT + 1) {
      this.connection.console.info('spectrace: more files skipped; not listing them all');
    }
  }

  // -------------------------------------------------------------------------------------------
  // Applying text

  private applyText(folder: Folder, file: string, input: SpecInput): boolean {
    return applyText(folder, file, input, this.settings.get(folder.uri).codeScanning.enabled, (f) => this.textOf(f));
  }

  /** `deleted`: the path was deleted (a folder takes its files with it), else it read as no file (see removeFromIndex). */
  private removeFromIndex(folder: Folder, file: string, deleted: boolean): void {
    removeFromIndex(folder, file, (f) => this.textOf(f), deleted);
  }

  /** The current text of a file: the open document's, else the disk's; undefined when unreadable. */
  textOf(file: string): string | undefined {
    const doc = this.documents.get(pathToUri(file));
    return doc ? doc.getText() : readTextSync(file);
  }

  // -------------------------------------------------------------------------------------------
  // Open documents

  /** A document was opened or edited: apply it after a short debounce (documentSync.ts). */
  documentChanged(uri: string): void {
    this.pending.add(uri);
  }

  /** Apply pending document edits now, publish the edited documents' diagnostics first. */
  flush(): void {
    const uris = this.pending.take();
    if (uris.length === 0) return;
    const started = TIMING ? performance.now() : 0;
    const edited: { folder: Folder; file: string }[] = [];
    for (const uri of uris) {
      const doc = this.documents.get(uri);
      const file = uriToPath(uri);
      if (!doc || !file) continue;
      const folder = this.folderFor(file);
      if (!folder?.index) continue; // applied when the folder's indexing finishes
      try {
        if (this.applyText(folder, file, doc)) edited.push({ folder, file });
        // A schema or an unindexed file changed: other files may still be affected.
        this.markDirty(folder);
      } catch (err) {
        this.connection.console.error(`spectrace: could not update ${file}: ${describeError(err)}`);
      }
    }
    const publishing = this.allIndexed();
    for (const { folder, file } of edited) {
      if (!publishing) folder.unpublished.add(file);
      else if (folder.index) this.publisher.publishFile(folder.uri, file, folder.index.diagnosticsFor(file), true);
      this.markDirty(folder);
    }
    if (TIMING) {
      const versions = uris.map((u) => `${path.basename(u)}@${this.documents.get(u)?.version ?? '?'}`).join(' ');
      process.stderr.write(`spectrace-timing flush ${(performance.now() - started).toFixed(2)} ms ${versions}\n`);
    }
    this.scheduler.schedule();
  }

  /** A document was closed: the disk is the truth again for it. */
  documentClosed(uri: string): void {
    this.pending.delete(uri);
    const file = uriToPath(uri);
    const folder = file ? this.folderFor(file) : undefined;
    if (!file || !folder) return;
    this.readFromDisk(folder, file);
  }

  // -------------------------------------------------------------------------------------------
  // File events

  filesChanged(changes: FileEvent[]): void {
    this.flush();
    for (const change of changes) {
      const file = uriToPath(change.uri);
      const folder = file ? this.folderFor(file) : undefined;
      if (!file || !folder) continue;
      // git and package managers write under .git and node_modules all the time, and nothing there is
      // a spec or code file: such events cost no read, no re-check and no refresh of the views. Only a
      // custom schema may live there (a shared schema package).
      if (isInAlwaysExcludedDir(path.relative(folder.root, file).split(path.sep).join('/')) && !folder.index?.isSchemaFile(file)) continue;
      // A config saved or replaced on disk may change which files are specs or code: index the folder
      // again (an open config document's text is applied over it, as for every open document).
      // A .gitignore decides which files the index has at all: index the folder again, as at start.
      if (file === folder.configFile || path.basename(file) === '.gitignore') {
        this.reindex(folder);
        continue;
      }
      folder.cacheChanged(file);
      folder.noteEventWhileIndexing(file, change.type === FileChangeType.Deleted);
      if (change.type === FileChangeType.Deleted) {
        this.diskEvents.deleted(file);
        if (this.documents.get(change.uri)) continue; // still open: the editor's text stays the truth
        const index = folder.index;
        const before = index?.version;
        this.removeFromIndex(folder, file, true);
        this.markDirtyIfChanged(folder, index, before);
      } else if (!this.documents.get(change.uri)) {
        // A changed file that is no spec, code or schema file and not in the index changes nothing (a
        // changed folder neither): not read. A created one may be a folder moved in, so it is.
        if (change.type === FileChangeType.Changed && this.outsideIndex(folder, file)) continue;
        this.readFromDisk(folder, file, change.type === FileChangeType.Created);
      }
    }
    this.scheduler.schedule();
  }

  /**
   * Marks the folder for a re-check when its index changed since `before` was read from `index` (or
   * was replaced, or there was none): build output, logs and the like come and go all the time, and
   * only a change of the index is news. Whether it marked.
   */
  private markDirtyIfChanged(folder: Folder, index: WorkspaceIndex | undefined, before: number | undefined): boolean {
    if (index && folder.index === index && index.version === before) return false;
    this.markDirty(folder);
    return true;
  }

  /** Whether `file` is no spec, code, config or schema file of the folder's index and not in it either. */
  private outsideIndex(folder: Folder, file: string): boolean {
    const index = folder.index;
    return index !== undefined && !wantedBy(index, file) && index.specFile(file) === undefined && index.codeFile(file) === undefined;
  }

  /** `created`: the path was reported created; if it is a folder, its files are read too (see readNewFolder). */
  private readFromDisk(folder: Folder, file: string, created = false): void {
    const seq = this.diskEvents.next(file);
    // Spec files are read whatever their size: the engine reports "file too large" on them. Other
    // files over the size setting, or binary, are not indexed.
    const isSpec = folder.index?.classify(file) === 'spec';
    const limit = isSpec ? Number.POSITIVE_INFINITY : this.settings.get(folder.uri).maxFileSize;
    readChangedFile(folder, file, limit, !isSpec).then(
      (r) => {
        const index = folder.index;
        if (!this.diskEvents.finish(file, seq) || this.documents.get(pathToUri(file)) || !index) return;
        const before = index.version;
        // Only files the index would take are worth a line in the log (not every build output).
        const wanted = wantedBy(index, file);
        if (r.kind === 'ignored') {
          if (wanted) this.connection.console.log(`spectrace: ${file} changed but is ignored by .gitignore; not indexed`);
          this.removeFromIndex(folder, file, false);
        } else if (r.kind === 'text') this.applyText(folder, file, r.text);
        else {
          // 'missing' is also a folder (created, or its entries changed): it keeps the files under it.
          if (r.kind !== 'missing' && wanted) this.logSkip({ file, reason: r.kind, detail: r.detail });
          this.removeFromIndex(folder, file, false);
          if (r.kind === 'missing' && created) this.readNewFolder(folder, file);
        }
        if (this.markDirtyIfChanged(folder, index, before)) this.scheduler.schedule();
      },
      (err: unknown) => {
        this.diskEvents.finish(file, seq);
        this.connection.console.error(`spectrace: could not read ${file}: ${describeError(err)}`);
      },
    );
  }

  /**
   * A folder moved or copied into the workspace comes as one event, without its files: read each spec
   * and code file under it that has no read of its own running and is not in the index yet.
   */
  private readNewFolder(folder: Folder, dir: string): void {
    filesOfNewFolder(folder, dir).then(
      (files) => {
        const index = folder.index;
        if (!index) return;
        for (const file of files) {
          if (this.diskEvents.isReading(file) || this.documents.get(pathToUri(file))) continue;
          const kind = index.classify(file);
          if ((kind === 'spec' && !index.specFile(file)) || (kind === 'code' && !index.codeFile(file))) this.readFromDisk(folder, file);
        }
      },
      (err: unknown) => this.connection.console.error(`spectrace: could not list ${dir}: ${describeError(err)}`),
    );
  }

  // -------------------------------------------------------------------------------------------
  // Requests

  contextOf(folder: Folder, index: WorkspaceIndex): FeatureContext {
    return featureContext(folder, index, {
      settings: this.settings.get(folder.uri),
      trusted: this.trusted,
      client: this.client,
      versionOf: (uri) => this.documents.get(uri)?.version,
      textOf: (file) => this.textOf(file),
      // An included folder's files are read only, unless the file is in a workspace folder too.
      readOnly: (file) => !this.folderFor(file) && this.folders.some((f) => f.included.some((i) => isInside(file, i.root))),
    });
  }

  /** The document, its folder and a feature context, with every pending edit applied. */
  async target(uri: string, token: CancellationToken): Promise<RequestTarget | undefined> {
    const file = uriToPath(uri);
    const folder = file ? this.folderFor(file) : undefined;
    if (!file || !folder) return undefined;
    // Every folder: an answer about a tag may come from another folder's specs.
    for (const f of [folder, ...this.folders.filter((f) => f !== folder)]) await whenReady(f, token);
    this.flush();
    const index = folder.index;
    if (!index) return undefined;
    // Clients ask about open documents; a request for a closed file is answered from the disk.
    let document: TextDocument | undefined = this.documents.get(uri);
    if (!document) {
      const text = this.textOf(file);
      if (text === undefined) return undefined;
      document = TextDocument.create(uri, /\.ya?ml$/i.test(file) ? 'yaml' : 'plaintext', 0, text);
    }
    const isConfig = file === folder.configFile;
    return { folder, ctx: this.contextOf(folder, index), document, file, isConfig, isSpec: !isConfig && (index.specFile(file)?.hasSpecLists ?? false) };
  }

  /** Every ready folder (or the one named), for workspace-wide requests. */
  async views(token: CancellationToken, folderUri?: string, fileUri?: string): Promise<FolderView[]> {
    // Chosen after the wait: a folder's included folders exist only once its index does.
    for (const f of this.folders) await whenReady(f, token);
    this.flush();
    const file = fileUri ? uriToPath(fileUri) : undefined;
    const owner = file ? this.folderFor(file) : undefined;
    // Included folders are listed after the folder that includes them.
    const listed = this.folders.flatMap((f) => [f, ...f.included]);
    const chosen = owner ? [owner] : listed.filter((f) => folderUri === undefined || f.uri === folderUri);
    const out: FolderView[] = [];
    const included = new Set(this.folders.flatMap((f) => f.included));
    for (const f of chosen) if (f.index) out.push({ uri: f.uri, name: f.name, ctx: this.contextOf(f, f.index), included: included.has(f) });
    return out;
  }

  /** Stop timers; write the persisted indexes that have unsaved changes (the promise never rejects). */
  async dispose(): Promise<void> {
    this.pending.dispose();
    this.scheduler.dispose();
    this.notifier.dispose();
    for (const f of this.folders) if (f.cacheTimer) clearTimeout(f.cacheTimer);
    await Promise.all(this.folders.flatMap((f) => [f.cache?.save(), f.specCache?.save()]));
  }
}

/** Whether the index would take `file`: a spec, code or config file by its globs, or a custom schema. */
function wantedBy(index: WorkspaceIndex, file: string): boolean {
  return index.classify(file) !== 'none' || index.isSchemaFile(file);
}
