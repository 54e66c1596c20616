// Skipped files (binary, too large, ...) are listed on stderr with --verbose, and only then.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FIXTURES, ensureBuilt, runCli } from './helpers';

describe('spectrace --verbose', function () {
  before(ensureBuilt);
  const folder = path.join(FIXTURES, 'skipped');

  it('lists each skipped file with its reason on stderr', async () => {
    const r = await runCli(['check', folder, '--verbose']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stderr, /^spectrace: skipped src\/image\.bin: binary/m);
    assert.match(r.stderr, /^spectrace: skipped src\/big\.js: too-large/m);
    assert.match(r.stdout, /No problems found|0 errors/);
  });

  it('says nothing about skipped files without --verbose', async () => {
    for (const command of ['check', 'report']) {
      const r = await runCli([command, folder]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(r.stderr, '');
    }
  });

  it('report --verbose lists them too, and the report still comes out on stdout', async () => {
    const r = await runCli(['report', folder, '--verbose', '--format', 'csv']);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /skipped src\/image\.bin: binary/);
    assert.match(r.stdout, /^ID,Title,/);
  });
});
