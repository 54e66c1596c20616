// The review text of a requirement at an older revision, or as it was when its stored fingerprint was
// written, through whatever reads history (the disk layer's git reader; nothing in an untrusted
// workspace). The engine defines what is looked for; the reader only finds versions.
import type { SpecItem, SpectraceConfig } from '../types';
import { DEFAULT_REVIEW } from '../config/config';
import { fingerprintOf } from './fingerprint';
import { revOf } from './reviewModel';
import { revisionOf } from './revSuffix';
import { reviewText } from './reviewText';

export type HistoryResult = { ok: true; version: { value: Record<string, unknown>; commit: string; date: string } } | { ok: false; reason: string };

/** Finds the newest committed version of a spec file in which a requirement matches. */
export interface ReviewHistory {
  find(file: string, id: string, matches: (value: Record<string, unknown>) => boolean, what: string): Promise<HistoryResult>;
}

export type TextResult = { text: string; commit: string | undefined; date: string | undefined } | { text: null; reason: string };

function fieldsOf(config: SpectraceConfig): readonly string[] {
  return config.review?.fields ?? DEFAULT_REVIEW.fields;
}

/** The review text of `item` at revision `rev`: the current text for its current revision, else from history. */
export async function textAtRevision(item: SpecItem, rev: number, config: SpectraceConfig, history: ReviewHistory | undefined): Promise<TextResult> {
  const fields = fieldsOf(config);
  if (rev === revOf(item)) return { text: reviewText(item.value, fields), commit: undefined, date: undefined };
  if (!history) return { text: null, reason: 'no history is available here' };
  if (!item.id) return { text: null, reason: 'the requirement has no ID' };
  const found = await history.find(item.file, item.id, (v) => revisionOf(v.rev) === rev, `rev ${rev}`);
  return found.ok ? { text: reviewText(found.version.value, fields), commit: found.version.commit, date: found.version.date } : { text: null, reason: found.reason };
}

/** The review text as it was when the stored fingerprint was written. */
export async function textAtStoredFingerprint(item: SpecItem, config: SpectraceConfig, history: ReviewHistory | undefined): Promise<TextResult> {
  const stored = item.fields.get('fingerprint')?.value;
  if (typeof stored !== 'string') return { text: null, reason: 'the requirement has no fingerprint' };
  if (!history) return { text: null, reason: 'no history is available here' };
  if (!item.id) return { text: null, reason: 'the requirement has no ID' };
  const fields = fieldsOf(config);
  const found = await history.find(item.file, item.id, (v) => fingerprintOf(v, fields) === stored, 'the stored fingerprint');
  return found.ok ? { text: reviewText(found.version.value, fields), commit: found.version.commit, date: found.version.date } : { text: null, reason: found.reason };
}
