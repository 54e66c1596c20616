// The ID under a position (spectrace/idAt): the client asks on selection change to show its
// ID commands in the editor's context menu only where they apply.
import type { IdAtParams, IdAtResult } from '../shared/protocol';
import { toLspRange } from './lspRange';
import type { FeatureRequest } from './featureContext';

export function idAtPosition(req: FeatureRequest<IdAtParams>): IdAtResult | null {
  const hit = req.ctx.index.idAt(req.file, req.params.position);
  return hit ? { id: hit.id, range: toLspRange(hit.range), role: hit.role } : null;
}
