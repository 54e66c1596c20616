// One entry per diagnostic code: what it means, where it is reported and how to fix it. SARIF's rule
// metadata (shown by GitHub code scanning next to each alert) and docs/rules.md
// (scripts/gen-rule-docs.ts, `npm run gen:docs`) read these, so the docs cannot drift from the code.
import { DEFAULT_SEVERITY } from '../config/config';
import type { DiagnosticCode, RuleSetting } from '../types';

/** `file`: found in one file on its own; `cross-file`: a link between items or to code (the workspace index). */
export type RuleScope = 'file' | 'cross-file';

export interface RuleDoc {
  code: DiagnosticCode;
  /** A short name for lists. */
  title: string;
  /** One sentence: what the rule finds. */
  description: string;
  /** How to fix it, in sentences (SARIF's rule help text). */
  help: string;
  /** `off`: the rule runs only when spectrace.yaml turns it on under `rules:`. */
  defaultSeverity: RuleSetting;
  scope: RuleScope;
  /** Where the diagnostic's range is (Markdown). */
  where: string;
  /** Messages the rule reports, word for word (from examples/broken). */
  examples: string[];
  /** The rule's heading anchor in docs/rules.md; stable, equal to the code. */
  anchor: string;
}

/** The generated rule reference, relative to the repository root. */
export const RULES_DOC_PATH = 'docs/rules.md';

/** The rule's section in the rule reference, relative to the repository root (`docs/rules.md#schema`). */
export function ruleDocLink(code: DiagnosticCode): string {
  return `${RULES_DOC_PATH}#${code}`;
}

