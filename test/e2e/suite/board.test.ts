// The backlog board webview in the extension host: the command opens one panel with the example's
// requirements in their status columns (placed and ordered by the page's own model), a strict CSP, and
// a move (what a drop and Alt+Right send) edits only the `status:` value of the document, unsaved and
// undoable; a file with YAML errors is not edited; stale and malformed messages change nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpectraceApi } from '../../../client/src/api';
import type { BoardCard } from '../../../server/src/shared/protocol';
import { BOARD_LIFECYCLE } from '../../../client/src/board/boardMessages';
import { closeAllEditors, fixture, readWs, removeWs, repoPath, spectrace, spectraceDiagnostics, diagnosticCode, waitFor, writeWs } from './helpers';

const FILE = 'specs/e2e-board.yaml';
const BIG = 'specs/e2e-board-20000';

interface BoardModel {
  buildBoard(cards: BoardCard[], options: object): { columns: { key: string; label: string }[]; lanes: { cells: number[][] }[] };
}

describe('backlog board', () => {
  let api: SpectraceApi;
  let original = '';

  before(async () => {
    api = await spectrace();
    original = fixture('board.yaml');
    writeWs(FILE, original);
    await waitFor('the board fixture indexed', async () => (await api.views.requirements.current()).byId.has('BRD-3'));
  });

  after(async () => {
    api.board()?.dispose();
    await closeAllEditors();
    removeWs(FILE);
    removeWs(BIG);
  });

  const panelOf = () => {
    const panel = api.board();
    assert.ok(panel, 'the board is open');
    return panel;
  };
  const cardIndex = (id: string) => panelOf().currentCards.findIndex((c) => c.id === id);
  const boardDoc = () => vscode.workspace.textDocuments.find((d) => d.uri.fsPath.endsWith('e2e-board.yaml'));

  it('spectrace.showBoard opens one panel with the example\'s requirements in their columns, by score then ID', async () => {
    await vscode.commands.executeCommand('spectrace.showBoard');
    const panel = panelOf();
    assert.equal(panel.panel.viewType, 'spectrace.board');
    const cards = panel.currentCards;
    const status = (id: string) => cards.find((c) => c.id === id)?.status;
    assert.deepEqual(['CART-5', 'CART-1', 'ACC-1', 'PAY-1'].map(status), ['draft', 'released', 'in-progress', 'in-progress']);
    // The columns as the page lays them out (its own model, the file the webview loads).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the page's plain-JavaScript model, loaded as the page loads it
    const model = require(repoPath('client', 'media', 'boardModel.js')) as BoardModel;
    const board = model.buildBoard([...cards], { filter: { text: '', product: '', owner: '', roadmap: '', tag: '' }, lifecycle: BOARD_LIFECYCLE, groupByRoadmap: false, showFolded: false, roadmapItems: [] });
    assert.deepEqual(
      board.columns.map((c) => c.label),
      ['No status', 'draft', 'proposed', 'approved', 'in-progress', 'implemented', 'verified', 'released', 'rejected · deprecated'],
    );
    const column = (label: string) => board.lanes[0].cells[board.columns.findIndex((c) => c.label === label)].map((i) => cards[i].id);
    assert.deepEqual(column('No status'), ['BRD-3']);
    for (const [label, ids] of Object.entries({ draft: ['CART-5'], 'in-progress': ['ACC-1', 'PAY-1'] })) {
      for (const id of ids) assert.ok(column(label).includes(id), `${id} in ${label}`);
    }
    // The example scores some requirements (RICE): those come first, best first; the rest by ID.
    const scoreOf = (id: string) => cards.find((c) => c.id === id)?.score?.value;
    const byScoreThenId = (a: string, b: string) => {
      const sa = scoreOf(a);
      const sb = scoreOf(b);
      if (sa !== sb) return sa === undefined ? 1 : sb === undefined ? -1 : sb - sa;
      return a.localeCompare(b, 'en', { numeric: true });
    };
    assert.equal(scoreOf('CART-5'), 75, 'CART-5 carries its RICE score');
    for (const label of BOARD_LIFECYCLE.statuses) {
      const ids = column(label);
      assert.deepEqual(ids, [...ids].sort(byScoreThenId), `${label}: scored cards first, then by ID`);
      for (const id of ids) assert.equal(status(id), label);
    }
    await vscode.commands.executeCommand('spectrace.showBoard');
    assert.equal(api.board(), panel, 'a second run reuses the panel');
  });

  it('has a strict Content-Security-Policy with a nonce, and its scripts from client/media', () => {
    const html = panelOf().pageHtml;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce);
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    for (const attrs of scripts) assert.ok(attrs.includes(`nonce="${nonce}"`), `script ${attrs} has the nonce`);
    assert.deepEqual(scripts.flatMap((a) => /src="[^"]*client\/media\/([a-zA-Z]+\.js)"/.exec(a)?.[1] ?? []), ['boardModel.js', 'board.js']);
  });

  it('a drop moves a card: only its status value changes, the file is not saved, undo restores it', async () => {
    const panel = panelOf();
    await panel.receive({ type: 'move', version: panel.dataVersion, card: cardIndex('BRD-1'), status: 'approved' });
    const doc = await waitFor('the board file edited', () => { const d = boardDoc(); return d && d.getText() !== original ? d : undefined; });
    assert.equal(doc.getText(), original.replace('status: draft    # was', 'status: approved    # was'));
    assert.ok(doc.isDirty, 'the edit is not saved');
    assert.equal(readWs(FILE), original, 'the disk file is unchanged');
    await waitFor('the board shows BRD-1 as approved', () => panelOf().currentCards.find((c) => c.id === 'BRD-1')?.status === 'approved');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await waitFor('undo restored the file', () => doc.getText() === original);
  });

  it('a move to the neighbouring column (what Alt+Right sends) keeps the quotes; a missing status is added after the id line', async () => {
    const panel = panelOf();
    await waitFor('the board shows BRD-1 as draft again', () => panelOf().currentCards.find((c) => c.id === 'BRD-1')?.status === 'draft');
    await panel.receive({ type: 'move', version: panel.dataVersion, card: cardIndex('BRD-2'), status: 'in-progress' });
    const doc = await waitFor('BRD-2 moved', () => { const d = boardDoc(); return d?.getText().includes('"in-progress"') ? d : undefined; });
    assert.equal(doc.getText(), original.replace('status: "approved"', 'status: "in-progress"'));
    await waitFor('the board shows BRD-2 in progress', () => panelOf().currentCards.find((c) => c.id === 'BRD-2')?.status === 'in-progress');
    await panel.receive({ type: 'move', version: panel.dataVersion, card: cardIndex('BRD-3'), status: 'draft' });
    await waitFor('BRD-3 got a status', () => doc.getText().includes('  - id: BRD-3\n    status: draft\n'));
    assert.equal(doc.getText(), original.replace('status: "approved"', 'status: "in-progress"').replace('  - id: BRD-3\n', '  - id: BRD-3\n    status: draft\n'));
  });

  it('refuses a move in a file with YAML errors, and ignores stale and malformed messages', async () => {
    const doc = boardDoc();
    assert.ok(doc);
    const version = panelOf().dataVersion;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(doc.lineCount, 0), '  - id: BRD-4\n    title: [unclosed\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('a YAML error on the board file', () => spectraceDiagnostics(doc.uri).some((d) => diagnosticCode(d) === 'yaml-syntax'));
    await waitFor('the board refreshed after the edit', () => panelOf().dataVersion > version);
    const before = doc.getText();
    await panelOf().receive({ type: 'move', version: panelOf().dataVersion, card: cardIndex('BRD-1'), status: 'verified' });
    assert.equal(doc.getText(), before);
    assert.ok(!doc.getText().includes('status: verified'), 'the broken file is not edited');
    const panel = panelOf();
    const text = doc.getText();
    await panel.receive({ type: 'move', version: panel.dataVersion + 5, card: cardIndex('BRD-2'), status: 'released' });
    await panel.receive({ type: 'move', version: panel.dataVersion, card: cardIndex('BRD-2'), status: 'shipped' });
    await panel.receive({ type: 'move', uri: doc.uri.toString(), id: 'BRD-2', status: 'released' });
    await panel.receive({ type: 'move', version: panel.dataVersion, card: 99_999, status: 'released' });
    assert.equal(doc.getText(), text, 'nothing was edited');
  });

  it('takes 20,000 requirements from the server as cards, each in its status', async function () {
    this.timeout(300_000);
    const statuses = BOARD_LIFECYCLE.statuses;
    const item = (i: number) => `  - id: BIG-${i + 1}\n    title: Generated requirement ${i + 1}\n    status: ${statuses[i % statuses.length]}\n    priority: should\n`;
    // Five files of 4,000: each stays under the default spectrace.maxFileSize.
    for (let f = 0; f < 5; f++) {
      const items = Array.from({ length: 4_000 }, (_, k) => item(f * 4_000 + k));
      writeWs(`${BIG}/part-${f + 1}.yaml`, `# Generated by the board test: a 20,000-requirement backlog.\nrequirements:\n${items.join('')}`);
    }
    // Five files land in a burst of index changes. If the panel has not caught up after a while, press the
    // page's Refresh (what a user would do); the cards must then be there.
    const allCards = () => panelOf().currentCards.filter((c) => c.id.startsWith('BIG-')).length === 20_000;
    try {
      await waitFor('20,000 more cards on the board', allCards, { timeoutMs: 120_000, intervalMs: 500 });
    } catch {
      await panelOf().receive({ type: 'refresh' });
      await waitFor('20,000 more cards on the board after a refresh', allCards, { timeoutMs: 120_000, intervalMs: 500 });
    }
    const big = panelOf().currentCards.filter((c) => c.id.startsWith('BIG-'));
    assert.deepEqual(
      statuses.map((st) => big.filter((c) => c.status === st).length),
      statuses.map((_, k) => Math.floor(20_000 / statuses.length) + (k < 20_000 % statuses.length ? 1 : 0)),
    );
    removeWs(BIG);
    await waitFor('the generated cards gone', () => !panelOf().currentCards.some((c) => c.id.startsWith('BIG-')), { timeoutMs: 60_000 });
  });
});
