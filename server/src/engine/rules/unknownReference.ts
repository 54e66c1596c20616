// unknown-reference: a `roadmap`, `parent`, `depends_on` or `insights` value (or a roadmap item's
// `requirements` entry) names no item, or an item of the wrong kind. Reported on the ID as written, with a
// did-you-mean among the IDs of the expected kind, in the message only (related information pointing
// at the suggestion would depend on where that other ID is defined, which this ID's cache does not
// track). Computed per target ID: every reference to it at once.
import { lookalikeNote } from '../text/lookalikes';
import type { ItemKind, SpecDiagnostic } from '../types';

const ITEM_KINDS = ['requirement', 'roadmap', 'insight'] as const;
import { KIND_LABEL, diagnostic, withArticle } from './ruleModel';
import type { PerIdRule } from './ruleModel';
import { quoted } from '../text/quote';

export const unknownReference: PerIdRule = {
  code: 'unknown-reference',
  check(model, id, run, severity) {
    const incoming = model.incoming(id);
    if (incoming.length === 0) return [];
    const defs = model.definitions(id);
    // A roadmap item can have thousands of incoming references, and each keystroke in one of them
    // rechecks the item: decide per kind once, not per reference.
    const defined: Record<ItemKind, boolean> = { requirement: false, roadmap: false, insight: false };
    for (const d of defs) defined[d.kind] = true;
    // Only references expecting a kind the ID is not defined as can be wrong (the index counts them).
    if (!ITEM_KINDS.some((k) => !defined[k] && model.incomingCount(id, k) > 0)) return [];
    const out: SpecDiagnostic[] = [];
    for (const { item, ref } of incoming) {
      if (defined[ref.targetKind]) continue;
      const other = defs[0];
      if (other) {
        out.push(
          diagnostic(
            'unknown-reference',
            severity,
            item.file,
            ref.range,
            `${quoted(ref.field)} must name ${withArticle(KIND_LABEL[ref.targetKind])}, but ${id} is ${withArticle(KIND_LABEL[other.kind])}`,
            [{ file: other.file, range: other.idRange ?? other.headRange, message: `${id} is defined here as ${withArticle(KIND_LABEL[other.kind])}` }],
          ),
        );
        continue;
      }
      const suggestion = run.suggest(id, ref.targetKind);
      out.push(
        diagnostic(
          'unknown-reference',
          severity,
          item.file,
          ref.range,
          suggestion
            ? `Unknown ${KIND_LABEL[ref.targetKind]} ${id} in ${quoted(ref.field)}${lookalikeNote(id)} — did you mean ${suggestion}?`
            : `Unknown ${KIND_LABEL[ref.targetKind]} ${id} in ${quoted(ref.field)}${lookalikeNote(id)}: no spec file defines it`,
          undefined,
          { kind: 'unknown-id', id, targetKind: ref.targetKind },
        ),
      );
    }
    return out;
  },
};
