// unknown-code-reference: an `@implements`/`@verifies` tag names an ID that no spec file defines as a
// requirement. Reported in the code file on the ID, with a did-you-mean among the requirement IDs.
import { lookalikeNote } from '../text/lookalikes';
import type { SpecDiagnostic } from '../types';
import { diagnostic } from './ruleModel';
import type { PerIdRule } from './ruleModel';

export const unknownCodeReference: PerIdRule = {
  code: 'unknown-code-reference',
  check(model, id, run, severity) {
    const tags = model.tags(id);
    if (tags.length === 0) return [];
    const defs = model.definitions(id);
    if (defs.some((d) => d.kind === 'requirement')) return [];
    const roadmapItem = defs[0];
    const suggestion = roadmapItem ? undefined : run.suggest(id, 'requirement');
    const out: SpecDiagnostic[] = [];
    for (const tag of tags) {
      if (roadmapItem) {
        out.push(
          diagnostic(
            'unknown-code-reference',
            severity,
            tag.file,
            tag.idRange,
            `${id} is a roadmap item, not a requirement: ${tag.word} names requirements`,
            [{ file: roadmapItem.file, range: roadmapItem.idRange ?? roadmapItem.headRange, message: `${id} is defined here as a roadmap item` }],
          ),
        );
        continue;
      }
      out.push(
        diagnostic(
          'unknown-code-reference',
          severity,
          tag.file,
          tag.idRange,
          suggestion
            ? `Unknown requirement ${id}${lookalikeNote(id)} — did you mean ${suggestion}?`
            : `Unknown requirement ${id}${lookalikeNote(id)}: no spec file defines it`,
          undefined,
          { kind: 'unknown-id', id, targetKind: 'requirement' },
        ),
      );
    }
    return out;
  },
};
