// The fast item reader (simpleYaml.ts) builds exactly the AST `yaml` builds, or declines, on every item
// of the bench workload (bench/driver/gen.mjs, run as its own process to write the workload).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { splitSpec } from '../../../server/src/engine/spec/chunker';
import { checkSimpleYaml } from '../../support/yamlAgreement';
import { REPO } from '../../unit/engine/helpers';

describe('simple YAML reader on the bench workload', () => {
  it('builds the AST yaml builds for each item of the bench workload it takes, and takes most of them', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-simple-yaml-'));
    const benchSpec = path.join(tmp, 'bench.spec.yaml');
    try {
      execFileSync(process.execPath, [path.join(REPO, 'bench/driver/gen.mjs'), '300', '0.05', '--out', benchSpec], { stdio: 'pipe' });
      const text = fs.readFileSync(benchSpec, 'utf8');
      const layout = splitSpec(text);
      assert.ok(layout, benchSpec);
      let taken = 0;
      for (let i = 0; i < layout.count; i++) if (checkSimpleYaml(text.slice(layout.starts[i], layout.ends[i]))) taken++;
      assert.ok(layout.count === 300 && taken > layout.count / 2, `took ${taken} of ${layout.count} items`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
