import * as assert from 'node:assert/strict';
import type { SummaryResult } from '../../../server/src/shared/protocol';
import { summaryText, summaryTooltipLines } from '../../../client/src/statusText';
import { STARTER_CONFIG, starterSpec } from '../../../client/src/commands/starterFiles';
import { parse } from 'yaml';

const summary = (s: Partial<SummaryResult> = {}): SummaryResult => ({ requirements: 42, underPolicy: 25, satisfied: 22, coveredPercent: 88, errors: 3, warnings: 1, trusted: true, ...s });

describe('client: status bar text', () => {
  it('reads "Specs: 42 reqs · 88% covered · 3 errors"', () => {
    assert.equal(summaryText(summary()), '$(checklist) Specs: 42 reqs · 88% covered · 3 errors');
    assert.equal(summaryText(summary({ errors: 0 })), '$(checklist) Specs: 42 reqs · 88% covered · 1 warning');
    assert.equal(summaryText(summary({ requirements: 1, errors: 0, warnings: 0 })), '$(checklist) Specs: 1 req · 88% covered');
  });

  it('says "(restricted)" in an untrusted workspace and explains it in the tooltip', () => {
    assert.match(summaryText(summary({ trusted: false })), / \(restricted\)$/);
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
