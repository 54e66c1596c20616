// The release view in a real VS Code: Spectrace: Show Release from a roadmap item's code lens opens a
// webview panel with the item's scope and, once the server has read the git history of the spec
// files (two commits at fixed dates made here), its burn-up chart; a link opens its location; the
// page has the matrix's strict CSP.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SpectraceApi } from '../../../client/src/api';
import { findGitDir, watchGitHeads } from '../../../client/src/release/gitHeadWatcher';
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

  it('redraws the burn-up when a commit moves HEAD, without being reopened', async () => {
    const panel = api.release();
    assert.ok(panel);
    const before = panel.currentPage;
    if (before?.burnup.state !== 'ok') assert.fail('no chart before the commit');
    // A third day: CART-1 (R-2026) goes back to approved. The view counts the saved file at once; the
    // commit that follows changes no file the index watches, so only HEAD's move can redraw the chart.
    const reopened = original.replace(/status: released/, 'status: approved');
    assert.notEqual(reopened, original);
    fs.writeFileSync(checkout, reopened);
    await waitFor('the view counting the saved file', () => {
      const current = panel.currentPage;
      return current?.done === before.done - 1 && current.burnup.state === 'ok' ? current : undefined;
    });
    assert.equal(panel.currentPage?.burnup.state === 'ok' && panel.currentPage.burnup.points.length, 2, 'no third point before the commit');
    git(['commit', '--quiet', '--no-verify', '-am', 'reopen CART-1'], '2026-03-02T10:00:00Z');
    const page = await waitFor('the burn-up with the third commit', () => {
      const current = panel.currentPage;
      return current?.burnup.state === 'ok' && current.burnup.points.length === 3 ? current : undefined;
    });
    if (page.burnup.state !== 'ok') assert.fail('no chart');
    assert.deepEqual(
      page.burnup.points.map((p) => p.date),
      ['2026-01-05', '2026-02-02', '2026-03-02'],
    );
    assert.equal(page.burnup.points[2].done, page.burnup.points[1].done - 1, 'one requirement fewer done on the third day');
    assert.equal(api.release(), panel, 'the same panel, not reopened');
  });
});

describe('git HEAD watcher of the release view', () => {
  const log = vscode.window.createOutputChannel('Spectrace test: git HEAD', { log: true });
  let root = '';

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-head-'));
    // A repository's git folder with its HEAD and reflog, a folder inside it, and a linked worktree
    // whose `.git` file names its own git folder inside the repository's.
    fs.mkdirSync(path.join(root, 'repo', '.git', 'logs'), { recursive: true });
    fs.writeFileSync(path.join(root, 'repo', '.git', 'HEAD'), 'ref: refs/heads/main\n');
    fs.writeFileSync(path.join(root, 'repo', '.git', 'logs', 'HEAD'), '');
    fs.mkdirSync(path.join(root, 'repo', 'specs', 'deep'), { recursive: true });
    fs.mkdirSync(path.join(root, 'repo', '.git', 'worktrees', 'wt', 'logs'), { recursive: true });
    fs.writeFileSync(path.join(root, 'repo', '.git', 'worktrees', 'wt', 'HEAD'), 'ref: refs/heads/wt\n');
    fs.writeFileSync(path.join(root, 'repo', '.git', 'worktrees', 'wt', 'logs', 'HEAD'), '');
    fs.mkdirSync(path.join(root, 'wt'));
    fs.writeFileSync(path.join(root, 'wt', '.git'), 'gitdir: ../repo/.git/worktrees/wt\n');
    fs.mkdirSync(path.join(root, 'abs'));
    fs.writeFileSync(path.join(root, 'abs', '.git'), `gitdir: ${path.join(root, 'repo', '.git', 'worktrees', 'wt')}\n`);
    fs.mkdirSync(path.join(root, 'plain'));
    // `.git` files that name no git folder: garbage, an empty gitdir, binary bytes, one far too large.
    for (const [name, content] of [
      ['garbage', 'not a git file\n'],
      ['empty', 'gitdir:   \n'],
      ['binary', Buffer.from([0, 1, 2, 0xff, 0xfe, 10])],
      ['huge', `gitdir: ${path.join(root, 'repo', '.git')}\n${'#'.repeat(8192)}\n`],
    ] as const) {
      fs.mkdirSync(path.join(root, 'odd', name), { recursive: true });
      fs.writeFileSync(path.join(root, 'odd', name, '.git'), content);
    }
  });

  after(() => {
    log.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('finds the git folder above a workspace folder and through a .git file, and none through an odd .git file', async () => {
    const uri = (rel: string) => vscode.Uri.file(path.join(root, rel));
    assert.equal((await findGitDir(uri('repo/specs/deep')))?.fsPath, path.join(root, 'repo', '.git'));
    assert.equal((await findGitDir(uri('wt')))?.fsPath, path.join(root, 'repo', '.git', 'worktrees', 'wt'));
    assert.equal((await findGitDir(uri('abs')))?.fsPath, path.join(root, 'repo', '.git', 'worktrees', 'wt'));
    // The temporary folder is outside any repository on the test machines.
    assert.equal(await findGitDir(uri('plain')), undefined);
    for (const name of ['garbage', 'empty', 'binary', 'huge']) assert.equal(await findGitDir(uri(`odd/${name}`)), undefined, `a ${name} .git file names no git folder`);
  });

  it('calls back once for a burst of HEAD writes, in a folder below the top and in a linked worktree', async () => {
    let moves = 0;
    const watching = watchGitHeads([vscode.Uri.file(path.join(root, 'repo', 'specs'))], () => moves++, log);
    let worktreeMoves = 0;
    const watchingWorktree = watchGitHeads([vscode.Uri.file(path.join(root, 'wt'))], () => worktreeMoves++, log);
    try {
      const reflog = path.join(root, 'repo', '.git', 'logs', 'HEAD');
      // The watchers start once the git folder is found: write (slower than the settling time) until a move is seen.
      const slowly = { intervalMs: 1000 };
      await waitFor('a move after the reflog grows', () => {
        fs.appendFileSync(reflog, 'a b c\n');
        return moves > 0 ? true : undefined;
      }, slowly);
      const seen = moves;
      for (let i = 0; i < 5; i++) fs.appendFileSync(reflog, `burst ${i}\n`);
      await waitFor('the burst reported', () => (moves > seen ? true : undefined));
      assert.equal(moves, seen + 1, 'one call for the burst');
      // A late second call for the burst would show up before the next single move's.
      fs.appendFileSync(reflog, 'one more\n');
      await waitFor('the next move reported', () => (moves > seen + 1 ? true : undefined));
      assert.equal(moves, seen + 2, 'one call for the single move, none left over from the burst');
      assert.equal(worktreeMoves, 0, 'the linked worktree has its own HEAD');
      await waitFor('a move of the worktree HEAD', () => {
        fs.writeFileSync(path.join(root, 'repo', '.git', 'worktrees', 'wt', 'HEAD'), `${'0'.repeat(40)}\n`);
        return worktreeMoves > 0 ? true : undefined;
      }, slowly);
    } finally {
      watching.dispose();
      watchingWorktree.dispose();
    }
  });
});
