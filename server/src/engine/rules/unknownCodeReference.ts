// unknown-code-reference: an `@implements`/`@verifies` tag names an ID that no spec file defines as a
// requirement. Reported in the code file on the ID, with a did-you-mean among the requirement IDs.
// A loose tag (a later word of the list, or a word that only matches the ID pattern once folded) is
// reported only when it is a near miss of a real ID: prose such as `SHA-256` after an ID is not.
import { idPrefix } from '../index/queries';
import { foldLookalikes, lookalikeNote } from '../text/lookalikes';
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
    const nearMiss = roadmapItem !== undefined || isNearMiss(model, id, suggestion);
    for (const tag of tags) {
      if (tag.loose && !nearMiss) continue;
      if (roadmapItem) {
        out.push(
          diagnostic(
            'unknown-code-reference',
            severity,
            tag.file,
            tag.idRange,
            `${id} is a roadmap item, not a requirement: \`${tag.word}\` names requirements`,
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
            ? `Unknown requirement ${id}${lookalikeNote(id)} — did you mean \`${suggestion}\`?`
            : `Unknown requirement ${id}${lookalikeNote(id)}: no spec file defines it`,
          undefined,
          { kind: 'unknown-id', id, targetKind: 'requirement' },
        ),
      );
    }
    return out;
  },
};

/** The ID folded to plain capitals and dashes names a requirement, or the nearest one shares its prefix. */
function isNearMiss(model: Parameters<PerIdRule['check']>[0], id: string, suggestion: string | undefined): boolean {
  const folded = foldLookalikes(id).replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-').toUpperCase();
  if (model.definitions(folded).some((d) => d.kind === 'requirement')) return true;
  if (suggestion === undefined) return false;
  const prefix = idPrefix(folded);
  return prefix !== undefined && prefix === idPrefix(suggestion);
}
