// SARIF 2.1.0 for GitHub code scanning and other CI viewers: one run, every rule with its help text,
// one result per diagnostic with a physical location relative to %SRCROOT% (the checked folder).
import { pathToFileURL } from 'node:url';
import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import type { DiagnosticCode, Severity } from '../types';
import type { CheckReport, ReportSpan } from './reportModel';
import { allRuleDocs } from './ruleDocs';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

function level(severity: Severity): Result.level {
  if (severity === 'error') return 'error';
  if (severity === 'warning') return 'warning';
  return 'note';
}

/** `duplicate-id` -> `DuplicateId`: SARIF's rule `name` is an identifier-like word. */
function ruleName(code: DiagnosticCode): string {
  return code.replace(/(^|-)([a-z])/g, (_m, _sep: string, c: string) => c.toUpperCase());
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

export function renderSarif(report: CheckReport): string {
  const docs = allRuleDocs();
  const rules: ReportingDescriptor[] = docs.map((doc) => ({
    id: doc.code,
    name: ruleName(doc.code),
    shortDescription: { text: doc.title },
    fullDescription: { text: doc.description },
    help: { text: doc.help, markdown: `**${doc.title}.** ${doc.description}\n\n**How to fix:** ${doc.help}` },
    defaultConfiguration: { level: level(doc.defaultSeverity) },
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

  // SARIF requires a base URI to end with a slash.
  const base = pathToFileURL(report.folderAbsolute).href.replace(/\/?$/, '/');
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
        originalUriBaseIds: { [SRCROOT]: { uri: base } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
