// The index's diagnostics per file: each file's own (from its analysis and the config) merged with
// what the cross-file rules found there, re-merged only for the files whose share changed.
import type { RuleEngine } from '../rules/ruleEngine';
import { mergeDiagnostics, orderedChanges, patchDiagnostics } from '../text/diagnosticOrder';
import type { SpecDiagnostic } from '../types';

export class IndexDiagnostics {
  /** The merged diagnostics per file, as last returned; rebuilt for changed files only. */
  private readonly output = new Map<string, SpecDiagnostic[]>();
  /** Per file in `output`, the two lists it was merged from: the next refresh patches in what changed between them. */
  private readonly sources = new Map<string, { local: readonly SpecDiagnostic[]; rules: readonly SpecDiagnostic[] }>();
  /** Files whose file-local diagnostics changed since the last refresh. */
  private readonly localChanged = new Set<string>();

  constructor(
    private readonly rules: Pick<RuleEngine, 'run' | 'diagnosticsIn'>,
    /** A file's own diagnostics, in diagnostic order (not checked again here). */
    private readonly localDiagnostics: (file: string) => SpecDiagnostic[],
    /** Whether the index answers for a file: linked into a trace, the rules also see other folders' files. */
    private readonly owns: (file: string) => boolean = () => true,
  ) {}

  /** A file's own diagnostics changed. */
  localChange(file: string): void {
    this.localChanged.add(file);
  }

  /** Every file with diagnostics is to be merged again (the config changed). */
  allChanged(): void {
    for (const f of this.output.keys()) this.localChanged.add(f);
  }

  /** Every file's merged diagnostics (only files with at least one). The arrays are shared: do not mutate them. */
  all(): Map<string, SpecDiagnostic[]> {
    this.refresh();
    return new Map(this.output);
  }

  of(file: string): SpecDiagnostic[] {
    this.refresh();
    return this.output.get(file) ?? [];
  }

  /** Recompute the stale rules and re-merge the files whose diagnostics changed. */
  private refresh(): void {
    const changed = this.rules.run();
    for (const f of this.localChanged) changed.add(f);
    this.localChanged.clear();
    for (const file of changed) {
      if (!this.owns(file)) {
        this.output.delete(file);
        this.sources.delete(file);
        continue;
      }
      // Both come in order: the index keeps a file's own so and the rule engine its per-file lists.
      const local = this.localDiagnostics(file);
      const rules = this.rules.diagnosticsIn(file);
      const list = this.patched(file, local, rules) ?? mergeDiagnostics(local, rules);
      if (list.length === 0) {
        this.output.delete(file);
        this.sources.delete(file);
      } else {
        this.output.set(file, list);
        this.sources.set(file, { local, rules });
      }
    }
  }

  /** The file's last merged list with what changed in either source since, when a patch gives exactly what a merge would. */
  private patched(file: string, local: readonly SpecDiagnostic[], rules: readonly SpecDiagnostic[]): SpecDiagnostic[] | undefined {
    const before = this.output.get(file);
    const from = this.sources.get(file);
    if (!before || !from) return undefined;
    const own = orderedChanges(from.local, local);
    const ruled = orderedChanges(from.rules, rules);
    return patchDiagnostics(before, [...own.removed, ...ruled.removed], mergeDiagnostics(own.added, ruled.added));
  }
}
