// The server's state: one index per workspace folder, kept current from open documents (their text
// wins over the disk) and from file events, with diagnostics pushed after every change. Requests ask
// it for a feature context; it makes sure pending edits are applied first.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver';
import { GitignoreRules } from '../disk/gitignore';
import type { CancellationToken, Connection, FileEvent, TextDocuments, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { wholeText } from '../engine/spec/specSource';
import type { SpecInput } from '../engine/spec/specSource';
import type { PieceDocument } from './pieceDocument';
import { CONFIG_FILE_NAME } from '../engine/config/config';
import { CodeIndexCache } from '../disk/indexCache';
import { SpecResultCache } from '../disk/specResultCache';
import type { SkippedFile } from '../engine/types';
import type { FeatureContext } from '../features/featureContext';
import type { FolderView } from '../features/views/nodes';
import { cancelled } from '../features/requestErrors';
import { describeError } from './boundary';
import { buildIndex, emptyIndex } from './engineIndex';
import type { WorkspaceIndex } from '../engine/index/workspaceIndex';
import { readTextFile } from './fileReader';
import { ChangeNotifier } from './notifier';
import { DiagnosticsPublisher } from './publisher';
import { SettingsStore } from './settings';
import { isInside, pathToUri, uriToPath } from './uris';

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

export class Folder {
  index: WorkspaceIndex | undefined;
  ready: Promise<void> = Promise.resolve();
  /** Bumped by every (re)index so an older indexing run that finishes late is dropped. */
  generation = 0;
  /** The folder's .gitignore rules for files that change after the index (made on first use, dropped on re-index). */
  gitignore: Promise<GitignoreRules> | undefined;
  /** The folder's persisted code index, when the client gave a storage folder. */
  cache: CodeIndexCache | undefined;
  /** The folder's persisted spec analyses, likewise (keyed by content: edits never make them stale). */
  specCache: SpecResultCache | undefined;
  /** Pending debounced write of `cache` after file events. */
  cacheTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly uri: string,
    readonly name: string,
    readonly root: string,
  ) {}

  get configFile(): string {
    return this.index?.configFile ?? path.join(this.root, CONFIG_FILE_NAME);
  }
}

export interface RequestTarget {
  folder: Folder;
  ctx: FeatureContext;
  document: TextDocument;
  file: string;
  isSpec: boolean;
  isConfig: boolean;
}

const SKIP_LOG_LIMIT = 50;
/** File events -> writing the persisted code index: a burst of saves (a branch switch) is one write. */
const CACHE_SAVE_DEBOUNCE_MS = 2000;
/** Keystroke -> validation delay; well under what a person notices (issue 6 counts it in the latency). */
const FLUSH_DEBOUNCE_MS = 3;
/**
 * SPECTRACE_TIMING=1: one stderr line per applied batch of edits with the server's own time for it
 * (apply, diagnostics, publish). The benchmark reports it next to the client-side latency, which also
 * holds the transport and the client's own pauses.
 */
const TIMING = process.env.SPECTRACE_TIMING === '1';

