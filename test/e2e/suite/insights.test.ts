// The Insights view through its real provider (the object VS Code renders): the example's insights by
// customer and by segment, each with the requirements addressing it and whether it is solved.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpectraceApi } from '../../../client/src/api';
import type { InsightsViewNode } from '../../../client/src/views/insightsModel';
import { spectrace, waitFor } from './helpers';

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

describe('Insights view', () => {
  let api: SpectraceApi;

  before(async () => {
    api = await spectrace();
    await api.views.insights.setGrouping('customer');
  });

  after(async () => {
    await api.views.insights.setGrouping('customer');
  });

  it("lists the example's insights by customer, with the requirements addressing them and their status", async () => {
    const provider = api.views.insights;
    const groups = await waitFor('the insight groups', async () => {
      const g = (await provider.getChildren()) ?? [];
      return g.length > 0 ? g : undefined;
    });
    const groupLabels = await Promise.all(groups.map(async (g) => label(await provider.getTreeItem(g))));
    // Globex and globex are one customer; groups by name.
    assert.deepEqual(groupLabels, ['Globex', 'Hooli', 'Initech', 'Stark Industries', 'Umbrella']);
    assert.equal(provider.view.description, '1 of 8 solved');

    const globex = groups[0];
    const insights = (await provider.getChildren(globex)) ?? [];
    const items = await Promise.all(insights.map((n) => provider.getTreeItem(n)));
    assert.deepEqual(items.map(label), ['INS-1 Typing the card number again at every order', 'INS-4 Keeps delivery addresses in a spreadsheet']);
    assert.equal(items[0].description, 'critical · planned · enterprise');
    assert.equal(items[0].command?.command, 'vscode.open');
    assert.ok(items[0].tooltip instanceof vscode.MarkdownString && items[0].tooltip.value.includes('twelve'));

    const addressing = (await provider.getChildren(insights[0])) ?? [];
    const rows = await Promise.all(addressing.map((n: InsightsViewNode) => provider.getTreeItem(n)));
    assert.deepEqual(rows.map((r) => `${label(r)} · ${String(r.description)}`), ['PAY-4 Pay with a saved card · in-progress', 'PAY-6 One-click payments · in-progress']);
    assert.equal(provider.getParent(addressing[0]), insights[0]);

    const stark = groups.find((g) => g.kind === 'group' && g.label === 'Stark Industries');
    const starkItem = await provider.getTreeItem(((await provider.getChildren(stark)) ?? [])[0]);
    assert.match(String(starkItem.description), /^critical · solved/);
  });

  it('groups by segment with Group Insights', async () => {
    await vscode.commands.executeCommand('spectrace.groupInsights', 'segment');
    const provider = api.views.insights;
    const groups = (await provider.getChildren()) ?? [];
    const groupLabels = await Promise.all(groups.map(async (g) => label(await provider.getTreeItem(g))));
    assert.deepEqual(groupLabels, ['consumer', 'enterprise', 'smb']);
  });
});
