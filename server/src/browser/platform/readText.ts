// disk/readText.ts for the browser build (same exports): asynchronous reads go to the client through
// WorkspaceFiles; synchronous ones are answered from the texts read so far (workspaceTexts.ts).
import type { FileReadResult } from '../workspaceFiles';
import { knownText, readFiles } from '../workspaceTexts';

export type ReadResult = FileReadResult;

export async function readTextFile(file: string, maxBytes: number, checkBinary = true): Promise<ReadResult> {
  const [result] = await readFiles([file], maxBytes, checkBinary);
  return result ?? { kind: 'missing' };
}

export function readTextSync(file: string): string | undefined {
  return knownText(file);
}
