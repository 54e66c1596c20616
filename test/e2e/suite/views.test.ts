// The Specs tree views, through their real providers (the objects VS Code renders): the example's
// hierarchy, items' labels and descriptions, grouping, filter, roadmap progress, coverage gaps, and
// a refresh when a spec arrives on disk.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpectraceApi } from '../../../client/src/api';
import type { RequirementsViewNode } from '../../../client/src/views/requirementsView';
import type { RoadmapViewNode } from '../../../client/src/views/roadmapView';
import { fixture, removeWs, spectrace, waitFor, writeWs } from './helpers';

type Provider = vscode.TreeDataProvider<RequirementsViewNode>;

/** Every node of the requirements tree, depth first, with its tree item. */
async function walk(provider: Provider, node?: RequirementsViewNode, out: { node: RequirementsViewNode; item: vscode.TreeItem }[] = []) {
  for (const child of (await provider.getChildren(node)) ?? []) {
    out.push({ node: child, item: await provider.getTreeItem(child) });
    await walk(provider, child, out);
  }
  return out;
}

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

describe('tree views', () => {
  let api: SpectraceApi;

  before(async () => {
    api = await spectrace();
    await api.views.requirements.setGrouping('product');
    await api.views.requirements.clearFilter();
  });

  after(async () => {
    removeWs('specs/e2e-views.yaml');
    await api.views.requirements.setGrouping('product');
    await api.views.requirements.clearFilter();
  });

  it('Requirements: product → parent → requirement, with status, coverage and locations', async () => {
    const provider = api.views.requirements;
    const roots = await provider.getChildren();
    const rootLabels = await Promise.all(roots.map(async (r) => label(await provider.getTreeItem(r))));
    for (const product of ['Acme Checkout', 'accounts']) assert.ok(rootLabels.includes(product), `a "${product}" product node (${rootLabels.join(', ')})`);

    const nodes = await walk(provider);
    const pay1 = nodes.find((n) => n.node.kind === 'requirement' && n.node.req.id === 'PAY-1');
    const cart1 = nodes.find((n) => n.node.kind === 'requirement' && n.node.req.id === 'CART-1');
    assert.ok(pay1 && cart1, 'PAY-1 and CART-1 are in the tree');
    assert.equal(label(cart1.item), 'CART-1 Shopping cart');
    assert.equal(provider.getParent(cart1.node), pay1.node, 'CART-1 sits under its parent PAY-1');
    assert.match(String(cart1.item.description), /^must · released · covered · \d+ impl · \d+ tests?$/);
    assert.ok(cart1.item.iconPath instanceof vscode.ThemeIcon);
    assert.ok(cart1.item.tooltip instanceof vscode.MarkdownString && cart1.item.tooltip.value.includes('CART-1'));
    assert.equal(cart1.item.command?.command, 'vscode.open');

    // CART-1's children: its roadmap item, its sub-requirements, its code and its tests.
    const children = await provider.getChildren(cart1.node);
    const kinds = children.map((c) => c.kind);
    assert.ok(kinds.includes('roadmapRef'), 'the roadmap item');
    assert.ok(kinds.includes('requirement'), 'the sub-requirements');
    const impl = children.find((c) => c.kind === 'location' && c.role === 'implementation');
    assert.ok(impl, 'an implementation');
    const implItem = await provider.getTreeItem(impl);
    assert.match(label(implItem), /^src\/checkout\/cart\.ts:\d+$/);
    assert.equal(implItem.command?.command, 'vscode.open');
    const roadmapItem = await provider.getTreeItem(children.find((c) => c.kind === 'roadmapRef') as RequirementsViewNode);
    assert.match(label(roadmapItem), /^R-2026 /);
  });

  it('Requirements: groups by file and by roadmap item', async () => {
    const provider = api.views.requirements;
    await api.views.requirements.setGrouping('file');
    const byFile = await Promise.all((await provider.getChildren()).map(async (r) => label(await provider.getTreeItem(r))));
    assert.ok(byFile.includes('specs/checkout.yaml'), `file groups (${byFile.join(', ')})`);

    await api.views.requirements.setGrouping('roadmap');
    const byRoadmap = await Promise.all((await provider.getChildren()).map(async (r) => label(await provider.getTreeItem(r))));
    assert.ok(byRoadmap.some((l) => l.startsWith('R-2026 ')), `roadmap groups (${byRoadmap.join(', ')})`);
    // Groups follow the roadmap's dates: M-1 (due 2026-03-31) before R-2027 (due 2027-06-30).
    const m1 = byRoadmap.findIndex((l) => l.startsWith('M-1 '));
    const r2027 = byRoadmap.findIndex((l) => l.startsWith('R-2027 '));
    assert.ok(m1 !== -1 && r2027 !== -1 && m1 < r2027, `M-1 before R-2027 (${byRoadmap.join(', ')})`);
    await api.views.requirements.setGrouping('product');
  });

  it('Requirements: the filter keeps matching requirements and says so in the view', async () => {
    const provider = api.views.requirements;
    await vscode.commands.executeCommand('spectrace.filterRequirements', { priority: ['must'], status: ['released', 'verified'] });
    const reqs = (await walk(provider)).filter((n) => n.node.kind === 'requirement').map((n) => (n.node.kind === 'requirement' ? n.node.req : undefined));
    assert.ok(reqs.length > 0, 'something matches');
    for (const r of reqs) {
      assert.equal(r?.priority, 'must', `${r?.id} is a must`);
      assert.ok(r?.status === 'released' || r?.status === 'verified', `${r?.id} is released or verified`);
    }
    assert.match(provider.view.description ?? '', /filtered: status: released, verified · priority: must/);
    assert.match(provider.view.message ?? '', /Showing \d+ of \d+ requirements/);

    await vscode.commands.executeCommand('spectrace.clearRequirementsFilter');
    assert.equal(provider.view.description, undefined);
    const all = (await walk(provider)).filter((n) => n.node.kind === 'requirement');
    assert.ok(all.length > reqs.length, 'clearing the filter shows everything again');
  });

  it('Roadmap: the hierarchy (milestones under their release) by due date, progress by stage, their requirements', async () => {
    const provider = api.views.roadmap;
    type ItemNode = Extract<RoadmapViewNode, { kind: 'roadmapItem' }>;
    const isItem = (n: RoadmapViewNode): n is ItemNode => n.kind === 'roadmapItem';
    const roots = ((await provider.getChildren()) ?? []).filter(isItem);
    assert.deepEqual(
      roots.map((n) => n.item.id),
      ['R-2026', 'R-2027', 'R-2028'],
      'the releases at the top, by due date; the milestones are under them',
    );
    const [r2026, r2027] = roots;
    const m1 = ((await provider.getChildren(r2026)) ?? []).filter(isItem);
    assert.deepEqual(m1.map((n) => n.item.id), ['M-1'], 'M-1 sits under R-2026');
    assert.equal(provider.getParent(m1[0]), r2026);
    const underR2027 = (await provider.getChildren(r2027)) ?? [];
    const m2 = underR2027.find(isItem);
    assert.equal(m2?.item.id, 'M-2', 'M-2 sits under R-2027, before its requirements');
    assert.equal(underR2027.indexOf(m2), 0);
    assert.ok(underR2027.some((r) => r.kind === 'requirement' && r.id === 'CART-4'), 'CART-4 is planned on R-2027');

    const release = await provider.getTreeItem(r2026);
    assert.equal(release.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'a release is one row until opened');
    assert.match(String(release.description), /^(overdue · )?due 30 Jun( 2026)? · \d+ done/);
    // Progress by stage: M-2's four requirements are in progress, not "0/4 done".
    const milestone = await provider.getTreeItem(m2);
    assert.match(String(milestone.description), /due 26 Feb( 2027)? · 4 in progress/);
    assert.ok(milestone.tooltip instanceof vscode.MarkdownString && milestone.tooltip.value.includes('4 in progress (0 of 4 requirements done)'));
    const reqs = (await provider.getChildren(r2026)) ?? [];
    assert.ok(reqs.some((r) => r.kind === 'requirement' && r.id === 'CART-1'), 'CART-1 is planned on R-2026');
    // An overdue item (if the date makes one so) carries the warning icon.
    const all = async (nodes: readonly RoadmapViewNode[]): Promise<ItemNode[]> => {
      const out: ItemNode[] = [];
      for (const n of nodes.filter(isItem)) out.push(n, ...(await all((await provider.getChildren(n)) ?? [])));
      return out;
    };
    for (const n of await all(roots)) {
      if (n.item.overdue) {
        const icon = (await provider.getTreeItem(n)).iconPath;
        assert.ok(icon instanceof vscode.ThemeIcon && icon.id === 'warning', `${n.item.id} is marked overdue`);
      }
    }
  });

  it('Coverage gaps: a tag naming no requirement shows up, grouped by kind, opening its place', async () => {
    const provider = api.views.coverageGaps;
    // The view starts collapsed; its header says how many gaps there are.
    await waitFor('the gap count in the header', () => /^(no gaps|\d+ gaps?)$/.test(provider.view.description ?? ''));
    try {
      writeWs('src/e2e-gap.ts', fixture('bad-tags.ts'));
      const gap = await waitFor('the unknown tag in Coverage gaps', async () => {
        const kinds = (await provider.getChildren()) ?? [];
        return kinds.flatMap((k) => (k.kind === 'gapKind' ? k.children : [])).find((g) => g.kind === 'gap' && g.gap.id === 'NOPE-404');
      });
      assert.ok(gap.kind === 'gap');
      assert.equal(gap.gap.kind, 'unknown-code-reference');
      const parent = provider.getParent(gap);
      assert.ok(parent && parent.kind === 'gapKind');
      assert.equal((await provider.getTreeItem(parent)).label, 'Tags naming unknown requirements');
      const item = await provider.getTreeItem(gap);
      assert.equal(item.label, 'NOPE-404');
      assert.equal(item.command?.command, 'vscode.open');
      assert.ok(String(item.command?.arguments?.[0]).endsWith('src/e2e-gap.ts'));
    } finally {
      removeWs('src/e2e-gap.ts');
    }
    await waitFor('the gap gone once the file is deleted', async () => {
      const kinds = (await provider.getChildren()) ?? [];
      return !kinds.flatMap((k) => (k.kind === 'gapKind' ? k.children : [])).some((g) => g.kind === 'gap' && g.gap.id === 'NOPE-404');
    });
  });

  it('refresh when a spec file arrives on disk, and when it goes', async () => {
    const provider = api.views.requirements;
    let fired = 0;
    const sub = provider.onDidChangeTreeData(() => fired++);
    try {
      writeWs('specs/e2e-views.yaml', fixture('views.yaml'));
      const found = await waitFor('VIEW-2 in the Requirements view', async () =>
        (await walk(provider)).find((n) => n.node.kind === 'requirement' && n.node.req.id === 'VIEW-2'),
      );
      assert.ok(fired > 0, 'the view was told to refresh');
      const parent = provider.getParent(found.node);
      assert.ok(parent && parent.kind === 'requirement' && parent.req.id === 'VIEW-1', 'nested under its parent');
      const product = provider.getParent(parent);
      assert.ok(product && product.kind === 'group' && product.label === 'e2e-views', 'under its product');

      removeWs('specs/e2e-views.yaml');
      await waitFor('VIEW-1 gone from the Requirements view', async () =>
        !(await walk(provider)).some((n) => n.node.kind === 'requirement' && n.node.req.id === 'VIEW-1'),
      );
    } finally {
      sub.dispose();
    }
  });
});
