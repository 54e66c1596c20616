// Hover: on an ID (spec or code file) the requirement card; on a key of a spec file or spectrace.yaml
// the schema's documentation, with the allowed values.
import { MarkupKind } from 'vscode-languageserver';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { describeSchemaProperty } from '../engine/schema/schemaSet';
import { toLspRange } from './lspRange';
import { idCard } from './card';
import type { FeatureRequest } from './featureContext';
import { schemaPathOf } from './schemaPath';
import { keyAtCursor } from './yamlCursor';
import { reviewHover } from './reviewHover';

export interface HoverOptions {
  isConfig: boolean;
  isSpec: boolean;
  now: Date;
}

export async function hover(req: FeatureRequest<HoverParams>, opts: HoverOptions): Promise<Hover | null> {
  const { ctx, file, params } = req;
  const kind = ctx.markdown ? MarkupKind.Markdown : MarkupKind.PlainText;
  const hit = ctx.index.idAt(file, params.position);
  // Change review: a suspect link or an unrecorded change shows what changed, above the card.
  const review = await reviewHover(ctx, file, params.position);
  if (review !== undefined && !hit) return { contents: { kind, value: review } };
  if (hit) return { contents: { kind, value: review !== undefined ? `${review}\n\n---\n\n${idCard(ctx, hit.id, opts.now)}` : idCard(ctx, hit.id, opts.now) }, range: toLspRange(hit.range) };
  if (!opts.isSpec && !opts.isConfig) return null;
  const key = keyAtCursor(req.document.getText(), params.position, req.document.offsetAt(params.position));
  if (!key) return null;
  const where = schemaPathOf(key.path, opts.isConfig);
  if (!where) return null;
  const doc = describeSchemaProperty(where.kind, where.keyPath);
  if (!doc) return null;
  const name = key.path[key.path.length - 1];
  const parts = [`**${name}**${doc.type ? ` — ${doc.type}` : ''}`];
  const text = ctx.markdown ? (doc.markdownDescription ?? doc.description) : doc.description;
  if (text) parts.push(text);
  if (doc.enum) parts.push(`Allowed: ${doc.enum.map((e) => `\`${e}\``).join(', ')}`);
  return { contents: { kind, value: parts.join('\n\n') }, range: toLspRange(key.range) };
}
