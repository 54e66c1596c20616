// What a request runs against: a folder whose indexing has finished (or the request is cancelled
// first), and the feature context made from its index and the folder's settings.
import type { CancellationToken } from 'vscode-languageserver';
import type { WorkspaceIndex } from '../engine/index/workspaceIndex';
import type { FeatureContext } from '../features/featureContext';
import { cancelled } from '../features/requestErrors';
import type { SpectraceSettings } from '../shared/protocol';
import type { ClientFeatures } from './capabilities';
import type { Folder } from './folder';
import type { TextOf } from './indexUpdates';
import { pathToUri, uriToPath } from './uris';

/** Wait until a folder's index is ready (or the request is cancelled). */
export async function whenReady(folder: Folder, token: CancellationToken): Promise<void> {
  for (;;) {
    const ready = folder.ready;
    await new Promise<void>((resolve, reject) => {
      if (token.isCancellationRequested) return reject(cancelled());
      const sub = token.onCancellationRequested(() => {
        sub.dispose();
        reject(cancelled());
      });
      ready.then(
        () => {
          sub.dispose();
          resolve();
        },
        () => {
          sub.dispose();
          resolve();
        },
      );
    });
    // A re-index may have started while waiting.
    if (folder.ready === ready) return;
  }
}

export interface ContextSources {
  settings: SpectraceSettings;
  trusted: boolean;
  client: ClientFeatures;
  versionOf: (uri: string) => number | undefined;
  textOf: TextOf;
  readOnly: (file: string) => boolean;
}

export function featureContext(folder: Folder, index: WorkspaceIndex, s: ContextSources): FeatureContext {
  return {
    index,
    root: folder.root,
    settings: s.settings,
    trusted: s.trusted,
    pathOf: uriToPath,
    uriOf: pathToUri,
    versionOf: (file) => s.versionOf(pathToUri(file)),
    textOf: s.textOf,
    documentChanges: s.client.documentChanges,
    snippets: s.client.snippets,
    markdown: s.client.markdown,
    history: folder.history(s.trusted),
    burnups: folder.specHistory(s.trusted),
    readOnly: s.readOnly,
  };
}
