// The workspace index: every spec item, reference and code tag of one workspace folder, kept current
// file by file, with the cross-file rules and the queries the server, the CLI and the reports use.
// SKELETON: the public API is fixed; the implementation lands in the following commits.
import * as path from 'node:path';
import { CONFIG_FILE_NAME, defaultConfig } from './config';
import type {
  CodeFile,
  CodeTag,
  CoverageState,
  CoverageTotals,
  Location,
  Position,
  Range,
  RequirementTrace,
  RoadmapProgress,
  SpecDiagnostic,
  SpecFile,
  SpecItem,
  SpectraceConfig,
} from './types';

export interface WorkspaceIndexOptions {
  /** The clock for overdue roadmap items (tests inject a fixed date). */
  now?: () => Date;
  /** False in an untrusted workspace: no workspace-provided schema or pattern is loaded. Default true. */
  trusted?: boolean;
  /** Reads custom schema files (and code files again after a tag-word change); undefined when unreadable. */
  readFile?: (absPath: string) => string | undefined;
}

export type FileClass = 'spec' | 'code' | 'config' | 'none';

export interface IdAtResult {
  id: string;
  range: Range;
  role: 'definition' | 'reference' | 'tag';
}

export interface ReferencesResult {
  /** The items defining the id (a SpecItem is a Location: its file and whole range; `idRange` is on it). */
  definitions: SpecItem[];
  specReferences: Location[];
  implementations: CodeTag[];
  tests: CodeTag[];
}

export class WorkspaceIndex {
  readonly root: string;
  private _version = 0;
  private _config: SpectraceConfig = defaultConfig();
  private readonly _configFile: string;

  constructor(root: string, options: WorkspaceIndexOptions = {}) {
    this.root = root;
    this._configFile = path.join(root, CONFIG_FILE_NAME);
    void options;
  }

  get version(): number {
    return this._version;
  }
  get config(): SpectraceConfig {
    return this._config;
  }
  get configFile(): string {
    return this._configFile;
  }

  setConfig(text: string | undefined): void {
    void text;
    this._version++;
  }
  classify(file: string): FileClass {
    return file === this._configFile ? 'config' : 'none';
  }
  updateFile(file: string, text: string): void {
    void file;
    void text;
  }
  removeFile(file: string): void {
    void file;
  }
  isSchemaFile(file: string): boolean {
    void file;
    return false;
  }
  diagnostics(): Map<string, SpecDiagnostic[]> {
    return new Map();
  }
  diagnosticsFor(file: string): SpecDiagnostic[] {
    void file;
    return [];
  }
  specFiles(): SpecFile[] {
    return [];
  }
  specFile(file: string): SpecFile | undefined {
    void file;
    return undefined;
  }
  codeFiles(): CodeFile[] {
    return [];
  }
  codeFile(file: string): CodeFile | undefined {
    void file;
    return undefined;
  }
  requirements(): SpecItem[] {
    return [];
  }
  roadmapItems(): SpecItem[] {
    return [];
  }
  definitions(id: string): SpecItem[] {
    void id;
    return [];
  }
  item(id: string): SpecItem | undefined {
    return this.definitions(id)[0];
  }
  trace(id: string): RequirementTrace | undefined {
    void id;
    return undefined;
  }
  coverage(id: string): CoverageState | undefined {
    void id;
    return undefined;
  }
  coverageTotals(): CoverageTotals {
    return { requirements: 0, underPolicy: 0, satisfied: 0, implemented: 0, tested: 0 };
  }
  roadmapProgress(): RoadmapProgress[] {
    return [];
  }
  nextFreeId(prefix: string): string {
    return `${prefix.replace(/-+$/, '')}-1`;
  }
  search(query: string, limit?: number): SpecItem[] {
    void query;
    void limit;
    return [];
  }
  referencesTo(id: string): ReferencesResult {
    void id;
    return { definitions: [], specReferences: [], implementations: [], tests: [] };
  }
  idAt(file: string, pos: Position): IdAtResult | undefined {
    void file;
    void pos;
    return undefined;
  }
}
