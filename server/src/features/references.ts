// Find references: every place an ID is written — its definition (when asked), references from other
// spec items, and the @implements / @verifies tags in code and tests.
import type { Location, ReferenceParams } from 'vscode-languageserver';
import { toLspRange } from './lspRange';
import type { Range } from '../engine/types';
import type { FeatureRequest } from './featureContext';
import { Pacer } from './pacer';

export async function references(req: FeatureRequest<ReferenceParams>): Promise<Location[] | null> {
  const { ctx, file, params, token } = req;
  const hit = ctx.index.idAt(file, params.position);
  if (!hit) return null;
  const refs = ctx.index.referencesTo(hit.id);
  const out: Location[] = [];
  const pacer = new Pacer(token);
  const add = (f: string, r: Range) => out.push({ uri: ctx.uriOf(f), range: toLspRange(r) });
  if (params.context.includeDeclaration) for (const d of refs.definitions) add(d.file, d.idRange ?? d.headRange);
  const idAt = (t: { file: string; idRange: Range }) => ({ file: t.file, range: t.idRange });
  const groups: { file: string; range: Range }[][] = [refs.specReferences, refs.implementations.map(idAt), refs.tests.map(idAt)];
  for (const group of groups) {
    for (let i = 0; i < group.length; i++) {
      // An ID tagged in 100,000 places must stay cancellable.
      if (pacer.due()) await pacer.yield();
      add(group[i].file, group[i].range);
    }
  }
  return out;
}
