// Engine ranges as LSP ranges. Engine ranges already use LSP conventions (0-based line, UTF-16
// character): the conversion is a copy into the protocol's type.
import type { Range as LspRange } from 'vscode-languageserver';
import type { Range } from '../engine/types';

export function toLspRange(r: Range): LspRange {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}
