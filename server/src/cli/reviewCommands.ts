// The change-review commands: `baseline`, `bump`, `review` and `suspects`. The edits are the engine's
// (engine/review/reviewEdits.ts), spliced into the file text as it is on disk, so every comment,
// blank line, quote style and key order outside the edited value stays. A spec file with YAML errors
// is never edited (the command says which and exits 1).
import * as fs from 'node:fs/promises';
import { GitHistory } from '../disk/gitHistory';
import { compileGlobs } from '../engine/config/globs';
import type { WorkspaceIndexReader } from '../engine/index/indexReader';
import { relativePath } from '../engine/reports/paths';
import { textAtRevision } from '../engine/review/olderText';
import { applyEdits, baselineEdits, bumpEdits, eolOf, lineReader, reviewedEdit } from '../engine/review/reviewEdits';
import type { FileEdit } from '../engine/review/reviewEdits';
import { requirementOf, revOf, suspectLinksOf, underReview } from '../engine/review/reviewModel';
import { renderSuspectsJson, renderSuspectsMarkdown, renderSuspectsText } from '../engine/review/suspectReport';
import type { SuspectEntry } from '../engine/review/suspectReport';
import type { SpecItem } from '../engine/types';
import { wordDiff } from '../engine/text/wordDiff';
import { plural } from '../shared/plural';
import { loadWorkspace, resolveFolder } from './openFolder';
import type { Command } from './parseArgs';
import type { CliIo } from './output';

type ReviewCommand = Extract<Command, { kind: 'baseline' | 'bump' | 'review' | 'suspects' }>;

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

export async function runReviewCommand(command: ReviewCommand, io: CliIo): Promise<number> {
  const root = await resolveFolder(command.folder, io.cwd);
  const { index } = await loadWorkspace(root, undefined);
  if (!index.config.review) {
    io.stderr("spectrace: change review is off in this folder: add `review: {}` to spectrace.yaml to turn it on\n");
    return EXIT_USAGE;
  }
  switch (command.kind) {
    case 'baseline':
      return baseline(index, io);
    case 'bump':
      return bump(index, command.ids, command.editorial, io);
    case 'review':
      return review(index, command.ids, command.paths, io);
    case 'suspects':
      return suspects(index, command.format, io);
  }
}

/** Per file: its text on disk, for the edit readers. */
class Files {
  private readonly texts = new Map<string, string>();
  async text(file: string): Promise<string> {
    let t = this.texts.get(file);
    if (t === undefined) this.texts.set(file, (t = await fs.readFile(file, 'utf8')));
    return t;
  }
}

/** Applies the edits file by file; spec files with YAML errors are refused. Returns the files written and refused. */
async function write(index: WorkspaceIndexReader, files: Files, edits: readonly FileEdit[], io: CliIo): Promise<{ written: number; refused: number }> {
  const byFile = new Map<string, FileEdit[]>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  let written = 0;
  let refused = 0;
  for (const [file, list] of byFile) {
    const syntax = index.diagnosticsFor(file).filter((d) => d.code === 'yaml-syntax');
    if (syntax.length > 0) {
      const first = syntax[0];
      io.stderr(`spectrace: not editing ${relativePath(index.root, file)}: it has YAML errors (line ${first.range.start.line + 1}: ${first.message}); fix them first\n`);
      refused++;
      continue;
    }
    const text = await files.text(file);
    await fs.writeFile(file, applyEdits(text, list), 'utf8');
    written++;
  }
  return { written, refused };
}

async function baseline(index: WorkspaceIndexReader, io: CliIo): Promise<number> {
  const files = new Files();
  const edits: FileEdit[] = [];
  let count = 0;
  let skipped = 0;
  for (const item of index.requirements()) {
    if (!item.id || item.reviewFingerprint === undefined || !underReview(item, index.config) || item.fields.has('fingerprint')) continue;
    const text = await files.text(item.file);
    const e = baselineEdits(item, item.reviewFingerprint, lineReader(text), eolOf(text));
    if (!e) {
      io.stderr(`spectrace: ${relativePath(index.root, item.file)}:${item.headRange.start.line + 1}: ${item.id} is written as a flow mapping; add \`fingerprint: ${item.reviewFingerprint}\` by hand\n`);
      skipped++;
      continue;
    }
    edits.push(...e);
    count++;
  }
  const { written, refused } = await write(index, files, edits, io);
  io.stdout(count === 0 ? 'Every requirement under review already has a fingerprint.\n' : `Baselined ${plural(count, 'requirement')} in ${plural(written, 'file')}.\n`);
  return refused > 0 || skipped > 0 ? EXIT_FAILED : EXIT_OK;
}

