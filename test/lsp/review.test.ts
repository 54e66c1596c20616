// Change review through the real server over stdio: every review diagnostic, the merge-conflict
// diagnostic, the quick fixes' exact edits, hover diffs read from a real git repository (commits at
// fixed dates), the code lens, completion with @rev, rename keeping @rev, the review requests, and git
// safety: a hostile .git/config runs nothing, and an untrusted workspace runs no git at all.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, CodeLens, CompletionList, Diagnostic, Hover, MarkupContent, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { commitAll, initRepo } from '../support/gitRepo';
import { LspClient, REPO_ROOT, messageOf, positionOf, removeCopy, uriOf } from './lspClient';

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'review', 'workspace');

function copyFixture(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-lsp-review-')));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

const SPEC = 'specs/pay.yaml';
const CODE = 'src/pay.ts';

/** The fixture baselined (fingerprints as `spectrace baseline` writes them), committed, then PAY-1 changed and bumped to rev 2, committed. */
function historyWorkspace(dir: string): void {
  const spec = path.join(dir, SPEC);
  initRepo(dir);
  const baselined = fs
    .readFileSync(spec, 'utf8')
    .replace('  - id: PAY-1   # keep this comment\n', '  - id: PAY-1   # keep this comment\n    rev: 1\n    fingerprint: v1:e339a97f19fc\n')
    .replace('  - id: PAY-2\n', '  - id: PAY-2\n    fingerprint: v1:c6d7e1728986\n');
  fs.writeFileSync(spec, baselined);
  commitAll(dir, 'Baseline', '2026-01-05T10:00:00Z');
  fs.writeFileSync(spec, baselined.replace('rev: 1\n    fingerprint: v1:e339a97f19fc', 'rev: 2\n    fingerprint: v1:5b8ab84704ef').replace('charged once', 'charged twice'));
  commitAll(dir, 'PAY-1 charges twice', '2026-01-06T10:00:00Z');
}

function textOf(h: Hover | null): string {
  return (h?.contents as MarkupContent | undefined)?.value ?? '';
}

function editsOf(edit: WorkspaceEdit | undefined): { line: number; from: number; to: number; newText: string }[] {
  return (edit?.documentChanges as TextDocumentEdit[]).flatMap((dc) => (dc.edits as TextEdit[]).map((e) => ({ line: e.range.start.line, from: e.range.start.character, to: e.range.end.character, newText: e.newText })));
}

describe('LSP change review', function () {
  this.timeout(60_000);
  let dir = '';
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    removeCopy(dir);
  });

  async function fixesFor(file: string, pick: (d: Diagnostic) => boolean): Promise<{ diag: Diagnostic; actions: CodeAction[] }> {
    const c = client as LspClient;
    const open = c.documents.get(uriOf(file));
    // Diagnostics of the document as it is now (a fix for an older version is not offered).
    const published = await c.diagnosticsFor(file, (p) => (open === undefined || p.version === open.version) && p.diagnostics.some(pick));
    const diag = published.diagnostics.find(pick) as Diagnostic;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(file) }, range: diag.range, context: { diagnostics: [diag], only: ['quickfix'] } });
    return { diag, actions };
  }

  it('publishes every review diagnostic and the merge-conflict diagnostic', async () => {
    dir = copyFixture();
    fs.writeFileSync(path.join(dir, 'src/more.ts'), '// @implements PAY-1@3\n// @implements PAY-1@\n// @implements PAY-1@x\n');
    fs.writeFileSync(path.join(dir, 'specs/future.yaml'), 'requirements:\n  - id: FUT-1\n    title: Future\n    status: approved\n    priority: could\n    fingerprint: v9:abc\n  - id: FUT-2\n    title: Changed\n    status: approved\n    priority: could\n    fingerprint: v1:000000000000\n');
    fs.writeFileSync(path.join(dir, 'specs/conflict.yaml'), 'requirements:\n<<<<<<< HEAD\n  - id: CON-1\n    title: Ours\n=======\n  - id: CON-1\n    title: Theirs\n>>>>>>> topic\n    status: draft\n    priority: could\n');
    client = await LspClient.start({ root: dir });
    const show = (file: string, p: { diagnostics: Diagnostic[] }) => p.diagnostics.map((d) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${messageOf(d)}`);
    const spec = await client.diagnosticsFor(path.join(dir, SPEC));
    assert.deepEqual(show(SPEC, spec), [
      `${SPEC}:6:9 unbaselined-requirement PAY-1 has no fingerprint yet: baseline it so that changes to its text are noticed`,
      `${SPEC}:16:9 unbaselined-requirement PAY-2 has no fingerprint yet: baseline it so that changes to its text are noticed`,
    ]);
    assert.equal(spec.diagnostics[0].severity, 3);
    const code = await client.diagnosticsFor(path.join(dir, CODE));
    assert.deepEqual(show(CODE, code), [`${CODE}:5:16 suspect-link PAY-2 changed since this link was reviewed (rev 1 → rev 2)`]);
    assert.deepEqual(code.diagnostics[0].range, { start: { line: 4, character: 15 }, end: { line: 4, character: 22 } });
    const more = await client.diagnosticsFor(path.join(dir, 'src/more.ts'));
    assert.deepEqual(show('src/more.ts', more), [
      'src/more.ts:1:16 link-rev-ahead PAY-1 has no rev 3 yet (it is at rev 1)',
      'src/more.ts:2:21 schema the revision after `PAY-1@` is missing: write a whole number from 1, e.g. `PAY-1@2`',
      'src/more.ts:3:21 schema the revision after `PAY-1@` `x` is not one: write a whole number from 1, e.g. `PAY-1@2`',
    ]);
    const future = await client.diagnosticsFor(path.join(dir, 'specs/future.yaml'));
    assert.deepEqual(
      future.diagnostics.map((d) => [String(d.code), d.severity, d.range.start.line]),
      [
        ['schema', 3, 5],
        ['unrecorded-change', 2, 10],
      ],
    );
    const conflict = await client.diagnosticsFor(path.join(dir, 'specs/conflict.yaml'));
    assert.deepEqual(show('specs/conflict.yaml', conflict), [
      'specs/conflict.yaml:2:1 yaml-syntax unresolved merge conflict, lines 2–8: keep the right text and remove the `<<<<<<<`, `=======` and `>>>>>>>` lines — until then Spectrace reads the first side',
    ]);
  });

  it('quick fixes: Baseline, Substantive and Editorial change, Mark reviewed, Mark all — each a minimal edit', async () => {
    dir = copyFixture();
    client = await LspClient.start({ root: dir });
    const spec = path.join(dir, SPEC);
    const code = path.join(dir, CODE);
    await client.open(spec);
    await client.open(code);

    const baseline = await fixesFor(spec, (d) => d.code === 'unbaselined-requirement' && /PAY-1/.test(messageOf(d)));
    assert.deepEqual(baseline.actions.map((a) => a.title), ['Baseline: record the fingerprint of its text']);
    assert.deepEqual(editsOf(baseline.actions[0].edit), [{ line: 5, from: 35, to: 35, newText: '\n    rev: 1\n    fingerprint: v1:e339a97f19fc' }]);
    await client.applyEdit(baseline.actions[0].edit as WorkspaceEdit);

    const pay2 = await fixesFor(spec, (d) => d.code === 'unbaselined-requirement' && /PAY-2/.test(messageOf(d)));
    assert.deepEqual(editsOf(pay2.actions[0].edit), [{ line: 17, from: 13, to: 13, newText: '\n    fingerprint: v1:c6d7e1728986' }], 'rev: 1 only when there is no rev');

    await client.replace(spec, 'charged once', 'charged twice');
    const change = await fixesFor(spec, (d) => d.code === 'unrecorded-change');
    assert.deepEqual(change.actions.map((a) => a.title), ['Substantive change: bump to rev 2 (5 links will need review)', 'Editorial change: keep rev 1']);
    assert.deepEqual(editsOf(change.actions[0].edit), [
      { line: 6, from: 9, to: 10, newText: '2' },
      { line: 7, from: 17, to: 32, newText: 'v1:5b8ab84704ef' },
    ]);
    assert.deepEqual(editsOf(change.actions[1].edit), [{ line: 7, from: 17, to: 32, newText: 'v1:5b8ab84704ef' }]);
    await client.applyEdit(change.actions[0].edit as WorkspaceEdit);

    const suspect = await fixesFor(code, (d) => d.code === 'suspect-link' && d.range.start.line === 1);
    assert.deepEqual(suspect.actions.map((a) => a.title), ['Mark reviewed (PAY-1@2)', 'Mark all suspect links in this file reviewed']);
    assert.deepEqual(editsOf(suspect.actions[0].edit), [{ line: 1, from: 20, to: 20, newText: '@2' }]);
    assert.deepEqual(editsOf(suspect.actions[1].edit), [
      { line: 1, from: 20, to: 20, newText: '@2' },
      { line: 4, from: 20, to: 22, newText: '@2' },
      { line: 4, from: 29, to: 29, newText: '@2' },
    ]);
    await client.applyEdit(suspect.actions[1].edit as WorkspaceEdit);
    assert.equal(client.doc(code).getText(), fs.readFileSync(path.join(FIXTURE, CODE), 'utf8').replace('// @implements PAY-1\n', '// @implements PAY-1@2\n').replace('PAY-2@1, PAY-1 */', 'PAY-2@2, PAY-1@2 */'));
    await client.diagnosticsFor(code, (p) => p.diagnostics.length === 0);
  });

  it('hover shows the word diff from git history for a suspect link and an unrecorded change, and code lens, completion and rename', async () => {
    dir = copyFixture();
    historyWorkspace(dir);
    client = await LspClient.start({ root: dir });
    const code = path.join(dir, CODE);
    const spec = path.join(dir, SPEC);
    const doc = await client.open(code);
    await client.diagnosticsFor(code, (p) => p.diagnostics.some((d) => d.code === 'suspect-link' && d.range.start.line === 1));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf(code) }, position: positionOf(doc, 'PAY-1', 2) });
    const text = textOf(hover);
    assert.match(text, /^\*\*PAY-1 changed since this link was reviewed \(rev 1 → rev 2\)\*\*\n\nrev 1 \(commit [0-9a-f]{8}, 2026-01-05\) → now\n\n/);
    assert.match(text, /^> The saved card is charged ~~once,~~ \*\*twice,\*\* without asking for its number again\.$/m);

    // An unrecorded change: the text that had the stored fingerprint (the second commit) against now.
    const specDoc = await client.open(spec);
    await client.replace(spec, 'charged twice', 'charged three times');
    await client.diagnosticsFor(spec, (p) => p.diagnostics.some((d) => d.code === 'unrecorded-change'));
    const onStamp = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf(spec) }, position: positionOf(specDoc, 'v1:5b8ab', 3) });
    assert.match(textOf(onStamp), /^\*\*PAY-1: what changed since its fingerprint was written\*\*\n\nfingerprinted \(commit [0-9a-f]{8}, 2026-01-06\) → now\n\n/);
    assert.match(textOf(onStamp), /charged ~~twice,~~ \*\*three\*\* \*\*times,\*\*/);

    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(spec) } });
    assert.deepEqual(lenses.map((l) => l.command?.title), ['rev 2 · 2 impl · 1 test · 5 suspect', 'rev 2 · 1 impl · 0 tests · 1 suspect', 'no implementations', 'no tests']);
    const args = lenses[0].command?.arguments?.[0] as { locations: { uri: string }[] };
    assert.equal(args.locations.length, 5);

    await client.replace(code, 'export function pay', '// @implements PA\nexport function pay');
    const completion = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uriOf(code) }, position: positionOf(client.doc(code), '@implements PA', 14) });
    const pay1 = completion.items.find((i) => i.label === 'PAY-1');
    assert.equal((pay1?.textEdit as { newText: string }).newText, 'PAY-1@2');
    assert.equal((completion.items.find((i) => i.label === 'PAY-3')?.textEdit as { newText: string }).newText, 'PAY-3');

    const rename = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uriOf(code) }, position: positionOf(client.doc(code), 'PAY-2@1', 1), newName: 'PAY-20' });
    const renamed = (rename.documentChanges as TextDocumentEdit[]).find((d) => d.textDocument.uri === uriOf(code));
    assert.deepEqual((renamed?.edits as TextEdit[] | undefined)?.map((e) => [e.range.start.character, e.range.end.character, e.newText]), [[15, 20, 'PAY-20']], 'the @1 after PAY-2 stays');
  });

  it('serves suspectLinks, reviewText (current, from git, with a reason) and bumpRevision', async () => {
    dir = copyFixture();
    historyWorkspace(dir);
    client = await LspClient.start({ root: dir });
    const links = await client.request<{ links: { id: string; linkedRev: number; currentRev: number; kind: string; location: { uri: string; range: unknown }; reviewedEdit: { newText: string } }[] }>('spectrace/suspectLinks', { id: 'PAY-1' });
    assert.deepEqual(
      links.links.map((l) => [l.kind, path.relative(dir, new URL(l.location.uri).pathname), l.linkedRev, l.currentRev, l.reviewedEdit.newText]),
      [
        ['implements', 'src/pay.ts', 1, 2, '@2'],
        ['implements', 'src/pay.ts', 1, 2, '@2'],
        ['verifies', 'tests/test_pay.py', 1, 2, '@2'],
        ['parent', 'specs/pay.yaml', 1, 2, '@2'],
        ['depends_on', 'specs/pay.yaml', 1, 2, '@2'],
      ],
    );
    const now = await client.request<{ text: string | null }>('spectrace/reviewText', { id: 'PAY-1', rev: 2 });
    assert.match(now.text ?? '', /^title:\nPay with a saved card\n\ndescription:\nThe saved card is charged twice, without/);
    const old = await client.request<{ text: string | null }>('spectrace/reviewText', { id: 'PAY-1', rev: 1 });
    assert.match(old.text ?? '', /charged once, without/);
    const none = await client.request<{ text: string | null; reason?: string }>('spectrace/reviewText', { id: 'PAY-2', rev: 1 });
    assert.deepEqual(none, { text: null, reason: 'no committed version of specs/pay.yaml has PAY-2 with rev 1' });
    const bump = await client.request<{ changes: Record<string, { range: { start: { line: number } }; newText: string }[]> } | null>('spectrace/bumpRevision', { id: 'PAY-2' });
    assert.deepEqual(bump?.changes[uriOf(path.join(dir, SPEC))].map((e) => [e.range.start.line, e.newText]), [
      [20, '3'],
      [18, 'v1:c6d7e1728986'],
    ]);
  });

  it('a hostile .git/config (fsmonitor, textconv, external diff) runs nothing while history is read', async () => {
    dir = copyFixture();
    historyWorkspace(dir);
    const marker = path.join(dir, 'touched-by-git-config');
    const touch = `touch ${marker}`;
    fs.appendFileSync(path.join(dir, '.git', 'config'), `[core]\n\tfsmonitor = ${touch}\n[diff]\n\texternal = ${touch}\n[diff "evil"]\n\ttextconv = ${touch}\n`);
    fs.writeFileSync(path.join(dir, '.git', 'info', 'attributes'), '* diff=evil\n');
    client = await LspClient.start({ root: dir });
    const old = await client.request<{ text: string | null }>('spectrace/reviewText', { id: 'PAY-1', rev: 1 });
    assert.match(old.text ?? '', /charged once/);
    assert.equal(fs.existsSync(marker), false);
  });

  it('an untrusted workspace spawns no git (a git on PATH that leaves a mark shows it)', async () => {
    dir = copyFixture();
    historyWorkspace(dir);
    const bin = path.join(dir, '.fake-bin');
    const marker = path.join(dir, 'git-was-run');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'git'), `#!/bin/sh\ntouch ${marker}\nexit 1\n`, { mode: 0o755 });
    const env = { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
    client = await LspClient.start({ root: dir, env, initializationOptions: { trusted: false } });
    const untrusted = await client.request<{ text: string | null; reason?: string }>('spectrace/reviewText', { id: 'PAY-1', rev: 1 });
    assert.deepEqual(untrusted, { text: null, reason: 'the workspace is not trusted: Spectrace runs no git in it' });
    const code = path.join(dir, CODE);
    const doc = await client.open(code);
    await client.diagnosticsFor(code, (p) => p.diagnostics.some((d) => d.code === 'suspect-link'));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf(code) }, position: positionOf(doc, 'PAY-1', 2) });
    assert.match(textOf(hover), /No diff: the workspace is not trusted: Spectrace runs no git in it\./);
    assert.equal(fs.existsSync(marker), false);
    await client.stop();
    // The same fake git, trusted: it runs (so the check above would have seen a spawn).
    client = await LspClient.start({ root: dir, env, initializationOptions: { trusted: true } });
    const trusted = await client.request<{ text: string | null; reason?: string }>('spectrace/reviewText', { id: 'PAY-1', rev: 1 });
    assert.equal(trusted.text, null);
    assert.equal(fs.existsSync(marker), true);
  });
});
