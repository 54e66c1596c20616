// completion, rename and quick fixes on an in-memory workspace.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind } from 'vscode-languageserver';
import type { CodeAction, CompletionList, Diagnostic, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { codeActions } from '../../../server/src/features/codeActions';
import { completion } from '../../../server/src/features/completion';
import { prepareRename, rename } from '../../../server/src/features/rename';
import { toLspDiagnostic } from '../../../server/src/lsp/convert';
import { UserFacingError } from '../../../server/src/features/requestErrors';
import { at, memoryWorkspace, ROADMAP, SPEC, standard } from './helpers';
import type { MemoryWorkspace } from './helpers';

function complete(ws: MemoryWorkspace, rel: string, position: { line: number; character: number }, kind: 'spec' | 'code' | 'config' = 'spec'): CompletionList {
  const r = completion(ws.request(rel, { textDocument: { uri: '' }, position }), { isSpec: kind === 'spec', isConfig: kind === 'config' });
  return r ?? { isIncomplete: false, items: [] };
}

/** Apply a workspace edit to the in-memory files, as a client would. */
function apply(ws: MemoryWorkspace, edit: WorkspaceEdit): void {
  const perUri = new Map<string, TextEdit[]>();
  for (const dc of (edit.documentChanges ?? []) as TextDocumentEdit[]) perUri.set(dc.textDocument.uri, dc.edits as TextEdit[]);
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) perUri.set(uri, edits);
  for (const [uri, edits] of perUri) {
    const rel = uri.replace('file:///ws/', '');
    ws.set(rel, TextDocument.applyEdits(ws.doc(rel), edits));
  }
}

