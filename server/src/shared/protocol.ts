// The one protocol module shared by the VS Code client and the language server: every custom message
// is declared here once, with a comment saying which side sends it. Never re-declare these types on
// either side. Positions and ranges are LSP ones (0-based); `uri` strings are LSP document URIs.
// From vscode-jsonrpc itself (the classes vscode-languageserver-protocol re-exports): the extension
// imports these constants at activation, and the whole protocol package took a third of its load time.
import { NotificationType, RequestType } from 'vscode-jsonrpc';
import type { BurnupPoint } from './burnupPoint';
import type { StageCount } from './statusStages';
import type { SvgNode } from './svgTree';
import type { CoverageLabel, TraceRow, TraceScore } from './traceRow';

export interface LspPosition {
  line: number;
  character: number;
}
export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}
export interface LspLocation {
  uri: string;
  range: LspRange;
}

/** One requirement as the client's views show it. */
export interface RequirementNode {
  id: string;
  title: string;
  status: string | undefined;
  priority: string | undefined;
  type: string | undefined;
  owner: string | undefined;
  tags: string[];
  roadmap: string | undefined;
  parent: string | undefined;
  product: string | undefined;
  /** Where the requirement is defined (its `id` value). */
  location: LspLocation;
  implementations: LspLocation[];
  tests: LspLocation[];
  coverage: CoverageLabel;
  /** Error-level diagnostics on this requirement's lines. */
  problems: number;
  /** The requirement's revision (1 when it has no `rev`). */
  rev: number;
  /** Links to this requirement reviewed against an older revision (0 when review is off). */
  suspect: number;
  /** The prioritisation score, when a scoring model is on and the inputs are usable. */
  score?: TraceScore;
  /** How many insights the requirement cites, and their distinct customers. */
  insights?: number;
  customers?: number;
}

/** One insight (customer evidence) as the Insights view shows it. */
export interface InsightNode {
  id: string;
  title: string;
  customer: string | undefined;
  segment: string | undefined;
  source: string | undefined;
  date: string | undefined;
  quote: string | undefined;
  /** 0–3 (none, nice, important, critical), when written as one. */
  importance: number | undefined;
  location: LspLocation;
  /** The requirements citing it, with their status. */
  addressedBy: { id: string; title: string; status: string | undefined; location: LspLocation }[];
}
export interface InsightsResult {
  folders: { folderUri: string; name: string; insights: InsightNode[] }[];
}

export interface FolderScopeParams {
  /** Limit to one workspace folder (its URI); all folders when omitted. */
  folderUri?: string;
}
export interface RequirementsTreeResult {
  folders: { folderUri: string; name: string; requirements: RequirementNode[] }[];
}

export interface RoadmapItemNode {
  id: string;
  title: string;
  type: string | undefined;
  status: string | undefined;
  start: string | undefined;
  due: string | undefined;
  parent: string | undefined;
  location: LspLocation;
  requirementIds: string[];
  /** Requirements implemented, verified or released, of `total`. */
  done: number;
  total: number;
  /** The requirements by stage of their status, most advanced first (shared/statusStages.ts). */
  stages: StageCount[];
  overdue: boolean;
}
export interface RoadmapResult {
  folders: { folderUri: string; name: string; items: RoadmapItemNode[] }[];
}

export interface TraceParams {
  id: string;
  /** The document the ID was found in, to pick the workspace folder. */
  uri?: string;
}
export interface TraceResult {
  requirement: RequirementNode;
  roadmapItem: RoadmapItemNode | undefined;
  parent: RequirementNode | undefined;
  children: RequirementNode[];
  dependencies: RequirementNode[];
  dependents: RequirementNode[];
}

/** One matrix row: the report's row (the same builder) and where its requirement, code and tests are. */
export interface MatrixRow extends TraceRow {
  /** Where the requirement is defined (its `id` value). */
  location: LspLocation;
  /** The locations of `implementations` and of `tests`, index for index. */
  implementationLocations: LspLocation[];
  testLocations: LspLocation[];
  /** Whether each implementation / test link is suspect, index for index with the locations. */
  suspectImplementations: boolean[];
  suspectTests: boolean[];
  /** The requirement's revision (1 when it has no `rev`). */
  rev: number;
}
export interface MatrixResult {
  rows: MatrixRow[];
}

