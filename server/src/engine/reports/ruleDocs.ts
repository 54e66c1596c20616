// One entry per diagnostic code: what it means and how to fix it. SARIF's rule metadata (shown by
// GitHub code scanning next to each alert) and `spectrace check --help` read these.
import { DEFAULT_SEVERITY } from '../config/config';
import type { DiagnosticCode, Severity } from '../types';

export interface RuleDoc {
  code: DiagnosticCode;
  /** A short name for lists. */
  title: string;
  /** One sentence: what the rule finds. */
  description: string;
  /** How to fix it. */
  help: string;
  defaultSeverity: Severity;
}

const DOCS: Record<DiagnosticCode, Omit<RuleDoc, 'code' | 'defaultSeverity'>> = {
  schema: {
    title: 'Spec field does not match its schema',
    description: 'A requirement or roadmap item has a missing required field, an unknown field, a value of the wrong type, or a value outside its allowed list.',
    help: 'Fix the field as the message says: add the missing field, correct the misspelt key or enum value (the message suggests the nearest one), or change the value to the expected type. The built-in schemas are in schemas/; a team schema is named under `schemas` in spectrace.yaml.',
  },
  'yaml-syntax': {
    title: 'YAML syntax error',
    description: 'The spec file is not valid YAML at this place (bad indentation, a tab, a duplicate key, an unclosed quote, too many aliases).',
    help: 'Correct the YAML at the marked line: indent with spaces only, keep each key once per item, close quotes and brackets. Items after the error are still checked.',
  },
  'invalid-config': {
    title: 'Invalid spectrace.yaml',
    description: 'A key of spectrace.yaml is unknown or has an invalid value, or a custom schema it names is missing or does not compile.',
    help: 'Correct the marked key in spectrace.yaml (the message names the expected value). Until then that key falls back to its default and the specs are still checked.',
  },
  'file-too-large': {
    title: 'File too large to check',
    description: 'The file is larger than `maxFileSize` in spectrace.yaml and was not parsed.',
    help: 'Split the spec file into several smaller files, or raise `maxFileSize` in spectrace.yaml.',
  },
  'duplicate-id': {
    title: 'Duplicate ID',
    description: 'Two requirements or roadmap items share one ID; IDs must be unique across the workspace.',
    help: 'Give one of the items a new ID (the quick fix proposes the next free one) and update the references to it.',
  },
  'unknown-reference': {
    title: 'Reference to an unknown ID',
    description: 'A `roadmap`, `parent` or `depends_on` value names no roadmap item or requirement.',
    help: 'Correct the ID (the message suggests the nearest existing one) or create the missing item.',
  },
  'dependency-cycle': {
    title: 'Dependency cycle',
    description: 'Requirements depend on each other in a circle through `depends_on`, so none of them can be done first.',
    help: 'Remove one `depends_on` edge of the cycle shown in the message.',
  },
  'parent-cycle': {
    title: 'Parent cycle',
    description: 'Requirements are each other\'s `parent` (directly or through others), so the hierarchy has no top.',
    help: 'Change one `parent` in the cycle so the hierarchy ends at an epic without a parent.',
  },
  'unknown-code-reference': {
    title: 'Code tag names an unknown requirement',
    description: 'An `@implements` or `@verifies` tag in code names an ID that no spec file defines.',
    help: 'Correct the ID in the tag, or add the requirement to a spec file.',
  },
  'inactive-code-reference': {
    title: 'Code tag names a rejected or deprecated requirement',
    description: 'An `@implements` or `@verifies` tag names a requirement whose status is rejected or deprecated.',
    help: 'Remove the tag (and the code, if it only served that requirement), or point it at the requirement that replaced it.',
  },
  'uncovered-requirement': {
    title: 'Requirement does not meet the coverage policy',
    description: 'A requirement under the `coverage` policy of spectrace.yaml has fewer implementations (`@implements`) or tests (`@verifies`) than the policy asks for.',
    help: 'Tag the code that implements the requirement with `@implements ID` and its test with `@verifies ID`, or write `coverage_exempt: <reason>` on the requirement if it needs no code of its own.',
  },
  'overdue-roadmap-item': {
    title: 'Overdue roadmap item',
    description: 'A roadmap item\'s `due` date has passed, it is not `done`, and some of its requirements are not implemented yet.',
    help: 'Finish or re-plan the outstanding requirements, move the `due` date, or set the item\'s status to done or cancelled.',
  },
  'status-mismatch': {
    title: 'Status does not match the code',
    description: 'A requirement is `verified` without any test, or `implemented` without any code tagged with its ID.',
    help: 'Tag the code and tests with the requirement\'s ID, or set its status back to what is true.',
  },
};

export function ruleDoc(code: DiagnosticCode): RuleDoc {
  return { code, ...DOCS[code], defaultSeverity: DEFAULT_SEVERITY[code] };
}

/** Every rule, in a stable order. */
export function allRuleDocs(): RuleDoc[] {
  return (Object.keys(DOCS) as DiagnosticCode[]).map(ruleDoc);
}
