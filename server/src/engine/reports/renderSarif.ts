// SARIF 2.1.0 for GitHub code scanning and other CI viewers: one run, every rule with its help text
// and help page, one result per diagnostic with a physical location relative to %SRCROOT% (the
// checked folder), and the commit checked when the caller knows it (read by the CLI, not here).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location, Log, ReportingDescriptor, Result, Run } from 'sarif';
import type { DiagnosticCode, Severity } from '../types';
import type { CheckReport, ReportSpan } from './reportModel';
import { allRuleDocs } from './ruleDocs';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
/** The work tree's top folder, when the checked folder is below it. */
const REPOROOT = 'REPOROOT';

function level(severity: Severity): Result.level {
  if (severity === 'error') return 'error';
  if (severity === 'warning') return 'warning';
  return 'note';
}

/** Where the code's PascalCase would equal the id but for case: SARIF wants a `name` distinct from the `id`. */
const ONE_WORD_RULE_NAMES: Partial<Record<DiagnosticCode, string>> = { schema: 'SchemaMismatch' };

/** `duplicate-id` -> `DuplicateId`: SARIF's rule `name` is an identifier-like word. */
export function ruleName(code: DiagnosticCode): string {
  return ONE_WORD_RULE_NAMES[code] ?? code.replace(/(^|-)([a-z])/g, (_m, _sep: string, c: string) => c.toUpperCase());
}

/** The commit the checked folder is at (SARIF's versionControlProvenance). */
export interface SarifProvenance {
  /** The repository: its remote's URL, or the work tree's file URI. */
  repositoryUri: string;
  revisionId: string;
  branch: string | undefined;
  /** Absolute path of the work tree's top folder: result paths map to repository paths through it. */
  workTreeRoot: string;
}

export interface SarifOptions {
  provenance?: SarifProvenance;
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function uriReference(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function physical(span: ReportSpan): Location['physicalLocation'] {
  return {
    artifactLocation: { uri: uriReference(span.file), uriBaseId: SRCROOT },
    region: { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn },
  };
}

/** A folder's file URI; SARIF requires a base URI to end with a slash. */
function folderUri(folder: string): string {
  return pathToFileURL(folder).href.replace(/\/?$/, '/');
}

/**
 * The base URIs and the repository they map to. %SRCROOT% is the checked folder; in a subfolder of the
 * work tree it is given relative to REPOROOT (the top folder), which the provenance maps to the
 * repository, so every result's path resolves to a repository path.
 */
function locationBases(report: CheckReport, provenance: SarifProvenance | undefined): Pick<Run, 'originalUriBaseIds' | 'versionControlProvenance'> {
  const checked = { [SRCROOT]: { uri: folderUri(report.folderAbsolute) } };
  if (!provenance) return { originalUriBaseIds: checked };
  const details = { repositoryUri: provenance.repositoryUri, revisionId: provenance.revisionId, ...(provenance.branch !== undefined ? { branch: provenance.branch } : {}) };
  const inside = path.relative(provenance.workTreeRoot, report.folderAbsolute);
  if (inside === '') return { originalUriBaseIds: checked, versionControlProvenance: [{ ...details, mappedTo: { uriBaseId: SRCROOT } }] };
  if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return { originalUriBaseIds: checked, versionControlProvenance: [details] };
  return {
    originalUriBaseIds: {
      [REPOROOT]: { uri: folderUri(provenance.workTreeRoot) },
      [SRCROOT]: { uri: `${uriReference(inside.split(path.sep).join('/'))}/`, uriBaseId: REPOROOT },
    },
    versionControlProvenance: [{ ...details, mappedTo: { uriBaseId: REPOROOT } }],
  };
}

export function renderSarif(report: CheckReport, options: SarifOptions = {}): string {
  const docs = allRuleDocs();
  const rulesDocUri = report.tool.rulesDocUri;
  const rules: ReportingDescriptor[] = docs.map((doc) => ({
    id: doc.code,
    name: ruleName(doc.code),
    shortDescription: { text: doc.title },
    fullDescription: { text: doc.description },
    help: { text: doc.help, markdown: `**${doc.title}.** ${doc.description}\n\n**How to fix:** ${doc.help}` },
    ...(rulesDocUri !== undefined ? { helpUri: `${rulesDocUri}#${doc.code}` } : {}),
    // A rule that is off by default is described as disabled (SARIF's `enabled`), with the level it reports at once turned on.
    defaultConfiguration: doc.defaultSeverity === 'off' ? { enabled: false, level: 'note' } : { level: level(doc.defaultSeverity) },
    properties: { tags: ['spectrace', 'traceability'] },
  }));
  const ruleIndex = new Map(docs.map((doc, i) => [doc.code, i]));

  const results: Result[] = report.diagnostics.map((d) => {
    const result: Result = {
      ruleId: d.code,
      level: level(d.severity),
      message: { text: d.message },
      locations: [{ physicalLocation: physical(d) }],
    };
    const index = ruleIndex.get(d.code);
    if (index !== undefined) result.ruleIndex = index;
    if (d.related.length > 0) {
      result.relatedLocations = d.related.map((r, i) => ({ id: i + 1, physicalLocation: physical(r), message: { text: r.message } }));
    }
    return result;
  });

  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: report.tool.informationUri,
            rules,
          },
        },
        ...locationBases(report, options.provenance),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
