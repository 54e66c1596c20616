// What an importer produces: plain requirement and roadmap items (as a spec file holds them) and a
// report of every mapping decision, guess, default and loss, which the CLI prints and --dry-run shows.

export type PlainItem = Record<string, unknown>;

export interface ImportReport {
  /** What was read, e.g. `ReqIF 1.0 from DOORS` or `CSV (; separated, 12 columns)`. */
  source: string;
  /** How source columns or attributes became Spectrace fields, one line each. */
  mapping: string[];
  /** Values, objects or references that could not be carried over as they were, one line each. */
  warnings: string[];
}

export interface ImportResult {
  /** The product name for the spec file (a ReqIF specification's name), when the source has one. */
  product: string | undefined;
  requirements: PlainItem[];
  roadmap: PlainItem[];
  report: ImportReport;
}

/** What the workspace already has, so imports can reuse roadmap items and avoid taken IDs. */
export interface ExistingItems {
  requirementIds: ReadonlySet<string>;
  roadmap: readonly { id: string; title: string | undefined }[];
  /** The source key an earlier import recorded (`x-source-id`, `x-reqif.identifier`) -> the ID it was given. */
  sourceKeys: ReadonlyMap<string, string>;
}

export const NO_EXISTING: ExistingItems = { requirementIds: new Set(), roadmap: [], sourceKeys: new Map() };

/** The built-in default ID pattern: a capital prefix, a dash and a number. */
export const DEFAULT_ID = /^[A-Z][A-Z0-9]*-[0-9]+$/;

/** Imported IDs must also be usable as YAML plain scalars and in code tags: a conservative check. */
export function isUsableId(id: string): boolean {
  return DEFAULT_ID.test(id);
}

/** The next free `PREFIX-n` numbers after the highest one already taken. */
export function idAllocator(prefix: string, taken: Iterable<string>): () => string {
  let next = 1;
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`);
  for (const id of taken) {
    const m = pattern.exec(id);
    if (m) next = Math.max(next, Number(m[1]) + 1);
  }
  return () => `${prefix}-${next++}`;
}

/** Reports one line per distinct message with how often it occurred (a 20,000-row import stays readable). */
export class WarningList {
  private readonly counts = new Map<string, number>();
  add(message: string): void {
    this.counts.set(message, (this.counts.get(message) ?? 0) + 1);
  }
  lines(): string[] {
    return [...this.counts].map(([m, n]) => (n > 1 ? `${m} (${n} times)` : m));
  }
}
