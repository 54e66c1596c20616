// Change review end to end: a PM rewrites PAY-2's acceptance and bumps its revision; the code tag
// that implements it turns suspect (diagnostic, code lens, Coverage gaps); Review Suspect Links shows
// the review fields of both revisions in VS Code's diff editor beside the code, Mark reviewed rewrites
// the tag's suffix, and the workspace is as clean as before (but for the example's own suspect link).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpectraceApi } from '../../../client/src/api';
import type { ReviewWalkResult } from '../../../client/src/review/suspectReviewWalk';
import { closeAllEditors, diagnosticCode, readWs, spectrace, spectraceDiagnostics, waitFor, writeWs, wsUri } from './helpers';

const SPEC = 'specs/checkout.yaml';
const CODE = 'src/checkout/guest-checkout.ts';
const TEST = 'test/payment.test.ts';
const OLD_ACCEPTANCE = 'A shopper without an account can complete an order with only an e-mail address';
const NEW_ACCEPTANCE = 'A shopper without an account can complete an order with only an e-mail address and a delivery address';

const suspectOn = (uri: vscode.Uri, id: string) => spectraceDiagnostics(uri).filter((d) => diagnosticCode(d) === 'suspect-link' && d.message.startsWith(`${id} `));

async function suspectGapIds(api: SpectraceApi): Promise<string[]> {
  const kinds = await api.views.coverageGaps.getChildren();
  const group = kinds.find((k) => k.kind === 'gapKind' && k.key === 'suspect-link');
  return group && group.kind === 'gapKind' ? group.children.map((g) => g.id) : [];
}

function reviewDiffTab(): vscode.TabInputTextDiff | undefined {
  for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
    if (tab.input instanceof vscode.TabInputTextDiff && tab.input.original.scheme === 'spectrace-review') return tab.input;
  }
  return undefined;
}

