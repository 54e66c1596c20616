// parent-cycle: requirements (or roadmap items) are each other's `parent`, directly or through others,
// so the hierarchy has no top. Reported on each `parent` value on the cycle, with the cycle's path.
import { cycleDiagnostics } from './cycles';
import type { GraphResult } from './cycles';
import type { IndexModel } from './ruleModel';
import type { Severity } from '../types';

export const PARENT_CYCLE = 'parent-cycle' as const;

export function parentCycles(model: IndexModel, severity: Severity): GraphResult {
  return cycleDiagnostics(model, 'parent', PARENT_CYCLE, severity, (path) => `Parent cycle: ${path} — the hierarchy has no top; change one parent`);
}
