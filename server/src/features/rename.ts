// Rename an ID across the workspace: its definition(s), references from other spec items and every
// code tag. Only the ID ranges change; nothing else in any file is touched. The new ID must match the
// workspace's ID pattern and must not already exist.
import type { PrepareRenameParams, RenameParams, WorkspaceEdit } from 'vscode-languageserver';
import { DEFAULT_ID_PATTERN } from '../engine/config/config';
import { compileIdPattern } from '../engine/config/idPattern';
import type { CompiledPattern } from '../engine/config/idPattern';
import type { Range } from '../engine/types';
import { UserFacingError } from './requestErrors';
import { toLspRange } from './lspRange';
import type { FeatureContext, FeatureRequest } from './featureContext';
import { EditBuilder } from './edits';
import { Pacer } from './pacer';
import { KIND_NAME, relativeLabel } from './items';
import { quoted } from '../engine/text/quote';
import { invalidIdSentence } from '../engine/text/idExample';

export function prepareRename(req: FeatureRequest<PrepareRenameParams>): { range: ReturnType<typeof toLspRange>; placeholder: string } {
  const { ctx, file, params } = req;
  const hit = ctx.index.idAt(file, params.position);
  if (!hit) throw new UserFacingError('Only a requirement or roadmap item ID can be renamed here: place the cursor on an ID.');
  if (ctx.index.definitions(hit.id).length === 0) {
    throw new UserFacingError(`${hit.id} is not defined in any spec file, so there is nothing to rename.`);
  }
  return { range: toLspRange(hit.range), placeholder: hit.id };
}

const patterns = new Map<string, CompiledPattern | { error: string }>();

function idPatternOf(ctx: FeatureContext): CompiledPattern | undefined {
  const source = ctx.trusted ? ctx.index.config.idPattern : DEFAULT_ID_PATTERN;
  let p = patterns.get(source);
  if (!p) {
    p = compileIdPattern(source);
    patterns.set(source, p);
  }
  return 'error' in p ? undefined : p;
}

export async function rename(req: FeatureRequest<RenameParams>): Promise<WorkspaceEdit> {
  const { ctx, file, params, token } = req;
  const hit = ctx.index.idAt(file, params.position);
  if (!hit) throw new UserFacingError('Only a requirement or roadmap item ID can be renamed here: place the cursor on an ID.');
  const newId = params.newName.trim();
  if (newId === hit.id) return {};
  if (!newId || /\s/.test(newId)) throw new UserFacingError(`${quoted(params.newName)} is not a valid ID: IDs have no spaces.`);
  const pattern = idPatternOf(ctx);
  if (pattern && !pattern.test(newId)) {
    throw new UserFacingError(`${invalidIdSentence(newId, pattern)}.`);
  }
  const taken = ctx.index.definitions(newId)[0];
  if (taken) {
    throw new UserFacingError(`${newId} is already used by ${taken.kind === 'insight' ? 'an' : 'a'} ${KIND_NAME[taken.kind]} in ${relativeLabel(ctx.root, taken.file)}:${taken.headRange.start.line + 1}.`);
  }
  const refs = ctx.index.referencesTo(hit.id);
  if (refs.definitions.length === 0) throw new UserFacingError(`${hit.id} is not defined in any spec file, so there is nothing to rename.`);
  const edits = new EditBuilder(ctx);
  const pacer = new Pacer(token);
  const places: { file: string; range: Range }[] = [];
  for (const d of refs.definitions) if (d.idRange) places.push({ file: d.file, range: d.idRange });
  places.push(...refs.specReferences);
  for (const t of [...refs.implementations, ...refs.tests]) places.push({ file: t.file, range: t.idRange });
  const fixed = ctx.readOnly && places.find((p) => ctx.readOnly?.(p.file));
  if (fixed) {
    throw new UserFacingError(
      `${hit.id} is also named in ${relativeLabel(ctx.root, fixed.file)}, which an include: reads only: rename it with that folder open in the workspace.`,
    );
  }
  for (let i = 0; i < places.length; i++) {
    if (pacer.due()) await pacer.yield();
    edits.add(places[i].file, { range: toLspRange(innerRange(places[i].range, hit.id)), newText: newId });
  }
  return edits.build();
}

/** A quoted scalar's range includes its quotes; the edit replaces only the ID between them. */
function innerRange(r: Range, id: string): Range {
  const oneLine = r.start.line === r.end.line;
  if (oneLine && r.end.character - r.start.character === id.length + 2) {
    return { start: { line: r.start.line, character: r.start.character + 1 }, end: { line: r.end.line, character: r.end.character - 1 } };
  }
  return r;
}
