// Cycle finding for the `depends_on` and `parent` graphs: strongly connected components (iterative
// Tarjan, O(V + E)), then for every edge inside a component one cycle through it, found with two
// breadth-first searches per component (not per edge), so a pathological component stays linear.
import { compareIds } from '../index/queries';
import type { DiagnosticCode, ItemReference, Severity, SpecDiagnostic, SpecItem } from '../types';
import { diagnostic } from './ruleModel';
import type { IndexModel } from './ruleModel';

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

/**
 * Work budget for finding one simple cycle per edge in a component that is not itself one simple
 * cycle (edges x nodes); beyond it an edge gets the short form `u → v → … → u`. Real specs never get
 * near it; a generated tangle must not make a keystroke quadratic.
 */
const CYCLE_WORK_BUDGET = 2_000_000;

export interface CycleEdge {
  edge: Edge;
  /** Node keys of one simple cycle through the edge, first = last; undefined when too costly to find. */
  cycle: string[] | undefined;
}

/** Every edge that lies on a cycle, with one cycle through it. */
export function edgesOnCycles(edges: readonly Edge[]): CycleEdge[] {
  const out: CycleEdge[] = [];
  // Node keys to dense integers, adjacency in compressed rows: the graph walk is then typed arrays.
  const number = new Map<string, number>();
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  edges.forEach((e, i) => {
    let a = number.get(e.from);
    if (a === undefined) number.set(e.from, (a = number.size));
    let b = number.get(e.to);
    if (b === undefined) number.set(e.to, (b = number.size));
    from[i] = a;
    to[i] = b;
  });
  const component = stronglyConnected(number.size, from, to);
  // Group cyclic edges by component.
  const byComponent = new Map<number, Edge[]>();
  edges.forEach((e, i) => {
    const c = component[from[i]];
    // An edge inside one component lies on a cycle (a self-loop is a component's own cycle).
    if (c !== component[to[i]]) return;
    let list = byComponent.get(c);
    if (!list) byComponent.set(c, (list = []));
    list.push(e);
  });
  const componentOf = (k: string): number => {
    const n = number.get(k);
    return n === undefined ? -1 : component[n];
  };
  for (const [c, list] of byComponent) {
    const ring = simpleRing(list);
    if (ring) {
      // The common case: the component is one cycle, the same for all its edges; computed once.
      for (const edge of list) out.push({ edge, cycle: ring });
      continue;
    }
    const nodes = new Set(list.map((e) => e.from)).size;
    if (list.length * nodes > CYCLE_WORK_BUDGET) {
      for (const edge of list) out.push({ edge, cycle: undefined });
      continue;
    }
    const inside = (k: string) => componentOf(k) === c;
    // A root for the component: the smallest node, so the result does not depend on edge order.
    let root = list[0].from;
    for (const e of list) if (compareIds(e.from, root) < 0) root = e.from;
    const toRoot = bfsTree(root, list, inside, 'backward'); // node -> next node on a shortest path to root
    const fromRoot = bfsTree(root, list, inside, 'forward'); // node -> previous node on a shortest path from root
    for (const edge of list) out.push({ edge, cycle: cycleThrough(edge, root, toRoot, fromRoot) });
  }
  return out;
}

/** When a component's edges form exactly one simple cycle (each node one edge out), that cycle, rotated. */
function simpleRing(list: readonly Edge[]): string[] | undefined {
  const next = new Map<string, string>();
  for (const e of list) {
    if (next.has(e.from)) return undefined;
    next.set(e.from, e.to);
  }
  const ring: string[] = [];
  let start = list[0].from;
  for (const k of next.keys()) if (compareIds(k, start) < 0) start = k;
  for (let n: string | undefined = start; ring.length <= next.size; n = next.get(n)) {
    if (n === undefined) return undefined;
    ring.push(n);
    if (ring.length > 1 && n === start) return ring.length === next.size + 1 ? ring : undefined;
  }
  return undefined;
}

/**
 * Tarjan's algorithm without recursion (a 20,000-long chain must not overflow the stack), on typed
 * arrays. Returns each node's component number.
 */