export interface CoverageGap {
  kind:
    | 'uncovered-requirement'
    | 'unknown-code-reference'
    | 'inactive-code-reference'
    | 'overdue-roadmap-item'
    | 'status-mismatch'
    | 'suspect-link';
  message: string;
  id: string;
  location: LspLocation;
}
export interface CoverageGapsResult {
  gaps: CoverageGap[];
}

export interface SummaryResult {
  requirements: number;
  /** Requirements a coverage policy rule applies to, and how many of those meet it (exempt ones included). */
  underPolicy: number;
  satisfied: number;
  /** satisfied / underPolicy as a whole percentage; 100 when nothing is under the policy. */
  coveredPercent: number;
  /** Requirements with at least one implementation, and with at least one test. */
  implemented: number;
  tested: number;
  errors: number;
  warnings: number;
  /** False when the workspace is untrusted and runs with built-in schemas and patterns only. */
  trusted: boolean;
  /** Suspect links in the workspace (0 when review is off). */
  suspect: number;
}

export interface NextIdParams {
  prefix: string;
  uri?: string;
}
export interface NextIdResult {
  id: string;
}

export interface ReportParams {
  format: 'md' | 'html' | 'csv' | 'json';
  folderUri?: string;
}
export interface ReportResult {
  content: string;
}

export interface ReleaseNotesParams {
  roadmapId: string;
  format?: 'md' | 'html' | 'json';
  /** The folder holding the roadmap item; when omitted, the first folder that has it. */
  folderUri?: string;
}
export interface ReleaseNotesResult {
  content: string;
}

export type TimelineZoom = 'quarter' | 'month' | 'week';
export interface TimelineParams extends FolderScopeParams {
  zoom?: TimelineZoom;
}
export interface TimelineFolder {
  folderUri: string;
  name: string;
  /** The chart as an element tree: the webview builds it with DOM calls, never parsing markup. */
  svg: SvgNode;
  /** Its colours (CSS rules of the chart's own classes, reading VS Code's theme variables). */
  css: string;
  /** Where each drawn or undated item is, to open it. */
  locations: Record<string, LspLocation>;
  /** Items without a due date, listed under the chart. */
  undated: { id: string; title: string }[];
}
export interface TimelineResult {
  folders: TimelineFolder[];
}

export interface IdAtParams {
  textDocument: { uri: string };
  position: LspPosition;
}
export interface IdAtResult {
  id: string;
  /** The ID's range in the document. */
  range: LspRange;
  /** An item's own `id:` value, a reference to it in a spec, or a tag in code. */
  role: 'definition' | 'reference' | 'tag';
}

/** A link (code tag or spec reference) reviewed against an older revision of its requirement. */
export interface SuspectLink {
  id: string;
  linkedRev: number;
  currentRev: number;
  kind: 'implements' | 'verifies' | 'parent' | 'depends_on';
  /** The ID with its suffix in the linking file. */
  location: LspLocation;
  requirementLocation: LspLocation;
  /** The edit that marks the link reviewed (rewrites its suffix only). */
  reviewedEdit: { uri: string; range: LspRange; newText: string };
}
export interface SuspectLinksParams {
  folderUri?: string;
  /** Only the links to this requirement. */
  id?: string;
}
export interface SuspectLinksResult {
  links: SuspectLink[];
}

export interface ReviewTextParams {
  id: string;
  rev: number;
  /** The document the ID was found in, to pick the workspace folder. */
  uri?: string;
}
export interface ReviewTextResult {
  /** The review fields at that revision as plain text (one `field:` heading per field); null when unavailable. */
  text: string | null;
  /** Why there is no text (no git, shallow clone, not in history, untrusted workspace). */
  reason?: string;
}

export interface BumpRevisionParams {
  id: string;
  /** Refresh the fingerprint only, keeping the revision. */
  editorial?: boolean;
  uri?: string;
}
export type BumpRevisionResult = { changes: { [uri: string]: { range: LspRange; newText: string }[] } } | null;

/** One requirement as a card of the backlog board. */
export interface BoardCard {
  id: string;
  title: string;
  /** The `status` as written; undefined when the requirement has none. */
  status: string | undefined;
  priority: string | undefined;
  owner: string | undefined;
  roadmap: string | undefined;
  /** The roadmap item's title, when `roadmap` names one. */
  roadmapTitle: string | undefined;
  product: string | undefined;
  tags: string[];
  /** The prioritisation score of the workspace's scoring model; undefined when none applies. */
  score?: { value: number; label: string };
  /** How many distinct insights the requirement cites (`insights:`). */
  insightCount: number;
  /** Where the requirement is defined (its `id` value). */
  location: LspLocation;
}
export interface BoardResult {
  /** Every requirement with an ID, each column's cards in board order (score, then ID). */
  cards: BoardCard[];
  /** The roadmap items in roadmap order (by due date, undated last): the swim lanes' order. */
  roadmapItems: { id: string; title: string }[];
}

