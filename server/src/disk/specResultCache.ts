// The persisted spec analyses of a workspace folder: each spec file's analysis (items, references,
// file-local diagnostics), keyed by the file's path and a hash of its text, next to the persisted
// code index (indexCache.ts). Parsing and validating spec YAML is most of a server start on a large
// folder; a restart reads each spec file (cheap), hashes it, and takes the analysis of an unchanged
// text from here instead of parsing it.
//
// Decisions:
// - Keyed by content, not by size and time: the text is read anyway (the index keeps it), and a
//   hash cannot be fooled by a write within the same timestamp tick.
// - The whole file has one identity key: the format, the build (the bundle's size and time: any
//   rebuild, e.g. a changed message, starts afresh), and everything an
//   analysis depends on besides the text (the config text, trust, custom schema texts:
//   `WorkspaceIndex.analysisKey`). Any change starts from an empty cache.
// - Stored with v8.serialize (Maps and Dates in field values come back as they were), written
//   atomically. A file that cannot be read or decoded, or holds anything unexpected, is ignored with
//   a log line; nothing here throws. Folders whose analyses would take more than MAX_BYTES are not
//   stored.
// - Each file's analysis is serialized on its own, one per event-loop turn, and read back only when
//   its hash matches: v8.serialize of a very large analysis blocks the server and holds much memory
//   (bench/HISTORY.md), so spec texts over MAX_CACHED_SPEC_CHARS are not stored at all (they are parsed).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { PersistedFile } from './persistedFile';
import type { SpecFile } from '../engine/types';
import { errorText } from '../shared/errorText';

/** Bump when what an analysis yields for the same text and config changes. */
export const SPEC_CACHE_FORMAT = 3;
const MARKER = 'spectrace-spec-analyses';
const MAX_BYTES = 128 * 1024 * 1024;

/** This build of Spectrace: the size and time of the running bundle (or source file, in tests). */
const BUILD = ((): string => {
  try {
    const stat = fs.statSync(__filename);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'unknown';
  }
})();

/** Spec texts longer than this are not persisted (see above). About 2,000 requirements. */
export const MAX_CACHED_SPEC_CHARS = 1024 * 1024;

interface StoredSpecs {
  marker: typeof MARKER;
  key: string;
  /** Per file: its text's hash and its analysis, serialized by itself. */
  files: [file: string, hash: string, spec: Uint8Array][];
}

/** An analysis held: the object (once stored or read back) and/or its serialized bytes (as loaded). */
interface Entry {
  hash: string;
  spec?: SpecFile;
  bytes?: Uint8Array;
  /** The index's analysis `spec` was copied from (`store`). */
  from?: SpecFile;
}

/** The hash a spec text is stored under. */
export function textHash(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

export function specCacheFileFor(storageDir: string, root: string): string {
  const hash = createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 16);
  return path.join(storageDir, `spec-analyses-${hash}.bin`);
}

export class SpecResultCache {
  readonly file: string;
  private key: string | undefined;
  private entries = new Map<string, Entry>();
  private dirty = false;
  private readonly persisted: PersistedFile;

  constructor(
    storageDir: string,
    private readonly root: string,
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.file = specCacheFileFor(storageDir, root);
    this.persisted = new PersistedFile(this.file, 'persisted spec analyses', log);
  }

  /**
   * The analyses valid for `analysisKey`, as a lookup by file and text hash: read from disk the
   * first time, kept in memory after; emptied when the key changed.
   */
  async prepare(analysisKey: string): Promise<(file: string, hash: string) => SpecFile | undefined> {
    const key = JSON.stringify({ format: SPEC_CACHE_FORMAT, build: BUILD, root: path.resolve(this.root), analysisKey });
    if (this.key === undefined) {
      this.key = key;
      this.entries = await this.load(key);
    } else if (this.key !== key) {
      this.key = key;
      this.entries = new Map();
      this.dirty = true;
    }
    const entries = this.entries;
    return (file, hash) => {
      const e = entries.get(file);
      if (!e || e.hash !== hash) return undefined;
      if (!e.spec && e.bytes) {
        const spec = readSpec(e.bytes, file);
        if (typeof spec === 'string') {
          this.log(`spectrace: persisted spec analysis of ${file} ignored: ${spec}`);
          entries.delete(file);
          return undefined;
        }
        e.spec = spec;
      }
      return e.spec;
    };
  }

