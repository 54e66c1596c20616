// The WorkspaceEdit applier and the no-damage comparison the round-trip tests rely on.
import * as assert from 'node:assert/strict';
import { EditRefused, applyTextEdits, applyWorkspaceEdit, damageOutsideEdits, yamlComments } from '../../fuzz/workspaceEdit';

const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

describe('workspace edit applier', () => {
  const text = 'a: 1 # one\nb: "PAY-1"\n\nc: [PAY-1, PAY-2]\n';

  it('applies edits in original coordinates, in any order', () => {
    const out = applyTextEdits(text, [
      { range: r(3, 4, 3, 9), newText: 'PAY-9' },
      { range: r(1, 4, 1, 9), newText: 'PAY-9' },
      { range: r(2, 0, 2, 0), newText: '# inserted\n' },
    ]);
    assert.equal(out, 'a: 1 # one\nb: "PAY-9"\n# inserted\n\nc: [PAY-9, PAY-2]\n');
  });

  it('refuses overlapping edits', () => {
    assert.throws(() => applyTextEdits(text, [{ range: r(0, 0, 0, 4), newText: 'x' }, { range: r(0, 2, 0, 6), newText: 'y' }]), EditRefused);
  });

  it('applies documentChanges with version checks and file operations', () => {
    const texts = new Map([['file:///a', text]]);
    const edit = {
      documentChanges: [
        { textDocument: { uri: 'file:///a', version: 3 }, edits: [{ range: r(0, 3, 0, 4), newText: '2' }] },
        { kind: 'create' as const, uri: 'file:///b' },
        { textDocument: { uri: 'file:///b', version: null }, edits: [{ range: r(0, 0, 0, 0), newText: 'new' }] },
      ],
    };
    const out = applyWorkspaceEdit(edit, texts, new Map([['file:///a', 3]]));
    assert.equal(out.texts.get('file:///a'), text.replace('a: 1', 'a: 2'));
    assert.equal(out.texts.get('file:///b'), 'new');
    assert.throws(() => applyWorkspaceEdit(edit, texts, new Map([['file:///a', 4]])), /version 3 .* holds version 4/);
    assert.throws(() => applyWorkspaceEdit({ changes: { 'file:///missing': [] } }, texts), EditRefused);
  });

  it('finds damage outside the edits, and none for a narrow edit', () => {
    const edits = [{ range: r(1, 4, 1, 9), newText: 'PAY-9' }];
    const good = applyTextEdits(text, edits);
    assert.deepEqual(damageOutsideEdits(text, edits, good), []);
    const multiLine = [{ range: r(2, 0, 2, 0), newText: 'x: 1\ny: 2\n' }];
    assert.deepEqual(damageOutsideEdits(text, multiLine, applyTextEdits(text, multiLine)), []);
    const bad = good.replace('# one', '');
    assert.equal(damageOutsideEdits(text, edits, bad).length, 1);
    assert.match(damageOutsideEdits(text, edits, good.replace('PAY-2', 'PAY-3'))[0]!, /line 4 changed outside the edits/);
  });

  it('lists YAML comments but not # inside quotes', () => {
    assert.deepEqual(yamlComments('a: 1 # one\nb: "x # not"\n# full\nc: \'#no\'  # yes\n'), ['# full', '# one', '# yes']);
  });
});
