// Compare two indexes on everything the server and the CLI read: diagnostics and every query.
import * as assert from 'node:assert/strict';
import type { WorkspaceIndex } from '../../../server/src/engine/index/workspaceIndex';

export function snapshot(index: WorkspaceIndex): Record<string, unknown> {
  const ids = new Set<string>();
  for (const i of [...index.requirements(), ...index.roadmapItems()]) if (i.id) ids.add(i.id);
  for (const c of index.codeFiles()) for (const t of c.tags) ids.add(t.id);
  for (const s of index.specFiles()) for (const i of [...s.requirements, ...s.roadmap]) for (const r of i.references) ids.add(r.targetId);
  const perId: Record<string, unknown> = {};
  for (const id of [...ids].sort()) {
    perId[id] = {
      definitions: index.definitions(id),
      item: index.item(id),
      trace: index.trace(id),
      coverage: index.coverage(id),
      references: index.referencesTo(id),
    };
  }
  const diagnostics = [...index.diagnostics()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    diagnostics,
    specFiles: index.specFiles(),
    codeFiles: index.codeFiles(),
    requirements: index.requirements(),
    roadmapItems: index.roadmapItems(),
    perId,
    totals: index.coverageTotals(),
    progress: index.roadmapProgress(),
    search: index.search('pay', 20).map((i) => i.id),
    nextFree: [index.nextFreeId('PAY'), index.nextFreeId('R')],
  };
}

export function assertSameIndex(actual: WorkspaceIndex, expected: WorkspaceIndex, context = ''): void {
  const a = snapshot(actual);
  const b = snapshot(expected);
  // Diagnostics first: the most readable failure.
  assert.deepStrictEqual(a.diagnostics, b.diagnostics, `diagnostics differ ${context}`);
  assert.deepStrictEqual(a, b, `queries differ ${context}`);
}
