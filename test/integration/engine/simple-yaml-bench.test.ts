// The fast item reader (simpleYaml.ts) builds exactly the AST `yaml` builds, or declines, on every item
// of the bench workload in both its layouts (bench/driver/gen.mjs, run as its own process to write the
// workload): the plain one and the hand-written one (comments, blank lines, quoted titles, block scalars).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { splitSpec } from '../../../server/src/engine/spec/chunker';
import { checkSimpleYaml } from '../../support/yamlAgreement';
import { REPO } from '../../unit/engine/helpers';

describe('simple YAML reader on the bench workload', () => {
  for (const layout of ['plain', 'hand'] as const) {
    it(`builds the AST yaml builds for each item of the ${layout} bench workload, and takes all but the injected errors`, () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-simple-yaml-'));
      const benchSpec = path.join(tmp, 'bench.spec.yaml');
      try {
        execFileSync(process.execPath, [path.join(REPO, 'bench/driver/gen.mjs'), '300', '0.05', '--layout', layout, '--out', benchSpec], { stdio: 'pipe' });
        const text = fs.readFileSync(benchSpec, 'utf8');
        const split = splitSpec(text);
        assert.ok(split, benchSpec);
        let taken = 0;
        for (let i = 0; i < split.count; i++) if (checkSimpleYaml(text.slice(split.starts[i], split.ends[i]))) taken++;
        // 15 of the 300 items carry an injected error; some of those (a bad ID) are still plain YAML.
        assert.ok(split.count === 300 && taken >= 285, `took ${taken} of ${split.count} items`);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
  }
});
