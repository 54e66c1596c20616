// `spectrace suspects`: every suspect link with the word diff of its requirement's review fields
// between the revision it was reviewed against and now, as text, Markdown (for a pull-request
// comment) or JSON.
import { relativePath } from '../reports/paths';
import { escapeMarkdownCell } from '../reports/escape';
import type { DiffPart } from '../text/wordDiff';
import { renderWordDiffMarkdown, renderWordDiffPlain } from '../text/wordDiff';

export interface SuspectEntry {
  id: string;
  title: string | undefined;
  kind: 'implements' | 'verifies' | 'parent' | 'depends_on';
  file: string;
  line: number;
  column: number;
  linkedRev: number;
  currentRev: number;
  /** The word diff, or why there is none. */
  diff: { parts: DiffPart[] } | { reason: string };
}

export function renderSuspectsText(root: string, entries: readonly SuspectEntry[]): string {
  if (entries.length === 0) return 'No suspect links.\n';
  const out: string[] = [];
  for (const e of entries) {
    out.push(`${relativePath(root, e.file)}:${e.line}:${e.column} ${e.kind} ${e.id} (rev ${e.linkedRev} → rev ${e.currentRev})${e.title ? `: ${e.title}` : ''}`);
    const body = 'parts' in e.diff ? renderWordDiffPlain(e.diff.parts) : `(no diff: ${e.diff.reason})\n`;
    out.push(...body.replace(/\n$/, '').split('\n').map((l) => (l ? `    ${l}` : '')), '');
  }
  out.push(`${entries.length} suspect link${entries.length === 1 ? '' : 's'}`);
  return `${out.join('\n')}\n`;
}

const escapeInline = (s: string) => s.replace(/([\\`*_~[\]<>|#])/g, '\\$1');

export function renderSuspectsMarkdown(root: string, entries: readonly SuspectEntry[]): string {
  if (entries.length === 0) return '### Suspect links\n\nNone: every link was reviewed against its requirement\'s current revision.\n';
  const out = [`### Suspect links (${entries.length})`, '', 'Links reviewed against an older revision of their requirement. Check each still fits, then run `spectrace review <ID>`.', ''];
  for (const e of entries) {
    out.push(`#### ${escapeMarkdownCell(e.id)} rev ${e.linkedRev} → rev ${e.currentRev}${e.title ? `: ${escapeInline(e.title)}` : ''}`, '');
    out.push(`\`${relativePath(root, e.file)}:${e.line}\` (${e.kind})`, '');
    if ('parts' in e.diff) {
      for (const line of renderWordDiffMarkdown(e.diff.parts, escapeInline).replace(/\n$/, '').split('\n')) out.push(line ? `> ${line}` : '>');
    } else out.push(`_No diff: ${escapeInline(e.diff.reason)}_`);
    out.push('');
  }
  return `${out.join('\n')}`;
}

export function renderSuspectsJson(root: string, entries: readonly SuspectEntry[]): string {
  const links = entries.map((e) => ({
    id: e.id,
    title: e.title,
    kind: e.kind,
    file: relativePath(root, e.file),
    line: e.line,
    column: e.column,
    linkedRev: e.linkedRev,
    currentRev: e.currentRev,
    ...('parts' in e.diff ? { diff: e.diff.parts } : { diffUnavailable: e.diff.reason }),
  }));
  return `${JSON.stringify({ version: 1, suspectLinks: links }, null, 2)}\n`;
}
