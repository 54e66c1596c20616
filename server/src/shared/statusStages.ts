// A requirement's status as one of five stages: what the views' icons show (one icon per stage, see
// the legend) and what roadmap progress counts ("2 done · 2 in progress"). Built-in statuses only;
// a status a workspace schema adds is "other". Pure, no imports.

export type Stage = 'done' | 'in-progress' | 'planned' | 'not-started' | 'closed' | 'other';

/** Most advanced first: the order progress is told in. */
export const STAGES: readonly Stage[] = ['done', 'in-progress', 'planned', 'not-started', 'closed', 'other'];

const STAGE_OF_STATUS: Readonly<Record<string, Stage>> = {
  draft: 'not-started',
  proposed: 'not-started',
  approved: 'planned',
  'in-progress': 'in-progress',
  implemented: 'done',
  verified: 'done',
  released: 'done',
  rejected: 'closed',
  deprecated: 'closed',
};

/** The words for a stage, and which statuses it stands for (the legend). */
export const STAGE_TEXT: Readonly<Record<Stage, { name: string; statuses: string }>> = {
  done: { name: 'done', statuses: 'implemented, verified or released' },
  'in-progress': { name: 'in progress', statuses: 'in-progress' },
  planned: { name: 'planned', statuses: 'approved' },
  'not-started': { name: 'not started', statuses: 'draft or proposed' },
  closed: { name: 'closed', statuses: 'rejected or deprecated' },
  other: { name: 'other', statuses: 'no status, or a status of the workspace schema' },
};

export function stageOf(status: string | undefined): Stage {
  return (status !== undefined && Object.prototype.hasOwnProperty.call(STAGE_OF_STATUS, status) ? STAGE_OF_STATUS[status] : undefined) ?? 'other';
}

export interface StageCount {
  stage: Stage;
  count: number;
}

/** How many of these statuses are at each stage, most advanced first, stages with none left out. */
export function countStages(statuses: Iterable<string | undefined>): StageCount[] {
  const counts = new Map<Stage, number>();
  for (const s of statuses) {
    const stage = stageOf(s);
    counts.set(stage, (counts.get(stage) ?? 0) + 1);
  }
  return STAGES.filter((s) => counts.has(s)).map((stage) => ({ stage, count: counts.get(stage) ?? 0 }));
}

/** "2 done · 2 in progress"; "no requirements" when there are none. */
export function stageProgressText(stages: readonly StageCount[]): string {
  if (stages.length === 0) return 'no requirements';
  return stages.map((s) => `${s.count} ${STAGE_TEXT[s.stage].name}`).join(' · ');
}

