// The change-review rules over an in-memory workspace: unbaselined-requirement, unrecorded-change,
// suspect-link, link-rev-ahead, malformed suffixes and newer fingerprint schemes, coverage not
// counting suspect links, the tighter tag grammar's reporting, merge-conflict markers, and all of it
// off without `review:`.
import * as assert from 'node:assert/strict';
import { fingerprintOf } from '../../../server/src/engine/review/fingerprint';
import { abs, all, show, workspace, yaml } from '../rules/helpers';

const FIELDS = ['title', 'description', 'acceptance'];
const TEXT = { title: 'Pay with a saved card', description: 'The card is charged once.', acceptance: ['No form is shown'] };
const STAMP = fingerprintOf(TEXT, FIELDS);

function pay(extra: string[] = [], status = 'approved', description = TEXT.description, parent = 'PAY-1'): string {
  return yaml(
    'requirements:',
    '  - id: PAY-1',
    `    title: ${TEXT.title}`,
    `    status: ${status}`,
    '    priority: must',
    `    description: ${description}`,
    '    acceptance:',
    `      - ${TEXT.acceptance[0]}`,
    ...extra,
    '  - id: PAY-2',
    '    title: Refund',
    '    status: draft',
    '    priority: could',
    `    parent: ${parent}`,
    '    depends_on: [PAY-1]',
  );
}

const REVIEW = { 'spectrace.yaml': 'review: {}\n' };
const REVIEW_CODES = ['unbaselined-requirement', 'unrecorded-change', 'suspect-link', 'link-rev-ahead', 'schema'] as const;
const review = (files: Record<string, string>) => all(workspace({ ...REVIEW, ...files }), [...REVIEW_CODES]).map(show);

describe('review rules', () => {
  it('report nothing without `review:` in spectrace.yaml', () => {
    const index = workspace({ 'specs/pay.yaml': pay(['    rev: 3']), 'src/pay.ts': '// @implements PAY-1@9\n// @implements PAY-1@x\n' });
    assert.deepEqual(all(index, [...REVIEW_CODES]).map(show), []);
  });

  it('unbaselined-requirement on the ID of a requirement under review without a fingerprint; drafts are free', () => {
    const found = all(workspace({ ...REVIEW, 'specs/pay.yaml': pay() }), ['unbaselined-requirement']);
    assert.deepEqual(found.map(show), ['specs/pay.yaml:2:9 info unbaselined-requirement PAY-1 has no fingerprint yet: baseline it so that changes to its text are noticed']);
    assert.deepEqual(found[0].data, { kind: 'review', id: 'PAY-1', rev: 1, fingerprint: STAMP, links: 0 });
    assert.deepEqual(review({ 'specs/pay.yaml': pay([], 'draft') }), []);
  });

  it('nothing while the fingerprint matches; unrecorded-change on the fingerprint once a word changes', () => {
    assert.deepEqual(review({ 'specs/pay.yaml': pay([`    fingerprint: ${STAMP}`]) }), []);
    const changed = all(workspace({ ...REVIEW, 'specs/pay.yaml': pay(['    rev: 2', `    fingerprint: ${STAMP}`], 'approved', 'The card is charged twice.', 'PAY-1@2'), 'src/a.ts': '// @implements PAY-1@2\n' }), [
      'unrecorded-change',
    ]);
    assert.deepEqual(changed.map(show), ['specs/pay.yaml:10:18 warning unrecorded-change PAY-1 changed since its fingerprint was written (rev 2): bump the revision or record an editorial change']);
    // Links that will need review after a bump: the tag and the parent (both at rev 2) and depends_on (rev 1).
    assert.deepEqual(changed[0].data, { kind: 'review', id: 'PAY-1', rev: 2, fingerprint: fingerprintOf({ ...TEXT, description: 'The card is charged twice.' }, FIELDS), links: 3 });
  });

  it('suspect-link on tags and spec references reviewed against an older revision; link-rev-ahead past it', () => {
    const files = {
      'specs/pay.yaml': pay(['    rev: 2', `    fingerprint: ${STAMP}`], 'approved', TEXT.description, 'PAY-1@2'),
      'src/pay.ts': '// @implements PAY-1\n# @verifies PAY-1@2\n/* @implements PAY-1@3 */\n',
    };
    assert.deepEqual(review(files), [
      'specs/pay.yaml:16:18 warning suspect-link PAY-1 changed since this link was reviewed (rev 1 → rev 2)',
      'src/pay.ts:1:16 warning suspect-link PAY-1 changed since this link was reviewed (rev 1 → rev 2)',
      'src/pay.ts:3:16 error link-rev-ahead PAY-1 has no rev 3 yet (it is at rev 2)',
    ]);
    const suspect = all(workspace({ ...REVIEW, ...files }), ['suspect-link']);
    assert.deepEqual(suspect[1].data, { kind: 'suspect', id: 'PAY-1', rev: 2 });
  });

  it('reports malformed tag suffixes as schema and a newer fingerprint scheme as an info', () => {
    assert.deepEqual(review({ 'specs/pay.yaml': pay(['    fingerprint: v9:from-the-future']), 'src/a.ts': '// @implements PAY-1@\n// @implements PAY-1@x\n' }), [
      'specs/pay.yaml:9:18 info schema this fingerprint (v9) was written by a newer Spectrace: changes to PAY-1 are not checked until it is re-baselined or Spectrace is updated',
      'src/a.ts:1:21 error schema the revision after `PAY-1@` is missing: write a whole number from 1, e.g. `PAY-1@2`',
      'src/a.ts:2:21 error schema the revision after `PAY-1@` `x` is not one: write a whole number from 1, e.g. `PAY-1@2`',
    ]);
  });

  it('does not count suspect links toward coverage unless review.suspectCounts', () => {
    const files = {
      'specs/pay.yaml': pay(['    rev: 2', `    fingerprint: ${STAMP}`]),
      'src/pay.ts': '// @implements PAY-1\n',
      'test/pay.test.ts': '// @verifies PAY-1@2\n',
    };
    const index = workspace({ ...REVIEW, ...files });
    assert.deepEqual(all(index, ['uncovered-requirement']).map(show), [
      'specs/pay.yaml:2:9 warning uncovered-requirement PAY-1 is `must`/`approved` but has no implementation (coverage policy needs 1 implementation and 1 test) — 1 suspect link not counted until reviewed',
    ]);
    assert.equal(index.coverage('PAY-1')?.implementations, 0);
    const counts = workspace({ 'spectrace.yaml': 'review:\n  suspectCounts: true\n', ...files });
    assert.deepEqual(all(counts, ['uncovered-requirement']), []);
  });

  it('updates as the requirement or the link changes', () => {
    const index = workspace({ ...REVIEW, 'specs/pay.yaml': pay([`    fingerprint: ${STAMP}`]), 'src/pay.ts': '// @implements PAY-1\n' });
    assert.deepEqual(all(index, ['suspect-link']), []);
    index.updateFile(abs('specs/pay.yaml'), pay(['    rev: 2', `    fingerprint: ${STAMP}`]));
    assert.equal(all(index, ['suspect-link']).filter((d) => d.file === abs('src/pay.ts')).length, 1);
    index.updateFile(abs('src/pay.ts'), '// @implements PAY-1@2\n');
    assert.equal(all(index, ['suspect-link']).filter((d) => d.file === abs('src/pay.ts')).length, 0);
  });
});

