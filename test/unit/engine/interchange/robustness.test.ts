// Property: any mutation of a real ReqIF sample or a CSV file either imports or is refused with an
// ImportError (a message for the user); never another exception.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { importCsv } from '../../../../server/src/engine/interchange/csvImport';
import { ImportError } from '../../../../server/src/engine/interchange/importError';
import { NO_EXISTING } from '../../../../server/src/engine/interchange/importModel';
import { defaultMapping } from '../../../../server/src/engine/interchange/mapping';
import { importReqif } from '../../../../server/src/engine/interchange/reqifImport';
import { newSpecText } from '../../../../server/src/engine/interchange/specWriter';

const REPO = path.resolve(__dirname, '../../../..');
const SAMPLES = ['rmf-tc1300-spec-relation.reqif', 'polarion-small-roundtrip.reqif', 'doors-capella-requirements-vp.reqif'].map((f) => fs.readFileSync(path.join(REPO, 'test/fixtures/reqif/samples', f), 'utf8'));
const CSV = fs.readFileSync(path.join(REPO, 'test/fixtures/interchange/jira-export.csv'), 'utf8');
const PIECES = ['<', '>', '</', '/>', '"', "'", '&', '&amp;', '&#0;', '<!DOCTYPE x>', '<!--', ']]>', '<SPEC-OBJECT>', '</SPEC-OBJECT>', 'IDENTIFIER="x"', '\u0000', '\uFFFF', '\n', ',', ';', '"\n"', '=cmd|x'];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function apply(text: string, mutations: { kind: string; at: number; length?: number; piece?: string }[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === 'cut') out = out.slice(0, at) + out.slice(at + (m.length ?? 0));
    else if (m.kind === 'insert') out = out.slice(0, at) + (m.piece ?? '') + out.slice(at);
    else out = out.slice(0, at);
  }
  return out;
}

function importsOrRefuses(run: () => void): boolean {
  try {
    run();
    return true;
  } catch (err) {
    if (err instanceof ImportError) return true;
    throw err;
  }
}

describe('interchange: random mutations never crash the importers', function () {
  this.timeout(120_000);
  const options = { mapping: defaultMapping(), existing: NO_EXISTING, prefix: 'REQ' };

  it('ReqIF', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SAMPLES), fc.array(mutation, { minLength: 1, maxLength: 4 }), (sample, mutations) =>
        importsOrRefuses(() => {
          const result = importReqif(apply(sample, mutations), options);
          newSpecText(result, ' fuzz');
        }),
      ),
      { numRuns: 300, seed: 17 },
    );
  });

  it('CSV', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) =>
        importsOrRefuses(() => {
          const result = importCsv(apply(CSV, mutations), { ...options, prefix: undefined });
          newSpecText(result, ' fuzz');
        }),
      ),
      { numRuns: 300, seed: 17 },
    );
  });

  it('the unmutated samples import', () => {
    for (const sample of SAMPLES) assert.ok(importReqif(sample, options).requirements.length > 0);
  });
});
