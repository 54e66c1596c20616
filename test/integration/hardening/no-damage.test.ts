// No damage: rename and every quick fix, asked of the real server process (dist/server.js over stdio)
// on spec files full of comments, blank lines, quoting styles and flow/block collections, must change
// only the edited node. The WorkspaceEdits are applied with a small strict applier
// (test/fuzz/workspaceEdit.ts) and compared line by line with the original outside the edited ranges.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Command, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { REPO_ROOT } from '../../support/serverProcess';
import { EditorSession } from '../../fuzz/session';
import { EditRefused, applyWorkspaceEdit, damageOutsideEdits, yamlComments } from '../../fuzz/workspaceEdit';
import { copyWorkspace, removeFolder } from '../../fuzz/workspace';

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'hardening', 'commented');
const FILES = ['specs/product.yaml', 'specs/roadmap.yaml', 'src/pay.ts', 'test/pay.test.ts'];
const SPEC = 'specs/product.yaml';

function msg(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** The position of the `n`-th occurrence of `search` (plus `delta` characters) in `text`. */
function positionOf(text: string, search: string, n = 0, delta = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(search, at + 1);
    assert.ok(at >= 0, `${search} #${n} not found`);
  }
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

function textAt(text: string, r: Range): string {
  const lines = text.split(/(?<=\n)/);
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).join('').length + p.character;
  return text.slice(offset(r.start), offset(r.end));
}

function sameMultiset(a: string[], b: string[]): boolean {
  return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
}

