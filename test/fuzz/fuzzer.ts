// The seeded LSP fuzzer: mutates the example workspace's specs, code and config and drives the real
// server process with document sync, file events and feature requests at random positions. A case
// fails when a request is not answered (result or proper LSP error) within the time bound, when a
// handler throws (InternalError), when the server dies or prints an uncaught exception. At the end the
// server must answer a final request and shut down cleanly.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, FileEvent, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS } from '../../server/src/shared/protocol';
import { applyChanges, createDocument, diffChange, randomEdit } from './docModel';
import { mutate } from './mutations';
import { Prng } from './prng';
import { planRequest } from './requests';
import { LspServerProcess, REPO_ROOT, fileUri } from '../support/serverProcess';
import type { Outcome } from '../support/serverProcess';
import { count, emptyStats, recordOutcome } from './stats';
import type { FuzzStats } from './stats';
import { commitAll, initRepo } from '../support/gitRepo';
import { copyWorkspace, loadCorpus, removeFolder } from './workspace';
import type { CorpusFile } from './workspace';

export interface FuzzOptions {
  seed: number;
  cases: number;
  /** Every request must be answered within this bound. */
  requestTimeoutMs?: number;
  /** Example workspace under examples/ to copy and mutate. */
  example?: string;
  /** Where failing cases are saved; default test/output/fuzz-failures. */
  failureDir?: string;
  /** A handler that throws (InternalError) fails the run unless this is false. */
  failOnInternalError?: boolean;
  log?: (line: string) => void;
  progressEvery?: number;
  /** The server entry to fuzz; default dist/server.js. */
  serverPath?: string;
}

export interface FuzzFailure {
  seed: number;
  caseNo: number;
  reason: string;
  uri: string | undefined;
  /** The text the server held for that document when the case failed. */
  text: string | undefined;
  savedTo: string | undefined;
}

export interface FuzzResult {
  stats: FuzzStats;
  failure: FuzzFailure | undefined;
  /** Whether the server answered the final request and exited cleanly after shutdown/exit. */
  finalAnswered: boolean;
  cleanExit: boolean;
}

interface DocState {
  file: CorpusFile;
  uri: string;
  abs: string;
  /** What the editor holds while the document is open. */
  open: TextDocument | undefined;
  version: number;
  /** What is on disk; undefined when the file was deleted. */
  disk: string | undefined;
}

const MAX_DOC_CHARS = 400_000;
const MAX_EXTRA_FILES = 6;

