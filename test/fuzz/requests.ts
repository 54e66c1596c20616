// Random LSP requests at random positions, as an impatient editor sends them. Every draw comes from the
// PRNG only (never from a server answer), so a seed always produces the same request sequence.
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Prng } from './prng';
import { planCustom } from './customRequests';
import { randomPosition, randomRange } from './docModel';

export interface PlannedRequest {
  method: string;
  params: unknown;
  /** Cancel the request this many ms after sending it (the server must still answer). */
  cancelAfterMs?: number;
}

const NEW_NAMES: readonly string[] = ['PAY-100', 'PAY-2', 'CART-1', '', ' ', 'bad name', '\u0420\u0410Y-1', 'pay-7', 'X'.repeat(2000), 'PAY-1\n', 'Z-1', 'SRCH-99', '"', '../x'];

const METHODS: readonly (readonly [number, string])[] = [
  [12, 'textDocument/completion'],
  [12, 'textDocument/hover'],
  [8, 'textDocument/definition'],
  [6, 'textDocument/references'],
  [6, 'textDocument/codeLens'],
  [5, 'textDocument/documentSymbol'],
  [6, 'textDocument/inlayHint'],
  [8, 'textDocument/codeAction'],
  [6, 'textDocument/prepareRename'],
  [6, 'textDocument/rename'],
  [2, 'textDocument/foldingRange'],
  [2, 'textDocument/selectionRange'],
  [3, 'workspace/symbol'],
  [10, 'custom'],
];

/**
 * One random request on `doc`. `diagnostics` (what the server last published for the document) is
 * only passed through to code actions, never used to draw.
 */
export function planRequest(rng: Prng, doc: TextDocument, diagnostics: Diagnostic[]): PlannedRequest {
  const method = rng.weighted(METHODS);
  const textDocument = { uri: doc.uri };
  const cancelAfterMs = rng.chance(0.08) ? rng.int(0, 5) : undefined;
  const plan = (m: string, params: unknown): PlannedRequest => (cancelAfterMs === undefined ? { method: m, params } : { method: m, params, cancelAfterMs });
  switch (method) {
    case 'textDocument/completion':
      return plan(method, {
        textDocument,
        position: randomPosition(doc, rng),
        context: rng.chance(0.5) ? { triggerKind: 1 } : { triggerKind: 2, triggerCharacter: rng.pick([':', ' ', '-', ',', '[', '@']) },
      });
    case 'textDocument/references':
      return plan(method, { textDocument, position: randomPosition(doc, rng), context: { includeDeclaration: rng.chance(0.5) } });
    case 'textDocument/codeLens':
    case 'textDocument/documentSymbol':
    case 'textDocument/foldingRange':
      return plan(method, { textDocument });
    case 'textDocument/inlayHint':
      return plan(method, { textDocument, range: rng.chance(0.5) ? { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } } : randomRange(doc, rng) });
    case 'textDocument/codeAction': {
      const range = randomRange(doc, rng);
      const all = rng.chance(0.3);
      const overlapping = diagnostics.filter((d) => all || (d.range.start.line <= range.end.line && d.range.end.line >= range.start.line));
      return plan(method, { textDocument, range, context: { diagnostics: overlapping, only: rng.chance(0.2) ? ['quickfix'] : undefined, triggerKind: rng.pick([1, 2]) } });
    }
    case 'textDocument/rename':
      return plan(method, { textDocument, position: randomPosition(doc, rng), newName: rng.chance(0.5) ? rng.pick(NEW_NAMES) : `FZ-${rng.int(1, 500)}` });
    case 'textDocument/selectionRange':
      return plan(method, { textDocument, positions: [randomPosition(doc, rng), randomPosition(doc, rng)] });
    case 'workspace/symbol':
      return plan(method, { query: rng.pick(['', 'PAY', 'pay', 'card', 'R-20', '\u0420', '*', '(a+)+$', 'x'.repeat(500)]) });
    case 'custom': {
      const c = planCustom(rng, doc);
      return plan(c.method, c.params);
    }
    default:
      // hover, definition, prepareRename
      return plan(method, { textDocument, position: randomPosition(doc, rng) });
  }
}