export interface BoardMoveParams {
  id: string;
  /** The status to write (one of the lifecycle statuses). */
  status: string;
  /** The card's document (its `location.uri`): picks the folder and, for a duplicate ID, the definition. */
  uri: string;
}
/** The edit that sets the status (for `version` of the document; null: the closed file on disk), or why there is none. */
export type BoardMoveResult =
  | { edit: { uri: string; version: number | null; edits: { range: LspRange; newText: string }[] } }
  | { refused: string };

export interface IndexChangedParams {
  /** The index version; the client refreshes its views when it changes. */
  version: number;
}

export interface TrustParams {
  trusted: boolean;
}

export interface ExportReqifParams {
  /** The workspace folder to export; required when several are open. */
  folderUri?: string;
  /** Also export the @implements / @verifies locations. */
  withCode?: boolean;
  /** LAST-CHANGE of every element (YYYY-MM-DD); default: each spec file's last commit date or modification time. */
  date?: string;
}
export interface ExportReqifResult {
  /** The ReqIF XML. */
  content: string;
  requirements: number;
  roadmapItems: number;
}

export interface ImportRequirementsParams {
  /** The CSV or ReqIF file to read (a file: URI). */
  fileUri: string;
  /** Default: by the file's extension (.reqif / .xml -> reqif, anything else csv). */
  format?: 'csv' | 'reqif';
  /** The spec file to write or update; default: specs/<file name>.yaml in the folder's workspace. */
  outUri?: string;
  /** The workspace folder to import into when neither `outUri` nor `fileUri` is inside one; default: the first. */
  folderUri?: string;
  mappingUri?: string;
  prefix?: string;
}
export interface ImportRequirementsResult {
  /** The spec file's new text; the client writes it (nothing is written by the server). */
  content: string;
  outUri: string;
  /** True when `outUri` exists and is updated rather than created. */
  updates: boolean;
  requirements: number;
  roadmapItems: number;
  /** One line per added or updated item. */
  changes: string[];
  /** The mapping used and what could not be carried over, one line each. */
  report: string[];
}