export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const timeoutMs = options.requestTimeoutMs ?? 5000;
  const log = options.log ?? (() => undefined);
  const stats = emptyStats(options.seed);
  const root = copyWorkspace(options.example ?? 'acme-shop', 'spectrace-fuzz');
  const docs: DocState[] = loadCorpus(root).map((file) => {
    const abs = path.join(root, file.rel);
    return { file, abs, uri: fileUri(abs), open: undefined, version: 0, disk: file.text };
  });
  commitHistory(root, docs, options.seed);
  const server = await LspServerProcess.start({ root, serverPath: options.serverPath, settings: { ...DEFAULT_SETTINGS }, initializationOptions: { trusted: true } });
  const history: { caseNo: number; ops: unknown[] }[] = [];
  const t0 = Date.now();
  let failure: FuzzFailure | undefined;
  let logsSeen = 0;

  const fail = (caseNo: number, reason: string, doc: DocState | undefined): FuzzFailure => {
    const text = doc?.open?.getText() ?? doc?.disk;
    const f: FuzzFailure = { seed: options.seed, caseNo, reason, uri: doc?.uri, text, savedTo: undefined };
    f.savedTo = saveFailure(options.failureDir ?? path.join(REPO_ROOT, 'test', 'output', 'fuzz-failures'), f, root, docs, server, history);
    log(`\nFAILED: seed ${options.seed}, case ${caseNo}: ${reason}`);
    log(`reproduce: npm run fuzz -- --seed ${options.seed} --cases ${caseNo}`);
    log(`saved to: ${f.savedTo}`);
    if (text !== undefined) log(`text of ${doc?.file.rel} (${text.length} chars)${text.length > 4000 ? ', first 4000' : ''}:\n${JSON.stringify(text.slice(0, 4000))}`);
    return f;
  };

  try {
    for (let caseNo = 1; caseNo <= options.cases && !failure; caseNo++) {
      const rng = Prng.derive(options.seed, caseNo);
      const ops: unknown[] = [];
      history.push({ caseNo, ops });
      if (history.length > 30) history.shift();
      const doc = pickDoc(docs, rng);
      runAction(rng, doc, docs, root, server, stats, ops, caseNo);

      const planned = [];
      for (let n = rng.int(1, 4); n > 0; n--) {
        const target = rng.chance(0.9) ? doc : rng.pick(docs);
        const tdoc = target.open ?? createDocument(target.uri, target.file.languageId, target.version, target.disk ?? '');
        planned.push({ ...planRequest(rng, tdoc, diagnosticsOf(server, target.uri)), target });
      }
      const outcomes = await Promise.all(
        planned.map(async (p) => {
          ops.push({ request: p.method, params: abbreviate(p.params), cancelAfterMs: p.cancelAfterMs });
          const o = await server.request(p.method, p.params, timeoutMs, p.cancelAfterMs === undefined ? {} : { cancelAfterMs: p.cancelAfterMs });
          recordOutcome(stats, p.method, o, p.cancelAfterMs !== undefined);
          return { p, o, target: p.target };
        }),
      );
      stats.cases = caseNo;

      for (const { p, o, target } of outcomes) {
        const problem = judge(o, p.method, timeoutMs);
        if (o.kind === 'error' && o.code === -32603) {
          stats.internalErrors.push({ method: p.method, message: o.message.slice(0, 500), caseNo });
          if (options.failOnInternalError === false) continue;
        }
        if (problem && !failure) failure = fail(caseNo, problem, target);
      }
      const uncaught = server.uncaughtInStderr();
      if (!failure && uncaught) failure = fail(caseNo, `uncaught exception on the server's stderr:\n${uncaught}`, doc);
      if (!failure && !server.alive) failure = fail(caseNo, `server exited (${JSON.stringify(server.exit)})`, doc);
      for (; logsSeen < server.logs.length; logsSeen++) {
        const line = server.logs[logsSeen]!;
        if (line.type !== 1) continue;
        stats.errorLogs++;
        // A stack trace in an error log is an exception caught at the server's boundary (a notification
        // handler that threw): invisible to the editor, but a bug all the same.
        if (/\n\s+at /.test(line.message)) {
          stats.internalErrors.push({ method: 'window/logMessage', message: line.message.slice(0, 1500), caseNo });
          if (options.failOnInternalError !== false && !failure) failure = fail(caseNo, `the server logged an exception:\n${line.message.slice(0, 3000)}`, doc);
        }
      }
      if (options.progressEvery && caseNo % options.progressEvery === 0) {
        log(`case ${caseNo}/${options.cases}: ${stats.requests} requests, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      }
    }

    let finalAnswered = false;
    let cleanExit = false;
    if (!failure) {
      // The server must still be alive and useful: a hover on an untouched spec answers, then a clean exit.
      const spec = docs.find((d) => d.file.kind === 'spec')!;
      const final = await server.request('textDocument/hover', { textDocument: { uri: spec.uri }, position: { line: 0, character: 0 } }, timeoutMs);
      const symbols = await server.request('workspace/symbol', { query: '' }, timeoutMs);
      // A proper error (e.g. MethodNotFound from a server without workspace symbols) is an answer too.
      finalAnswered = final.kind === 'result' && (symbols.kind === 'result' || (symbols.kind === 'error' && symbols.code !== -32603));
      if (!finalAnswered) failure = fail(stats.cases, `final requests not answered: hover ${final.kind}, workspace/symbol ${symbols.kind}`, spec);
      const stopped = await server.stop(timeoutMs);
      cleanExit = stopped.clean;
      if (!failure && !cleanExit) failure = fail(stats.cases, `no clean exit after shutdown/exit: shutdown ${stopped.shutdown.kind}, exit ${JSON.stringify(server.exit)}`, undefined);
      const uncaught = server.uncaughtInStderr();
      if (!failure && uncaught) failure = fail(stats.cases, `uncaught exception on the server's stderr:\n${uncaught}`, undefined);
    }
    stats.durationMs = Date.now() - t0;
    return { stats, failure, finalAnswered, cleanExit };
  } finally {
    server.kill();
    // A failing run keeps its workspace (the failure folder has a copy too); a passing one cleans up.
    if (!failure) removeFolder(root);
  }
}

/**
 * Makes the workspace a git repository with a short history (the example, a damaged spec file, the
 * example again), so the burn-up and change review requests read real history, broken versions included.
 */
function commitHistory(root: string, docs: DocState[], seed: number): void {
  const rng = Prng.derive(seed, 0);
  const specs = docs.filter((d) => d.file.kind === 'spec');
  initRepo(root);
  commitAll(root, 'the example', '2026-01-05T10:00:00Z');
  for (const [n, date] of [[1, '2026-01-20T10:00:00Z'], [2, '2026-02-03T10:00:00Z']] as const) {
    const damaged = rng.pick(specs);
    fs.writeFileSync(damaged.abs, mutate(damaged.file.text, rng, 'spec').text);
    commitAll(root, `damaged spec ${n}`, date);
  }
  for (const d of specs) fs.writeFileSync(d.abs, d.file.text);
  commitAll(root, 'the example again', '2026-02-10T10:00:00Z');
}

/** Why an outcome is a failure, or undefined when it is an acceptable answer. */
function judge(o: Outcome, method: string, timeoutMs: number): string | undefined {
  switch (o.kind) {
    case 'result':
      return undefined;
    case 'error':
      return o.code === -32603 ? `${method} threw inside the server: ${o.message}` : undefined;
    case 'timeout':
      return `${method} was not answered within ${timeoutMs} ms`;
    case 'dead':
      return `${method}: the server died`;
  }
}

function diagnosticsOf(server: LspServerProcess, uri: string): Diagnostic[] {
  return server.diagnostics.get(uri)?.diagnostics ?? [];
}

function pickDoc(docs: DocState[], rng: Prng): DocState {
  const kind = rng.weighted([
    [50, 'spec'],
    [35, 'code'],
    [15, 'config'],
  ] as const);
  const ofKind = docs.filter((d) => d.file.kind === kind);
  return rng.pick(ofKind.length ? ofKind : docs);
}

type Action = 'open' | 'incremental' | 'full' | 'reset' | 'close' | 'save' | 'disk-change' | 'disk-delete' | 'disk-restore' | 'create-file';

function chooseAction(rng: Prng, doc: DocState): Action {
  const fileEvents: [number, Action][] = [
    [4, 'disk-change'],
    [1, 'disk-delete'],
    [2, 'disk-restore'],
    [1, 'create-file'],
  ];
  if (!doc.open) return rng.weighted<Action>([[20, 'open'], ...fileEvents]);
  if (doc.open.getText().length > MAX_DOC_CHARS) return 'reset';
  return rng.weighted<Action>([[55, 'incremental'], [15, 'full'], [5, 'reset'], [4, 'close'], [4, 'save'], ...fileEvents]);
}

function runAction(rng: Prng, doc: DocState, docs: DocState[], root: string, server: LspServerProcess, stats: FuzzStats, ops: unknown[], caseNo: number): void {
  const action = chooseAction(rng, doc);
  count(stats.actions, action);
  const base = () => doc.open?.getText() ?? doc.disk ?? doc.file.text;
  const mutated = (text: string) => {
    const m = mutate(text, rng, doc.file.kind);
    count(stats.mutations, m.name);
    ops.push({ mutation: m.name });
    return m.text;
  };
  const notify = (method: string, params: unknown) => {
    stats.notifications++;
    ops.push({ notify: method, params: abbreviate(params) });
    server.notify(method, params);
  };
  const fileEvent = (d: DocState, type: FileEvent['type']) => notify('workspace/didChangeWatchedFiles', { changes: [{ uri: d.uri, type }] });
  const writeDisk = (d: DocState, text: string | undefined) => {
    const existed = d.disk !== undefined;
    if (text === undefined) fs.rmSync(d.abs, { force: true });
    else {
      fs.mkdirSync(path.dirname(d.abs), { recursive: true });
      fs.writeFileSync(d.abs, text);
    }
    d.disk = text;
    fileEvent(d, text === undefined ? 3 : existed ? 2 : 1);
  };

  switch (action) {
    case 'open': {
      const text = rng.chance(0.5) ? base() : mutated(base());
      doc.version++;
      doc.open = createDocument(doc.uri, doc.file.languageId, doc.version, text);
      notify('textDocument/didOpen', { textDocument: { uri: doc.uri, languageId: doc.file.languageId, version: doc.version, text } });
      return;
    }
    case 'incremental': {
      const changes: TextDocumentContentChangeEvent[] = [];
      let current = doc.open!;
      for (let n = rng.int(1, 3); n > 0; n--) {
        const change = rng.chance(0.6) ? diffChange(current, mutated(current.getText())) : randomEdit(current, rng);
        changes.push(change);
        // Each change applies to the text the previous one left (LSP semantics).
        current = applyChanges(current, [change], current.version);
      }
      doc.version++;
      doc.open = applyChanges(doc.open!, changes, doc.version);
      notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges: changes });
      return;
    }
    case 'full':
    case 'reset': {
      const text = action === 'reset' ? doc.file.text : mutated(base());
      doc.version++;
      doc.open = applyChanges(doc.open!, [{ text }], doc.version);
      notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges: [{ text }] });
      return;
    }
    case 'close':
      doc.open = undefined;
      notify('textDocument/didClose', { textDocument: { uri: doc.uri } });
      return;
    case 'save': {
      const text = doc.open!.getText();
      fs.mkdirSync(path.dirname(doc.abs), { recursive: true });
      fs.writeFileSync(doc.abs, text);
      const existed = doc.disk !== undefined;
      doc.disk = text;
      notify('textDocument/didSave', rng.chance(0.5) ? { textDocument: { uri: doc.uri }, text } : { textDocument: { uri: doc.uri } });
      fileEvent(doc, existed ? 2 : 1);
      return;
    }
    case 'disk-change':
      writeDisk(doc, mutated(doc.disk ?? doc.file.text));
      return;
    case 'disk-delete':
      writeDisk(doc, undefined);
      return;
    case 'disk-restore':
      writeDisk(doc, doc.file.text);
      return;
    case 'create-file': {
      const extra = docs.filter((d) => d.file.rel.includes('/fuzz-'));
      if (extra.length >= MAX_EXTRA_FILES) {
        const gone = rng.pick(extra);
        if (gone.disk !== undefined) writeDisk(gone, undefined);
        return;
      }
      const kind = doc.file.kind === 'code' ? 'code' : 'spec';
      const rel = kind === 'code' ? `src/fuzz-${caseNo}.ts` : `specs/fuzz-${caseNo}.yaml`;
      const abs = path.join(root, rel);
      const created: DocState = {
        file: { rel, kind, languageId: kind === 'code' ? 'typescript' : 'yaml', text: mutated(doc.file.text) },
        abs,
        uri: fileUri(abs),
        open: undefined,
        version: 0,
        disk: undefined,
      };
      docs.push(created);
      writeDisk(created, created.file.text);
      return;
    }
  }
}

