// An editor session over the real server for the hardening tests: opens and edits documents by
// workspace-relative path, keeps versions, asks requests that must be answered within a generous bound
// (not a performance threshold: a hang guard), and checks the server ended cleanly.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import { DEFAULT_SETTINGS } from '../../server/src/shared/protocol';
import { LspServerProcess, fileUri } from '../support/serverProcess';
import type { Outcome, StartOptions } from '../support/serverProcess';

/** Long enough that only a hang (or an exponential blow-up) exceeds it on a loaded 2-core machine. */
export const ANSWER_BOUND_MS = 15_000;

export class EditorSession {
  readonly versions = new Map<string, number>();
  readonly texts = new Map<string, string>();

  private constructor(
    readonly root: string,
    readonly server: LspServerProcess,
  ) {}

  static async start(root: string, options: Partial<StartOptions> = {}): Promise<EditorSession> {
    const server = await LspServerProcess.start({ settings: { ...DEFAULT_SETTINGS }, ...options, root });
    return new EditorSession(root, server);
  }

  uri(rel: string): string {
    return fileUri(path.join(this.root, rel));
  }

  open(rel: string, text: string): number {
    const uri = this.uri(rel);
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    this.server.notify('textDocument/didOpen', { textDocument: { uri, languageId: languageOf(rel), version, text } });
    return version;
  }

  /** Replaces the whole text of an open document. */
  change(rel: string, text: string): number {
    const uri = this.uri(rel);
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    this.server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  close(rel: string): void {
    const uri = this.uri(rel);
    this.texts.delete(uri);
    this.server.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** workspace/didChangeWatchedFiles for workspace-relative paths (1 created, 2 changed, 3 deleted). */
  fileEvents(...events: [rel: string, type: 1 | 2 | 3][]): void {
    this.server.notify('workspace/didChangeWatchedFiles', { changes: events.map(([rel, type]) => ({ uri: this.uri(rel), type })) });
  }

  /** How a request ended, bounded by ANSWER_BOUND_MS. */
  outcome(method: string, params: unknown): Promise<Outcome> {
    return this.server.request(method, params, ANSWER_BOUND_MS);
  }

  /** A request that must be answered with a result (not an error, not silence). */
  async ask<T>(method: string, params: unknown): Promise<T> {
    const o = await this.outcome(method, params);
    assert.equal(o.kind, 'result', `${method} was not answered with a result: ${JSON.stringify(o)}\nstderr: ${this.server.stderr.slice(-2000)}`);
    return (o as { value: T }).value;
  }

  /** A request that must be answered: a result or a proper LSP error other than InternalError. */
  async answered(method: string, params: unknown): Promise<Outcome> {
    const o = await this.outcome(method, params);
    assert.ok(o.kind === 'result' || (o.kind === 'error' && o.code !== -32603), `${method} not answered properly: ${JSON.stringify(o)}`);
    return o;
  }

  /** Every position feature on one spot of a document: all must be answered. */
  async everyFeatureAnswers(rel: string, position: { line: number; character: number }): Promise<void> {
    const textDocument = { uri: this.uri(rel) };
    const range: Range = { start: { line: 0, character: 0 }, end: position };
    await Promise.all([
      this.answered('textDocument/hover', { textDocument, position }),
      this.answered('textDocument/completion', { textDocument, position }),
      this.answered('textDocument/definition', { textDocument, position }),
      this.answered('textDocument/references', { textDocument, position, context: { includeDeclaration: true } }),
      this.answered('textDocument/documentSymbol', { textDocument }),
      this.answered('textDocument/codeLens', { textDocument }),
      this.answered('textDocument/inlayHint', { textDocument, range }),
      this.answered('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }),
      this.answered('textDocument/prepareRename', { textDocument, position }),
    ]);
  }

  /** Waits for a publish for `rel` (at `version` when given) that `accept`s; fails with what arrived. */
  async diagnostics(rel: string, accept: (d: Diagnostic[]) => boolean = () => true, version?: number): Promise<Diagnostic[]> {
    const uri = this.uri(rel);
    const p = await this.server.waitForDiagnostics(uri, ANSWER_BOUND_MS, (x) => (version === undefined || x.version === version) && accept(x.diagnostics));
    assert.ok(p, `no matching diagnostics for ${rel}${version === undefined ? '' : ` v${version}`}; last publish: ${JSON.stringify(this.server.diagnostics.get(uri))}`);
    return p.diagnostics;
  }

  /** Logged lines that mention `text`. */
  logsMentioning(text: string): string[] {
    return this.server.logs.filter((l) => l.message.includes(text)).map((l) => l.message);
  }

  /** shutdown/exit: the server must exit with 0 and have printed no uncaught exception. */
  async stop(): Promise<void> {
    const { clean, shutdown } = await this.server.stop(ANSWER_BOUND_MS);
    assert.equal(this.server.uncaughtInStderr(), undefined, 'uncaught exception on stderr');
    const exceptions = this.server.logs.filter((l) => l.type === 1 && /\n\s+at /.test(l.message));
    assert.deepEqual(exceptions.map((l) => l.message.slice(0, 500)), [], 'the server logged exceptions');
    assert.ok(clean, `no clean exit: shutdown ${JSON.stringify(shutdown)}, exit ${JSON.stringify(this.server.exit)}`);
  }

  kill(): void {
    this.server.kill();
  }
}

export function languageOf(rel: string): string {
  if (/\.ya?ml$/.test(rel)) return 'yaml';
  if (/\.tsx?$/.test(rel)) return 'typescript';
  if (/\.py$/.test(rel)) return 'python';
  return 'plaintext';
}
