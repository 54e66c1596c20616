// Short texts about insights shared by completion, hover, code lens and the Insights view: who said
// it and how much it matters ("Globex · enterprise · critical").
import { fieldText } from '../engine/reports/fields';
import { IMPORTANCE_LABEL, importanceOf } from '../engine/rules/unaddressedInsight';
import type { SpecItem } from '../engine/types';

/** "Globex · enterprise · critical", leaving out what the insight does not say. */
export function insightFacts(insight: SpecItem): string {
  const importance = importanceOf(insight.fields.get('importance')?.value);
  return [fieldText(insight, 'customer'), fieldText(insight, 'segment'), importance !== undefined ? IMPORTANCE_LABEL[importance] : undefined]
    .filter((f): f is string => f !== undefined)
    .join(' · ');
}
