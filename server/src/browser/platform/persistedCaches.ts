// disk/indexCache.ts and disk/specResultCache.ts for the browser build: no persisted caches there
// (every start indexes the folder through the client). The server makes these only when the client
// gives a storage folder, which the browser client does not.
const NO_CACHE = 'persisted caches are not available in the browser build';

export class CodeIndexCache {
  constructor() {
    throw new Error(NO_CACHE);
  }
}

export class SpecResultCache {
  constructor() {
    throw new Error(NO_CACHE);
  }
}