/** Long strings shortened for the ops log (the full texts are saved separately). */
function abbreviate(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null, (_k, v: unknown) => (typeof v === 'string' && v.length > 300 ? `${v.slice(0, 300)}… (${v.length} chars)` : v))) as unknown;
}

function saveFailure(dir: string, f: FuzzFailure, root: string, docs: DocState[], server: LspServerProcess, history: { caseNo: number; ops: unknown[] }[]): string {
  const out = path.join(dir, `seed-${f.seed}-case-${f.caseNo}`);
  try {
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(path.join(out, 'open-documents'), { recursive: true });
    fs.writeFileSync(
      path.join(out, 'README.md'),
      `# Fuzz failure: seed ${f.seed}, case ${f.caseNo}\n\n${f.reason}\n\nReproduce: \`npm run fuzz -- --seed ${f.seed} --cases ${f.caseNo}\`\n\n` +
        `- \`open-documents/\`: what the server held for every open document (UTF-8)\n- \`workspace/\`: the files on disk\n` +
        `- \`ops.json\`: the last cases' notifications and requests\n- \`stderr.txt\`, \`log.txt\`: the server's output\n` +
        (f.uri ? `\nDocument of the failing case: ${f.uri}\n` : ''),
    );
    for (const d of docs) {
      if (!d.open) continue;
      const target = path.join(out, 'open-documents', d.file.rel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, d.open.getText());
    }
    fs.cpSync(root, path.join(out, 'workspace'), { recursive: true });
    fs.writeFileSync(path.join(out, 'ops.json'), JSON.stringify(history, null, 1));
    fs.writeFileSync(path.join(out, 'stderr.txt'), server.stderr);
    fs.writeFileSync(path.join(out, 'log.txt'), server.logs.map((l) => `[${l.type}] ${l.message}`).join('\n'));
  } catch (err) {
    return `(could not save to ${out}: ${err instanceof Error ? err.message : String(err)})`;
  }
  return out;
}