describe('the tag grammar in the rules', () => {
  const specs = { 'specs/shop.yaml': yaml('requirements:', '  - id: SHOP-10', '    title: Opt in', '    status: draft', '    priority: must') };
  it('reports no prose after an ID, and near misses of real IDs only', () => {
    const index = workspace({
      ...specs,
      'src/a.ts': '// @implements SHOP-10 e-mail opt-in\n// @implements SHOP-10 SHA-256 non-root case-insensitive\n// @implements shop-10\n// @implements SHOP-10 SHOP-11\n',
    });
    assert.deepEqual(all(index, ['unknown-code-reference']).map(show), [
      'src/a.ts:3:16 warning unknown-code-reference Unknown requirement shop-10 — did you mean `SHOP-10`?',
      'src/a.ts:4:24 warning unknown-code-reference Unknown requirement SHOP-11 — did you mean `SHOP-10`?',
    ]);
  });
});

describe('merge-conflict markers in a spec file', () => {
  it('give one yaml-syntax diagnostic per conflict, no cascade, and the first side is read', () => {
    const text = yaml(
      'requirements:',
      '<<<<<<< HEAD',
      '  - id: PAY-1',
      '    title: Ours',
      '=======',
      '  - id: PAY-1',
      '    title: Theirs',
      '>>>>>>> feature',
      '    status: draft',
      '    priority: must',
      '<<<<<<< HEAD',
      '  - id: PAY-2',
      '=======',
      '>>>>>>> feature',
    );
    const index = workspace({ 'specs/pay.yaml': text });
    const found = all(index);
    assert.deepEqual(found.map(show), [
      'specs/pay.yaml:2:1 error yaml-syntax unresolved merge conflict, lines 2–8: keep the right text and remove the `<<<<<<<`, `=======` and `>>>>>>>` lines — until then Spectrace reads the first side',
      'specs/pay.yaml:11:1 error yaml-syntax unresolved merge conflict, lines 11–14: keep the right text and remove the `<<<<<<<`, `=======` and `>>>>>>>` lines — until then Spectrace reads the first side',
      'specs/pay.yaml:12:5 error schema missing required field `priority`',
      'specs/pay.yaml:12:5 error schema missing required field `status`',
      'specs/pay.yaml:12:5 error schema missing required field `title`',
    ]);
    assert.equal(index.item('PAY-1')?.fields.get('title')?.value, 'Ours');
  });
});
