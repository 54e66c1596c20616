// Go to definition: from an ID anywhere (a spec reference, a code tag, the definition itself) to the
// `id:` value of the item(s) defining it. Duplicates give several locations.
import type { DefinitionParams, Location } from 'vscode-languageserver';
import { toLspRange } from './lspRange';
import type { FeatureRequest } from './featureContext';

export function definition(req: FeatureRequest<DefinitionParams>): Location[] | null {
  const { ctx, file, params } = req;
  const hit = ctx.index.idAt(file, params.position);
  if (!hit) return null;
  const out: Location[] = [];
  for (const item of ctx.index.definitions(hit.id)) {
    const range = item.idRange ?? item.headRange;
    out.push({ uri: ctx.uriOf(item.file), range: toLspRange(range) });
  }
  return out.length ? out : null;
}
