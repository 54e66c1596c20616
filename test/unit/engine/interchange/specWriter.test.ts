// Writing imported items as YAML: the schema's key order, block scalars, and a re-import that edits the
// existing file's Document (updates by ID, appends, never deletes, keeps comments) and lists changes.
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import type { ImportResult } from '../../../../server/src/engine/interchange/importModel';
import { mergeIntoSpec, newSpecText } from '../../../../server/src/engine/interchange/specWriter';

function result(requirements: Record<string, unknown>[], roadmap: Record<string, unknown>[] = []): ImportResult {
  return { product: undefined, requirements, roadmap, report: { source: '', mapping: [], warnings: [] } };
}

describe('interchange: spec writer', () => {
  it('writes keys in the built-in schema order, x- fields last, multi-line text as a block scalar', () => {
    const written = newSpecText(result([{ 'x-jira': 'J', description: 'two\nlines', status: 'draft', id: 'A-1', priority: 'must', title: 'T', tags: ['a', 'b'], source: { kind: 'customer', ref: 'r' } }]), ' header');
    assert.equal(
      written.text,
      '# header\n\nrequirements:\n  - id: A-1\n    title: T\n    priority: must\n    status: draft\n    source: {kind: customer, ref: r}\n    description: |-\n      two\n      lines\n    tags: [a, b]\n    x-jira: J\n',
    );
    assert.deepEqual(written.changes, ['A-1: added']);
  });

  it('quotes text that YAML would read as something else', () => {
    const text = newSpecText(result([{ id: 'A-1', title: '123', description: 'yes', owner: '- x', priority: 'must', status: 'draft' }]), ' h').text;
    assert.deepEqual(parse(text).requirements[0], { id: 'A-1', title: '123', description: 'yes', owner: '- x', priority: 'must', status: 'draft' });
  });

  it('updates by ID, inserts new fields in order, appends, never deletes, keeps comments and lists the changes', () => {
    const existing = '# top comment\nrequirements:\n  - id: A-1 # the first\n    title: Old\n    status: draft\n    x-mine: kept\n\n  - id: A-2\n    title: Stays\n    priority: could\n    status: draft\n';
    const merged = mergeIntoSpec(existing, result([{ id: 'A-1', title: 'New', priority: 'must', status: 'draft' }, { id: 'A-3', title: 'Added', priority: 'should', status: 'proposed' }], [{ id: 'R-1', title: 'R' }]), 'specs/a.yaml');
    assert.equal(
      merged.text,
      '# top comment\nrequirements:\n  - id: A-1 # the first\n    title: New\n    priority: must\n    status: draft\n    x-mine: kept\n\n  - id: A-2\n    title: Stays\n    priority: could\n    status: draft\n\n  - id: A-3\n    title: Added\n    priority: should\n    status: proposed\n\nroadmap:\n  - id: R-1\n    title: R\n',
    );
    assert.deepEqual(merged.changes, ['A-1: title, priority updated', 'A-3: added', 'R-1: added (roadmap item)']);
  });

  it('refuses to update a file that is not valid YAML', () => {
    assert.throws(() => mergeIntoSpec('a: [\n', result([{ id: 'A-1' }]), 'specs/x.yaml'), /cannot update 'specs\/x.yaml': it is not valid YAML/);
  });
});
