// Keeps the `spectrace.cursorOnId` context key true while the active editor's cursor is on a
// requirement or roadmap ID of a spec or code file, so the editor's context menu offers Copy ID, Go to
// Requirement and Reveal in Requirements View only there. The server says what is an ID (spectrace/idAt):
// only it knows which files its globs match and which words are IDs.
import * as vscode from 'vscode';
import { isServedDocument } from './servedDocument';
import { IdAtRequest } from '../../server/src/shared/protocol';
import type { IdAtParams } from '../../server/src/shared/protocol';
import { ServerUnavailableError } from './extensionContext';
import { errorText } from '../../server/src/shared/errorText';
import type { Ctx } from './extensionContext';

export const CURSOR_ON_ID_KEY = 'spectrace.cursorOnId';
/** Cursor moves closer together than this (holding an arrow key, typing) send one request. */
const DEBOUNCE_MS = 150;

export class CursorIdContext implements vscode.Disposable {
  private currentId: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: vscode.CancellationTokenSource | undefined;
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  /** The ID under the cursor changed (undefined: the cursor left it). */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly ctx: Ctx) {
    this.subscriptions = [
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === vscode.window.activeTextEditor) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      // An ID written or removed under a cursor that did not move.
      ctx.onIndexChanged(() => this.schedule()),
      this.changed,
    ];
    this.schedule();
  }

  /** The ID under the active editor's cursor, as last set on the context key. */
  get id(): string | undefined {
    return this.currentId;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.inFlight?.cancel();
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.inFlight?.cancel();
    const editor = vscode.window.activeTextEditor;
    // Output, settings, diff-of-git and untitled editors show no file of the workspace.
    if (!editor || !isServedDocument(editor.document.uri)) {
      this.set(undefined);
      return;
    }
    this.timer = setTimeout(() => void this.ask(editor), DEBOUNCE_MS);
  }

  private async ask(editor: vscode.TextEditor): Promise<void> {
    const source = new vscode.CancellationTokenSource();
    this.inFlight = source;
    const active = editor.selection.active;
    const params: IdAtParams = { textDocument: { uri: editor.document.uri.toString() }, position: { line: active.line, character: active.character } };
    try {
      const hit = await this.ctx.request(IdAtRequest, params, source.token);
      // A newer cursor position has its own request: this answer is stale.
      if (!source.token.isCancellationRequested) this.set(hit?.id);
    } catch (err) {
      if (source.token.isCancellationRequested) return;
      this.set(undefined);
      // A server that is not running is reported by the status bar and the views already.
      if (!(err instanceof ServerUnavailableError)) this.ctx.log.warn(`the ID under the cursor: ${errorText(err)}`);
    } finally {
      if (this.inFlight === source) this.inFlight = undefined;
      source.dispose();
    }
  }

  private set(id: string | undefined): void {
    if (id === this.currentId) return;
    this.currentId = id;
    void vscode.commands.executeCommand('setContext', CURSOR_ON_ID_KEY, id !== undefined);
    this.changed.fire(id);
  }
}
