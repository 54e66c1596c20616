// The built-in validators are compiled at build time (scripts/gen-validators.mjs). They must be up to
// date with schemas/*.json and report exactly what ajv compiling the same schemas at run time with
// AJV_OPTIONS reports (errors, their paths and the schema objects they point into).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { AJV_OPTIONS, BUILTIN_SCHEMAS, builtinValidators } from '../../../server/src/engine/schema/builtinSchemas';
import { REPO } from './helpers';

function runtimeAjv(): Ajv {
  const ajv = new Ajv(AJV_OPTIONS);
  addFormats(ajv);
  return ajv;
}

const VALUES = [null, true, 0, 1.5, -3, '', 'x', 'PAY-1', 'must', 'draft', 'approved', '2026-01-01', '2026-13-45', 'R-1', [], ['PAY-1'], [1, 'a'], {}, { a: 1 },
  { implements: ['@impl'], verifies: ['has space'] }, { implements: [''] }, ['**/*.ts', 1], { 'id-missing': 'off', 'x-': 'error' }];
const KEYS = ['id', 'title', 'status', 'priority', 'description', 'roadmap', 'depends_on', 'tags', 'acceptance', 'estimate', 'due', 'start', 'items', 'x-team', 'priorty', 'name', 'owner', 'type', 'specs', 'code', 'rules', 'idPattern', 'maxFileSize', 'coverage', 'x-custom'];
const object = fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), { maxKeys: 8 });

describe('built-in validators (compiled at build time)', () => {
  it('the generated module is up to date with schemas/*.json', async () => {
    // The generator's own module, imported (not run): what it would write must be what is committed.
    const generator = (await import(pathToFileURL(path.join(REPO, 'scripts/gen-validators.mjs')).href)) as { OUT: string; generate(): string };
    assert.ok(fs.readFileSync(generator.OUT, 'utf8') === generator.generate(), `${generator.OUT} is out of date: run npm run gen:validators`);
  });

  it('report the same errors as the schemas compiled at run time with AJV_OPTIONS', () => {
    const ajv = runtimeAjv();
    const runtime = {
      requirement: ajv.compile(BUILTIN_SCHEMAS.requirement),
      roadmap: ajv.compile(BUILTIN_SCHEMAS.roadmap),
      config: ajv.compile(BUILTIN_SCHEMAS.config),
    };
    const built = builtinValidators();
    let failing = 0;
    fc.assert(
      fc.property(fc.constantFrom('requirement', 'roadmap', 'config') as fc.Arbitrary<'requirement' | 'roadmap' | 'config'>, object, (kind, value) => {
        const ok = built[kind](value);
        assert.equal(ok, runtime[kind](value));
        if (!ok) failing++;
        assert.deepEqual(built[kind].errors ?? null, runtime[kind].errors ?? null);
      }),
      { seed: 3, numRuns: 1500 },
    );
    assert.ok(failing > 500, `only ${failing} values with errors`);
  });
});
