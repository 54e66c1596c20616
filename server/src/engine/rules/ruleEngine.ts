// Runs the cross-file rules over the index model and caches their results. The index tells it what an
// edit touched (IDs, the reference graph, the set of defined IDs); the next `run()` recomputes only
// those IDs' rules, so a keystroke in a 20,000-requirement workspace costs what it touches, not a
// rebuild. Results are kept per file for the index to merge with the file-local diagnostics.
import { severityFor } from '../config/config';
import { idPrefix, nextFreeId, today } from '../index/queries';
import { inDiagnosticOrder, mergeDiagnostics, patchDiagnostics } from '../text/diagnosticOrder';
import type { DiagnosticCode, ItemKind, Severity, SpecDiagnostic, SpecItem } from '../types';
import { IdTrie } from './idTrie';
import { GRAPH_RULES, PER_ID_RULES } from './allRules';
import type { GraphEdge, IndexModel, RuleRun } from './ruleModel';

const GRAPH_KEY = '\u0000graph';
/** Nodes a reachability walk may visit before the engine stops and reruns the whole cycle check instead. */
const REACH_BUDGET = 5000;

export class RuleEngine {
  /** Rule results per subject (an ID, or the graph), only non-empty ones. */
  private results = new Map<string, SpecDiagnostic[]>();
  /**
   * file -> its rule diagnostics in diagnostic order, as of the last `diagnosticsIn`. A rule such as
   * roadmap-order puts hundreds in one file: a keystroke merges in the few recomputed ones instead of
   * sorting them all again.
   */
  private ordered = new Map<string, SpecDiagnostic[]>();
  /** file -> the diagnostics that left it and came into it since its `ordered` list was brought up to date. */
  private orderPending = new Map<string, { removed: Set<SpecDiagnostic>; added: Set<SpecDiagnostic> }>();
  private changedFiles = new Set<string>();

  private dirtyIds = new Set<string>();
  private graphDirty = true;
  private allDirty = true;
  /** IDs whose set of defining kinds changed since the last run (they change did-you-mean and next-free-ID answers). */
  private idSetChanges: { id: string; kind: ItemKind; present: boolean }[] = [];

  /** Did-you-mean answers by `kind\0word`; the word is always the subject ID that asked. */
  private suggestions = new Map<string, string | undefined>();
  /** IDs whose results contain a duplicate-id diagnostic (their fix data holds a next free ID). */
  private duplicates = new Set<string>();
  /** IDs that have a roadmap definition with a due date (their results depend on the date). */
  private dated = new Set<string>();
  private lastToday: string | undefined;
  /** `code\0id` -> what the rule's other subjects last read of the ID (RuleReach.watch). */
  private watched = new Map<string, string>();
  /** The items whose references the cycle diagnostics are on. */
  private cycleItems = new Set<SpecItem>();
  /** The defined IDs per kind, for did-you-mean; kept in step through idSetChanged(). */
  private readonly tries: Record<ItemKind, IdTrie> = { requirement: new IdTrie(), roadmap: new IdTrie(), insight: new IdTrie() };

  constructor(
    private readonly model: IndexModel,
    private readonly relative: (file: string) => string,
    /** Every ID the index knows in any role (definition, reference, tag): for a full recompute. */
    private readonly allIds: () => Iterable<string>,
  ) {}

  /** Everything must be recomputed (config change). */
  invalidateAll(): void {
    this.allDirty = true;
  }

  invalidateIds(ids: Iterable<string>): void {
    for (const id of ids) this.dirtyIds.add(id);
  }

  /**
   * `parent`/`depends_on` edges appeared (already in the model). A new edge u -> v changes the cycles
   * only if v reaches u; a short walk decides, and a walk over the budget just reruns the check.
   */
  edgesAdded(edges: readonly GraphEdge[]): void {
    for (const e of edges) {
      if (this.graphDirty) return;
      if (this.reaches(e.targetKind, e.targetId, e.kind, e.id, e.field)) this.graphDirty = true;
    }
  }

  private reaches(kind: ItemKind, id: string, goalKind: ItemKind, goalId: string, field: GraphEdge['field']): boolean {
    const seen = new Set<string>();
    const stack: [ItemKind, string][] = [[kind, id]];
    while (stack.length > 0) {
      const [k, n] = stack.pop() as [ItemKind, string];
      if (k === goalKind && n === goalId) return true;
      const key = `${k}\u0000${n}`;
      if (seen.has(key)) continue;
      if (seen.size >= REACH_BUDGET) return true;
      seen.add(key);
      for (const def of this.model.definitions(n)) {
        if (def.kind !== k) continue;
        for (const r of def.references) if (r.field === field) stack.push([r.targetKind, r.targetId]);
      }
    }
    return false;
  }

