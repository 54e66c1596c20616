// Releases in the editor: Release Notes opens the notes `spectrace release-notes` writes in an untitled
// Markdown tab; Show Roadmap Timeline opens one panel with a strict CSP, the chart as data (no spec
// text in the markup), zoom, and a click that opens the roadmap item.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { SpectraceApi } from '../../../client/src/api';
import type { SvgNode } from '../../../server/src/shared/svgTree';
import { closeAllEditors, repoPath, spectrace, waitFor } from './helpers';

function find(node: SvgNode, test: (n: SvgNode) => boolean): SvgNode[] {
  const out = test(node) ? [node] : [];
  for (const c of node.children ?? []) out.push(...find(c, test));
  return out;
}

describe('releases: release notes and the roadmap timeline', () => {
  let api: SpectraceApi;

  before(async () => {
    api = await spectrace();
    await api.ready();
  });

  after(async () => {
    api.timeline()?.dispose();
    await closeAllEditors();
  });

  it('Release Notes opens the notes of R-2026 as Markdown in an untitled tab, as the CLI writes them', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('spectrace.releaseNotes', 'R-2026');
    assert.ok(document, 'a document');
    assert.equal(document.isUntitled, true);
    assert.equal(document.languageId, 'markdown');
    assert.equal(document.getText(), fs.readFileSync(repoPath('test', 'fixtures', 'cli', 'release-notes', 'acme-shop-R-2026.md'), 'utf8'));
    assert.equal(vscode.window.activeTextEditor?.document, document);
  });

  it('Release Notes takes a Roadmap view node too', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('spectrace.releaseNotes', { kind: 'roadmapItem', item: { id: 'R-2027' } });
    assert.match(document?.getText() ?? '', /^## Not in this release$/m);
  });

  it('Show Roadmap Timeline opens one panel drawing every dated roadmap item, with a strict CSP and no spec text in the markup', async () => {
    await vscode.commands.executeCommand('spectrace.showTimeline');
    const panel = api.timeline();
    assert.ok(panel, 'the panel is open');
    assert.equal(panel.panel.viewType, 'spectrace.timeline');
    await waitFor('the timeline data', () => panel.data.folders.length === 1);
    const svg = panel.data.folders[0]?.svg as SvgNode;
    assert.deepEqual(find(svg, (n) => n.tag === 'g' && typeof n.attrs['data-id'] === 'string').map((n) => n.attrs['data-id']), ['R-2026', 'M-1', 'R-2027', 'M-2', 'R-2028']);
    const html = panel.pageHtml;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /script-src 'nonce-[^']+'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.ok(!html.includes('<svg'), 'the chart is not markup in the page: the script builds it');
    assert.ok(html.includes('2026 foundations release'), 'titles travel as JSON data');
    await vscode.commands.executeCommand('spectrace.showTimeline');
    assert.equal(api.timeline(), panel, 'a second run reuses the panel');
  });

  it('zooms on request and opens the item a bar names', async () => {
    const panel = api.timeline();
    assert.ok(panel);
    await panel.receive({ type: 'zoom', zoom: 'week' });
    assert.equal(panel.currentZoom, 'week');
    assert.equal(panel.data.folders[0]?.svg.attrs['data-pixels-per-day'], 12);
    await panel.receive({ type: 'zoom', zoom: 'sideways' });
    assert.equal(panel.currentZoom, 'week', 'an unknown zoom is ignored');
    await panel.receive({ type: 'open', version: panel.dataVersion, folder: 0, id: 'M-2' });
    await waitFor('roadmap.yaml open at M-2', () => {
      const editor = vscode.window.activeTextEditor;
      return editor?.document.uri.path.endsWith('/specs/roadmap.yaml') === true && editor.document.lineAt(editor.selection.active.line).text.trim() === '- id: M-2';
    });
  });
});
