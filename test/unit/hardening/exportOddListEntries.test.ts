// The ReqIF export of spec files whose lists hold entries that are not items (an empty `-`, a scalar,
// a nested list): found by the fuzzer, where `requirements:\n  -` and `acceptance:\n  -` made
// spectrace/exportReqif throw.
// Such entries have no fields to export and are left out; the real items around them are exported.
import * as assert from 'node:assert/strict';
import { exportWorkspaceReqif } from '../../../server/src/disk/interchange';
import { memoryIndex } from '../../support/memoryWorkspace';

describe('ReqIF export: list entries that are not items', () => {
  it('leaves out empty, scalar and list entries and exports the items around them', async () => {
    const { index } = memoryIndex({
      'spectrace.yaml': 'specs: ["specs/**/*.yaml"]\n',
      'specs/a.yaml': 'requirements:\n  -\n  - id: PAY-1\n    title: Pay by card\n  - just text\n  - [PAY-9]\n  - ~\nroadmap:\n  -\n  - id: R-1\n    title: First\n',
    });
    const xml = await exportWorkspaceReqif(index, { withCode: false, date: '2026-12-06', env: {}, toolId: 'Spectrace test' });
    assert.match(xml, /Pay by card/);
    assert.match(xml, /IDENTIFIER="req-PAY-1"|req-PAY-1/);
    assert.match(xml, /rm-R-1/);
    assert.doesNotMatch(xml, /PAY-9/);
  });

  it('exports acceptance criteria that are text or {id, text}, and leaves out an empty entry or a nested list', async () => {
    const { index } = memoryIndex({
      'spectrace.yaml': 'specs: ["specs/**/*.yaml"]\n',
      'specs/a.yaml': 'requirements:\n  - id: PAY-1\n    title: Pay by card\n    acceptance:\n      -\n      - Saved cards are listed\n      - 42\n      - [nested]\n      - id: AC-2\n        text: Expired cards are hidden\n  - id: PAY-2\n    title: Nothing to accept\n    acceptance:\n      -\n',
    });
    const xml = await exportWorkspaceReqif(index, { withCode: false, date: '2026-12-06', env: {}, toolId: 'Spectrace test' });
    assert.match(xml, /<xhtml:ul><xhtml:li>Saved cards are listed<\/xhtml:li><xhtml:li>42<\/xhtml:li><xhtml:li><xhtml:b>AC-2<\/xhtml:b> Expired cards are hidden<\/xhtml:li><\/xhtml:ul>/);
    assert.doesNotMatch(xml, /nested/);
    assert.match(xml, /Nothing to accept/);
  });
});
