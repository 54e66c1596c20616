// The one protocol module shared by the VS Code client and the language server: every custom message
// is declared here once, with a comment saying which side sends it. Never re-declare these types on
// either side. Positions and ranges are LSP ones (0-based); `uri` strings are LSP document URIs.
// From vscode-jsonrpc itself (the classes vscode-languageserver-protocol re-exports): the extension
// imports these constants at activation, and the whole protocol package took a third of its load time.
import { NotificationType, RequestType } from 'vscode-jsonrpc';
import type { StageCount } from './statusStages';
import type { CoverageLabel, TraceRow } from './traceRow';
import type { SvgNode } from './svgTree';

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

export interface BurnupPointNode {
  date: string;
  commit: string;
  scope: number;
  done: number;
  entered: string[];
  left: string[];
  notes: string[];
}

export type BurnupResultNode = { ok: true; points: BurnupPointNode[]; chart: SvgNode } | { ok: false; reason: string };

/** Client → server: a roadmap item's scope, breakdown, coverage, overdue and blocked requirements (null: no such item). */
export const ReleaseRequest = new RequestType<ReleaseParams, ReleaseResult | null, void>('spectrace/release');
/** Client → server: a roadmap item's burn-up from the git history of the spec files, with its chart; or why there is none. */
export const BurnupRequest = new RequestType<ReleaseParams, BurnupResultNode, void>('spectrace/burnup');
