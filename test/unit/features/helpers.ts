// An in-memory workspace for feature unit tests: a real engine WorkspaceIndex fed with strings
// (`updateFile(path, text)`), a FeatureContext over it, and TextDocuments for the files.
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceIndex } from '../../../server/src/engine/index/workspaceIndex';
import type { FeatureContext, FeatureRequest } from '../../../server/src/features/featureContext';
import { pathToUri, uriToPath } from '../../../server/src/lsp/uris';
import { DEFAULT_SETTINGS } from '../../../server/src/shared/protocol';
import type { SpectraceSettings } from '../../../server/src/shared/protocol';

export const ROOT = path.resolve('/ws');
export const NOW = new Date('2026-11-28T12:00:00Z');

export interface MemoryWorkspace {
  index: WorkspaceIndex;
  ctx: FeatureContext;
  /** Absolute path of a workspace-relative file. */
  abs(rel: string): string;
  doc(rel: string): TextDocument;
  /** Replace a file's text in the index and in its document. */
  set(rel: string, text: string): void;
  request<P>(rel: string, params: P, token?: CancellationToken): FeatureRequest<P>;
}

export interface MemoryOptions {
  config?: string;
  settings?: Partial<SpectraceSettings>;
  snippets?: boolean;
  markdown?: boolean;
  documentChanges?: boolean;
  trusted?: boolean;
}

export function memoryWorkspace(files: Record<string, string>, opts: MemoryOptions = {}): MemoryWorkspace {
  const texts = new Map<string, string>();
  const docs = new Map<string, TextDocument>();
  const abs = (rel: string) => path.join(ROOT, rel);
  const index = new WorkspaceIndex(ROOT, { now: () => NOW, trusted: opts.trusted ?? true, readFile: (f: string) => texts.get(f) });
  if (opts.config !== undefined) {
    texts.set(abs('spectrace.yaml'), opts.config);
    index.setConfig(opts.config);
  }
  const set = (rel: string, text: string) => {
    const file = abs(rel);
    texts.set(file, text);
    const old = docs.get(file);
    docs.set(file, TextDocument.create(pathToUri(file), rel.endsWith('.yaml') ? 'yaml' : 'typescript', (old?.version ?? 0) + 1, text));
    index.updateFile(file, text);
  };
  for (const [rel, text] of Object.entries(files)) set(rel, text);
  const ctx: FeatureContext = {
    index,
    root: ROOT,
    settings: { ...structuredClone(DEFAULT_SETTINGS), ...opts.settings },
    trusted: opts.trusted ?? true,
    pathOf: uriToPath,
    uriOf: pathToUri,
    versionOf: (file) => docs.get(file)?.version,
    textOf: (file) => texts.get(file),
    documentChanges: opts.documentChanges ?? true,
    snippets: opts.snippets ?? true,
    markdown: opts.markdown ?? true,
  };
  const doc = (rel: string) => {
    const d = docs.get(abs(rel));
    if (!d) throw new Error(`no document ${rel}`);
    return d;
  };
  return {
    index,
    ctx,
    abs,
    doc,
    set,
    request: <P>(rel: string, params: P, token: CancellationToken = new CancellationTokenSource().token) => ({ ctx, document: doc(rel), file: abs(rel), params, token }),
  };
}

/** The position of `search` (its `n`th occurrence) in a document, plus `offset`. */
export function at(doc: TextDocument, search: string, offset = 0, n = 0): { line: number; character: number } {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = doc.getText().indexOf(search, i + 1);
    if (i < 0) throw new Error(`"${search}" not in ${doc.uri}`);
  }
  return doc.positionAt(i + offset);
}

export const SPEC = `product: shop
requirements:
  - id: PAY-1
    title: Pay by card
    type: epic
    priority: must
    status: approved
    roadmap: R-1
  - id: PAY-2
    title: Pay with a saved card
    type: story
    priority: should
    status: in-progress
    roadmap: R-1
    parent: PAY-1
    depends_on: [PAY-1]
  - id: PAY-3
    title: Pay by invoice
    priority: could
    status: draft
`;

export const ROADMAP = `roadmap:
  - id: R-1
    title: First release
    type: release
    due: 2026-03-31
    status: active
  - id: R-2
    title: Second release
    type: release
    due: 2027-06-30
    status: planned
`;

export const CODE = `// @implements PAY-1, PAY-2
export function pay(): void {}
// @implements PAY-1
export function card(): void {}
`;

export const TEST = `// @verifies PAY-1
it('pays', () => {});
`;

export function standard(opts: MemoryOptions = {}): MemoryWorkspace {
  return memoryWorkspace({ 'specs/pay.yaml': SPEC, 'specs/roadmap.yaml': ROADMAP, 'src/pay.ts': CODE, 'test/pay.test.ts': TEST }, opts);
}