describe('features: completion', () => {
  it('enum values for priority, status and type', () => {
    const ws = standard();
    const doc = ws.doc('specs/pay.yaml');
    assert.deepEqual(complete(ws, 'specs/pay.yaml', at(doc, 'priority: must', 10)).items.map((i) => i.label), ['must', 'should', 'could', 'wont']);
    assert.ok(complete(ws, 'specs/pay.yaml', at(doc, 'status: approved', 8)).items.some((i) => i.label === 'in-progress'));
    assert.deepEqual(complete(ws, 'specs/roadmap.yaml', at(ws.doc('specs/roadmap.yaml'), 'type: release', 6)).items.map((i) => i.label), ['release', 'milestone', 'theme', 'plan']);
  });

  it('IDs with titles for roadmap, parent and depends_on, never the item itself', () => {
    const ws = standard();
    const doc = ws.doc('specs/pay.yaml');
    const roadmap = complete(ws, 'specs/pay.yaml', at(doc, 'roadmap: R-1', 9));
    assert.deepEqual(roadmap.items.map((i) => [i.label, i.detail]), [
      ['R-1', 'First release'],
      ['R-2', 'Second release'],
    ]);
    const parent = complete(ws, 'specs/pay.yaml', at(doc, 'parent: PAY-1', 8));
    assert.deepEqual(parent.items.map((i) => i.label).sort(), ['PAY-1', 'PAY-3'], 'PAY-2 is the item itself');
    const dep = complete(ws, 'specs/pay.yaml', at(doc, 'depends_on: [PAY-1]', 13));
    assert.equal(dep.items.find((i) => i.label === 'PAY-1')?.detail, 'Pay by card');
    assert.deepEqual(dep.items.find((i) => i.label === 'PAY-1')?.textEdit, {
      range: { start: at(doc, 'depends_on: [PAY-1]', 13), end: at(doc, 'depends_on: [PAY-1]', 18) },
      newText: 'PAY-1',
    });
  });

  it('only values in a value position: status: offers the statuses in lifecycle order, no keys or item snippets', () => {
    const ws = memoryWorkspace({ 'specs/pay.yaml': 'requirements:\n  - id: PAY-1\n    title: A\n    priority: must\n    status: \n', 'specs/roadmap.yaml': ROADMAP });
    const list = complete(ws, 'specs/pay.yaml', { line: 4, character: 12 });
    assert.deepEqual(list.items.map((i) => i.label), ['draft', 'proposed', 'approved', 'in-progress', 'implemented', 'verified', 'released', 'rejected', 'deprecated']);
    assert.ok(list.items.every((i) => i.kind === CompletionItemKind.EnumMember), JSON.stringify(list.items.map((i) => i.kind)));
  });

  it('roadmap: offers only roadmap items, active first, then by due date, done and cancelled last, each with its title and due date', () => {
    const roadmap = `roadmap:
  - id: R-OLD
    title: Last year
    due: 2025-06-30
    status: done
  - id: R-LATE
    title: Later
    due: 2027-09-30
    status: planned
  - id: R-NEXT
    title: Next up
    due: 2027-01-31
    status: planned
  - id: R-NOW
    title: Current release
    due: 2026-12-15
    status: active
  - id: R-DROP
    title: Dropped
    due: 2026-02-01
    status: cancelled
  - id: R-SOMEDAY
    title: Some day
    status: planned
`;
    const ws = memoryWorkspace({ 'specs/pay.yaml': 'requirements:\n  - id: PAY-1\n    title: A\n    priority: must\n    status: draft\n    roadmap: \n', 'specs/roadmap.yaml': roadmap });
    const list = complete(ws, 'specs/pay.yaml', { line: 5, character: 13 });
    assert.deepEqual(
      list.items.map((i) => [i.label, i.labelDetails?.detail, i.labelDetails?.description]),
      [
        ['R-NOW', ' Current release', 'due 15 Dec · active'],
        ['R-NEXT', ' Next up', 'due 31 Jan 2027 · planned'],
        ['R-LATE', ' Later', 'due 30 Sep 2027 · planned'],
        ['R-SOMEDAY', ' Some day', 'planned'],
        ['R-OLD', ' Last year', 'due 30 Jun 2025 · done'],
        ['R-DROP', ' Dropped', 'due 1 Feb · cancelled'],
      ],
    );
    // The client sorts by sortText: it keeps this order.
    const sorted = [...list.items].sort((x, y) => (x.sortText ?? '').localeCompare(y.sortText ?? ''));
    assert.deepEqual(sorted.map((i) => i.label), list.items.map((i) => i.label));
    assert.ok(list.items.every((i) => i.kind === CompletionItemKind.Event));
  });

  it('keys not yet in the item, with schema documentation and snippets', () => {
    const ws = standard();
    ws.set('specs/pay.yaml', SPEC + '    ow');
    const doc = ws.doc('specs/pay.yaml');
    const list = complete(ws, 'specs/pay.yaml', { line: doc.lineCount - 1, character: 6 });
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('owner') && labels.includes('tags') && labels.includes('acceptance'));
    assert.ok(!labels.includes('title') && !labels.includes('priority'), 'PAY-3 has them');
    const owner = list.items.find((i) => i.label === 'owner');
    assert.match(JSON.stringify(owner?.documentation), /Who answers questions/);
  });

  it('a whole requirement with the next free ID on a new list line', () => {
    const ws = standard();
    ws.set('specs/pay.yaml', SPEC + '  ');
    const doc = ws.doc('specs/pay.yaml');
    const list = complete(ws, 'specs/pay.yaml', { line: doc.lineCount - 1, character: 2 });
    const snippet = list.items.find((i) => i.label === 'new requirement PAY-4');
    assert.ok(snippet, JSON.stringify(list.items.map((i) => i.label)));
    assert.equal(snippet.insertTextFormat, 2);
    const text = (snippet.textEdit as TextEdit).newText;
    assert.match(text, /^- id: \$\{1:PAY-4\}\n {4}title: /);
    assert.match(text, /\n {4}priority: \$\{4\|should,must,could,wont\|\}/);
    const plain = standard({ snippets: false });
    plain.set('specs/pay.yaml', SPEC + '  ');
    const p = complete(plain, 'specs/pay.yaml', { line: doc.lineCount - 1, character: 2 }).items.find((i) => i.label === 'new requirement PAY-4');
    assert.match((p?.textEdit as TextEdit).newText, /^- id: PAY-4\n {4}title: Short, user-facing title\n {4}type: story\n/);
  });

  it('a whole roadmap item with the next free ID on a new line and after a lone dash', () => {
    const ws = standard();
    ws.set('specs/roadmap.yaml', ROADMAP + '  ');
    const doc = ws.doc('specs/roadmap.yaml');
    const list = complete(ws, 'specs/roadmap.yaml', { line: doc.lineCount - 1, character: 2 });
    const snippet = list.items.find((i) => i.label === 'new roadmap item R-3');
    assert.ok(snippet, JSON.stringify(list.items.map((i) => i.label)));
    assert.equal(snippet.insertTextFormat, 2);
    const text = (snippet.textEdit as TextEdit).newText;
    assert.match(text, /^- id: \$\{1:R-3\}\n {4}title: /);
    assert.match(text, /\n {4}type: \$\{3\|milestone,release,theme,plan\|\}/);
    assert.match(text, /\n {4}status: \$\{4\|planned,/);
    assert.match(text, /\n {4}start: .*\n {4}due: /);
    // After `- ` the item brings no dash of its own.
    ws.set('specs/roadmap.yaml', ROADMAP + '  - ');
    const afterDash = complete(ws, 'specs/roadmap.yaml', { line: doc.lineCount - 1, character: 4 }).items.find((i) => i.label === 'new roadmap item R-3');
    assert.match((afterDash?.textEdit as TextEdit).newText, /^id: \$\{1:R-3\}\n {4}title: /);
    // Never offered in a requirements list.
    ws.set('specs/pay.yaml', SPEC + '  ');
    const inRequirements = complete(ws, 'specs/pay.yaml', { line: ws.doc('specs/pay.yaml').lineCount - 1, character: 2 });
    assert.ok(!inRequirements.items.some((i) => String(i.label).startsWith('new roadmap item')));
  });

  it('IDs after a tag word in code, and nothing elsewhere', () => {
    const ws = standard();
    ws.set('src/new.ts', '// @verifies PAY-1, PA\nconst x = 1;\n');
    const list = complete(ws, 'src/new.ts', { line: 0, character: 22 }, 'code');
    assert.deepEqual(list.items.map((i) => i.label).sort(), ['PAY-1', 'PAY-2', 'PAY-3']);
    assert.deepEqual((list.items[0].textEdit as TextEdit).range, { start: { line: 0, character: 20 }, end: { line: 0, character: 22 } });
    assert.deepEqual(complete(ws, 'src/new.ts', { line: 1, character: 6 }, 'code').items, []);
  });

  it('keys of spectrace.yaml', () => {
    const ws = memoryWorkspace({ 'spectrace.yaml': 'specs: ["specs/**"]\nco' });
    const list = complete(ws, 'spectrace.yaml', { line: 1, character: 2 }, 'config');
    assert.ok(list.items.some((i) => i.label === 'coverage'));
  });
});