  /** Replace the contents with the analyses of an index (files not in it are gone). */
  store(analyses: ReadonlyMap<string, { hash: string; spec: SpecFile }>): void {
    const next = new Map<string, Entry>();
    let same = analyses.size === this.entries.size;
    for (const [file, a] of analyses) {
      const old = this.entries.get(file);
      if (old?.from === a.spec && old.hash === a.hash) next.set(file, old); // keeps its bytes
      else {
        // The lists are copied: an edit of the file may update the index's lists in place
        // (SpecAnalyzer.analyze) before they are serialized.
        const spec = { ...a.spec, requirements: [...a.spec.requirements], roadmap: [...a.spec.roadmap], insights: [...a.spec.insights], diagnostics: [...a.spec.diagnostics] };
        next.set(file, { hash: a.hash, spec, from: a.spec });
        same = false;
      }
    }
    this.entries = next;
    if (!same) this.dirty = true;
  }

  /** Write the cache if it changed since it was last written or read. Never rejects (problems are logged). */
  async save(): Promise<void> {
    if (!this.dirty || this.key === undefined) return this.persisted.idle();
    this.dirty = false;
    const key = this.key;
    const files: StoredSpecs['files'] = [];
    for (const [file, e] of [...this.entries]) {
      if (!e.bytes) {
        if (!e.spec) continue;
        e.bytes = v8.serialize(e.spec);
        await nextTurn(); // one file's serialization per turn: requests get answered in between
      }
      files.push([file, e.hash, e.bytes]);
    }
    const stored: StoredSpecs = { marker: MARKER, key, files };
    const bytes = v8.serialize(stored);
    if (bytes.length > MAX_BYTES) {
      // An older, smaller file would describe texts that changed since: it goes.
      this.log(`spectrace: spec analyses not persisted: ${bytes.length} bytes is over the ${MAX_BYTES} limit`);
      await this.persisted.remove();
      return;
    }
    if (!(await this.persisted.write(() => bytes))) this.dirty = true; // try again at the next save
    // Analyses the index holds anyway need not be kept twice; the next save serializes them again.
    for (const e of this.entries.values()) if (e.spec) e.bytes = undefined;
  }

  private async load(key: string): Promise<Map<string, Entry>> {
    return (await this.persisted.load(MAX_BYTES, (bytes) => decode(bytes, key))) ?? new Map();
  }
}

/** The entries of a cache file, or why it cannot be used. */
function decode(bytes: Buffer, key: string): Map<string, Entry> | string {
  let data: unknown;
  try {
    data = v8.deserialize(bytes);
  } catch (err) {
    return `not readable (${errorText(err)}); truncated or corrupt`;
  }
  if (typeof data !== 'object' || data === null || (data as { marker?: unknown }).marker !== MARKER) return 'not Spectrace spec analyses';
  const stored = data as Partial<StoredSpecs>;
  if (stored.key !== key) return 'made for another folder, configuration or version (rebuilt)';
  if (!Array.isArray(stored.files)) return 'no file list';
  const out = new Map<string, Entry>();
  for (const row of stored.files as unknown[]) {
    if (!Array.isArray(row) || row.length !== 3) return 'a malformed entry';
    const [file, hash, spec] = row as unknown[];
    if (typeof file !== 'string' || typeof hash !== 'string' || !(spec instanceof Uint8Array)) return 'a malformed entry';
    out.set(file, { hash, bytes: spec });
  }
  return out;
}

/** One file's analysis from its bytes, or why it cannot be used. */
function readSpec(bytes: Uint8Array, file: string): SpecFile | string {
  let spec: unknown;
  try {
    spec = v8.deserialize(bytes);
  } catch (err) {
    return `not readable (${errorText(err)})`;
  }
  return looksLikeSpecFile(spec, file) ? spec : 'not an analysis of this file';
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The shape checks that keep a damaged entry from reaching the index (its contents were written by us). */
function looksLikeSpecFile(v: unknown, file: string): v is SpecFile {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<SpecFile>;
  return s.file === file && typeof s.hasSpecLists === 'boolean' && Array.isArray(s.requirements) && Array.isArray(s.roadmap) && Array.isArray(s.insights) && Array.isArray(s.diagnostics);
}
