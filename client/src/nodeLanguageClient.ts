// How the Node entry loads the language client: from its own bundle (dist/languageClient.js),
// required in a later turn of the event loop. VS Code's activation time covers loading
// dist/extension.js and the activate() call, and vscode-languageclient was most of the first. Not
// `import()`: a dynamic import starts Node's ESM loader, and did so inside activate(), where it was
// most of its time (bench/HISTORY.md).
import type { LanguageClientModule } from './clientOptions';

export function loadNodeLanguageClient(): Promise<LanguageClientModule> {
  return new Promise((resolve, reject) => {
    setImmediate(() => {
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bundle next to this one, loaded late on purpose
        resolve(require('./languageClient.js') as LanguageClientModule);
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
}
