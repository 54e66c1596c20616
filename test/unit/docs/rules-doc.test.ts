// docs/rules.md is generated from server/src/engine/reports/ruleDocs.ts (scripts/gen-rule-docs.mjs): it
// must be up to date, and name every diagnostic code with its default severity and a stable anchor.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SEVERITY } from '../../../server/src/engine/config/config';
import { allRuleDocs, ruleDocLink, RULES_DOC_PATH } from '../../../server/src/engine/reports/ruleDocs';
import type { DiagnosticCode } from '../../../server/src/engine/types';

const REPO = path.resolve(__dirname, '../../..');

describe('docs/rules.md (generated from ruleDocs.ts)', () => {
  it('is up to date: `npm run gen:docs` would not change it', () => {
    execFileSync(process.execPath, [path.join(REPO, 'scripts/gen-rule-docs.mjs'), '--check'], { stdio: 'pipe' });
  });

  it('has a section per diagnostic code, at the anchor ruleDocLink names, with the default severity', () => {
    const text = readFileSync(path.join(REPO, RULES_DOC_PATH), 'utf8');
    const codes = Object.keys(DEFAULT_SEVERITY) as DiagnosticCode[];
    assert.deepEqual(allRuleDocs().map((d) => d.code).sort(), [...codes].sort());
    for (const code of codes) {
      assert.equal(ruleDocLink(code), `docs/rules.md#${code}`);
      const section = text.split(`\n### ${code}\n`)[1]?.split('\n### ')[0];
      assert.ok(section, `no section for ${code}`);
      assert.match(section, new RegExp(`\\*\\*Default severity:\\*\\* ${DEFAULT_SEVERITY[code]}\\n`), code);
    }
  });

  it('gives every rule a help text, where it is reported and at least one example message', () => {
    for (const doc of allRuleDocs()) {
      assert.ok(doc.help.endsWith('.') && doc.where.endsWith('.'), doc.code);
      assert.ok(doc.examples.length > 0, doc.code);
      assert.equal(doc.anchor, doc.code);
    }
  });
});
