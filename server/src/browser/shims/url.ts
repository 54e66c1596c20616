// `node:url` for the browser build: only pathToFileURL, which the engine uses to name schema files.
export function pathToFileURL(file: string): URL {
  return new URL(`file://${encodeURI(file).replace(/[?#]/g, encodeURIComponent)}`);
}