  /**
   * Items left the index without changing the edges (an edit elsewhere in the item, lines moved):
   * the cycle results only go stale if they point into one of those items.
   */
  itemsReplaced(removed: Iterable<SpecItem>): void {
    if (this.graphDirty) return;
    for (const it of removed) {
      if (this.cycleItems.has(it)) {
        this.graphDirty = true;
        return;
      }
    }
  }

  /** `id` gained its first (`present`) or lost its last definition of `kind`. */
  idSetChanged(id: string, kind: ItemKind, present: boolean): void {
    this.idSetChanges.push({ id, kind, present });
  }

  /** Bring every cached result up to date. Returns the files whose rule diagnostics may have changed. */
  run(): Set<string> {
    const pass = new Pass(this.model, this.relative, this.suggestions, this.tries);
    const todayIso = today(this.model.now());
    const full = this.allDirty;
    if (this.allDirty) {
      this.allDirty = false;
      this.suggestions.clear();
      this.idSetChanges = [];
      this.tries.requirement = new IdTrie();
      this.tries.roadmap = new IdTrie();
      this.tries.insight = new IdTrie();
      for (const id of this.model.definedIds()) for (const d of this.model.definitions(id)) this.tries[d.kind].add(id);
      for (const id of this.allIds()) this.dirtyIds.add(id);
      for (const id of this.results.keys()) if (id !== GRAPH_KEY) this.dirtyIds.add(id);
      this.graphDirty = true;
    } else {
      if (todayIso !== this.lastToday) for (const id of this.dated) this.dirtyIds.add(id);
      this.applyIdSetChanges();
    }
    this.lastToday = todayIso;
    this.reachFurther(pass, full);

    for (const id of this.dirtyIds) this.store(id, this.computeId(id, pass));
    this.dirtyIds.clear();
    if (this.graphDirty) {
      this.graphDirty = false;
      const out: SpecDiagnostic[] = [];
      this.cycleItems = new Set();
      for (const rule of GRAPH_RULES) {
        const severity = pass.severity(rule.code);
        if (!severity) continue;
        const result = rule.check(this.model, severity);
        for (const d of result.diagnostics) out.push(d);
        for (const it of result.items) this.cycleItems.add(it);
      }
      this.store(GRAPH_KEY, out);
    }
    const changed = this.changedFiles;
    this.changedFiles = new Set();
    return changed;
  }

  /**
   * Adds the IDs the dirty ones reach through the rules' `reach` (one step: a rule names every subject
   * it needs). In a full recompute every ID is dirty already; only the watched parts are recorded.
   */
  private reachFurther(pass: Pass, full: boolean): void {
    if (full) this.watched.clear();
    const reached: string[] = [];
    for (const rule of PER_ID_RULES) {
      const reach = rule.reach;
      if (!reach || !pass.severity(rule.code)) continue;
      for (const id of this.dirtyIds) {
        if (reach.watch) {
          const key = `${rule.code}\u0000${id}`;
          const now = reach.watch(this.model, id);
          const before = this.watched.get(key);
          if (now === undefined) this.watched.delete(key);
          else this.watched.set(key, now);
          if (now !== undefined && now === before) continue;
        }
        if (!full) for (const other of reach.subjects(this.model, id)) reached.push(other);
      }
    }
    for (const id of reached) this.dirtyIds.add(id);
  }

  /** The cached rule diagnostics in one file, in diagnostic order (call `run()` first). Shared: do not mutate. */
  diagnosticsIn(file: string): readonly SpecDiagnostic[] {
    const pending = this.orderPending.get(file);
    if (pending) {
      this.orderPending.delete(file);
      const before = this.ordered.get(file) ?? [];
      const added = inDiagnosticOrder([...pending.added]);
      const list = patchDiagnostics(before, [...pending.removed], added) ?? mergeDiagnostics(before.filter((d) => !pending.removed.has(d)), added);
      if (list.length === 0) this.ordered.delete(file);
      else this.ordered.set(file, list);
    }
    return this.ordered.get(file) ?? [];
  }

  private pendingIn(file: string): { removed: Set<SpecDiagnostic>; added: Set<SpecDiagnostic> } {
    let pending = this.orderPending.get(file);
    if (!pending) this.orderPending.set(file, (pending = { removed: new Set(), added: new Set() }));
    return pending;
  }