export class Workspace {
  private folders: Folder[] = [];
  private readonly pending = new Set<string>();
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly dirtyFolders = new Set<Folder>();
  private fullPassTimer: NodeJS.Immediate | undefined;
  /** Per file, the latest disk event: a slow read that finishes after a newer event is dropped. */
  private readonly diskSeq = new Map<string, number>();
  private seq = 0;
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
    }
    this.folders.push(folder);
    folder.ready = this.settings.pull([uri]).then(() => this.index(folder));
    return folder;
  }

  removeFolder(uri: string): void {
    const folder = this.folders.find((f) => f.uri === uri);
    if (!folder) return;
    this.folders = this.folders.filter((f) => f !== folder);
    if (folder.cacheTimer) clearTimeout(folder.cacheTimer);
    folder.generation++;
    folder.index = undefined;
    this.settings.forget(uri);
    this.publisher.clearFolder(uri);
    this.notifier.changed();
  }

  /** (Re)build a folder's index from disk, with work-done progress, then overlay the open documents. */
  private async index(folder: Folder): Promise<void> {
    const generation = ++folder.generation;
    folder.gitignore = undefined;
    let progress: WorkDoneProgressServerReporter | undefined;
    try {
      progress = await this.connection.window.createWorkDoneProgress();
      progress.begin(`Spectrace: indexing ${folder.name}`, 0, undefined, false);
    } catch (err) {
      // A client that refuses the progress token still gets its index.
      this.connection.console.info(`spectrace: no progress reporting (${err instanceof Error ? err.message : String(err)})`);
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
      void this.connection.window.showErrorMessage(`Spectrace could not index ${folder.name}: ${err instanceof Error ? err.message : String(err)}`);
      index = emptyIndex(folder.root, this.trusted);
    } finally {
      progress?.done();
    }
    if (generation !== folder.generation || !this.folders.includes(folder)) return; // superseded or removed meanwhile
    if (!this.settings.get(folder.uri).codeScanning.enabled) for (const c of [...index.codeFiles()]) index.removeFile(c.file);
    folder.index = index;
    // Open documents win over what was read from disk, and are published first, with their versions.
    const open: string[] = [];
    for (const doc of this.documents.all()) {
      const file = uriToPath(doc.uri);
      if (!file || this.folderFor(file) !== folder) continue;
      this.pending.delete(doc.uri);
      // An open, unchanged spectrace.yaml is what indexFolder just read: re-applying it would
      // re-validate the whole folder for nothing.
      const sameConfig = file === folder.configFile && doc.getText() === readIfFile(file);
      if (sameConfig || this.applyText(folder, file, doc)) open.push(file);
    }
    this.connection.console.info(`spectrace: indexed ${folder.root} in ${Date.now() - started} ms`);
    for (const file of open) this.publisher.publishFile(folder.uri, file, index.diagnosticsFor(file), true);
    this.publisher.publishAll(folder.uri, index.diagnostics());
    this.publisher.announceClean(folder.uri, [...index.specFiles()].filter((s) => s.isSpec).map((s) => s.file));
    this.notifier.changed();
    // After the diagnostics are out: the next start reads only the code files changed meanwhile.
    void folder.cache?.save();
    void folder.specCache?.save();
  }

  /** A code file changed or went after the index: the persisted index forgets it, and is written a little later. */
  private cacheChanged(folder: Folder, file: string): void {
    const cache = folder.cache;
    if (!cache) return;
    cache.forget(file);
    if (folder.cacheTimer) clearTimeout(folder.cacheTimer);
    folder.cacheTimer = setTimeout(() => {
      folder.cacheTimer = undefined;
      void cache.save();
    }, CACHE_SAVE_DEBOUNCE_MS);
  }

  /** Re-index every folder (trust granted, code scanning switched, config file replaced on disk). */
  reindexAll(): void {
    for (const f of this.folders) this.reindex(f);
  }

  private reindex(folder: Folder): void {
    folder.ready = this.index(folder);
  }

  setTrusted(trusted: boolean): void {
    if (trusted === this.trusted) return;
    this.trusted = trusted;
    this.reindexAll();
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

  /**
   * Feed one file's current text to its folder's index; false when the file is not indexed. An open
   * document is handed over as itself: a spec is then read around the edit, not copied whole.
   */
  private applyText(folder: Folder, file: string, input: SpecInput): boolean {
    const index = folder.index;
    if (!index) return false;
    if (file === folder.configFile) {
      index.setConfig(wholeText(input));
      return true;
    }
    if (index.isSchemaFile(file)) {
      // A workspace schema changed: recompile with the current config text.
      index.setConfig(this.textOf(folder.configFile));
      return false;
    }
    const kind = index.classify(file);
    // The client sends every open document; only specs and files under the code globs are indexed.
    if (kind === 'none' || (kind === 'code' && !this.settings.get(folder.uri).codeScanning.enabled)) return false;
    index.updateFile(file, input);
    return true;
  }

  private removeFromIndex(folder: Folder, file: string): void {
    const index = folder.index;
    if (!index) return;
    if (file === folder.configFile) {
      index.setConfig(undefined);
      return;
    }
    if (index.isSchemaFile(file)) {
      index.setConfig(this.textOf(folder.configFile));
      return;
    }
    const known = index.specFile(file) !== undefined || index.codeFile(file) !== undefined;
    if (known) {
      index.removeFile(file);
      return;
    }
    // A deleted directory: every indexed file under it goes.
    const under: string[] = [];
    for (const s of index.specFiles()) if (isInside(s.file, file)) under.push(s.file);
    for (const c of index.codeFiles()) if (isInside(c.file, file)) under.push(c.file);
    for (const f of under) index.removeFile(f);
  }

  /** The current text of a file: the open document's, else the disk's; undefined when unreadable. */
  textOf(file: string): string | undefined {
    const doc = this.documents.get(pathToUri(file));
    return doc ? doc.getText() : readIfFile(file);
  }

  // -------------------------------------------------------------------------------------------
  // Open documents

  /**
   * A document was opened or edited: apply it after a short debounce. The JSON-RPC layer hands over one
   * message per event-loop turn, so without a few milliseconds of grace a burst of didChanges (an
   * editor applying a multi-file rename) would be validated, and published, one document at a time.
   * Requests flush at once, so they never wait for this.
   */
  documentChanged(uri: string): void {
    this.pending.add(uri);
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_DEBOUNCE_MS);
  }

  /** Apply pending document edits now, publish the edited documents' diagnostics first. */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.pending.size === 0) return;
    const started = TIMING ? performance.now() : 0;
    const uris = [...this.pending];
    this.pending.clear();
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
        this.dirtyFolders.add(folder);
      } catch (err) {
        this.connection.console.error(`spectrace: could not update ${file}: ${describeError(err)}`);
      }
    }
    for (const { folder, file } of edited) {
      if (folder.index) this.publisher.publishFile(folder.uri, file, folder.index.diagnosticsFor(file), true);
      this.dirtyFolders.add(folder);
    }
    if (TIMING) {
      const versions = uris.map((u) => `${path.basename(u)}@${this.documents.get(u)?.version ?? '?'}`).join(' ');
      process.stderr.write(`spectrace-timing flush ${(performance.now() - started).toFixed(2)} ms ${versions}\n`);
    }
    this.scheduleFullPass();
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
      // A config saved or replaced on disk may change which files are specs or code: index the folder
      // again (an open config document's text is applied over it, as for every open document).
      // A .gitignore decides which files the index has at all: index the folder again, as at start.
      if (file === folder.configFile || path.basename(file) === '.gitignore') {
        this.reindex(folder);
        continue;
      }
      this.cacheChanged(folder, file);
      if (change.type === FileChangeType.Deleted) {
        this.diskSeq.set(file, ++this.seq);
        if (this.documents.get(change.uri)) continue; // still open: the editor's text stays the truth
        this.removeFromIndex(folder, file);
        this.dirtyFolders.add(folder);
      } else if (!this.documents.get(change.uri)) {
        this.readFromDisk(folder, file);
      }
    }
    this.scheduleFullPass();
  }

  private readFromDisk(folder: Folder, file: string): void {
    const seq = ++this.seq;
    this.diskSeq.set(file, seq);
    // Spec files are read whatever their size: the engine reports "file too large" on them. Other
    // files over the size setting, or binary, are not indexed.
    const isSpec = folder.index?.classify(file) === 'spec';
    const limit = isSpec ? Number.POSITIVE_INFINITY : this.settings.get(folder.uri).maxFileSize;
    // A file git ignores (build output, say) is not part of the trace, as in the first index.
    folder.gitignore ??= GitignoreRules.forRoot(folder.root);
    const read = async () => ((await (await folder.gitignore)?.isIgnored(file)) ? ({ kind: 'ignored' } as const) : readTextFile(file, limit, !isSpec));
    read().then(
      (r) => {
        if (this.diskSeq.get(file) !== seq || this.documents.get(pathToUri(file)) || !folder.index) return;
        if (r.kind === 'ignored') {
          this.connection.console.log(`spectrace: ${file} changed but is ignored by .gitignore; not indexed`);
          this.removeFromIndex(folder, file);
        } else if (r.kind === 'text') this.applyText(folder, file, r.text);
        else {
          if (r.kind !== 'missing') this.logSkip({ file, reason: r.kind, detail: r.detail });
          this.removeFromIndex(folder, file);
        }
        this.dirtyFolders.add(folder);
        this.scheduleFullPass();
      },
      (err: unknown) => this.connection.console.error(`spectrace: could not read ${file}: ${describeError(err)}`),
    );
  }

  // -------------------------------------------------------------------------------------------
  // Publishing

  private scheduleFullPass(): void {
    if (this.dirtyFolders.size === 0) return;
    this.fullPassTimer ??= setImmediate(() => this.fullPass());
  }

  /** Diff every dirty folder's diagnostics against what was sent: the cross-file effects of an edit. */
  private fullPass(): void {
    this.fullPassTimer = undefined;
    // Edits that arrived meanwhile go first: their documents must be published before anything else.
    this.flush();
    const folders = [...this.dirtyFolders];
    this.dirtyFolders.clear();
    for (const f of folders) {
      if (!f.index) continue;
      try {
        this.publisher.publishAll(f.uri, f.index.diagnostics());
      } catch (err) {
        this.connection.console.error(`spectrace: publishing diagnostics for ${f.root} failed: ${describeError(err)}`);
      }
    }
    this.notifier.changed();
  }

  // -------------------------------------------------------------------------------------------
  // Requests

  contextOf(folder: Folder, index: WorkspaceIndex): FeatureContext {
    return {
      index,
      root: folder.root,
      settings: this.settings.get(folder.uri),
      trusted: this.trusted,
      pathOf: uriToPath,
      uriOf: pathToUri,
      versionOf: (file) => this.documents.get(pathToUri(file))?.version,
      textOf: (file) => this.textOf(file),
      documentChanges: this.client.documentChanges,
      snippets: this.client.snippets,
      markdown: this.client.markdown,
    };
  }

  /** Wait until a folder's index is ready (or the request is cancelled). */
  private async whenReady(folder: Folder, token: CancellationToken): Promise<void> {
    for (;;) {
      const ready = folder.ready;
      await new Promise<void>((resolve, reject) => {
        if (token.isCancellationRequested) return reject(cancelled());
        const sub = token.onCancellationRequested(() => {
          sub.dispose();
          reject(cancelled());
        });
        ready.then(
          () => {
            sub.dispose();
            resolve();
          },
          () => {
            sub.dispose();
            resolve();
          },
        );
      });
      // A re-index may have started while waiting.
      if (folder.ready === ready) return;
    }
  }

  /** The document, its folder and a feature context, with every pending edit applied. */
  async target(uri: string, token: CancellationToken): Promise<RequestTarget | undefined> {
    const file = uriToPath(uri);
    const folder = file ? this.folderFor(file) : undefined;
    if (!file || !folder) return undefined;
    await this.whenReady(folder, token);
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
    return { folder, ctx: this.contextOf(folder, index), document, file, isConfig, isSpec: !isConfig && (index.specFile(file)?.isSpec ?? false) };
  }

  /** Every ready folder (or the one named), for workspace-wide requests. */
  async views(token: CancellationToken, folderUri?: string, fileUri?: string): Promise<FolderView[]> {
    const file = fileUri ? uriToPath(fileUri) : undefined;
    const owner = file ? this.folderFor(file) : undefined;
    const chosen = owner ? [owner] : this.folders.filter((f) => folderUri === undefined || f.uri === folderUri);
    for (const f of chosen) await this.whenReady(f, token);
    this.flush();
    const out: FolderView[] = [];
    for (const f of chosen) if (f.index) out.push({ uri: f.uri, name: f.name, ctx: this.contextOf(f, f.index) });
    return out;
  }

  /** Stop timers; write the persisted indexes that have unsaved changes (the promise never rejects). */
  async dispose(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.fullPassTimer) clearImmediate(this.fullPassTimer);
    this.notifier.dispose();
    for (const f of this.folders) if (f.cacheTimer) clearTimeout(f.cacheTimer);
    await Promise.all(this.folders.flatMap((f) => [f.cache?.save(), f.specCache?.save()]));
  }
}

/** A regular file's text; undefined when missing or unreadable. Never a FIFO or a device: reading one would block the server's only thread. */
function readIfFile(file: string): string | undefined {
  try {
    if (!fs.statSync(file).isFile()) return undefined;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined; // missing or unreadable: the caller treats it as absent
  }
}
