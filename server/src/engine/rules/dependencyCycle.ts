// dependency-cycle: requirements depend on each other in a circle through `depends_on`, so none of
// them can be done first. Reported on each reference that is an edge of a cycle, with the cycle's path.
import { cycleDiagnostics } from './cycles';
import type { GraphResult } from './cycles';
import type { IndexModel } from './ruleModel';
import type { Severity } from '../types';

export const DEPENDENCY_CYCLE = 'dependency-cycle' as const;

export function dependencyCycles(model: IndexModel, severity: Severity): GraphResult {
  return cycleDiagnostics(model, 'depends_on', DEPENDENCY_CYCLE, severity, (path) => `Dependency cycle: ${path} — none of these can be done first; remove one depends_on link`);
}
