import * as assert from 'node:assert/strict';
import { abs, all, at, req, show, workspace, yaml } from './helpers';

const policy = yaml('coverage:', '  - status: [approved, implemented, verified]', '    priority: [must]', '    implementations: 1', '    tests: 1');

describe('rule: uncovered-requirement', () => {
  const files = {
    'spectrace.yaml': policy,
    'specs/pay.yaml': yaml(
      'requirements:',
      ...req('PAY-1', { priority: 'must', status: 'approved' }),
      ...req('PAY-2', { priority: 'must', status: 'approved', coverage_exempt: 'covered by the payment provider' }),
      ...req('PAY-3', { priority: 'should', status: 'approved' }),
      ...req('PAY-4', { priority: 'must', status: 'approved' }),
      ...req('PAY-5', { priority: 'must', status: 'approved' }),
    ),
    'src/pay.ts': '// @implements PAY-1, PAY-4\n',
    'test/pay.test.ts': '// @verifies PAY-4\n',
  };

  it('reports requirements under the policy that miss code or tests, on the ID, saying what is missing', () => {
    const found = all(workspace(files), ['uncovered-requirement']);
    assert.deepEqual(found.map(show), [
      'specs/pay.yaml:2:9 warning uncovered-requirement PAY-1 is must/approved but has no test (coverage policy needs 1 implementation and 1 test)',
      'specs/pay.yaml:23:9 warning uncovered-requirement PAY-5 is must/approved but has no implementation and no test (coverage policy needs 1 implementation and 1 test)',
    ]);
    assert.deepEqual(found[0].range, at(2, 9, 5));
  });

  it('follows the tags as code files change', () => {
    const index = workspace(files);
    index.updateFile(abs('test/pay.test.ts'), '// @verifies PAY-4\n// @verifies PAY-1\n');
    assert.deepEqual(all(index, ['uncovered-requirement']).map((d) => d.message.split(' ')[0]), ['PAY-5']);
    index.removeFile(abs('src/pay.ts'));
    assert.deepEqual(all(index, ['uncovered-requirement']).map((d) => d.message), [
      'PAY-1 is must/approved but has no implementation (coverage policy needs 1 implementation and 1 test)',
      'PAY-4 is must/approved but has no implementation (coverage policy needs 1 implementation and 1 test)',
      'PAY-5 is must/approved but has no implementation and no test (coverage policy needs 1 implementation and 1 test)',
    ]);
  });

  it('says "only" when some are there but fewer than the policy asks', () => {
    const index = workspace({
      'spectrace.yaml': yaml('coverage:', '  - priority: [must]', '    implementations: 1', '    tests: 2'),
      'specs/pay.yaml': yaml('requirements:', ...req('PAY-1', { priority: 'must' })),
      'src/pay.ts': '// @implements PAY-1\n// @verifies PAY-1\n',
    });
    assert.deepEqual(all(index, ['uncovered-requirement']).map((d) => d.message), [
      'PAY-1 is must/draft but has only 1 test (coverage policy needs 1 implementation and 2 tests)',
    ]);
  });

  it('applies the default policy without a config (approved `must` needs code and a test)', () => {
    const index = workspace({ 'specs/pay.yaml': yaml('requirements:', ...req('PAY-1', { priority: 'must', status: 'approved' })) });
    assert.equal(all(index, ['uncovered-requirement']).length, 1);
  });
});

describe('rule: status-mismatch', () => {
  it('reports `verified` without a test and `implemented` without code, on the status value', () => {
    const index = workspace({
      'specs/pay.yaml': yaml(
        'requirements:',
        ...req('PAY-1', { status: 'verified' }),
        ...req('PAY-2', { status: 'implemented' }),
        ...req('PAY-3', { status: 'verified' }),
        ...req('PAY-4', { status: 'implemented', coverage_exempt: 'done by the platform team' }),
      ),
      'src/pay.ts': '// @implements PAY-1, PAY-3\n',
      'test/pay.test.ts': '// @verifies PAY-3\n',
    });
    const found = all(index, ['status-mismatch']);
    assert.deepEqual(found.map(show), [
      'specs/pay.yaml:6:13 warning status-mismatch PAY-1 is verified but no test carries a @verifies tag for it',
      'specs/pay.yaml:11:13 warning status-mismatch PAY-2 is implemented but no code carries an @implements tag for it',
    ]);
    assert.deepEqual(found[0].range, at(6, 13, 8));
    assert.equal(found[0].related, undefined);
  });
});
