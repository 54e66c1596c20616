// Every case in examples/broken/: the engine's diagnostics of the codes it owns (schema, yaml-syntax,
// invalid-config, file-too-large) are exactly the ones listed in the case's expected.json — same file,
// line, column, severity and message. Cases about cross-file rules must have none of these codes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, checkWorkspace, describe1 } from './helpers';

interface Expected {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message?: string;
  messageContains?: string;
}

const ENGINE_CODES = new Set(['schema', 'yaml-syntax', 'invalid-config', 'file-too-large']);
const BROKEN = path.join(REPO, 'examples', 'broken');
const cases = fs.existsSync(BROKEN)
  ? fs.readdirSync(BROKEN).filter((d) => fs.existsSync(path.join(BROKEN, d, 'expected.json'))).sort()
  : [];

describe('examples/broken: engine diagnostics', () => {
  it('has cases to check', () => {
    assert.ok(cases.length >= 19, `found ${cases.length} cases`);
  });

  for (const name of cases) {
    it(name, () => {
      const dir = path.join(BROKEN, name);
      const expected = (JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected[]).filter((e) =>
        ENGINE_CODES.has(e.code),
      );
      const actual = checkWorkspace(dir).diagnostics.filter((d) => ENGINE_CODES.has(d.code));
      const shown = actual.map((d) => describe1(d, dir)).join('\n');
      const unmatched = [...actual];
      for (const e of expected) {
        const i = unmatched.findIndex(
          (d) =>
            path.relative(dir, d.file) === e.file &&
            d.range.start.line + 1 === e.line &&
            d.range.start.character + 1 === e.column &&
            d.code === e.code &&
            d.severity === e.severity &&
            (e.message === undefined || d.message === e.message) &&
            (e.messageContains === undefined || d.message.includes(e.messageContains)),
        );
        assert.ok(i >= 0, `expected ${JSON.stringify(e)}\nactual:\n${shown}`);
        unmatched.splice(i, 1);
      }
      assert.deepEqual(unmatched.map((d) => describe1(d, dir)), [], `unexpected diagnostics in ${name}`);
    });
  }
});
