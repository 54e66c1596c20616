// setImmediate / clearImmediate for the browser build (injected by esbuild.js): lsp/ and features/
// use them to yield to the message loop between passes, which a worker's zero-delay timer does too.
export function setImmediate(callback: () => void): ReturnType<typeof setTimeout> {
  return setTimeout(callback, 0);
}

export function clearImmediate(handle: ReturnType<typeof setTimeout> | undefined): void {
  clearTimeout(handle);
}
