// Prioritisation scores: RICE, WSJF and value ÷ effort, computed from a requirement's own fields (and,
// for RICE `reach: auto`, the number of distinct customers of its insights). Pure: a score is never
// stored, and a missing, malformed or zero input gives no score — never Infinity or NaN. The schema
// reports the malformed inputs; `missingScoreInputs` names what an unscored requirement lacks.
import type { ScoringModel, SpecItem } from '../types';

export interface RequirementScore {
  model: ScoringModel;
  value: number;
  /** What an inlay hint or a table shows, e.g. `RICE 320`. */
  label: string;
  /** The formula with the inputs filled in, e.g. `1200 × 2 × 0.8 ÷ 6 = 320`. */
  formula: string;
}

/** What a score needs beyond the requirement's own fields. */
export interface ScoreContext {
  /** Distinct customers of the requirement's insights (for `reach: auto`); asked only when needed. */
  distinctCustomers(): number;
}

export const MODEL_LABEL: Readonly<Record<ScoringModel, string>> = { rice: 'RICE', wsjf: 'WSJF', 'value-effort': 'V/E' };

/** RICE impact values (Intercom's scale: minimal, low, medium, high, massive). */
export const RICE_IMPACTS: readonly number[] = [0.25, 0.5, 1, 2, 3];

/** The requirement's score under `model`, or undefined when an input is missing or unusable. */
export function scoreRequirement(requirement: SpecItem, model: ScoringModel, context: ScoreContext): RequirementScore | undefined {
  if (model === 'rice') return riceOf(requirement, context);
  if (model === 'wsjf') return wsjfOf(requirement);
  return valueEffortOf(requirement);
}

/** reach × impact × confidence ÷ effort. */
export function riceScore(reach: number, impact: number, confidence: number, effort: number): number | undefined {
  if (!(reach >= 0) || !RICE_IMPACTS.includes(impact) || !(confidence >= 0 && confidence <= 1) || !(effort > 0)) return undefined;
  return finite((reach * impact * confidence) / effort);
}

/** (value + time criticality + risk reduction) ÷ job size. */
export function wsjfScore(value: number, timeCriticality: number, riskReduction: number, jobSize: number): number | undefined {
  if (!(value > 0) || !(timeCriticality > 0) || !(riskReduction > 0) || !(jobSize > 0)) return undefined;
  return finite((value + timeCriticality + riskReduction) / jobSize);
}

/** value ÷ effort. */
export function valueEffortScore(value: number, effort: number): number | undefined {
  if (!(value >= 0) || !(effort > 0)) return undefined;
  return finite(value / effort);
}

/** A confidence as a fraction: a number 0–1, or a percentage string such as `80%`. */
export function parseConfidence(v: unknown): number | undefined {
  if (typeof v === 'number') return v >= 0 && v <= 1 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*%\s*$/.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]) / 100;
  return n >= 0 && n <= 1 ? n : undefined;
}

/** A number for people: integers as they are, others rounded to two decimals (`2.67`, `0.8`). */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const rounded = Math.round(n * 100) / 100;
  return String(rounded === 0 && n !== 0 ? Number(n.toPrecision(2)) : rounded);
}

/**
 * The inputs of `model` the requirement does not give (or gives in an unusable form), by field path
 * (`rice.reach`, `wsjf.job_size (or estimate)`); empty when it can be scored.
 */
export function missingScoreInputs(requirement: SpecItem, model: ScoringModel): string[] {
  const out: string[] = [];
  const est = positive(requirement.fields.get('estimate')?.value);
  if (model === 'rice') {
    const r = objectOf(requirement.fields.get('rice')?.value);
    if (!(r.reach === 'auto' || nonNegative(r.reach) !== undefined)) out.push('rice.reach');
    if (!(typeof r.impact === 'number' && RICE_IMPACTS.includes(r.impact))) out.push('rice.impact');
    if (parseConfidence(r.confidence) === undefined) out.push('rice.confidence');
    if ((r.effort === undefined ? est : positive(r.effort)) === undefined) out.push('rice.effort (or estimate)');
  } else if (model === 'wsjf') {
    const w = objectOf(requirement.fields.get('wsjf')?.value);
    for (const k of ['value', 'time_criticality', 'risk_reduction']) if (positive(w[k]) === undefined) out.push(`wsjf.${k}`);
    if ((w.job_size === undefined ? est : positive(w.job_size)) === undefined) out.push('wsjf.job_size (or estimate)');
  } else {
    if (nonNegative(requirement.fields.get('value')?.value) === undefined) out.push('value');
    const effort = requirement.fields.get('effort')?.value;
    if ((effort === undefined ? est : positive(effort)) === undefined) out.push('effort (or estimate)');
  }
  return out;
}

