// JUnit XML for CI test dashboards. Two suites:
//   "coverage policy": one test case per requirement under the policy; a failure when not satisfied,
//                      skipped when exempt (with its written reason);
//   "diagnostics":     one test case per checked file (spec files, the config, and every file with a
//                      diagnostic); a failure listing its errors, other findings in system-out.
import { escapeXml, escapeXmlText } from './escape';
import type { CheckReport, PolicyCase, ReportDiagnostic } from './reportModel';
import { plural } from '../../shared/plural';

function policyFailure(c: PolicyCase): string {
  return (
    `${c.id} has ${plural(c.implementations, 'implementation')} and ${plural(c.tests, 'test')}; ` +
    `the coverage policy asks for at least ${plural(c.requiredImplementations, 'implementation')} and ${plural(c.requiredTests, 'test')}`
  );
}

function diagnosticText(d: ReportDiagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;
}

interface Case {
  name: string;
  classname: string;
  file: string;
  line?: number;
  failure?: { message: string; type: string; body: string };
  skipped?: string;
  out?: string;
}

function renderCase(c: Case): string {
  const attrs = [`name="${escapeXml(c.name)}"`, `classname="${escapeXml(c.classname)}"`, `file="${escapeXml(c.file)}"`];
  if (c.line !== undefined) attrs.push(`line="${c.line}"`);
  const inner: string[] = [];
  if (c.failure) {
    inner.push(`      <failure message="${escapeXml(c.failure.message)}" type="${escapeXml(c.failure.type)}">${escapeXmlText(c.failure.body)}</failure>`);
  }
  if (c.skipped !== undefined) inner.push(`      <skipped message="${escapeXml(c.skipped)}"/>`);
  if (c.out !== undefined) inner.push(`      <system-out>${escapeXmlText(c.out)}</system-out>`);
  if (inner.length === 0) return `    <testcase ${attrs.join(' ')}/>`;
  return `    <testcase ${attrs.join(' ')}>\n${inner.join('\n')}\n    </testcase>`;
}

function renderSuite(name: string, cases: Case[]): string {
  const failures = cases.filter((c) => c.failure).length;
  const skipped = cases.filter((c) => c.skipped !== undefined).length;
  const head = `  <testsuite name="${escapeXml(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`;
  return [head, ...cases.map(renderCase), '  </testsuite>'].join('\n');
}

export function renderJunit(report: CheckReport): string {
  const policy: Case[] = report.policy.map((c) => {
    const name = c.title ? `${c.id} ${c.title}` : c.id;
    const base: Case = { name, classname: 'coverage policy', file: c.file, line: c.line };
    if (c.exemptReason !== undefined) return { ...base, skipped: `exempt: ${c.exemptReason}` };
    if (c.satisfied) return base;
    const message = policyFailure(c);
    return { ...base, failure: { message, type: 'uncovered-requirement', body: `${c.file}:${c.line}: ${message}` } };
  });

  const byFile = new Map<string, ReportDiagnostic[]>();
  for (const file of report.specFiles) byFile.set(file, []);
  for (const d of report.diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const files: Case[] = [...byFile.keys()].sort().map((file) => {
    const all = byFile.get(file) ?? [];
    const errors = all.filter((d) => d.severity === 'error');
    const others = all.filter((d) => d.severity !== 'error');
    const c: Case = { name: file, classname: 'diagnostics', file };
    if (errors.length > 0) {
      c.failure = { message: `${plural(errors.length, 'error')} in ${file}`, type: 'spectrace', body: errors.map(diagnosticText).join('\n') };
    }
    if (others.length > 0) c.out = others.map(diagnosticText).join('\n');
    return c;
  });

  const tests = policy.length + files.length;
  const failures = [...policy, ...files].filter((c) => c.failure).length;
  const skipped = policy.filter((c) => c.skipped !== undefined).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(report.tool.name)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`,
    renderSuite('coverage policy', policy),
    renderSuite('diagnostics', files),
    '</testsuites>',
    '',
  ].join('\n');
}
