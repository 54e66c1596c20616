// disk/indexFolder.ts for the browser build (same export): index a workspace folder read through
// WorkspaceFiles. The same decisions as the disk walk: spectrace.yaml first, then the files the
// config's spec and code globs select (engine/config/globs.ts), minus .gitignore'd ones and those in
// node_modules/.git/.hg/.svn; spec files read whatever their size up to 64 MiB (the analyzer reports
// "file too large"), code files up to maxFileSize, binary and minified files skipped. One thread:
// there are no worker threads and no persisted caches in the browser.
import * as path from 'node:path';
import type { IndexFolderOptions } from '../../disk/indexFolder';
import { extractTags } from '../../engine/code/codeTags';
import { minifiedSkip } from '../../engine/code/minified';
import { createPathClassifier, walkGlobs } from '../../engine/config/globs';
import { WorkspaceIndex } from '../../engine/index/workspaceIndex';
import type { CodeFile, SkippedFile } from '../../engine/types';
import type { FileReadResult } from '../workspaceFiles';
import { readFiles, workspaceFiles } from '../workspaceTexts';
import { GitignoreRules } from './gitignore';
import { readTextSync } from './readText';

/** As on disk: spec files up to this size are read so the analyzer can report them as too large. */
const SPEC_READ_LIMIT = 64 * 1024 * 1024;
/** A folder with more files than this under its globs is indexed in part (and says so in the log). */
export const MAX_LISTED_FILES = 50_000;
/** Rounds of reading the schema files a config names, each one level of `$ref`s deeper. */
const MAX_SCHEMA_ROUNDS = 8;

export async function indexFolder(root: string, options: IndexFolderOptions = {}): Promise<{ index: WorkspaceIndex; skipped: SkippedFile[] }> {
  const base = path.resolve(root);
  const skipped: SkippedFile[] = [];
  const skip = (s: SkippedFile): void => {
    skipped.push(s);
    options.onSkip?.(s);
  };
  // The config's custom schemas are read synchronously while it loads: the files it asked for and
  // had not been read yet are read now, and the config loaded again (their $refs may name more).
  const readFile = options.readFile ?? readTextSync;
  const unread = new Set<string>();
  let loadingConfig = true;
  const index = new WorkspaceIndex(base, {
    ...options,
    readFile: (file) => {
      const text = readFile(file);
      if (text === undefined && loadingConfig) unread.add(file);
      return text;
    },
  });

  const [configRead] = await readFiles([index.configFile], SPEC_READ_LIMIT, true);
  if (configRead.kind === 'text') {
    index.setConfig(configRead.text);
    for (let round = 0; round < MAX_SCHEMA_ROUNDS && unread.size > 0; round++) {
      const files = [...unread];
      unread.clear();
      const reads = await readFiles(files, SPEC_READ_LIMIT, true);
      if (reads.every((r) => r.kind !== 'text')) break;
      index.setConfig(configRead.text);
    }
  } else if (configRead.kind !== 'missing') skip(skipOf(index.configFile, configRead));
  loadingConfig = false;
  const config = index.config;

  const rules = await GitignoreRules.forRoot(base);
  for (const p of rules.problems) skip(p);
  const listed = await workspaceFiles().list(base, walkGlobs(config), MAX_LISTED_FILES);
  if (listed.truncated) options.log?.(`spectrace: more than ${MAX_LISTED_FILES} files under the globs of ${base}; only the first ${MAX_LISTED_FILES} are indexed`);
  const classifier = createPathClassifier(config);
  const specFiles: string[] = [];
  const codeFiles: string[] = [];
  for (const file of [...new Set(listed.files)].sort()) {
    const rel = path.relative(base, file);
    if (rel.startsWith('..') || rules.ignoresPath(file)) continue;
    if (classifier.isSpecPath(rel)) specFiles.push(file);
    else if (classifier.isCodePath(rel)) codeFiles.push(file);
  }
  const total = specFiles.length + codeFiles.length;

  const specReads = await readFiles(specFiles, Math.max(config.maxFileSize, SPEC_READ_LIMIT), true, (n) => options.onProgress?.(n, total));
  specFiles.forEach((file, i) => {
    options.signal?.throwIfAborted();
    const read = specReads[i];
    if (read.kind === 'text') index.updateFile(file, read.text);
    else skip(skipOf(file, read));
  });

  const codeReads = await readFiles(codeFiles, config.maxFileSize, true, (n) => options.onProgress?.(specFiles.length + n, total));
  const scanned: CodeFile[] = [];
  codeFiles.forEach((file, i) => {
    const read = codeReads[i];
    if (read.kind !== 'text') return skip(skipOf(file, read));
    const minified = minifiedSkip(file, read.text, config);
    if (minified) return skip(minified);
    scanned.push({ file, tags: extractTags(file, read.text, config) });
  });
  index.addWalkedCode(scanned);
  return { index, skipped };
}

function skipOf(file: string, read: Exclude<FileReadResult, { kind: 'text' }>): SkippedFile {
  if (read.kind === 'missing') return { file, reason: 'vanished', detail: 'deleted or moved after it was listed' };
  return { file, reason: read.kind, detail: read.detail };
}
