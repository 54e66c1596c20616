// Starting the language server's Web Worker from inside the web worker extension host. vscode.dev
// and github.dev serve the extension over https:, which `new Worker` accepts. code-server serves it
// from vscode-remote:, which the host's Worker refuses ("Creating workers from remote extensions is
// currently not supported"); the script is then fetched (the host's fetch resolves vscode-remote:)
// and started from a blob: URL.

/** The parts of a DOM Worker used here (the client's TypeScript project has no DOM types). */
export interface ServerWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: string, listener: (event: unknown) => void): void;
  removeEventListener(type: string, listener: (event: unknown) => void): void;
}

type WorkerConstructor = new (url: string) => ServerWorker;

export async function startWorker(script: { toString(skipEncoding?: boolean): string }): Promise<ServerWorker> {
  const Worker = (globalThis as unknown as { Worker: WorkerConstructor }).Worker;
  const url = script.toString(true);
  try {
    return new Worker(url);
  } catch {
    // Refused for this scheme: start it from a blob below.
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load the language server (${url}): HTTP ${response.status}`);
  const blob = new Blob([await response.text()], { type: 'application/javascript' });
  return new Worker(URL.createObjectURL(blob));
}
