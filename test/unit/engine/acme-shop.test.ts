// The example product must be clean: its config and every spec file give no engine diagnostics.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { REPO, checkWorkspace, describe1 } from './helpers';

describe('examples/acme-shop', () => {
  it('its config and spec files have no diagnostics', () => {
    const dir = path.join(REPO, 'examples', 'acme-shop');
    const { files, diagnostics } = checkWorkspace(dir);
    assert.ok(files.length >= 3, `found ${files.length} spec files`);
    assert.ok(files.every((f) => f.hasSpecLists), 'every matched file is a spec');
    assert.ok(files.reduce((n, f) => n + f.requirements.length, 0) >= 30);
    assert.ok(files.reduce((n, f) => n + f.roadmap.length, 0) >= 5);
    assert.deepEqual(diagnostics.map((d) => describe1(d, dir)), []);
  });
});