/** Client → server: requirements of every workspace folder, for the Requirements view. */
export const RequirementsTreeRequest = new RequestType<FolderScopeParams, RequirementsTreeResult, void>('spectrace/requirementsTree');
/** Client → server: roadmap items with progress, for the Roadmap view. */
export const RoadmapRequest = new RequestType<FolderScopeParams, RoadmapResult, void>('spectrace/roadmap');
/** Client → server: every insight with the requirements that address it (the Insights view). */
export const InsightsRequest = new RequestType<FolderScopeParams, InsightsResult, void>('spectrace/insights');
/** Client → server: the full trace of one requirement. */
export const TraceRequest = new RequestType<TraceParams, TraceResult | null, void>('spectrace/trace');
/** Client → server: the traceability matrix rows, for the webview. */
export const MatrixRequest = new RequestType<FolderScopeParams, MatrixResult, void>('spectrace/matrix');
/** Client → server: what fails the coverage policy, dangling tags, overdue items. */
export const CoverageGapsRequest = new RequestType<FolderScopeParams, CoverageGapsResult, void>('spectrace/coverageGaps');
/** Client → server: workspace totals for the status bar. */
export const SummaryRequest = new RequestType<FolderScopeParams, SummaryResult, void>('spectrace/summary');
/** Client → server: the next free requirement ID for a prefix. */
export const NextIdRequest = new RequestType<NextIdParams, NextIdResult, void>('spectrace/nextId');
/** Client → server: a rendered traceability report (the same renderers as the CLI). */
export const ReportRequest = new RequestType<ReportParams, ReportResult, void>('spectrace/report');
/** Client → server: the requirement or roadmap ID at a position of a spec or code file (null elsewhere); drives the `spectrace.cursorOnId` context key. */
export const IdAtRequest = new RequestType<IdAtParams, IdAtResult | null, void>('spectrace/idAt');
/** Client → server: the folder's specs as ReqIF (the same exporter as `spectrace export reqif`). */
export const ExportReqifRequest = new RequestType<ExportReqifParams, ExportReqifResult, void>('spectrace/exportReqif');
/** Client → server: a CSV or ReqIF file converted to a spec file's text (the same importers as `spectrace import`). */
export const ImportRequirementsRequest = new RequestType<ImportRequirementsParams, ImportRequirementsResult, void>('spectrace/importRequirements');
/** Client → server: every suspect link (of one folder or one requirement). */
export const SuspectLinksRequest = new RequestType<SuspectLinksParams, SuspectLinksResult, void>('spectrace/suspectLinks');
/** Client → server: a requirement's review fields at a revision, for the diff editor (older ones from git). */
export const ReviewTextRequest = new RequestType<ReviewTextParams, ReviewTextResult, void>('spectrace/reviewText');
/** Client → server: the edit that bumps (or, editorial, only re-fingerprints) a requirement; the client applies it. */
export const BumpRevisionRequest = new RequestType<BumpRevisionParams, BumpRevisionResult, void>('spectrace/bumpRevision');
/** Client → server: the release notes of one roadmap item (the same builder as `spectrace release-notes`). */
export const ReleaseNotesRequest = new RequestType<ReleaseNotesParams, ReleaseNotesResult, void>('spectrace/releaseNotes');
/** Client → server: the roadmap timeline of every folder (or one), for the webview. */
export const TimelineRequest = new RequestType<TimelineParams, TimelineResult, void>('spectrace/timeline');
/** Client → server: every requirement as a backlog board card. */
export const BoardRequest = new RequestType<FolderScopeParams, BoardResult, void>('spectrace/board');
/** Client → server: the edit that moves a requirement to another status column (only its `status:` value); the client applies it. */
export const BoardMoveRequest = new RequestType<BoardMoveParams, BoardMoveResult, void>('spectrace/boardMove');
/** Server → client: the index changed; views and status bar refresh. */
export const IndexChangedNotification = new NotificationType<IndexChangedParams>('spectrace/indexChanged');
/** Client → server: workspace trust was granted (the server reloads workspace schemas and patterns). */
export const TrustChangedNotification = new NotificationType<TrustParams>('spectrace/trustChanged');

/** Sent by the client as `initializationOptions`. */
export interface InitializationOptions {
  trusted: boolean;
  /** A folder where the server may persist its index cache (the extension's storage). */
  storagePath?: string;
}

/** The `spectrace` settings section, pulled per workspace folder with workspace/configuration. */
export interface SpectraceSettings {
  /** `codeFiles`: lenses above tags in code too (the inlay hint already names the requirement there). */
  codeLens: { enabled: boolean; codeFiles: boolean };
  inlayHints: { enabled: boolean };
  codeScanning: { enabled: boolean };
  maxFileSize: number;
  trace: { server: 'off' | 'messages' | 'verbose' };
}

/** package.json's contributes.configuration defaults (test/unit/lsp/settingsDefaults.test.ts keeps them equal). */
export const DEFAULT_SETTINGS: SpectraceSettings = {
  codeLens: { enabled: true, codeFiles: false },
  inlayHints: { enabled: true },
  codeScanning: { enabled: true },
  maxFileSize: 1048576,
  trace: { server: 'off' },
};

/** Command IDs the server puts into code lenses; the client registers them. */
export const Commands = {
  showLocations: 'spectrace.showLocations',
  newRequirement: 'spectrace.newRequirement',
  goToRequirement: 'spectrace.goToRequirement',
  showMatrix: 'spectrace.showMatrix',
  exportReport: 'spectrace.exportReport',
  exportReqif: 'spectrace.exportReqif',
  importRequirements: 'spectrace.importRequirements',
  copyId: 'spectrace.copyId',
  revealRequirement: 'spectrace.revealRequirement',
  refresh: 'spectrace.refresh',
  restartServer: 'spectrace.restartServer',
  createStarter: 'spectrace.createStarter',
  reviewSuspectLinks: 'spectrace.reviewSuspectLinks',
  bumpRevision: 'spectrace.bumpRevision',
  releaseNotes: 'spectrace.releaseNotes',
  showTimeline: 'spectrace.showTimeline',
  showBoard: 'spectrace.showBoard',
  showRelease: 'spectrace.showRelease',
} as const;

