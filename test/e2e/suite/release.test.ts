// The release view in a real VS Code: Spectrace: Show Release from a roadmap item's code lens opens a
// webview panel with the item's scope and, once the server has read the git history of the spec
// files (two commits at fixed dates made here), its burn-up chart; a link opens its location; the
// page has the matrix's strict CSP.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { SpectraceApi } from '../../../client/src/api';
import { closeAllEditors, removeWs, spectrace, waitFor, wsPath, wsUri } from './helpers';

function git(args: string[], date?: string): void {
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
  execFileSync('git', ['-c', 'user.name=E2E', '-c', 'user.email=e2e@spectrace.invalid', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', '-C', wsPath(''), ...args], { env, stdio: 'pipe' });
}

describe('release view', () => {
  let api: SpectraceApi;
  const checkout = wsPath('specs/checkout.yaml');
  let original = '';

  before(async () => {
    api = await spectrace();
    // Two days of history: first every released requirement of checkout.yaml still approved, then as it is.
    original = fs.readFileSync(checkout, 'utf8');
    git(['init', '--quiet', '--initial-branch=main']);
    fs.writeFileSync(checkout, original.replace(/status: released/g, 'status: approved'));
    git(['add', '--all']);
    git(['commit', '--quiet', '--no-verify', '-m', 'first specs'], '2026-01-05T10:00:00Z');
    fs.writeFileSync(checkout, original);
    git(['commit', '--quiet', '--no-verify', '-am', 'released'], '2026-02-02T10:00:00Z');
  });

  after(async () => {
    api.release()?.dispose();
    await closeAllEditors();
    fs.writeFileSync(checkout, original);
    removeWs('.git');
  });

  it('opens from the code lens of R-2026 with its scope, then its burn-up from the git history', async () => {
    const roadmap = wsUri('specs/roadmap.yaml');
    await vscode.window.showTextDocument(roadmap);
    const lenses = await waitFor('the Show release lenses', async () => {
      const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', roadmap)) ?? [];
      const show = all.filter((l) => l.command?.command === 'spectrace.showRelease');
      return show.length === 5 ? show : undefined;
    });
    const r2026 = lenses.find((l) => (l.command?.arguments?.[0] as { id?: string } | undefined)?.id === 'R-2026');
    assert.ok(r2026?.command, 'a lens on R-2026');
    await vscode.commands.executeCommand(r2026.command.command, ...(r2026.command.arguments ?? []));
    const panel = api.release();
    assert.ok(panel, 'the panel is open');
    assert.equal(panel.panel.viewType, 'spectrace.release');
    assert.equal(panel.panel.title, 'Release R-2026');
    const page = await waitFor('the burn-up', () => (panel.currentPage?.burnup.state === 'ok' ? panel.currentPage : undefined));
    assert.equal(page.id, 'R-2026');
    assert.deepEqual(
      page.items.map((i) => i.id),
      ['R-2026', 'M-1'],
    );
    assert.equal(page.total, 19);
    if (page.burnup.state !== 'ok') assert.fail('no chart');
    assert.deepEqual(
      page.burnup.points.map((p) => [p.date, p.scope]),
      [
        ['2026-01-05', 19],
        ['2026-02-02', 19],
      ],
    );
    assert.ok(page.burnup.points[1].done > page.burnup.points[0].done, 'released requirements count as done on the second day');
    assert.equal(page.burnup.points[1].done, page.done, 'the chart ends where the view counts today');
    assert.equal(page.burnup.chart.tag, 'svg');
  });

  it('has the strict CSP and opens a requirement beside the panel', async () => {
    const panel = api.release();
    assert.ok(panel);
    const html = panel.pageHtml;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-[^']+'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const markup = html.replace(/<script type="application\/json"[^>]*>[^<]*<\/script>/, '');
    assert.ok(html.includes('Shopping cart'), 'spec text travels in the JSON data block');
    assert.ok(!markup.includes('Shopping cart'), 'no spec text in the markup itself');
    const cart1 = panel.currentPage?.requirements.find((r) => r.id === 'CART-1');
    assert.ok(cart1, 'CART-1 is in the scope');
    await panel.receive({ type: 'open', version: panel.dataVersion, link: cart1.link });
    const editor = await waitFor('checkout.yaml open', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === checkout));
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /CART-1/);
  });
});
