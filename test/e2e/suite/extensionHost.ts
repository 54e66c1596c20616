// What the extension-host tests and the browser (web worker) suite share, so nothing here may use
// Node: the extension's API once its language server is up, and polling.
import * as vscode from 'vscode';
import type { SpectraceApi } from '../../../client/src/api';

export const EXTENSION_ID = 'spectrace.spectrace';

/** The running extension's API, once the language server is up. */
export async function spectrace(): Promise<SpectraceApi> {
  const ext = vscode.extensions.getExtension<SpectraceApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
  const api = ext.isActive ? ext.exports : await ext.activate();
  await api.ready();
  return api;
}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Calls `check` until it returns something truthy (which is returned) or the deadline passes; then
 * throws, naming what was awaited and the last value or error seen.
 */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, options: WaitOptions = {}): Promise<NonNullable<T>> {
  const { timeoutMs = 30_000, intervalMs = 100 } = options;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() >= deadline) {
      const seen = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last seen: ${seen?.slice(0, 300)})`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