function stronglyConnected(nodes: number, from: Int32Array, to: Int32Array): Int32Array {
  // Compressed adjacency: the successors of node v are succ[start[v] .. start[v + 1]).
  const start = new Int32Array(nodes + 1);
  for (let i = 0; i < from.length; i++) start[from[i] + 1]++;
  for (let v = 0; v < nodes; v++) start[v + 1] += start[v];
  const fill = start.slice(0, nodes);
  const succ = new Int32Array(from.length);
  for (let i = 0; i < from.length; i++) succ[fill[from[i]]++] = to[i];

  const index = new Int32Array(nodes).fill(-1);
  const low = new Int32Array(nodes);
  const onStack = new Uint8Array(nodes);
  const stack = new Int32Array(nodes);
  let sp = 0;
  const workNode = new Int32Array(nodes);
  const workNext = new Int32Array(nodes);
  const component = new Int32Array(nodes).fill(-1);
  let counter = 0;
  let components = 0;
  for (let root = 0; root < nodes; root++) {
    if (index[root] >= 0) continue;
    let wp = 0;
    workNode[wp] = root;
    workNext[wp++] = start[root];
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (wp > 0) {
      const v = workNode[wp - 1];
      const next = workNext[wp - 1];
      if (next < start[v + 1]) {
        workNext[wp - 1] = next + 1;
        const w = succ[next];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          workNode[wp] = w;
          workNext[wp++] = start[w];
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      wp--;
      if (wp > 0) {
        const parent = workNode[wp - 1];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          component[w] = components;
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

/** Nodes shown of a long cycle: the first ones and the last ones, with a count between. */
const SHOWN_HEAD = 6;
const SHOWN_TAIL = 4;
/** Related-information entries per diagnostic: the next edges of the cycle. */
const RELATED = 20;

function formatCycle(cycle: string[] | undefined, edge: Edge): string {
  if (!cycle) return `${idOf(edge.from)} → ${idOf(edge.to)} → … → ${idOf(edge.from)}`;
  const ids = cycle.map(idOf);
  if (ids.length <= SHOWN_HEAD + SHOWN_TAIL + 1) return ids.join(' → ');
  const hidden = ids.length - SHOWN_HEAD - SHOWN_TAIL;
  return [...ids.slice(0, SHOWN_HEAD), `… (${hidden} more)`, ...ids.slice(-SHOWN_TAIL)].join(' → ');
}

/** A graph rule's diagnostics, and the items whose references they are on (to know when they go stale). */
export interface GraphResult {
  diagnostics: SpecDiagnostic[];
  items: Set<SpecItem>;
}

/** Diagnostics for every edge on a cycle of one graph. */
export function cycleDiagnostics(
  model: IndexModel,
  field: 'parent' | 'depends_on',
  code: DiagnosticCode,
  severity: Severity,
  describe: (path: string) => string,
): GraphResult {
  const edges = collectEdges(model, field);
  const found = edgesOnCycles(edges);
  const out: SpecDiagnostic[] = [];
  const items = new Set<SpecItem>();
  // Related information: the other references of the same cycle, so each can be opened from any one.
  const where = new Map<string, Edge>();
  for (const { edge } of found) if (!where.has(`${edge.from}>${edge.to}`)) where.set(`${edge.from}>${edge.to}`, edge);
  const messages = new Map<string[], string>();
  const positions = new Map<string[], Map<string, number>>();
  for (const { edge, cycle } of found) {
    let message = cycle ? messages.get(cycle) : undefined;
    if (message === undefined) {
      message = describe(formatCycle(cycle, edge));
      if (cycle) messages.set(cycle, message);
    }
    const related = [];
    if (cycle) {
      // Start after this edge and go round, so a long cycle lists the references that follow it.
      const n = cycle.length - 1;
      let index = positions.get(cycle);
      if (!index) {
        index = new Map();
        for (let i = 0; i < n; i++) index.set(cycle[i], i);
        positions.set(cycle, index);
      }
      const at = index.get(edge.from) ?? 0;
      for (let k = 1; k < n && related.length < RELATED; k++) {
        const i = (at + k) % n;
        const other = where.get(`${cycle[i]}>${cycle[i + 1]}`);
        if (!other || other === edge) continue;
        related.push({ file: other.item.file, range: other.ref.range, message: `${idOf(other.from)} → ${idOf(other.to)} (${field})` });
      }
    }
    out.push(diagnostic(code, severity, edge.item.file, edge.ref.range, message, related));
    items.add(edge.item);
  }
  return { diagnostics: out, items };
}
