// Quick fixes for a requirement the coverage policy says is uncovered, the choices a PM has: exempt it
// with a written reason, create a test file that carries its test tag (beside the workspace's other
// tests), or move it back to an earlier status the policy does not cover. None is preferred: which
// one is right depends on the requirement, not on the text.
import * as path from 'node:path';
import { CodeActionKind } from 'vscode-languageserver';
import type { CodeAction, CodeActionParams, Diagnostic, WorkspaceEdit } from 'vscode-languageserver';
import type { FixData, SpecItem } from '../../engine/types';
import { quoted } from '../../engine/text/quote';
import { toLspRange } from '../lspRange';
import type { FeatureContext, FeatureRequest } from '../featureContext';
import { EditBuilder } from '../edits';
import { relativeLabel } from '../items';

type Uncovered = Extract<FixData, { kind: 'uncovered-requirement' }>;

/** The text the exemption fix writes; the PM replaces it with the real reason. */
export const EXEMPT_PLACEHOLDER = 'TODO: why this needs no code or tests';

export function uncoveredFixes(req: FeatureRequest<CodeActionParams>, data: Uncovered, lspDiag: Diagnostic): CodeAction[] {
  const item = req.ctx.index.specFile(req.file)?.requirements.find((r) => r.id === data.id);
  if (!item) return [];
  const action = (title: string, edit: WorkspaceEdit): CodeAction => ({ title, kind: CodeActionKind.QuickFix, diagnostics: [lspDiag], edit });
  const out: CodeAction[] = [];
  const exempt = exemptEdit(req, item);
  if (exempt) out.push(action(`Exempt ${data.id} from coverage (write the reason in coverage_exempt)`, exempt));
  const stub = stubTestEdit(req.ctx, data.id);
  if (stub) out.push(action(`Create ${stub.label} with a test tag for ${data.id}`, stub.edit));
  const status = item.fields.get('status');
  if (status && typeof status.value === 'string') {
    for (const s of data.statuses) {
      const edits = new EditBuilder(req.ctx);
      edits.add(req.file, { range: toLspRange(status.valueRange), newText: s });
      out.push(action(`Change status from ${quoted(status.value)} to ${quoted(s)}`, edits.build()));
    }
  }
  return out;
}

/** `coverage_exempt: "TODO: …"` on a new line after the line of the item's `id`, at its keys' indentation. */
function exemptEdit(req: FeatureRequest<CodeActionParams>, item: SpecItem): WorkspaceEdit | undefined {
  const id = item.fields.get('id');
  if (!id) return undefined;
  const line = id.valueRange.end.line;
  const lineText = req.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const edits = new EditBuilder(req.ctx);
  const at = { line, character: lineText.length };
  edits.add(req.file, { range: { start: at, end: at }, newText: `\n${' '.repeat(id.keyRange.start.character)}coverage_exempt: "${EXEMPT_PLACEHOLDER}"` });
  return edits.build();
}

/**
 * A new file in the folder holding most of the workspace's test tags, named like the tests there
 * (`checkout.test.ts` -> `pay-1.test.ts`, `test_cart.py` -> `test_pay_1.py`), holding only the tag in
 * that language's line comment. Needs a client that can create files; none when no test is tagged yet.
 */
function stubTestEdit(ctx: FeatureContext, id: string): { label: string; edit: WorkspaceEdit } | undefined {
  if (!ctx.documentChanges) return undefined;
  const byDir = new Map<string, { count: number; sample: string; word: string }>();
  for (const code of ctx.index.codeFiles()) {
    const tag = code.tags.find((t) => t.kind === 'verifies');
    if (!tag) continue;
    const dir = path.dirname(code.file);
    const entry = byDir.get(dir) ?? { count: 0, sample: code.file, word: tag.word };
    entry.count++;
    byDir.set(dir, entry);
  }
  const best = [...byDir].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))[0];
  if (!best) return undefined;
  const [dir, { sample, word }] = best;
  const file = path.join(dir, testFileName(path.basename(sample), id));
  if (ctx.textOf(file) !== undefined) return undefined;
  const uri = ctx.uriOf(file);
  const comment = lineComment(file);
  const text = `${comment} ${word} ${id}\n${comment} TODO: write the test this tag stands for\n`;
  const edit: WorkspaceEdit = {
    documentChanges: [
      { kind: 'create', uri, options: { ignoreIfExists: true } },
      { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
    ],
  };
  return { label: relativeLabel(ctx.root, file), edit };
}

function testFileName(sample: string, id: string): string {
  const name = id.toLowerCase().replace(/[^a-z0-9]+/g, sample.startsWith('test_') || sample.endsWith('_test.go') ? '_' : '-');
  if (sample.startsWith('test_')) return `test_${name}${path.extname(sample)}`;
  const marker = /([._-](?:test|spec)s?)(\.[^.]+)+$/.exec(sample);
  if (marker) return `${name}${sample.slice(marker.index)}`;
  return `${name}${path.extname(sample)}`;
}

const HASH_COMMENTS = new Set(['.py', '.rb', '.sh', '.bash', '.pl', '.r', '.yaml', '.yml', '.toml', '.ex', '.exs', '.cr', '.nim', '.ps1']);
const DASH_COMMENTS = new Set(['.sql', '.lua', '.hs', '.elm', '.ada']);

function lineComment(file: string): string {
  const ext = path.extname(file).toLowerCase();
  if (HASH_COMMENTS.has(ext)) return '#';
  if (DASH_COMMENTS.has(ext)) return '--';
  return '//';
}
