// Long loops (references to a much-tagged ID, the matrix of 20,000 requirements, a rename across
// thousands of files) must stay cancellable. Node runs one thing at a time: a $/cancelRequest is only
// read when the loop gives the event loop a turn. The pacer does that every few milliseconds and
// then checks the token, so a cancelled request ends promptly instead of running to completion.
import type { CancellationToken } from 'vscode-languageserver';
import { cancelled } from './requestErrors';

const SLICE_MS = 8;

export class Pacer {
  private last = Date.now();
  private n = 0;

  constructor(private readonly token: CancellationToken) {}

  /** Cheap enough to call per iteration: true every few ms, when the caller should `await yield()`. */
  due(): boolean {
    if ((++this.n & 7) !== 0) return false;
    return Date.now() - this.last >= SLICE_MS || this.token.isCancellationRequested;
  }

  /** Gives the event loop a turn, then throws RequestCancelled if the request was cancelled meanwhile. */
  async yield(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.last = Date.now();
    if (this.token.isCancellationRequested) throw cancelled();
  }
}
