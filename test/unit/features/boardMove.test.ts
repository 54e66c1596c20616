// The backlog board's move: the edit rewrites only the `status:` value (quotes, comments, blank lines,
// key order, CRLF and BOM kept byte for byte), adds a missing `status:` after the `id` line, and is
// refused with a reason for a file with YAML errors, an unknown status or an item it cannot edit safely.
import * as assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-languageserver';
import { board, boardMove, insightCountOf } from '../../../server/src/features/views/board';
import type { FolderView } from '../../../server/src/features/views/nodes';
import { applyEdits } from '../../../server/src/engine/review/reviewEdits';
import type { BoardMoveResult } from '../../../server/src/shared/protocol';
import { pathToUri } from '../../../server/src/lsp/uris';
import { memoryWorkspace } from './helpers';

const token = new CancellationTokenSource().token;
const FILE = 'specs/pay.yaml';

function folderOf(files: Record<string, string>): { folder: FolderView; uri: string } {
  const ws = memoryWorkspace(files);
  return { folder: { uri: pathToUri(ws.abs('')), name: 'ws', ctx: ws.ctx }, uri: pathToUri(ws.abs(FILE)) };
}

/** The file's text after the move, or the refusal. */
function move(text: string, id: string, status: string): { text: string; version: number | null } | { refused: string } {
  const { folder, uri } = folderOf({ [FILE]: text });
  const result: BoardMoveResult = boardMove([folder], { id, status, uri });
  if ('refused' in result) return result;
  assert.equal(result.edit.uri, uri);
  return { text: applyEdits(text, result.edit.edits), version: result.edit.version };
}

function moved(text: string, id: string, status: string): string {
  const r = move(text, id, status);
  assert.ok(!('refused' in r), `refused: ${'refused' in r ? r.refused : ''}`);
  return r.text;
}

const COMMENTED = `# Payments: keep this header
requirements:
  # the first one
  - id: PAY-1   # keep this comment
    title: "Pay by card"   # quoted title
    status: draft    # was proposed last week

    priority: must
  - id: PAY-2
    status: "approved"
    title: 'Refunds'
  - title: Key order differs
    id: PAY-3
    status: 'in-progress' # single quotes
  - id: PAY-4
    title: No status yet # note
    priority: could
`;

describe('board: moving a card rewrites only its status', () => {
  it('replaces a plain value, keeping the comment after it and every other byte', () => {
    assert.equal(moved(COMMENTED, 'PAY-1', 'approved'), COMMENTED.replace('status: draft    # was', 'status: approved    # was'));
  });

  it('keeps double and single quotes around the new value', () => {
    assert.equal(moved(COMMENTED, 'PAY-2', 'in-progress'), COMMENTED.replace('status: "approved"', 'status: "in-progress"'));
    assert.equal(moved(COMMENTED, 'PAY-3', 'implemented'), COMMENTED.replace("status: 'in-progress' #", "status: 'implemented' #"));
  });

  it('adds a missing status on the line after the id line, at the item keys\' indentation', () => {
    assert.equal(moved(COMMENTED, 'PAY-4', 'proposed'), COMMENTED.replace('  - id: PAY-4\n', '  - id: PAY-4\n    status: proposed\n'));
  });

  it('fills an empty status value', () => {
    const text = 'requirements:\n  - id: PAY-1\n    title: T\n    status:\n    priority: must\n';
    assert.equal(moved(text, 'PAY-1', 'approved'), text.replace('status:\n', 'status: approved\n'));
  });

  it('keeps CRLF line breaks and a byte order mark', () => {
    const text = '\uFEFFrequirements:\r\n  - id: PAY-1 # note\r\n    title: T\r\n    status: draft\r\n  - id: PAY-2\r\n    title: U\r\n';
    assert.equal(moved(text, 'PAY-1', 'released'), text.replace('status: draft', 'status: released'));
    assert.equal(moved(text, 'PAY-2', 'draft'), text.replace('  - id: PAY-2\r\n', '  - id: PAY-2\r\n    status: draft\r\n'));
  });

  it('works at any list indentation', () => {
    const text = 'requirements:\n      -   id: PAY-1\n          title: T\n          status: draft\n      - id: PAY-2\n        title: U\n';
    assert.equal(moved(text, 'PAY-1', 'verified'), text.replace('status: draft', 'status: verified'));
    assert.equal(moved(text, 'PAY-2', 'verified'), text.replace('      - id: PAY-2\n', '      - id: PAY-2\n        status: verified\n'));
  });

  it('answers an empty edit for the status the card already has', () => {
    const { folder, uri } = folderOf({ [FILE]: COMMENTED });
    const r = boardMove([folder], { id: 'PAY-1', status: 'draft', uri });
    assert.ok('edit' in r);
    assert.deepEqual(r.edit.edits, []);
  });

  it('carries the open document\'s version, so VS Code refuses it on a changed document', () => {
    const r = move(COMMENTED, 'PAY-1', 'approved');
    assert.ok(!('refused' in r));
    assert.equal(r.version, 1);
  });
});