/** Arguments of the `spectrace.showRelease` command (a code lens, the Roadmap view's context menu). */
export interface ShowReleaseArgs {
  id: string;
  /** A document of the item's folder, to pick the folder in a multi-root workspace. */
  uri?: string;
}

/** Arguments of the `spectrace.showLocations` command a code lens carries. */
export interface ShowLocationsArgs {
  uri: string;
  position: LspPosition;
  locations: LspLocation[];
}

// ---------------------------------------------------------------------------------------------
// Browser build only: the language server runs in a Web Worker without a file system, and reads the
// workspace through the client (vscode.workspace.findFiles and workspace.fs). Server -> client.

export interface ListFilesParams {
  /** The workspace folder. */
  folderUri: string;
  /** Globs relative to the folder (`specs/**`, `**`); a file matching any of them is listed. */
  globs: string[];
  /** At most this many files (the answer says when there were more). */
  maxResults: number;
}
export interface ListFilesResult {
  uris: string[];
  truncated: boolean;
}
/** The files of a workspace folder (never below node_modules, .git, .hg or .svn). */
export const ListFilesRequest = new RequestType<ListFilesParams, ListFilesResult, void>('spectrace/listFiles');

export interface ReadFilesParams {
  uris: string[];
  /** Larger files are not read: `too-large`. */
  maxBytes: number;
  /** A NUL byte in the first 8 KiB makes the file `binary` instead of text. */
  checkBinary: boolean;
}
/** One file's outcome, in the order asked (UTF-8 text without a byte order mark). */
export type FileReadResult =
  | { kind: 'text'; text: string }
  | { kind: 'missing' }
  | { kind: 'binary'; detail: string }
  | { kind: 'too-large'; detail: string };
export const ReadFilesRequest = new RequestType<ReadFilesParams, FileReadResult[], void>('spectrace/readFiles');

/**
 * Browser build: the first message the extension posts to the server's Web Worker, before the
 * language client starts: the workspace's URI, whose scheme and authority name its files.
 */
export interface WorkerSetup {
  workspaceUri: string | undefined;
}
// Release view

export interface ReleaseParams {
  /** The roadmap item's ID. */
  id: string;
  /** The workspace folder (its URI); the first folder that has the item when omitted. */
  folderUri?: string;
}

/** A roadmap item of a release's scope (the item itself at depth 0, the items below it deeper). */
export interface ReleaseItemNode {
  id: string;
  title: string;
  status: string | undefined;
  start: string | undefined;
  due: string | undefined;
  depth: number;
  location: LspLocation;
}

/** A requirement of a release's scope. */
export interface ReleaseRequirementNode {
  id: string;
  title: string;
  status: string;
  priority: string;
  /** The roadmap item of the scope it is planned for. */
  plannedFor: string;
  /** done (implemented, verified, released), dropped (rejected, deprecated) or unfinished. */
  state: 'done' | 'unfinished' | 'dropped';
  coverage: CoverageLabel;
  location: LspLocation;
  implementations: LspLocation[];
  tests: LspLocation[];
  /** Its roadmap item is past due and it is not finished. */
  overdue: boolean;
  /** The unfinished requirements it depends on. */
  blockedBy: { id: string; status: string | undefined; roadmap: string | undefined; location: LspLocation }[];
}

export interface ReleaseResult {
  folderUri: string;
  item: ReleaseItemNode & { type: string | undefined };
  items: ReleaseItemNode[];
  total: number;
  done: number;
  byStatus: { value: string; count: number }[];
  byPriority: { value: string; count: number }[];
  coverage: { implemented: number; tested: number; uncovered: number; policyUnmet: number };
  requirements: ReleaseRequirementNode[];
  /** Today as the server counts overdue (YYYY-MM-DD). */
  today: string;
}

export type BurnupPointNode = BurnupPoint;

export type BurnupResultNode = { ok: true; points: BurnupPointNode[]; chart: SvgNode } | { ok: false; reason: string };

/** Client → server: a roadmap item's scope, breakdown, coverage, overdue and blocked requirements (null: no such item). */
export const ReleaseRequest = new RequestType<ReleaseParams, ReleaseResult | null, void>('spectrace/release');
/** Client → server: a roadmap item's burn-up from the git history of the spec files, with its chart; or why there is none. */
export const BurnupRequest = new RequestType<ReleaseParams, BurnupResultNode, void>('spectrace/burnup');
