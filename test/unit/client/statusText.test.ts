import * as assert from 'node:assert/strict';
import type { SummaryResult } from '../../../server/src/shared/protocol';
import { summaryText, summaryTooltipLines } from '../../../client/src/statusText';
import { STARTER_CONFIG, starterSpec } from '../../../client/src/commands/starterFiles';
import { parse } from 'yaml';

const summary = (s: Partial<SummaryResult> = {}): SummaryResult => ({
  requirements: 40,
  underPolicy: 24,
  satisfied: 23,
  coveredPercent: 95,
  implemented: 31,
  tested: 29,
  errors: 3,
  warnings: 1,
  trusted: true,
  suspect: 0,
  ...s,
});

describe('client: status bar text', () => {
  it('says what is measured: "23/24 under policy covered · 31/40 implemented"', () => {
    assert.equal(summaryText(summary()), '$(checklist) Specs: 23/24 under policy covered · 31/40 implemented · 3 errors');
    assert.equal(summaryText(summary({ errors: 0 })), '$(checklist) Specs: 23/24 under policy covered · 31/40 implemented · 1 warning');
    assert.equal(summaryText(summary({ errors: 0, warnings: 0 })), '$(checklist) Specs: 23/24 under policy covered · 31/40 implemented');
    // Never a percentage of the policy's share passed off as the workspace's coverage.
    assert.doesNotMatch(summaryText(summary()) ?? '', /%/);
  });

  it('adds the suspect links, and how to review them, when there are any', () => {
    assert.equal(summaryText(summary({ suspect: 2 })), '$(checklist) Specs: 23/24 under policy covered · 31/40 implemented · 3 errors · 2 suspect');
    assert.match(summaryTooltipLines(summary({ suspect: 1 })).join('\n'), /1 suspect link: .*Review Suspect Links/);
    assert.doesNotMatch(summaryTooltipLines(summary()).join('\n'), /suspect/);
  });

  it('says when no requirement is under the policy instead of "100% covered"', () => {
    const text = summaryText(summary({ underPolicy: 0, satisfied: 0, coveredPercent: 100, errors: 0, warnings: 0 }));
    assert.equal(text, '$(checklist) Specs: none under policy · 31/40 implemented');
    assert.match(summaryTooltipLines(summary({ underPolicy: 0, satisfied: 0 })).join('\n'), /No requirement falls under the coverage policy/);
  });

  it('shows nothing for an empty workspace, and only its problems when it has some', () => {
    const empty = summary({ requirements: 0, underPolicy: 0, satisfied: 0, coveredPercent: 100, implemented: 0, tested: 0, errors: 0, warnings: 0 });
    assert.equal(summaryText(empty), undefined);
    assert.equal(summaryText({ ...empty, errors: 2 }), '$(checklist) Specs: 2 errors');
    assert.doesNotMatch(summaryTooltipLines(empty).join('\n'), /coverage policy|Implemented/);
  });

  it('explains both measures in the tooltip', () => {
    const tip = summaryTooltipLines(summary()).join('\n');
    assert.match(tip, /^40 requirements in the workspace/);
    assert.match(tip, /Under the coverage policy: 23 of 24 have the code and tests it asks for, or a written exemption; 16 more are outside the policy/);
    assert.match(tip, /Implemented: 31 of 40 have code \(@implements\); tested: 29 of 40 have tests \(@verifies\)/);
    assert.match(tip, /3 errors, 1 warning/);
  });

  it('says "(restricted)" in an untrusted workspace and explains it in the tooltip', () => {
    assert.match(summaryText(summary({ trusted: false })) ?? '', / \(restricted\)$/);
    const tip = summaryTooltipLines(summary({ trusted: false })).join('\n');
    assert.match(tip, /Restricted mode/);
    assert.match(tip, /schema files and regular expressions are not loaded/);
    assert.doesNotMatch(summaryTooltipLines(summary()).join('\n'), /Restricted/);
  });
});

describe('client: starter files', () => {
  it('are valid YAML with a requirement and a roadmap item that match', () => {
    const spec = parse(starterSpec(new Date(Date.UTC(2026, 4, 1)))) as { requirements: { id: string; roadmap: string }[]; roadmap: { id: string; due: string }[] };
    assert.equal(spec.requirements[0].id, 'REQ-1');
    assert.equal(spec.requirements[0].roadmap, spec.roadmap[0].id);
    assert.equal(spec.roadmap[0].id, 'R-2026');
    const config = parse(STARTER_CONFIG) as { specs: string[] };
    assert.ok(Array.isArray(config.specs));
  });
});
