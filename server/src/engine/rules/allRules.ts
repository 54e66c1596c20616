// The cross-file rules, in a fixed order. Per-ID rules are cached per ID by the rule engine; the cycle
// rules look at a whole graph and are recomputed when its edges change.
import type { Severity } from '../types';
import type { GraphResult } from './cycles';
import { dependencyCycles } from './dependencyCycle';
import { duplicateId } from './duplicateId';
import { inactiveCodeReference } from './inactiveCodeReference';
import { linkRevAhead } from './linkRevAhead';
import { reviewInput } from './reviewInput';
import { suspectLink } from './suspectLink';
import { unbaselinedRequirement } from './unbaselinedRequirement';
import { unrecordedChange } from './unrecordedChange';
import type { IndexModel, PerIdRule } from './ruleModel';
import { overdueRoadmapItem } from './overdueRoadmapItem';
import { releaseNotReady } from './releaseNotReady';
import { roadmapOrder } from './roadmapOrder';
import { parentCycles } from './parentCycle';
import { statusMismatch } from './statusMismatch';
import { contradictoryStatus } from './contradictoryStatus';
import { uncoveredRequirement } from './uncoveredRequirement';
import { unknownCodeReference } from './unknownCodeReference';
import { unknownReference } from './unknownReference';
import { unaddressedInsight } from './unaddressedInsight';
import { unscoredRequirement } from './unscoredRequirement';
import { unsupportedRequirement } from './unsupportedRequirement';

export const PER_ID_RULES: readonly PerIdRule[] = [
  duplicateId,
  unknownReference,
  unknownCodeReference,
  inactiveCodeReference,
  uncoveredRequirement,
  statusMismatch,
  contradictoryStatus,
  overdueRoadmapItem,
  unbaselinedRequirement,
  unrecordedChange,
  suspectLink,
  linkRevAhead,
  reviewInput,
  roadmapOrder,
  releaseNotReady,
  unsupportedRequirement,
  unaddressedInsight,
  unscoredRequirement,
];

export interface GraphRule {
  code: 'dependency-cycle' | 'parent-cycle';
  check(model: IndexModel, severity: Severity): GraphResult;
}

export const GRAPH_RULES: readonly GraphRule[] = [
  { code: 'dependency-cycle', check: dependencyCycles },
  { code: 'parent-cycle', check: parentCycles },
];