  private computeId(id: string, pass: Pass): SpecDiagnostic[] {
    const out: SpecDiagnostic[] = [];
    pass.asked.clear();
    for (const rule of PER_ID_RULES) {
      const severity = pass.severity(rule.code);
      if (severity) for (const d of rule.check(this.model, id, pass, severity)) out.push(d);
    }
    // Keep only the suggestions this ID still needs, so the cache holds exactly the unknown IDs.
    for (const kind of ['requirement', 'roadmap', 'insight'] as const) if (!pass.asked.has(kind)) this.suggestions.delete(`${kind}\u0000${id}`);
    if (out.some((d) => d.code === 'duplicate-id')) this.duplicates.add(id);
    else this.duplicates.delete(id);
    if (this.model.definitions(id).some((d) => d.kind === 'roadmap' && d.fields.has('due'))) this.dated.add(id);
    else this.dated.delete(id);
    return out;
  }

  /** A defined ID appeared or vanished: suggestions it could change and next-free IDs of its prefix are stale. */
  private applyIdSetChanges(): void {
    if (this.idSetChanges.length === 0) return;
    const changes = this.idSetChanges;
    this.idSetChanges = [];
    for (const c of changes) {
      if (this.model.definitions(c.id).some((d) => d.kind === c.kind)) this.tries[c.kind].add(c.id);
      else this.tries[c.kind].delete(c.id);
    }
    // An ID that appears only matters if it beats the cached answer (IdTrie.withAdded), and an ID
    // that vanishes only matters if it was the answer.
    for (const [key, answer] of [...this.suggestions]) {
      const sep = key.indexOf('\u0000');
      const kind = key.slice(0, sep);
      const word = key.slice(sep + 1);
      let current = answer;
      let recompute = false;
      for (const c of changes) {
        if (c.kind !== kind || recompute) continue;
        if (!c.present) {
          if (c.id === current) recompute = true;
          continue;
        }
        current = IdTrie.withAdded(word, current, c.id);
      }
      if (recompute) this.suggestions.delete(key);
      else if (current !== answer) this.suggestions.set(key, current);
      else continue;
      this.dirtyIds.add(word);
    }
    if (this.duplicates.size > 0) {
      const prefixes = new Set(changes.map((c) => idPrefix(c.id)));
      for (const id of this.duplicates) if (prefixes.has(idPrefix(id))) this.dirtyIds.add(id);
    }
  }

  private store(subject: string, list: SpecDiagnostic[]): void {
    const old = this.results.get(subject);
    if (old) {
      for (const d of old) {
        const pending = this.pendingIn(d.file);
        // Added since the file's list was last ordered: it never got there.
        if (!pending.added.delete(d)) pending.removed.add(d);
        this.changedFiles.add(d.file);
      }
    }
    if (list.length === 0) {
      this.results.delete(subject);
      return;
    }
    this.results.set(subject, list);
    for (const d of list) {
      const pending = this.pendingIn(d.file);
      if (!pending.removed.delete(d)) pending.added.add(d);
      this.changedFiles.add(d.file);
    }
  }
}

/** Services for one run: severities, suggestions and next free IDs, memoized. */
class Pass implements RuleRun {
  private readonly severities = new Map<DiagnosticCode, Severity | undefined>();
  private readonly nextIds = new Map<string, string>();
  /** The kinds the current subject asked a suggestion for. */
  readonly asked = new Set<ItemKind>();

  constructor(
    private readonly model: IndexModel,
    readonly relative: (file: string) => string,
    private readonly cache: Map<string, string | undefined>,
    private readonly tries: Record<ItemKind, IdTrie>,
  ) {}

  severity(code: DiagnosticCode): Severity | undefined {
    if (!this.severities.has(code)) this.severities.set(code, severityFor(code, this.model.config.rules));
    return this.severities.get(code);
  }

  suggest(word: string, kind: ItemKind): string | undefined {
    this.asked.add(kind);
    const key = `${kind}\u0000${word}`;
    if (this.cache.has(key)) return this.cache.get(key);
    const answer = this.tries[kind].suggest(word);
    this.cache.set(key, answer);
    return answer;
  }

  nextFreeId(prefix: string): string {
    let id = this.nextIds.get(prefix);
    if (id === undefined) this.nextIds.set(prefix, (id = nextFreeId(prefix, this.model.definedIds())));
    return id;
  }
}
