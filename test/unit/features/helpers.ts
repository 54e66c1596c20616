// Feature unit tests: the in-memory workspace (test/support/memoryWorkspace.ts) with a FeatureContext
// over its index and TextDocuments for its files.
import { CancellationTokenSource } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceIndex } from '../../../server/src/engine/index/workspaceIndex';
import type { FeatureContext, FeatureRequest } from '../../../server/src/features/featureContext';
import { pathToUri, uriToPath } from '../../../server/src/lsp/uris';
import { DEFAULT_SETTINGS } from '../../../server/src/shared/protocol';
import type { SpectraceSettings } from '../../../server/src/shared/protocol';
import { NOW, ROOT, abs, memoryIndex, rel } from '../../support/memoryWorkspace';

export { NOW, ROOT };

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
  const docs = new Map<string, TextDocument>();
  const workspace = memoryIndex(opts.config === undefined ? {} : { 'spectrace.yaml': opts.config }, { trusted: opts.trusted ?? true });
  const set = (relPath: string, text: string) => {
    const file = abs(relPath);
    const old = docs.get(file);
    docs.set(file, TextDocument.create(pathToUri(file), relPath.endsWith('.yaml') ? 'yaml' : 'typescript', (old?.version ?? 0) + 1, text));
    workspace.set(relPath, text);
  };
  for (const [relPath, text] of Object.entries(files)) set(relPath, text);
  const ctx: FeatureContext = {
    index: workspace.index,
    root: ROOT,
    settings: { ...structuredClone(DEFAULT_SETTINGS), ...opts.settings },
    trusted: opts.trusted ?? true,
    pathOf: uriToPath,
    uriOf: pathToUri,
    versionOf: (file) => docs.get(file)?.version,
    textOf: (file) => workspace.files.get(rel(file)),
    documentChanges: opts.documentChanges ?? true,
    snippets: opts.snippets ?? true,
    markdown: opts.markdown ?? true,
  };
  const doc = (relPath: string) => {
    const d = docs.get(abs(relPath));
    if (!d) throw new Error(`no document ${relPath}`);
    return d;
  };
  return {
    index: workspace.index,
    ctx,
    abs,
    doc,
    set,
    request: <P>(relPath: string, params: P, token: CancellationToken = new CancellationTokenSource().token) => ({ ctx, document: doc(relPath), file: abs(relPath), params, token }),
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

/** A FeatureContext over a folder indexed from disk, with no open documents: what a server has for it. */
export function folderContext(index: WorkspaceIndex, root: string, textOf: FeatureContext['textOf'] = () => undefined): FeatureContext {
  return {
    index,
    root,
    settings: structuredClone(DEFAULT_SETTINGS),
    trusted: true,
    pathOf: uriToPath,
    uriOf: pathToUri,
    versionOf: () => undefined,
    textOf,
    documentChanges: true,
    snippets: true,
    markdown: true,
  };
}