describe('features: rename', () => {
  it('prepareRename accepts an ID and refuses anything else', () => {
    const ws = standard();
    const ok = prepareRename(ws.request('src/pay.ts', { textDocument: { uri: '' }, position: at(ws.doc('src/pay.ts'), 'PAY-2') }));
    assert.equal(ok.placeholder, 'PAY-2');
    assert.throws(() => prepareRename(ws.request('src/pay.ts', { textDocument: { uri: '' }, position: { line: 1, character: 2 } })), UserFacingError);
  });

  it('renames across specs and code, touching only the IDs, and the workspace stays clean', async () => {
    const ws = standard();
    const edit = await rename(ws.request('specs/pay.yaml', { textDocument: { uri: '' }, position: at(ws.doc('specs/pay.yaml'), 'id: PAY-1', 5), newName: 'PAY-10' }));
    const uris = ((edit.documentChanges ?? []) as TextDocumentEdit[]).map((d) => d.textDocument.uri).sort();
    assert.deepEqual(uris, ['file:///ws/specs/pay.yaml', 'file:///ws/src/pay.ts', 'file:///ws/test/pay.test.ts']);
    apply(ws, edit);
    assert.equal(ws.doc('src/pay.ts').getText(), CODE_RENAMED);
    assert.match(ws.doc('specs/pay.yaml').getText(), /parent: PAY-10\n {4}depends_on: \[PAY-10\]/);
    const problems = [...ws.index.diagnostics().values()].flat().filter((d) => d.severity === 'error' || d.code.includes('reference'));
    assert.deepEqual(problems, []);
  });

  it('refuses names that break the ID pattern or collide', async () => {
    const ws = standard();
    const req = (newName: string) => ws.request('specs/pay.yaml', { textDocument: { uri: '' }, position: at(ws.doc('specs/pay.yaml'), 'id: PAY-1', 5), newName });
    await assert.rejects(rename(req('pay 1')), /no spaces/);
    await assert.rejects(rename(req('pay_1')), /“pay_1” is not a valid ID: IDs look like PAY-1/);
    await assert.rejects(rename(req('PAY-2')), /^Error: PAY-2 is already used by a requirement in specs\/pay\.yaml:9\.$/);
  });

  it('keeps the quotes of a quoted ID', async () => {
    const ws = memoryWorkspace({ 'specs/q.yaml': 'requirements:\n  - id: "Q-1"\n    title: Q\n    status: draft\n    priority: could\n', 'src/q.ts': '// @implements Q-1\n' });
    const edit = await rename(ws.request('src/q.ts', { textDocument: { uri: '' }, position: { line: 0, character: 16 }, newName: 'Q-2' }));
    apply(ws, edit);
    assert.match(ws.doc('specs/q.yaml').getText(), /- id: "Q-2"\n/);
  });
});