describe('board: moves it refuses, with the reason', () => {
  it('a file with YAML errors', () => {
    const broken = COMMENTED + '  - id: PAY-5\n    title: [unclosed\n';
    const r = move(broken, 'PAY-1', 'approved');
    assert.ok('refused' in r);
    assert.equal(r.refused, 'PAY-1 was not moved: its file has YAML errors. Fix them (see the Problems panel), then move it again.');
  });

  it('a status outside the lifecycle', () => {
    const r = move(COMMENTED, 'PAY-1', 'done');
    assert.ok('refused' in r);
    assert.match(r.refused, /^"done" is not a requirement status \(draft, proposed, approved, in-progress, implemented, verified, released, rejected, deprecated\)\.$/);
  });

  it('a requirement that is not in the named file', () => {
    const { folder } = folderOf({ [FILE]: COMMENTED });
    const r = boardMove([folder], { id: 'PAY-1', status: 'approved', uri: pathToUri('/elsewhere/other.yaml') });
    assert.deepEqual(r, { refused: 'There is no requirement PAY-1 in that file any more.' });
  });

  it('a flow-mapping item without a status line (no safe place to add one)', () => {
    const r = move('requirements:\n  - {id: PAY-1, title: T}\n', 'PAY-1', 'approved');
    assert.ok('refused' in r);
    assert.match(r.refused, /^PAY-1 has no "status:" line/);
  });

  it('a status written over several lines', () => {
    const r = move('requirements:\n  - id: PAY-1\n    title: T\n    status: >-\n      draft\n', 'PAY-1', 'approved');
    assert.ok('refused' in r);
    assert.match(r.refused, /several lines/);
  });
});

describe('board: cards', () => {
  it('one card per requirement with its fields, insight count and no score yet', async () => {
    const { folder } = folderOf({
      [FILE]: 'product: checkout\nrequirements:\n  - id: PAY-1\n    title: T\n    status: approved\n    priority: must\n    owner: ann\n    roadmap: R-1\n    tags: [web]\n    insights: [INS-1, INS-2, INS-1]\nroadmap:\n  - id: R-1\n    title: First release\n    due: 2027-01-01\n',
    });
    const { cards, roadmapItems } = await board([folder], token);
    assert.equal(cards.length, 1);
    const { location, ...rest } = cards[0];
    assert.deepEqual(rest, { id: 'PAY-1', title: 'T', status: 'approved', priority: 'must', owner: 'ann', roadmap: 'R-1', roadmapTitle: 'First release', product: 'checkout', tags: ['web'], insightCount: 2 });
    assert.equal(location.range.start.line, 2);
    assert.deepEqual(roadmapItems, [{ id: 'R-1', title: 'First release' }]);
  });

  it('counts distinct, non-empty insight IDs; none without the field', async () => {
    const { folder } = folderOf({ [FILE]: 'requirements:\n  - id: PAY-1\n    title: T\n    insights: ["INS-1", " INS-1 ", "", 7]\n  - id: PAY-2\n    title: U\n' });
    const { cards } = await board([folder], token);
    const items = folder.ctx.index.requirements();
    assert.deepEqual(items.map(insightCountOf), [1, 0]);
    assert.deepEqual(cards.map((c) => c.insightCount), [1, 0]);
  });
});
