// Workspace symbols: requirements and roadmap items of every folder by ID or title, fuzzy, through
// the index's search.
import { SymbolKind } from 'vscode-languageserver';
import type { CancellationToken, SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver';
import { toLspRange } from './lspRange';
import type { FeatureContext } from './featureContext';
import { relativeLabel, titleOf } from './items';
import { Pacer } from './pacer';

export const WORKSPACE_SYMBOL_LIMIT = 500;

export async function workspaceSymbols(contexts: FeatureContext[], params: WorkspaceSymbolParams, token: CancellationToken): Promise<SymbolInformation[]> {
  const out: SymbolInformation[] = [];
  const pacer = new Pacer(token);
  for (const ctx of contexts) {
    await pacer.yield();
    for (const item of ctx.index.search(params.query.trim(), WORKSPACE_SYMBOL_LIMIT)) {
      if (!item.id) continue;
      out.push({
        // The title is part of the name so clients that filter by name find requirements by title too.
        name: `${item.id} ${titleOf(item)}`,
        kind: item.kind === 'roadmap' ? SymbolKind.Event : item.kind === 'insight' ? SymbolKind.String : SymbolKind.Key,
        location: { uri: ctx.uriOf(item.file), range: toLspRange(item.idRange ?? item.headRange) },
        containerName: relativeLabel(ctx.root, item.file),
      });
      if (out.length >= WORKSPACE_SYMBOL_LIMIT) return out;
    }
  }
  return out;
}
