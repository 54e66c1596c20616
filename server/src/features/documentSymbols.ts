// The outline of a spec file: requirements nested by `parent` when the parent is in the same file,
// then roadmap items nested the same way, then insights. The symbol kind follows the requirement's type.
import { SymbolKind } from 'vscode-languageserver';
import type { DocumentSymbol, DocumentSymbolParams } from 'vscode-languageserver';
import type { SpecItem } from '../engine/types';
import { toLspRange } from './lspRange';
import type { FeatureRequest } from './featureContext';
import { fieldText } from '../engine/reports/fields';
import { titleOf } from './items';

const REQUIREMENT_KIND: Record<string, SymbolKind> = {
  epic: SymbolKind.Package,
  feature: SymbolKind.Class,
  story: SymbolKind.Method,
  nfr: SymbolKind.Property,
  constraint: SymbolKind.Constant,
};

function symbolOf(item: SpecItem): DocumentSymbol {
  const kind =
    item.kind === 'roadmap' ? SymbolKind.Event : item.kind === 'insight' ? SymbolKind.String : (REQUIREMENT_KIND[fieldText(item, 'type') ?? ''] ?? SymbolKind.Object);
  const range = toLspRange(item.range);
  let selectionRange = toLspRange(item.idRange ?? item.headRange);
  // The selection range must lie inside the range; a damaged item may not guarantee it.
  if (selectionRange.start.line < range.start.line || selectionRange.end.line > range.end.line) selectionRange = { start: range.start, end: range.start };
  const status = fieldText(item, 'status');
  return {
    name: item.id ?? '(no id)',
    detail: status ? `${titleOf(item)} — ${status}` : titleOf(item),
    kind,
    range,
    selectionRange,
    children: [],
  };
}

/** Nest items under their parent when it is defined in the same list of this file. */
function nest(items: SpecItem[]): DocumentSymbol[] {
  const byId = new Map<string, DocumentSymbol>();
  const symbols = items.map((it) => {
    const s = symbolOf(it);
    if (it.id && !byId.has(it.id)) byId.set(it.id, s);
    return s;
  });
  const roots: DocumentSymbol[] = [];
  items.forEach((it, i) => {
    const parentId = fieldText(it, 'parent');
    const parent = parentId !== undefined && parentId !== it.id ? byId.get(parentId) : undefined;
    // A parent cycle inside the file would hide both items: only nest under a parent that is itself placed.
    if (parent && !isDescendant(parent, symbols[i])) parent.children?.push(symbols[i]);
    else roots.push(symbols[i]);
  });
  return roots;
}

function isDescendant(candidate: DocumentSymbol, of: DocumentSymbol): boolean {
  const stack = [...(of.children ?? [])];
  while (stack.length) {
    const s = stack.pop() as DocumentSymbol;
    if (s === candidate) return true;
    stack.push(...(s.children ?? []));
  }
  return candidate === of;
}

export function documentSymbols(req: FeatureRequest<DocumentSymbolParams>): DocumentSymbol[] {
  const spec = req.ctx.index.specFile(req.file);
  if (!spec || !spec.hasSpecLists) return [];
  return [...nest(spec.requirements), ...nest(spec.roadmap), ...nest(spec.insights)];
}
