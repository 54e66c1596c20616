import * as assert from 'node:assert/strict';
import { parseReviewDoc, reviewDiffTitle, reviewDocPath, reviewDocText } from '../../../client/src/review/reviewDocs';
import { shiftRange } from '../../../client/src/review/linkEdits';

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

describe('client: change review documents and edits', () => {
  it('names a revision like a link does, and reads the name back', () => {
    const ref = { id: 'PAY-1', rev: 2, uri: 'file:///ws/specs/pay.yaml' };
    assert.equal(reviewDocPath(ref), '/PAY-1@2');
    assert.deepEqual(parseReviewDoc('/PAY-1@2', 'file:///ws/specs/pay.yaml'), ref);
    assert.deepEqual(parseReviewDoc('/shop.pay-10@12', ''), { id: 'shop.pay-10', rev: 12 });
    assert.equal(parseReviewDoc('/PAY-1', ''), undefined);
    assert.equal(parseReviewDoc('/PAY-1@0', ''), undefined);
    assert.equal(parseReviewDoc('/PAY-1@x', ''), undefined);
  });

  it('shows the review fields, or says why an old revision has no text', () => {
    const ref = { id: 'PAY-1', rev: 1 };
    assert.equal(reviewDocText(ref, { text: 'title: Pay\n' }), 'title: Pay\n');
    assert.equal(reviewDocText(ref, { text: null, reason: 'this workspace is not a git repository' }), 'The text of PAY-1 at rev 1 is not available: this workspace is not a git repository.\n');
    assert.equal(reviewDiffTitle('PAY-1', 1, 2), 'PAY-1: rev 1 (reviewed) ↔ rev 2 (current)');
  });

  it('moves a later link on the same line by the suffixes written before it', () => {
    const uri = 'file:///ws/src/pay.ts';
    // `// @implements PAY-1, PAY-2` → `// @implements PAY-1@2, PAY-2`: PAY-2 moves two to the right.
    const applied = [{ uri, range: range(3, 20, 20), newText: '@2' }];
    assert.deepEqual(shiftRange(uri, range(3, 22, 27), applied), range(3, 24, 29));
    // `PAY-3@1` → `PAY-3@12` before it moves it one more.
    assert.deepEqual(shiftRange(uri, range(3, 22, 27), [...applied, { uri, range: range(3, 5, 7), newText: '@12' }]), range(3, 25, 30));
    // Other lines, other files and later columns stay.
    assert.deepEqual(shiftRange(uri, range(4, 22, 27), applied), range(4, 22, 27));
    assert.deepEqual(shiftRange('file:///ws/src/other.ts', range(3, 22, 27), applied), range(3, 22, 27));
    assert.deepEqual(shiftRange(uri, range(3, 10, 15), applied), range(3, 10, 15));
  });
});