const CODE_RENAMED = `// @implements PAY-10, PAY-2
export function pay(): void {}
// @implements PAY-10
export function card(): void {}
`;

describe('features: quick fixes', () => {
  function fixes(ws: MemoryWorkspace, rel: string, code: string, nth = 0): { actions: CodeAction[]; diag: Diagnostic } {
    const engine = ws.index.diagnosticsFor(ws.abs(rel)).filter((d) => d.code === code)[nth];
    assert.ok(engine, `no ${code} in ${JSON.stringify(ws.index.diagnosticsFor(ws.abs(rel)))}`);
    const diag = toLspDiagnostic(engine, true);
    const actions = codeActions(ws.request(rel, { textDocument: { uri: '' }, range: diag.range, context: { diagnostics: [diag] } }));
    return { actions, diag };
  }

  it('adds a missing required field after the item, keeping comments', () => {
    const ws = memoryWorkspace({ 'specs/a.yaml': 'requirements:\n  # the first one\n  - id: A-1\n    title: A # short\n    priority: must\n\n# end\n' });
    const { actions } = fixes(ws, 'specs/a.yaml', 'schema');
    assert.equal(actions[0]?.title, 'Add missing field “status: draft”');
    apply(ws, actions[0].edit as WorkspaceEdit);
    // The engine says where the field goes (after the item's `- id:` line); nothing else moves.
    assert.equal(ws.doc('specs/a.yaml').getText(), 'requirements:\n  # the first one\n  - id: A-1\n    status: draft\n    title: A # short\n    priority: must\n\n# end\n');
    assert.deepEqual(ws.index.diagnosticsFor(ws.abs('specs/a.yaml')), []);
  });

  it('offers every allowed value for a value far from all of them (urgent), none preferred', () => {
    const ws = memoryWorkspace({ 'specs/a.yaml': 'requirements:\n  - id: A-1\n    title: A\n    priority: urgent\n    status: released\n' });
    const { actions } = fixes(ws, 'specs/a.yaml', 'schema');
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred ?? false]),
      [
        ['Replace “urgent” with “must”', false],
        ['Replace “urgent” with “should”', false],
        ['Replace “urgent” with “could”', false],
        ['Replace “urgent” with “wont”', false],
      ],
    );
    apply(ws, actions[0].edit as WorkspaceEdit);
    assert.match(ws.doc('specs/a.yaml').getText(), /priority: must\n/);
  });

  it('prefers the value a typo misspells (shuld -> should), still offering the others', () => {
    const ws = memoryWorkspace({ 'specs/a.yaml': 'requirements:\n  - id: A-1\n    title: A\n    priority: shuld\n    status: draft\n' });
    const { actions } = fixes(ws, 'specs/a.yaml', 'schema');
    assert.deepEqual(actions.map((a) => a.title), ['must', 'should', 'could', 'wont'].map((v) => `Replace “shuld” with “${v}”`));
    assert.deepEqual(actions.filter((a) => a.isPreferred).map((a) => a.title), ['Replace “shuld” with “should”']);
    apply(ws, actions.find((a) => a.isPreferred)?.edit as WorkspaceEdit);
    assert.match(ws.doc('specs/a.yaml').getText(), /priority: should\n/);
  });

  it('offers statuses and types in the schema order, preferring none for a word of another meaning', () => {
    const ws = memoryWorkspace({ 'specs/a.yaml': 'requirements:\n  - id: A-1\n    title: A\n    priority: must\n    status: finished\n    type: bug\n' });
    const status = fixes(ws, 'specs/a.yaml', 'schema', 0).actions;
    assert.deepEqual(status.map((a) => a.title.replace('Replace “finished” with ', '')), ['“draft”', '“proposed”', '“approved”', '“in-progress”', '“implemented”', '“verified”', '“released”', '“rejected”', '“deprecated”']);
    assert.ok(status.every((a) => !a.isPreferred));
    const type = fixes(ws, 'specs/a.yaml', 'schema', 1).actions;
    assert.deepEqual(type.map((a) => a.title.replace('Replace “bug” with ', '')), ['“epic”', '“feature”', '“story”', '“nfr”', '“constraint”']);
  });

  it('creates a stub for an unknown requirement in the file where its prefix lives', () => {
    const ws = standard();
    ws.set('src/new.ts', '// @implements PAY-9\n');
    const { actions } = fixes(ws, 'src/new.ts', 'unknown-code-reference');
    const stub = actions.find((a) => a.title.startsWith('Create requirement'));
    assert.equal(stub?.title, 'Create requirement PAY-9 in specs/pay.yaml');
    apply(ws, stub?.edit as WorkspaceEdit);
    assert.ok(ws.doc('specs/pay.yaml').getText().endsWith('    status: draft\n  - id: PAY-9\n    title: TODO\n    status: draft\n    priority: should\n'));
    assert.deepEqual(ws.index.diagnosticsFor(ws.abs('src/new.ts')), []);
  });

  it('creates a roadmap item stub in the roadmap file', () => {
    const ws = memoryWorkspace({ 'specs/pay.yaml': SPEC.replace('roadmap: R-1\n  - id: PAY-2', 'roadmap: R-9\n  - id: PAY-2'), 'specs/roadmap.yaml': ROADMAP });
    const { actions } = fixes(ws, 'specs/pay.yaml', 'unknown-reference');
    const stub = actions.find((a) => a.title.startsWith('Create roadmap item'));
    assert.equal(stub?.title, 'Create roadmap item R-9 in specs/roadmap.yaml');
    apply(ws, stub?.edit as WorkspaceEdit);
    assert.ok(ws.doc('specs/roadmap.yaml').getText().endsWith('    status: planned\n  - id: R-9\n    title: TODO\n    status: planned\n'));
  });

  it('gives a duplicate the next free ID', () => {
    const ws = standard();
    ws.set('specs/more.yaml', 'requirements:\n  - id: PAY-2\n    title: Twin\n    priority: could\n    status: draft\n');
    const { actions } = fixes(ws, 'specs/more.yaml', 'duplicate-id');
    assert.equal(actions[0]?.title, 'Change this ID to the next free ID, PAY-4');
    apply(ws, actions[0].edit as WorkspaceEdit);
    assert.match(ws.doc('specs/more.yaml').getText(), /- id: PAY-4\n/);
    assert.deepEqual(ws.index.diagnosticsFor(ws.abs('specs/more.yaml')), []);
  });

  describe('an uncovered requirement', () => {
    const CONFIG = 'coverage:\n  - status: [approved, in-progress, implemented, verified, released]\n    priority: [must]\n    implementations: 1\n    tests: 1\n';
    const SPEC_TEXT = 'requirements:\n  - id: PAY-1\n    title: Pay by card\n    status: in-progress\n    priority: must\n';
    const files = { 'specs/pay.yaml': SPEC_TEXT, 'src/pay.ts': '// @implements PAY-1\n', 'test/cart.test.ts': '// @verifies CART-1\n' };

    it('offers an exemption with a reason to write, a test file beside the others, and each earlier status the policy leaves alone', () => {
      const ws = memoryWorkspace(files, { config: CONFIG });
      const { actions } = fixes(ws, 'specs/pay.yaml', 'uncovered-requirement');
      assert.deepEqual(actions.map((a) => a.title), [
        'Exempt PAY-1 from coverage (write the reason in coverage_exempt)',
        'Create test/pay-1.test.ts with a test tag for PAY-1',
        'Change status from “in-progress” to “draft”',
        'Change status from “in-progress” to “proposed”',
      ]);
      assert.ok(actions.every((a) => !a.isPreferred), 'which fix is right depends on the requirement');
      apply(ws, actions[0].edit as WorkspaceEdit);
      assert.equal(ws.doc('specs/pay.yaml').getText(), SPEC_TEXT.replace('  - id: PAY-1\n', '  - id: PAY-1\n    coverage_exempt: "TODO: why this needs no code or tests"\n'));
      assert.deepEqual(ws.index.diagnosticsFor(ws.abs('specs/pay.yaml')), []);
    });

    it('the test file is created with the tag in a line comment', () => {
      const ws = memoryWorkspace(files, { config: CONFIG });
      const create = fixes(ws, 'specs/pay.yaml', 'uncovered-requirement').actions[1];
      const changes = create.edit?.documentChanges ?? [];
      assert.deepEqual(changes[0], { kind: 'create', uri: 'file:///ws/test/pay-1.test.ts', options: { ignoreIfExists: true } });
      assert.equal(((changes[1] as TextDocumentEdit).edits[0] as TextEdit).newText, '// @verifies PAY-1\n// TODO: write the test this tag stands for\n');
    });

    it('changing the status applies it', () => {
      const ws = memoryWorkspace(files, { config: CONFIG });
      const back = fixes(ws, 'specs/pay.yaml', 'uncovered-requirement').actions.find((a) => a.title.endsWith('“draft”'));
      apply(ws, back?.edit as WorkspaceEdit);
      assert.match(ws.doc('specs/pay.yaml').getText(), /status: draft\n/);
      assert.deepEqual(ws.index.diagnosticsFor(ws.abs('specs/pay.yaml')), []);
    });
  });

  it('a released wont (contradictory-status) offers the other priorities, none preferred', () => {
    const ws = memoryWorkspace({ 'specs/a.yaml': 'requirements:\n  - id: A-1\n    title: A\n    priority: wont\n    status: released\n' });
    const { actions, diag } = fixes(ws, 'specs/a.yaml', 'contradictory-status');
    assert.equal(diag.message, 'A-1 is released but its priority is wont (nobody wants it): change the priority or the status');
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [
      ['Replace “wont” with “must”', false],
      ['Replace “wont” with “should”', false],
      ['Replace “wont” with “could”', false],
    ]);
    apply(ws, actions[1].edit as WorkspaceEdit);
    assert.match(ws.doc('specs/a.yaml').getText(), /priority: should\n/);
    assert.deepEqual(ws.index.diagnosticsFor(ws.abs('specs/a.yaml')).map((d) => d.code), []);
  });

  it('offers nothing for a diagnostic that is no longer current', () => {
    const ws = memoryWorkspace({ 'specs/a.yaml': 'requirements:\n  - id: A-1\n    title: A\n    priority: shuld\n    status: draft\n' });
    const { diag } = fixes(ws, 'specs/a.yaml', 'schema');
    ws.set('specs/a.yaml', 'requirements:\n  - id: A-1\n    title: A\n    priority: should\n    status: draft\n');
    assert.deepEqual(codeActions(ws.request('specs/a.yaml', { textDocument: { uri: '' }, range: diag.range, context: { diagnostics: [diag] } })), []);
  });
});