function findRequirements(index: WorkspaceIndexReader, ids: readonly string[], io: CliIo): SpecItem[] | undefined {
  const items: SpecItem[] = [];
  for (const id of ids) {
    const item = requirementOf(index, id);
    if (!item) {
      io.stderr(`spectrace: no requirement ${id} in this folder\n`);
      return undefined;
    }
    items.push(item);
  }
  return items;
}

async function bump(index: WorkspaceIndexReader, ids: readonly string[], editorial: boolean, io: CliIo): Promise<number> {
  const items = findRequirements(index, ids, io);
  if (!items) return EXIT_USAGE;
  const files = new Files();
  const edits: FileEdit[] = [];
  const done: string[] = [];
  let failed = false;
  for (const item of items) {
    const text = await files.text(item.file);
    const fingerprint = item.reviewFingerprint;
    const e = fingerprint === undefined ? undefined : bumpEdits(item, fingerprint, editorial, lineReader(text), eolOf(text));
    if (!e) {
      io.stderr(`spectrace: ${item.id} cannot be edited (a flow mapping, or its value could not be read)\n`);
      failed = true;
      continue;
    }
    edits.push(...e);
    done.push(editorial ? `${item.id} (rev ${revOf(item)}, fingerprint refreshed)` : `${item.id} → rev ${revOf(item) + 1}`);
  }
  const { refused } = await write(index, files, edits, io);
  if (done.length > 0 && refused === 0) io.stdout(`${editorial ? 'Recorded an editorial change' : 'Bumped'}: ${done.join(', ')}\n`);
  return failed || refused > 0 ? EXIT_FAILED : EXIT_OK;
}

async function review(index: WorkspaceIndexReader, ids: readonly string[], paths: readonly string[], io: CliIo): Promise<number> {
  const items = findRequirements(index, ids, io);
  if (!items) return EXIT_USAGE;
  const inPaths = paths.length > 0 ? compileGlobs(paths) : () => true;
  const edits: FileEdit[] = [];
  for (const item of items) {
    const rev = revOf(item);
    for (const link of suspectLinksOf(index, item)) if (inPaths(relativePath(index.root, link.file))) edits.push(reviewedEdit(link, rev));
  }
  const { written, refused } = await write(index, new Files(), edits, io);
  io.stdout(edits.length === 0 ? 'No suspect links to mark reviewed.\n' : `Marked ${plural(edits.length, 'link')} reviewed in ${plural(written, 'file')}.\n`);
  return refused > 0 ? EXIT_FAILED : EXIT_OK;
}

async function suspects(index: WorkspaceIndexReader, format: 'text' | 'md' | 'json', io: CliIo): Promise<number> {
  const history = new GitHistory(index.root, { trusted: true, env: io.env });
  const entries: SuspectEntry[] = [];
  const texts = new Map<string, Awaited<ReturnType<typeof textAtRevision>>>();
  for (const item of index.requirements()) {
    if (!item.id) continue;
    const rev = revOf(item);
    for (const link of suspectLinksOf(index, item)) {
      const key = `${item.id}@${link.linkedRev}`;
      let old = texts.get(key);
      if (!old) texts.set(key, (old = await textAtRevision(item, link.linkedRev, index.config, history)));
      const now = await textAtRevision(item, rev, index.config, undefined);
      const title = item.fields.get('title')?.value;
      entries.push({
        id: item.id,
        title: typeof title === 'string' ? title : undefined,
        kind: link.kind,
        file: link.file,
        line: link.range.start.line + 1,
        column: link.range.start.character + 1,
        linkedRev: link.linkedRev,
        currentRev: rev,
        diff: old.text !== null && now.text !== null ? { parts: wordDiff(old.text, now.text) } : { reason: old.text === null ? old.reason : 'unavailable' },
      });
    }
  }
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  const render = format === 'json' ? renderSuspectsJson : format === 'md' ? renderSuspectsMarkdown : renderSuspectsText;
  io.stdout(render(index.root, entries));
  return EXIT_OK;
}