describe('change review', () => {
  let api: SpectraceApi;
  const originals = new Map<string, string>();

  before(async () => {
    api = await spectrace();
    for (const file of [SPEC, CODE, TEST]) originals.set(file, readWs(file));
  });

  after(async () => {
    await closeAllEditors();
    for (const [file, text] of originals) writeWs(file, text);
    // The next suites start from the example as it is: SRCH-4's one suspect link, nothing of PAY-2.
    await waitFor('the example restored', async () => (await suspectGapIds(api)).join(',') === 'SRCH-4' && api.statusBar.summary?.suspect === 1);
  });

  it('edit the acceptance → bump → the tag turns suspect → review the diff → mark reviewed → clean', async function () {
    this.timeout(120_000);
    // The example keeps one link suspect on purpose (SRCH-4 is at rev 2, search/fuzzy.py still names @1).
    await waitFor('the example’s suspect link in the status bar', () => api.statusBar.summary?.suspect === 1 && /· 1 suspect/.test(api.statusBar.item.text));
    assert.deepEqual(await suspectGapIds(api), ['SRCH-4']);

    // The PM changes what PAY-2 asks for.
    const spec = await vscode.workspace.openTextDocument(wsUri(SPEC));
    await vscode.window.showTextDocument(spec);
    const at = spec.getText().indexOf(OLD_ACCEPTANCE);
    assert.ok(at > 0, 'PAY-2’s acceptance criterion');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(spec.uri, new vscode.Range(spec.positionAt(at), spec.positionAt(at + OLD_ACCEPTANCE.length)), NEW_ACCEPTANCE);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await spec.save());
    await waitFor('unrecorded-change on PAY-2’s fingerprint', () => spectraceDiagnostics(spec.uri).some((d) => diagnosticCode(d) === 'unrecorded-change'));

    // …and records it as a substantive change: rev 1 → rev 2 (the arguments skip the question).
    const bumped = await vscode.commands.executeCommand<{ id: string; editorial: boolean } | undefined>('spectrace.bumpRevision', { id: 'PAY-2', editorial: false });
    assert.deepEqual(bumped, { id: 'PAY-2', editorial: false });
    assert.equal(spec.isDirty, false, 'the bump is saved: it was the only change in the file');
    assert.match(readWs(SPEC), /- id: PAY-2\n\s+rev: 2\n\s+fingerprint: v1:[0-9a-f]{12}\n/);
    await waitFor('the fingerprint recorded', () => !spectraceDiagnostics(spec.uri).some((d) => diagnosticCode(d) === 'unrecorded-change'));

    // The code that implements PAY-2 was reviewed against rev 1: a squiggle on the tag…
    const code = await vscode.workspace.openTextDocument(wsUri(CODE));
    const [squiggle] = await waitFor('suspect-link on the tag in guest-checkout.ts', () => {
      const found = suspectOn(code.uri, 'PAY-2');
      return found.length > 0 ? found : undefined;
    });
    assert.equal(squiggle.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(code.getText(squiggle.range), 'PAY-2');
    assert.match(squiggle.message, /rev 1 → rev 2/);
    // …the lens above the requirement counts it…
    const lens = await waitFor('a code lens on PAY-2 saying "rev 2 … suspect"', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', spec.uri, 100);
      return lenses.find((l) => /rev 2\b.*\bsuspect/.test(l.command?.title ?? ''));
    });
    // The implementation, the test and the three requirements whose `parent` is PAY-2.
    assert.match(lens.command?.title ?? '', /\b5 suspect\b/, lens.command?.title);
    // …and Coverage gaps lists it under Suspect links, with the example's own.
    await waitFor('PAY-2 in the Suspect links group', async () => (await suspectGapIds(api)).includes('PAY-2'));
    await waitFor('the status bar counting them', () => api.statusBar.summary?.suspect === 6 && /· 6 suspect/.test(api.statusBar.item.text));

    // The engineer reviews PAY-2's links: the diff of its review fields beside the code.
    const run = Promise.resolve(vscode.commands.executeCommand<ReviewWalkResult>('spectrace.reviewSuspectLinks', { id: 'PAY-2' }));
    const first = await waitFor('the first link on screen', () => api.review.walk?.current);
    assert.equal(first.id, 'PAY-2');
    const diff = await waitFor('the diff editor on the review documents', () => reviewDiffTab());
    assert.equal(diff.original.path, '/PAY-2@1');
    assert.equal(diff.modified.path, '/PAY-2@2');
    const current = await vscode.workspace.openTextDocument(diff.modified);
    assert.ok(current.getText().includes(NEW_ACCEPTANCE), `the current revision's text (${current.getText()})`);
    const before = await vscode.workspace.openTextDocument(diff.original);
    // From git when the workspace has the history; otherwise the reason, never an empty page.
    assert.ok(before.getText().includes(OLD_ACCEPTANCE) || /not available: /.test(before.getText()), before.getText());
    assert.ok(
      vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === vscode.Uri.parse(first.location.uri).toString()),
      'the linking file is open beside the diff',
    );

    assert.ok(first.location.uri.endsWith(CODE), `tags first: ${first.location.uri}`);

    // Mark reviewed, link after link (each choice shows the next one), until the walk ends.
    const seen = [first];
    assert.ok(api.review.walk?.choose('markReviewed'));
    for (;;) {
      const next = await waitFor('the next link, or the end of the walk', () => {
        const now = api.review.walk?.current;
        return now && !seen.includes(now) ? now : api.review.walk === undefined ? 'done' : undefined;
      });
      if (next === 'done') break;
      assert.equal(next.id, 'PAY-2');
      seen.push(next);
      assert.ok(api.review.walk?.choose('markReviewed'));
    }
    const result = await run;
    assert.deepEqual({ total: result.total, reviewed: result.reviewed, skipped: result.skipped }, { total: 5, reviewed: 5, skipped: 0 });
    assert.deepEqual(seen.map((l) => l.kind).sort(), ['implements', 'parent', 'parent', 'parent', 'verifies']);

    // Only the suffixes changed, and the workspace is clean again (but for SRCH-4's link).
    assert.equal(readWs(CODE), originals.get(CODE)?.replace('@implements PAY-2\n', '@implements PAY-2@2\n'));
    assert.equal(readWs(TEST), originals.get(TEST)?.replace('@verifies PAY-2\n', '@verifies PAY-2@2\n'));
    assert.equal(readWs(SPEC).match(/parent: PAY-2@2\n/g)?.length, 3, 'the sub-requirements reviewed too');
    await waitFor('no suspect link to PAY-2', () => suspectOn(code.uri, 'PAY-2').length === 0);
    await waitFor('PAY-2 gone from Suspect links', async () => (await suspectGapIds(api)).join(',') === 'SRCH-4');
    await waitFor('the status bar back to one suspect link', () => api.statusBar.summary?.suspect === 1);
  });
});
