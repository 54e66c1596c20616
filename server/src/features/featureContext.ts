// What every feature module receives: the workspace index of the document's folder, the folder's
// settings, and the URI <-> path mapping. Features are pure functions of this context, the document,
// the LSP params and a cancellation token; they never touch the connection.
import type { BurnupSource } from '../engine/releases/burnupSource';
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SpectraceSettings } from '../shared/protocol';
import type { WorkspaceIndexReader } from '../engine/index/indexReader';
import type { ReviewHistory } from '../engine/review/olderText';

export interface FeatureContext {
  index: WorkspaceIndexReader;
  /** Absolute path of the workspace folder. */
  root: string;
  settings: SpectraceSettings;
  /** False in an untrusted workspace: built-in schemas and the default ID pattern only. */
  trusted: boolean;
  /** Absolute path of a document URI (undefined for non-file URIs). */
  pathOf(uri: string): string | undefined;
  /** The document URI of an absolute path. */
  uriOf(file: string): string;
  /** The version of an open document, undefined when the file is not open. */
  versionOf(file: string): number | undefined;
  /** The current text of a file: the open document's, else the disk content (undefined when unreadable). */
  textOf(file: string): string | undefined;
  /** Whether the client can apply versioned `documentChanges` (then edits carry versions). */
  documentChanges: boolean;
  /** Whether the client accepts snippet completion items. */
  snippets: boolean;
  /** Whether the client accepts Markdown in hover / documentation. */
  markdown: boolean;
  /** Reads older versions of spec files (git), for change review's diffs; none in an untrusted workspace. */
  history?: ReviewHistory;
  /** The folder's spec history, for burn-up charts (absent: no chart, with a reason). */
  burnups?: BurnupSource;
  /** Files Spectrace must not edit (those of a folder included read only by `include:`); none when undefined. */
  readOnly?: (file: string) => boolean;
}

export interface FeatureRequest<P> {
  ctx: FeatureContext;
  document: TextDocument;
  /** Absolute path of the document. */
  file: string;
  params: P;
  token: CancellationToken;
}
