// Cycle finding for the `depends_on` and `parent` graphs: strongly connected components (iterative
// Tarjan, O(V + E)), then for every edge inside a component one cycle through it, found with two
// breadth-first searches per component (not per edge), so a pathological component stays linear.
import { compareIds } from '../queries';
import type { DiagnosticCode, ItemReference, Severity, SpecDiagnostic, SpecItem } from '../types';
import { diagnostic } from './model';
import type { IndexModel } from './model';

export interface Edge {
  from: string;
  to: string;
  item: SpecItem;
  ref: ItemReference;
}

/** Node keys: `kind:id`, so a requirement and a roadmap item sharing an ID stay apart. */
export function nodeKey(kind: string, id: string): string {
  return `${kind}:${id}`;
}

function idOf(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

/** Edges of one graph: every reference `field` of items with an ID, to items of the target kind. */
export function collectEdges(model: IndexModel, field: 'parent' | 'depends_on'): Edge[] {
  const edges: Edge[] = [];
  for (const id of model.definedIds()) {
    for (const item of model.definitions(id)) {
      for (const ref of item.references) {
        if (ref.field === field) edges.push({ from: nodeKey(item.kind, id), to: nodeKey(ref.targetKind, ref.targetId), item, ref });
      }
    }
  }
  return edges;
}

/** Every edge that lies on a cycle, with one cycle through it (node keys, first = last). */
export function edgesOnCycles(edges: readonly Edge[]): { edge: Edge; cycle: string[] }[] {
  const out: { edge: Edge; cycle: string[] }[] = [];
  const adjacency = new Map<string, string[]>();
  for (const e of edges) {
    let list = adjacency.get(e.from);
    if (!list) adjacency.set(e.from, (list = []));
    list.push(e.to);
  }
  const component = stronglyConnected(adjacency);
  // Group cyclic edges by component.
  const byComponent = new Map<number, Edge[]>();
  for (const e of edges) {
    const c = component.get(e.from);
    if (c === undefined || c !== component.get(e.to)) continue;
    let list = byComponent.get(c);
    if (!list) byComponent.set(c, (list = []));
    list.push(e);
  }
  for (const [c, list] of byComponent) {
    const inside = (k: string) => component.get(k) === c;
    // A root for the component: the smallest node, so the result does not depend on edge order.
    let root = list[0].from;
    for (const e of list) if (compareIds(e.from, root) < 0) root = e.from;
    const toRoot = bfsTree(root, list, inside, 'backward'); // node -> next node on a shortest path to root
    const fromRoot = bfsTree(root, list, inside, 'forward'); // node -> previous node on a shortest path from root
    for (const edge of list) out.push({ edge, cycle: cycleThrough(edge, root, toRoot, fromRoot) });
  }
  return out;
}

/** Tarjan's algorithm without recursion (a 20,000-long chain must not overflow the stack). */
function stronglyConnected(adjacency: Map<string, string[]>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let counter = 0;
  let components = 0;
  for (const start of adjacency.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const succ = adjacency.get(frame.node) ?? [];
      if (frame.next < succ.length) {
        const w = succ[frame.next++];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(w) ?? 0));
        }
        continue;
      }
      work.pop();
      const v = frame.node;
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent) ?? 0, low.get(v) ?? 0));
      }
      if (low.get(v) === index.get(v)) {
        let w: string | undefined;
        do {
          w = stack.pop();
          if (w === undefined) break;
          onStack.delete(w);
          component.set(w, components);
        } while (w !== v);
        components++;
      }
    }
  }
  return component;
}

/** A BFS tree over the component's edges from (forward) or to (backward) the root. */
function bfsTree(root: string, edges: readonly Edge[], inside: (k: string) => boolean, direction: 'forward' | 'backward'): Map<string, string> {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const [a, b] = direction === 'forward' ? [e.from, e.to] : [e.to, e.from];
    if (!inside(a) || !inside(b)) continue;
    let list = next.get(a);
    if (!list) next.set(a, (list = []));
    list.push(b);
  }
  for (const list of next.values()) list.sort(compareIds);
  const link = new Map<string, string>([[root, root]]);
  const queue = [root];
  for (let i = 0; i < queue.length; i++) {
    for (const n of next.get(queue[i]) ?? []) {
      if (link.has(n)) continue;
      link.set(n, queue[i]);
      queue.push(n);
    }
  }
  return link;
}

/**
 * A simple cycle through `edge` (u -> v): the walk v -> ... -> root -> ... -> u, with loops erased,
 * closed by the edge. Rotated to start at its smallest node so every edge of one simple cycle
 * reports the same path.
 */
function cycleThrough(edge: Edge, root: string, toRoot: Map<string, string>, fromRoot: Map<string, string>): string[] {
  const u = edge.from;
  const walk: string[] = [];
  // v -> root along the backward tree.
  for (let n = edge.to; ; ) {
    walk.push(n);
    if (n === root) break;
    const next = toRoot.get(n);
    if (next === undefined || walk.length > toRoot.size + 1) break;
    n = next;
  }
  // root -> u along the forward tree (built from u back to root, then reversed).
  const tail: string[] = [];
  for (let n = u; n !== root; ) {
    tail.push(n);
    const prev = fromRoot.get(n);
    if (prev === undefined || tail.length > fromRoot.size + 1) break;
    n = prev;
  }
  walk.push(...tail.reverse());
  // Loop erasure: keep the path simple, ending at u.
  const path: string[] = [];
  const at = new Map<string, number>();
  for (const n of walk) {
    const seen = at.get(n);
    if (seen !== undefined) {
      for (const dropped of path.splice(seen + 1)) at.delete(dropped);
      continue;
    }
    at.set(n, path.length);
    path.push(n);
    if (n === u) break;
  }
  const cycle = [u, ...path];
  // cycle = u, v, ..., u (or u, u for a self-loop). Rotate the ring to its smallest node.
  const ring = cycle.slice(0, -1);
  let best = 0;
  for (let i = 1; i < ring.length; i++) if (compareIds(ring[i], ring[best]) < 0) best = i;
  const rotated = [...ring.slice(best), ...ring.slice(0, best)];
  return [...rotated, rotated[0]];
}

/** Diagnostics for every edge on a cycle of one graph. */
export function cycleDiagnostics(
  model: IndexModel,
  field: 'parent' | 'depends_on',
  code: DiagnosticCode,
  severity: Severity,
  describe: (path: string) => string,
): SpecDiagnostic[] {
  const edges = collectEdges(model, field);
  const found = edgesOnCycles(edges);
  const out: SpecDiagnostic[] = [];
  // Related information: the other references of the same cycle, so each can be opened from any one.
  const where = new Map<string, Edge>();
  for (const { edge } of found) where.set(`${edge.from}>${edge.to}`, edge);
  for (const { edge, cycle } of found) {
    const path = cycle.map(idOf).join(' → ');
    const related = [];
    for (let i = 0; i + 1 < cycle.length; i++) {
      const other = where.get(`${cycle[i]}>${cycle[i + 1]}`);
      if (!other || other === edge) continue;
      related.push({ file: other.item.file, range: other.ref.range, message: `${idOf(other.from)} → ${idOf(other.to)} (\`${field}\`)` });
    }
    out.push(diagnostic(code, severity, edge.item.file, edge.ref.range, describe(path), related));
  }
  return out;
}
