// Quick fixes for a value the schema's enum does not allow: one "Replace" action per allowed value, in
// the schema's order, so the user picks by meaning. Only a misspelling (`shuld` -> `should`) gets a
// preferred action; a word far from every value (`urgent`) gets none, so no fix reverses its meaning.
import { CodeActionKind } from 'vscode-languageserver';
import type { CodeAction, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import type { FixData, SpecDiagnostic } from '../../engine/types';
import { quoted } from '../../engine/text/quote';
import { toLspRange } from '../lspRange';
import type { FeatureRequest } from '../featureContext';
import { EditBuilder } from '../edits';

type ReplaceValue = Extract<FixData, { kind: 'replace-value' }>;

export function enumFixes(req: FeatureRequest<CodeActionParams>, live: SpecDiagnostic, data: ReplaceValue, lspDiag: Diagnostic): CodeAction[] {
  const written = req.document.getText(toLspRange(live.range));
  return data.values.map((value) => {
    const edits = new EditBuilder(req.ctx);
    edits.add(req.file, { range: toLspRange(live.range), newText: value });
    const action: CodeAction = {
      title: written ? `Replace ${quoted(written)} with ${quoted(value)}` : `Set to ${quoted(value)}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [lspDiag],
      edit: edits.build(),
    };
    if (value === data.typoOf) action.isPreferred = true;
    return action;
  });
}
