// One file's new text, or its removal, applied to its folder's index the way the server routes it:
// the config and the custom schemas reload the config, code files only while code scanning is on,
// and a deleted folder takes every indexed file under it (an event for a folder that is there takes none).
import { wholeText } from '../engine/spec/specSource';
import type { SpecInput } from '../engine/spec/specSource';
import type { Folder } from './folder';
import { isInside } from './uris';

/** The current text of a file (an open document's, else the disk's); undefined when unreadable. */
export type TextOf = (file: string) => string | undefined;

/**
 * Feed one file's current text to its folder's index; false when the file is not indexed. An open
 * document is handed over as itself: a spec is then read around the edit, not copied whole.
 */
export function applyText(folder: Folder, file: string, input: SpecInput, codeScanning: boolean, textOf: TextOf): boolean {
  const index = folder.index;
  if (!index) return false;
  if (file === folder.configFile) {
    index.setConfig(wholeText(input));
    return true;
  }
  if (index.isSchemaFile(file)) {
    // A workspace schema changed: recompile with the current config text.
    index.setConfig(textOf(folder.configFile));
    return false;
  }
  const kind = index.classify(file);
  // The client sends every open document; only specs and files under the code globs are indexed.
  if (kind === 'none' || (kind === 'code' && !codeScanning)) return false;
  index.updateFile(file, input);
  return true;
}

/**
 * A path the disk no longer has as a readable file leaves the index. `deleted`: the path itself was
 * deleted, so when it is not an indexed file it was a folder and every indexed file under it goes.
 * Otherwise (a created or changed path that reads as no file) only the path itself goes: a watcher
 * reports a folder as well as its files, in no fixed order, and a folder's own event must not take
 * away the files under it.
 */
export function removeFromIndex(folder: Folder, file: string, textOf: TextOf, deleted: boolean): void {
  const index = folder.index;
  if (!index) return;
  if (file === folder.configFile) {
    index.setConfig(undefined);
    return;
  }
  if (index.isSchemaFile(file)) {
    index.setConfig(textOf(folder.configFile));
    return;
  }
  const known = index.specFile(file) !== undefined || index.codeFile(file) !== undefined;
  if (known) {
    index.removeFile(file);
    return;
  }
  if (!deleted) return;
  // A deleted folder: every indexed file under it goes.
  const under: string[] = [];
  for (const s of index.specFiles()) if (isInside(s.file, file)) under.push(s.file);
  for (const c of index.codeFiles()) if (isInside(c.file, file)) under.push(c.file);
  for (const f of under) index.removeFile(f);
}
