// A requirement's coverage state as one word: what the views, the matrix and every report show.
import type { CoverageLabel } from '../../shared/traceRow';
import type { CoverageState } from '../types';

export function coverageLabel(coverage: CoverageState): CoverageLabel {
  if (coverage.exemptReason !== undefined) return 'exempt';
  if (!coverage.underPolicy) return 'not-required';
  if (coverage.satisfied) return 'covered';
  return coverage.implementations > 0 || coverage.tests > 0 ? 'partial' : 'uncovered';
}
