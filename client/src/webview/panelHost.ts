// The lifecycle every webview panel shares: one panel of a kind at a time (revealed and refreshed
// when asked again), scripts allowed but resources only from client/media, a refresh when the index
// changes, the page's messages validated then dispatched, and the page given its HTML once, then
// only messages.
import * as vscode from 'vscode';
import type { LspLocation } from '../../../server/src/shared/protocol';
import { errorText } from '../../../server/src/shared/errorText';
import type { Ctx } from '../extensionContext';
import { toRange, toUri } from '../protocolToVscode';
import type { PageLifecycleMessage } from './webviewMessages';
import { makeNonce } from './pageHtml';

/** What every page is sent when its data could not be had. */
export type PageErrorMessage = { type: 'error'; message: string };

/** Where the open panel of one kind is kept. */
export interface PanelSlot<P> {
  current: P | undefined;
}

/** What a panel needs to render its page's HTML. */
export interface PageResources {
  cspSource: string;
  nonce: string;
  /** The webview URI of a file in client/media. */
  mediaUri(name: string): string;
}

export interface PanelKind<From> {
  /** Prefixes the log lines. */
  logName: string;
  parse(raw: unknown): From | undefined;
}

export interface PanelOpening<P> {
  ctx: Ctx;
  viewType: string;
  title: string;
  create(panel: vscode.WebviewPanel, media: vscode.Uri): P;
  /** Runs on the new or the revealed panel before it reloads. */
  prepare?(panel: P): void;
}

/** Reveals the open panel of a slot, or creates one (scripts on, loading only client/media); then reloads it. */
export async function showPanel<P extends { readonly panel: vscode.WebviewPanel; reload(): Promise<void> }>(slot: PanelSlot<P>, opening: PanelOpening<P>): Promise<P> {
  let panel = slot.current;
  if (panel) panel.panel.reveal();
  else {
    const media = vscode.Uri.joinPath(opening.ctx.extension.extensionUri, 'client', 'media');
    const webviewPanel = vscode.window.createWebviewPanel(opening.viewType, opening.title, vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      // The page loads only its own scripts and stylesheet.
      localResourceRoots: [media],
    });
    panel = opening.create(webviewPanel, media);
    slot.current = panel;
  }
  opening.prepare?.(panel);
  await panel.reload();
  return panel;
}

/** Opens a location in the editor group beside the panel, as a preview. */
export async function showBeside(location: LspLocation, preserveFocus = true): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(toUri(location.uri), {
    selection: toRange(location.range),
    viewColumn: vscode.ViewColumn.Beside,
    preserveFocus,
    preview: true,
  });
}

export abstract class PanelHost<From extends { type: string }, To> implements vscode.Disposable {
  protected version = 0;
  private html = '';
  private readonly disposables: vscode.Disposable[] = [];

  protected constructor(
    protected readonly ctx: Ctx,
    readonly panel: vscode.WebviewPanel,
    private readonly media: vscode.Uri,
    private readonly kind: PanelKind<From>,
    private readonly slot: PanelSlot<unknown>,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      ctx.onIndexChanged(() => {
        void this.reload();
      }),
    );
  }

  /** Disposed with the panel. */
  protected track(disposable: vscode.Disposable): void {
    this.disposables.push(disposable);
  }

  /** The HTML the webview was given (tests check its CSP and that no spec text is in the markup). */
  get pageHtml(): string {
    return this.html;
  }

  get dataVersion(): number {
    return this.version;
  }

  /** Fetches the data and hands it to the page with `show`. */
  abstract reload(): Promise<void>;

  /** The page's HTML, carrying its first message. */
  protected abstract renderPage(resources: PageResources, initial: To | PageErrorMessage): string;

  /** What a page that (re)loaded, e.g. after being hidden, is sent; nothing when undefined. */
  protected abstract latestMessage(): To | undefined;

  /** Handles a page's own message (it has been validated). */
  protected abstract handle(msg: Exclude<From, PageLifecycleMessage>): Promise<void>;

  /** Handles one message from the page; public so tests can drive it the way the page does. */
  async receive(raw: unknown): Promise<void> {
    const msg = this.kind.parse(raw);
    if (!msg) {
      this.ctx.log.warn(`${this.kind.logName}: ignored a malformed message from the webview: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    try {
      await this.dispatch(msg);
    } catch (err) {
      this.ctx.log.error(`${this.kind.logName}: ${msg.type} failed: ${errorText(err)}`);
      void vscode.window.showErrorMessage(`Spectrace: ${errorText(err)}`);
    }
  }

  dispose(): void {
    if (this.slot.current === this) this.slot.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  /** Shows the message `fetch` builds from fresh data, or the error that kept it from building one. */
  protected async fetchAndShow(fetch: () => Promise<To>): Promise<void> {
    let message: To | PageErrorMessage;
    try {
      message = await fetch();
    } catch (err) {
      this.logWarning(errorText(err));
      message = { type: 'error', message: errorText(err) };
    }
    await this.show(message);
  }

  /** Gives the page a message: the first time, as its HTML. */
  protected async show(message: To | PageErrorMessage): Promise<void> {
    if (!this.html) {
      const webview = this.panel.webview;
      this.html = this.renderPage(
        {
          cspSource: webview.cspSource,
          nonce: makeNonce(),
          mediaUri: (name) => webview.asWebviewUri(vscode.Uri.joinPath(this.media, name)).toString(),
        },
        message,
      );
      webview.html = this.html;
      return;
    }
    await this.post(message);
  }

  protected async post(message: To | PageErrorMessage): Promise<void> {
    // False when the page is not there to receive it (hidden); it asks with "ready" when it is back.
    await this.panel.webview.postMessage(message);
  }

  protected logWarning(text: string): void {
    this.ctx.log.warn(`${this.kind.logName}: ${text}`);
  }

  private async dispatch(msg: From): Promise<void> {
    if (isLifecycle(msg)) {
      if (msg.type === 'refresh') {
        await this.reload();
        return;
      }
      const latest = this.latestMessage();
      if (latest !== undefined) await this.post(latest);
      return;
    }
    await this.handle(msg as Exclude<From, PageLifecycleMessage>);
  }
}

function isLifecycle(msg: unknown): msg is PageLifecycleMessage {
  const type = (msg as { type?: unknown }).type;
  return type === 'ready' || type === 'refresh';
}