const DOCS: Record<DiagnosticCode, Omit<RuleDoc, 'code' | 'defaultSeverity' | 'anchor'>> = {
  schema: {
    scope: 'file',
    title: 'Spec field does not match its schema',
    description: 'A requirement or roadmap item has a missing required field, an unknown field, a value of the wrong type, or a value outside its allowed list.',
    help: 'Fix the field as the message says: add the missing field, correct the misspelt key or enum value (the message names the allowed values and, for a typo, the one probably meant; the quick fixes offer each allowed value, preferring one only for a typo), or change the value to the expected type. The built-in schemas are in schemas/; a team schema is named under `schemas` in spectrace.yaml.',
    where: 'The offending value; the item\'s `- id:` line for a missing field; the key for an unknown field. A file whose top level is a list or a scalar gets one diagnostic at its first line.',
    examples: [
      '“shuld” is not a valid priority: use must, should, could or wont — did you mean “should”?',
      'missing required field “title”',
      'unknown field “priorty” — did you mean “priority”?',
    ],
  },
  'yaml-syntax': {
    scope: 'file',
    title: 'YAML syntax error',
    description: 'The spec file is not valid YAML at this place (bad indentation, a tab, a duplicate key, an unclosed quote, too many aliases).',
    help: 'Correct the YAML at the marked line: indent with spaces only, keep each key once per item, close quotes and brackets. Items after the error are still checked.',
    where: 'The broken token; validation goes on for everything that parsed.',
    examples: [
      'duplicate key “status” — each key may appear once in a mapping',
      'Tabs are not allowed for indentation in YAML — indent with spaces',
      'too many alias expansions (an "alias bomb"): the aliases in this file would expand beyond the limit of 100, so their values were not read — remove the nested *alias references',
    ],
  },
  'invalid-config': {
    scope: 'file',
    title: 'Invalid spectrace.yaml',
    description: 'A key of spectrace.yaml is unknown or has an invalid value, a custom schema it names is missing or does not compile, or a folder its `include:` names cannot be read.',
    help: 'Correct the marked key in spectrace.yaml (the message names the expected value). Until then that key falls back to its default and the specs are still checked.',
    where: 'The key in `spectrace.yaml`, or the line naming a custom schema that does not load or an included folder that cannot be read.',
    examples: [
      '“loud” is not a valid value for “rules.status-mismatch”: use error, warning, info, hint or off',
      'unknown field “idPatern” — did you mean “idPattern”?',
      'custom requirement schema “schemas/team-requirement.schema.json” is not a valid JSON Schema: “required” must be a list',
    ],
  },
  'file-too-large': {
    scope: 'file',
    title: 'File too large to check',
    description: 'The file is larger than `maxSpecFileSize` in spectrace.yaml and was not parsed.',
    help: 'Split the spec file into several smaller files, or raise `maxSpecFileSize` in spectrace.yaml.',
    where: 'Line 1 of a spec file over `maxSpecFileSize` (default 16 MiB).',
    examples: [
      'file too large to check: 50.0 MiB is over the 16.0 MiB limit — split the file or raise maxSpecFileSize in spectrace.yaml',
    ],
  },
  'duplicate-id': {
    scope: 'cross-file',
    title: 'Duplicate ID',
    description: 'Two requirements or roadmap items share one ID; IDs must be unique across the workspace.',
    help: 'Give one of the items a new ID and update the references to it. The quick fix proposes the next free ID: the highest number of the prefix plus one (gaps are not reused).',
    where: 'Every definition\'s `id`, with related information pointing at the others.',
    examples: [
      'Duplicate ID PAY-1: also defined in specs/wallets.yaml:7. IDs must be unique across the workspace (next free: PAY-4)',
    ],
  },
  'unknown-reference': {
    scope: 'cross-file',
    title: 'Reference to an unknown ID',
    description: 'A `roadmap`, `parent` or `depends_on` value names no roadmap item or requirement, or names an item of the wrong kind (a requirement in `roadmap`).',
    help: 'Correct the ID (the message suggests the nearest existing one) or create the missing item.',
    where: 'The ID in `roadmap`, `parent` or `depends_on`.',
    examples: [
      'Unknown requirement PAY-11 in “depends_on” — did you mean PAY-1?',
      'Unknown roadmap item SUMMER-RELEASE in “roadmap”: no spec file defines it',
    ],
  },
  'dependency-cycle': {
    scope: 'cross-file',
    title: 'Dependency cycle',
    description: 'Requirements depend on each other in a circle through `depends_on`, so none of them can be done first.',
    help: 'Remove one `depends_on` edge of the cycle shown in the message.',
    where: 'Each `depends_on` edge of the cycle.',
    examples: [
      'Dependency cycle: PAY-1 → PAY-2 → PAY-3 → PAY-1 — none of these can be done first; remove one depends_on link',
    ],
  },
  'parent-cycle': {
    scope: 'cross-file',
    title: 'Parent cycle',
    description: 'Requirements or roadmap items are each other\'s `parent` (directly or through others), so the hierarchy has no top.',
    help: 'Change one `parent` in the cycle so the hierarchy ends at an item without a parent.',
    where: 'Each `parent` value on the cycle (requirements and roadmap items).',
    examples: [
      'Parent cycle: PAY-1 → PAY-2 → PAY-1 — the hierarchy has no top; change one parent',
    ],
  },
  'unknown-code-reference': {
    scope: 'cross-file',
    title: 'Code tag names an unknown requirement',
    description: 'An `@implements` or `@verifies` tag in code names an ID that no spec file defines.',
    help: 'Correct the ID in the tag, or add the requirement to a spec file.',
    where: 'The ID in the code file\'s tag.',
    examples: [
      'Unknown requirement PAY-7 — did you mean PAY-1?',
      'Unknown requirement SHOP-3: no spec file defines it',
    ],
  },
  'inactive-code-reference': {
    scope: 'cross-file',
    title: 'Code tag names a rejected or deprecated requirement',
    description: 'An `@implements` or `@verifies` tag names a requirement whose status is rejected or deprecated.',
    help: 'Remove the tag (and the code, if it only served that requirement), or point it at the requirement that replaced it.',
    where: 'The ID in the code file\'s tag.',
    examples: [
      'PAY-2 is rejected: remove this @implements tag or point it at the requirement that replaced it',
    ],
  },
  'uncovered-requirement': {
    scope: 'cross-file',
    title: 'Requirement does not meet the coverage policy',
    description: 'A requirement under the `coverage` policy of spectrace.yaml has fewer implementations (`@implements`) or tests (`@verifies`) than the policy asks for.',
    help: 'Tag the code that implements the requirement with `@implements ID` and its test with `@verifies ID`, or write `coverage_exempt: <reason>` on the requirement if it needs no code of its own. The quick fixes add `coverage_exempt` with a reason to fill in, create a test file with the tag beside the workspace\'s other tests, or set the status back to one the policy does not cover.',
    where: 'The requirement\'s `id`.',
    examples: [
      'PAY-1 is must/approved but has no test (coverage policy needs 1 implementation and 1 test)',
    ],
  },
  'overdue-roadmap-item': {
    scope: 'cross-file',
    title: 'Overdue roadmap item',
    description: 'A roadmap item\'s `due` date has passed, it is not `done` or `cancelled`, and some of its requirements are not implemented yet.',
    help: 'Finish or re-plan the outstanding requirements, move the `due` date, or set the item\'s status to done or cancelled.',
    where: 'The item\'s `due` value, with related information pointing at its unfinished requirements.',
    examples: [
      'R-2020 is overdue: due 2020-01-01, still active, and 1 requirement is not done yet (PAY-1)',
    ],
  },
  'roadmap-order': {
    scope: 'cross-file',
    title: 'Dependency planned too late',
    description: 'An unfinished requirement planned for a roadmap item depends (`depends_on`) on an unfinished requirement planned for an item due later, or planned for none. An item without a `due` date is due with the nearest item above it; requirements on items without any date are not compared.',
    help: 'Plan the dependency for the same roadmap item or an earlier one, move the dependent requirement to a later item, or drop the dependency if it is not real.',
    where: 'The `depends_on` entry naming the dependency, with related information pointing at the dependency.',
    examples: [
      'PAY-3 (R-2027-Q1, due 2027-03-31) depends on AUTH-2, planned for R-2027-Q3 (due 2027-09-30)',
      'PAY-3 (R-2027-Q1, due 2027-03-31) depends on AUTH-3, still draft and not planned for any roadmap item',
    ],
  },
  'release-not-ready': {
    scope: 'cross-file',
    title: 'Release not ready',
    description: 'A roadmap item that is `done`, or due within `releases.warnDays` days (14 by default), still has requirements, its own or those of the items below it, that are unfinished, short of the coverage policy, or (with change review on) with suspect links.',
    help: 'Finish, re-plan or drop the unfinished requirements, add the code and tests the policy asks for, review the suspect links, or set the item back to active. See docs/releases.md.',
    where: 'The item\'s `status` value (its `due` value, or its ID, when it has no status), with related information pointing at each requirement named.',
    examples: [
      'R-2026-Q4 is due 2026-12-01 (in 3 days) but not ready: 2 requirements unfinished (PAY-1 and PAY-2)',
      'R-2019 is done but not ready: 1 requirement unfinished (PAY-3)',
    ],
  },
  'status-mismatch': {
    scope: 'cross-file',
    title: 'Status does not match the code',
    description: 'A requirement is `verified` without any test, or `implemented` without any code tagged with its ID.',
    help: 'Tag the code and tests with the requirement\'s ID, or set its status back to what is true.',
    where: 'The requirement\'s `status` value.',
    examples: [
      'PAY-1 is verified but no test carries a @verifies tag for it',
      'PAY-2 is implemented but no code carries an @implements tag for it',
    ],
  },
  'contradictory-status': {
    scope: 'file',
    title: 'Priority contradicts status',
    description: 'A requirement\'s priority and status say opposite things: a `wont` requirement that is approved, being built, implemented, verified or released, or a `must` requirement that was rejected.',
    help: 'Decide which of the two is true and change the other: the quick fixes offer the other priorities. A released `wont` usually means the priority was changed by mistake.',
    where: 'The requirement\'s `priority` value, with related information pointing at its `status`.',
    examples: [
      'PAY-1 is released but its priority is wont (nobody wants it): change the priority or the status',
    ],
  },
  'unbaselined-requirement': {
    scope: 'cross-file',
    title: 'Requirement not baselined',
    description: 'Change review is on (`review:` in spectrace.yaml) and a requirement under review has no `fingerprint` yet, so a later change of its text cannot be noticed.',
    help: 'Use the quick fix **Baseline**, or run `spectrace baseline`: it writes the fingerprint of the review fields (and `rev: 1` when there is no `rev`).',
    where: 'The requirement\'s `id` value.',
    examples: ['PAY-2 has no fingerprint yet: baseline it so that changes to its text are noticed'],
  },
  'unrecorded-change': {
    scope: 'cross-file',
    title: 'Unrecorded change',
    description: 'The review fields of a requirement under review (by default `title`, `description`, `acceptance`) changed since its `fingerprint` was written.',
    help: 'Decide what the change is: **Substantive change: bump to rev N+1** (links reviewed against the old revision become suspect) or **Editorial change: keep rev N** (refreshes the fingerprint only); `spectrace bump PAY-1 [--editorial]` does the same. The hover shows what changed when git has the older text.',
    where: 'The requirement\'s `fingerprint` value.',
    examples: ['PAY-3 changed since its fingerprint was written (rev 2): bump the revision or record an editorial change'],
  },
  'suspect-link': {
    scope: 'cross-file',
    title: 'Suspect link',
    description: 'A code tag, test tag or spec reference was reviewed against an older revision of its requirement than the current one (a link without `@rev` means `@1`).',
    help: 'Check that the code, test or requirement still fits the new text (the hover shows the word diff), then use **Mark reviewed** or run `spectrace review PAY-1`: it rewrites the link\'s suffix to the current revision.',
    where: 'The ID (with its `@rev` suffix) in the linking file.',
    examples: ['PAY-1 changed since this link was reviewed (rev 2 → rev 3)'],
  },
  'link-rev-ahead': {
    scope: 'cross-file',
    title: 'Link names a future revision',
    description: 'A link names a revision its requirement does not have yet: a typo, or a merge that lost the bump.',
    help: 'Write the requirement\'s current revision in the suffix, or restore the bump of its `rev`.',
    where: 'The ID (with its `@rev` suffix) in the linking file.',
    examples: ['PAY-1 has no rev 4 yet (it is at rev 3)'],
  },
  'unsupported-requirement': {
    scope: 'cross-file',
    title: 'Requirement without customer evidence',
    description: 'A requirement covered by the `evidence:` policy of spectrace.yaml (by default epics, features and stories; rejected and deprecated ones never) cites no insight. Off by default: turn it on under `rules:`.',
    help: 'Add `insights: [INS-12]` naming the customer evidence for the requirement (completion offers the insight IDs), or narrow `evidence:` in spectrace.yaml to the types, priorities and statuses that need evidence.',
    where: 'The requirement\'s `id` value.',
    examples: ['PAY-2 cites no customer insight: add insights: [...] with the evidence for it'],
  },
  'unaddressed-insight': {
    scope: 'cross-file',
    title: 'Important insight nobody addresses',
    description: 'An insight of importance 2 (important) or 3 (critical) is cited by no requirement: a customer problem without a planned answer.',
    help: 'Cite the insight in the `insights:` list of the requirement that answers it, write that requirement, or lower the insight\'s importance if it no longer matters.',
    where: 'The insight\'s `id` value.',
    examples: ['INS-2 (important) is addressed by no requirement: cite it in a requirement\'s insights list, or lower its importance'],
  },
  'unscored-requirement': {
    scope: 'cross-file',
    title: 'Approved requirement without a score',
    description: 'A scoring model is on (`scoring:` in spectrace.yaml) and an approved requirement lacks the inputs the model needs, so it cannot be ordered by value. Off by default: turn it on under `rules:`.',
    help: 'Give the inputs the message names: `rice: { reach, impact, confidence, effort }`, `wsjf: { value, time_criticality, risk_reduction, job_size }` or `value` and `effort`; an effort or job size may come from `estimate`.',
    where: 'The requirement\'s `id` value.',
    examples: ['PAY-3 has no RICE score: give rice.effort (or estimate)'],
  },
};

export function ruleDoc(code: DiagnosticCode): RuleDoc {
  return { code, ...DOCS[code], defaultSeverity: DEFAULT_SEVERITY[code], anchor: code };
}

/** Every rule, in a stable order: the per-file codes, then the cross-file rules. */
export function allRuleDocs(): RuleDoc[] {
  return (Object.keys(DOCS) as DiagnosticCode[]).map(ruleDoc);
}