describe('no damage: rename and quick fixes through the server keep everything outside the edited node', function () {
  this.timeout(120_000);
  let root: string;
  let s: EditorSession;
  let original: Map<string, string>;

  beforeEach(async () => {
    root = copyWorkspace(FIXTURE, 'spectrace-nodamage');
    s = await EditorSession.start(root);
    original = new Map();
    for (const rel of FILES) {
      const text = fs.readFileSync(path.join(root, rel), 'utf8');
      original.set(s.uri(rel), text);
      s.open(rel, text);
    }
    await s.diagnostics(SPEC, (d) => d.length > 0, 1);
  });
  afterEach(() => {
    s?.kill();
    removeFolder(root);
  });

  /** Checks an applied edit file by file; returns the problems found. */
  function damage(edit: WorkspaceEdit, expectReplaced?: string): { problems: string[]; texts: Map<string, string | undefined>; edits: Map<string, TextEdit[]> } {
    const applied = applyWorkspaceEdit(edit, original, s.versions);
    const problems: string[] = [];
    for (const [uri, edits] of applied.edits) {
      const before = original.get(uri) ?? '';
      const after = applied.texts.get(uri) ?? '';
      const rel = path.relative(root, new URL(uri).pathname);
      for (const p of damageOutsideEdits(before, edits, after)) problems.push(`${rel}: ${p}`);
      if (/\.ya?ml$/.test(uri) && !yamlComments(before).every((c) => yamlComments(after).includes(c))) {
        problems.push(`${rel}: comments lost: ${yamlComments(before).filter((c) => !yamlComments(after).includes(c)).join(' | ')}`);
      }
      for (const e of edits) {
        const replaced = textAt(before, e.range);
        if (expectReplaced !== undefined && replaced !== expectReplaced) problems.push(`${rel}: an edit replaced ${JSON.stringify(replaced)}, not ${JSON.stringify(expectReplaced)}`);
        if (replaced.includes('#')) problems.push(`${rel}: an edit replaced a comment: ${JSON.stringify(replaced)}`);
        if (e.range.end.line - e.range.start.line > 1) problems.push(`${rel}: an edit spans ${e.range.end.line - e.range.start.line + 1} lines: ${JSON.stringify(replaced.slice(0, 200))}`);
      }
    }
    return { problems, texts: applied.texts, edits: applied.edits };
  }

  it('rename PAY-1 → PAY-100: only the ID scalars change (not PAY-10, not quotes, not comments), in specs and code', async () => {
    const text = original.get(s.uri(SPEC))!;
    const at = positionOf(text, 'id: PAY-1 ', 0, 6);
    const prepared = await s.ask<{ range: Range } | Range | null>('textDocument/prepareRename', { textDocument: { uri: s.uri(SPEC) }, position: at });
    assert.ok(prepared, 'prepareRename refused the ID');
    const edit = await s.ask<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: s.uri(SPEC) }, position: at, newName: 'PAY-100' });
    const { problems, texts, edits } = damage(edit, 'PAY-1');
    assert.deepEqual(problems, []);
    // Where the ID is written: the id, parent, the block depends_on item, the flow map's parent and the flow list.
    assert.equal(edits.get(s.uri(SPEC))?.length, 5, JSON.stringify(edits.get(s.uri(SPEC))));
    assert.equal(edits.get(s.uri('src/pay.ts'))?.length, 1);
    assert.equal(edits.get(s.uri('test/pay.test.ts'))?.length, 1);
    const after = texts.get(s.uri(SPEC))!;
    assert.equal(after.split('PAY-10"').length, text.split('PAY-10"').length, 'the quoted PAY-10 is untouched');
    assert.match(after, /depends_on: \[PAY-100, PAY-2\]/);
    assert.match(texts.get(s.uri('src/pay.ts'))!, /@implements PAY-100, PAY-10\n/);
    assert.match(texts.get(s.uri('src/pay.ts'))!, /PAY-1 in a plain comment/, 'a plain comment is not a tag');
    // Applying the rename creates no new problem: the same diagnostic codes as before.
    const beforeCodes = (await s.diagnostics(SPEC)).map((d) => String(d.code)).sort();
    const versions: Record<string, number> = {};
    for (const [uri, t] of texts) {
      const rel = path.relative(root, new URL(uri).pathname);
      if (t !== original.get(uri)) versions[rel] = s.change(rel, t!);
    }
    const afterDiags = await s.diagnostics(SPEC, () => true, versions[SPEC]);
    assert.deepEqual(afterDiags.map((d) => String(d.code)).sort(), beforeCodes, JSON.stringify(afterDiags.map(msg)));
    await s.stop();
  });

  it('every quick fix on the commented spec edits only its node and removes its diagnostic', async () => {
    const diags = await s.diagnostics(SPEC, (d) => d.length >= 4, 1);
    const fixedKinds: string[] = [];
    for (const d of diags) {
      const ask = () =>
        s.ask<(CodeAction | Command)[] | null>('textDocument/codeAction', {
          textDocument: { uri: s.uri(SPEC) },
          range: d.range,
          context: { diagnostics: [d], only: ['quickfix'] },
        });
      const count = (await ask())?.length ?? 0;
      for (let i = 0; i < count; i++) {
        // Asked again for each: the previous fix was applied and undone, so the document has a newer version.
        const a = (await ask())?.[i];
        if (!a || !('edit' in a) || !a.edit) continue;
        const { problems, texts } = damage(a.edit);
        assert.deepEqual(problems, [], `quick fix "${a.title}" for ${d.code} "${msg(d)}"`);
        fixedKinds.push(String(d.code));
        // Apply it in the editor: the diagnostic is gone and no syntax error appeared. Then undo.
        const changed: string[] = [];
        let v = 0;
        for (const [uri, t] of texts) {
          if (t === original.get(uri)) continue;
          const rel = path.relative(root, new URL(uri).pathname);
          changed.push(rel);
          if (!s.texts.has(uri)) s.open(rel, t ?? '');
          else {
            const nv = s.change(rel, t ?? '');
            if (rel === SPEC) v = nv;
          }
        }
        if (v) {
          const after = await s.diagnostics(SPEC, () => true, v);
          assert.ok(!after.some((x) => x.code === 'yaml-syntax'), `"${a.title}" produced a syntax error: ${JSON.stringify(after.map(msg))}`);
          assert.ok(
            !after.some((x) => x.code === d.code && x.range.start.line === d.range.start.line && msg(x) === msg(d)),
            `"${a.title}" did not remove "${msg(d)}"`,
          );
        }
        for (const rel of changed) {
          const uri = s.uri(rel);
          if (original.has(uri)) s.change(rel, original.get(uri)!);
          else s.close(rel);
        }
      }
    }
    for (const code of ['schema', 'unknown-reference', 'duplicate-id']) assert.ok(fixedKinds.includes(code), `no quick fix was offered for ${code}: got ${fixedKinds.join(', ')}`);
    await s.stop();
  });

  it('an edit computed for a stale document version is not applied to the newer text', async () => {
    const diags = await s.diagnostics(SPEC, (d) => d.length > 0, 1);
    const typo = diags.find((d) => d.range.start.line === positionOf(original.get(s.uri(SPEC))!, 'aproved').line);
    assert.ok(typo, JSON.stringify(diags.map(msg)));
    const ask = () =>
      s.ask<(CodeAction | Command)[]>('textDocument/codeAction', { textDocument: { uri: s.uri(SPEC) }, range: typo.range, context: { diagnostics: [typo], only: ['quickfix'] } });
    const fixAtV1 = (await ask()).find((a): a is CodeAction => 'edit' in a && !!a.edit);
    assert.ok(fixAtV1, 'no quick fix for the enum typo');
    // The user types a line at the top before accepting the fix: the editor now holds version 2.
    const v2Text = `# a new first line\n${original.get(s.uri(SPEC))!}`;
    s.change(SPEC, v2Text);
    const current = new Map(original);
    current.set(s.uri(SPEC), v2Text);
    // The server versions its edits (documentChanges with the version they were computed for), so an
    // editor refuses this one for the newer text instead of editing the wrong line.
    const versioned = fixAtV1.edit!.documentChanges?.find((c) => 'textDocument' in c && c.textDocument.uri === s.uri(SPEC));
    assert.ok(versioned && 'textDocument' in versioned, `the quick fix is not a versioned edit: ${JSON.stringify(fixAtV1.edit)}`);
    assert.equal(versioned.textDocument.version, 1);
    assert.throws(() => applyWorkspaceEdit(fixAtV1.edit!, current, s.versions), EditRefused);
    // Asked again with the stale diagnostic (its range is one line off now): the server answers for the
    // current text — either no edit, or an edit for version 2 that fixes the right line.
    const again = await ask();
    for (const a of again) {
      if (!('edit' in a) || !a.edit) continue;
      const applied = applyWorkspaceEdit(a.edit, current, s.versions).texts.get(s.uri(SPEC))!;
      const problems = damageOutsideEdits(v2Text, applyWorkspaceEdit(a.edit, current, s.versions).edits.get(s.uri(SPEC)) ?? [], applied);
      assert.deepEqual(problems, [], `"${a.title}" on the stale request`);
      assert.ok(sameMultiset(yamlComments(v2Text), yamlComments(applied)), `"${a.title}" lost comments`);
    }
    // Rename against the current version: the edit carries version 2.
    const at = positionOf(v2Text, 'id: PAY-2', 0, 6);
    const rename = await s.ask<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: s.uri(SPEC) }, position: at, newName: 'PAY-200' });
    const applied = applyWorkspaceEdit(rename, current, s.versions);
    assert.deepEqual(damageOutsideEdits(v2Text, applied.edits.get(s.uri(SPEC)) ?? [], applied.texts.get(s.uri(SPEC))!), []);
    assert.match(applied.texts.get(s.uri(SPEC))!, /^ {2}- id: PAY-200$/m);
    await s.stop();
  });
});
