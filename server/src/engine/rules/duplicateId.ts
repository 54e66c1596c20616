// duplicate-id: two items (requirements or roadmap items, in one file or several) share an ID. Reported
// on every definition's `id` value, each pointing at the others; the fix data proposes the next free ID.
import { idPrefix } from '../index/queries';
import type { SpecDiagnostic } from '../types';
import { diagnostic, joinAnd } from './ruleModel';
import type { PerIdRule } from './ruleModel';

export const duplicateId: PerIdRule = {
  code: 'duplicate-id',
  check(model, id, run, severity) {
    const defs = model.definitions(id).filter((d) => d.idRange);
    if (defs.length < 2) return [];
    const prefix = idPrefix(id);
    const suggestion = prefix ? run.nextFreeId(prefix) : undefined;
    const out: SpecDiagnostic[] = [];
    for (const d of defs) {
      const others = defs.filter((o) => o !== d);
      const where = joinAnd(others.map((o) => `${run.relative(o.file)}:${(o.idRange?.start.line ?? 0) + 1}`));
      out.push(
        diagnostic(
          'duplicate-id',
          severity,
          d.file,
          d.idRange ?? d.headRange,
          `Duplicate ID ${id}: also defined in ${where}. IDs must be unique across the workspace${suggestion ? ` (next free: ${suggestion})` : ''}`,
          others.map((o) => ({ file: o.file, range: o.idRange ?? o.headRange, message: `${id} is also defined here` })),
          suggestion ? { kind: 'duplicate-id', id, suggestion } : undefined,
        ),
      );
    }
    return out;
  },
};