function riceOf(item: SpecItem, context: ScoreContext): RequirementScore | undefined {
  const r = objectOf(item.fields.get('rice')?.value);
  const reach = r.reach === 'auto' ? context.distinctCustomers() : nonNegative(r.reach);
  const impact = typeof r.impact === 'number' ? r.impact : undefined;
  const confidence = parseConfidence(r.confidence);
  const effort = r.effort === undefined ? positive(item.fields.get('estimate')?.value) : positive(r.effort);
  if (reach === undefined || impact === undefined || confidence === undefined || effort === undefined) return undefined;
  const value = riceScore(reach, impact, confidence, effort);
  if (value === undefined) return undefined;
  return made('rice', value, `${formatNumber(reach)} × ${formatNumber(impact)} × ${formatNumber(confidence)} ÷ ${formatNumber(effort)}`);
}

function wsjfOf(item: SpecItem): RequirementScore | undefined {
  const w = objectOf(item.fields.get('wsjf')?.value);
  const v = positive(w.value);
  const t = positive(w.time_criticality);
  const rr = positive(w.risk_reduction);
  const size = w.job_size === undefined ? positive(item.fields.get('estimate')?.value) : positive(w.job_size);
  if (v === undefined || t === undefined || rr === undefined || size === undefined) return undefined;
  const value = wsjfScore(v, t, rr, size);
  if (value === undefined) return undefined;
  return made('wsjf', value, `(${formatNumber(v)} + ${formatNumber(t)} + ${formatNumber(rr)}) ÷ ${formatNumber(size)}`);
}

function valueEffortOf(item: SpecItem): RequirementScore | undefined {
  const v = nonNegative(item.fields.get('value')?.value);
  const e = item.fields.get('effort')?.value;
  const effort = e === undefined ? positive(item.fields.get('estimate')?.value) : positive(e);
  if (v === undefined || effort === undefined) return undefined;
  const value = valueEffortScore(v, effort);
  if (value === undefined) return undefined;
  return made('value-effort', value, `${formatNumber(v)} ÷ ${formatNumber(effort)}`);
}

function made(model: ScoringModel, value: number, inputs: string): RequirementScore {
  const shown = formatNumber(value);
  return { model, value, label: `${MODEL_LABEL[model]} ${shown}`, formula: `${inputs} = ${shown}` };
}

function finite(n: number): number | undefined {
  return Number.isFinite(n) ? n : undefined;
}

function positive(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;
}

function nonNegative(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

function objectOf(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/**
 * Why the requirement's `estimate` cannot stand in for the model's effort (or job size): a 0 there
 * would divide by zero. Undefined when the estimate is not used as the divisor or is usable.
 */
export function zeroEstimateProblem(requirement: SpecItem, model: ScoringModel): string | undefined {
  if (requirement.fields.get('estimate')?.value !== 0) return undefined;
  const divisor =
    model === 'rice'
      ? objectOf(requirement.fields.get('rice')?.value).effort === undefined && requirement.fields.has('rice') && 'the RICE effort'
      : model === 'wsjf'
        ? objectOf(requirement.fields.get('wsjf')?.value).job_size === undefined && requirement.fields.has('wsjf') && 'the WSJF job size'
        : requirement.fields.get('effort') === undefined && requirement.fields.has('value') && 'the effort';
  if (!divisor) return undefined;
  const field = model === 'rice' ? 'rice.effort' : model === 'wsjf' ? 'wsjf.job_size' : 'effort';
  return `estimate 0 cannot be ${divisor} (the score divides by it): give ${field} or an estimate greater than 0`;
}

/** Each model's formula in words, for reports and docs. */
export const MODEL_FORMULA: Readonly<Record<ScoringModel, string>> = {
  rice: 'RICE: reach × impact × confidence ÷ effort',
  wsjf: 'WSJF: (value + time criticality + risk reduction) ÷ job size',
  'value-effort': 'value ÷ effort',
};
