// The fast item reader (simpleYaml.ts) on a corpus nobody here wrote: every case of the YAML test suite
// (test/fixtures/yaml-test-suite), embedded in requirement items the ways a spec could hold it — as a
// nested field, after a comment, on the key's line, as the item's own fields, as the list itself. For
// each text the reader must build the AST `yaml` builds, or decline; it must never differ.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkSimpleYaml } from '../../support/yamlAgreement';
import { REPO } from './helpers';

interface SuiteCase {
  id: string;
  name: string;
  fail?: boolean;
  yaml: string;
}

const cases = JSON.parse(fs.readFileSync(path.join(REPO, 'test/fixtures/yaml-test-suite/cases.json'), 'utf8')) as SuiteCase[];

/** `text`'s lines indented by `pad` (empty lines stay empty), without a final line break. */
function indented(text: string, pad: string): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');
}

/** The texts an item list could hold `yaml` in. */
function embeddings(yaml: string): string[] {
  const out = [
    `- id: T-1\n  data:\n${indented(yaml, '    ')}\n`,
    `  - id: T-1\n    title: "Case"\n\n    # the case\n    data:\n${indented(yaml, '      ')}\n\n  # T-2: next\n`,
    `- id: T-1\n${indented(yaml, '  ')}\n`,
    `- id: T-1\n  status: draft  # note\n  data: |\n${indented(yaml, '    ')}\n`,
    `- id: T-1\n  data: >-\n${indented(yaml, '    ')}\n\n  # note\n`,
    yaml,
    `${yaml.replace(/\n?$/, '\n')}\n# next\n`,
    // The case as an item: its first line after `- `, the rest indented under it.
    `- ${indented(yaml, '  ').slice(2)}\n`,
    `  -  ${indented(yaml, '     ').slice(5)}\n\n  # next\n`,
  ];
  if (!yaml.replace(/\n$/, '').includes('\n')) out.push(`- id: T-1\n  data: ${yaml.replace(/\n$/, '')}\n  status: draft\n`);
  return out;
}

describe('simple YAML reader on the YAML test suite', () => {
  it('builds the AST yaml builds for every embedded case it takes, or declines it', () => {
    assert.ok(cases.length > 400, `${cases.length} cases`);
    let texts = 0;
    let taken = 0;
    const takenAsStructure = new Set<string>();
    for (const c of cases) {
      for (const [i, text] of embeddings(c.yaml).entries()) {
        texts++;
        try {
          if (checkSimpleYaml(text)) {
            taken++;
            if (i !== 3 && i !== 4) takenAsStructure.add(c.id); // not only as a block scalar's text
          }
        } catch (err) {
          throw new Error(`case ${c.id} (${c.name}): ${(err as Error).message}`);
        }
      }
    }
    // Most suite cases exercise what the reader leaves to `yaml` (anchors, tags, flow maps, documents,
    // tabs); as block scalar text nearly all are taken. The ones taken are checked above, and there
    // must be enough of them to mean something.
    assert.ok(taken >= 600 && takenAsStructure.size >= 20, `took ${taken} of ${texts} texts; ${takenAsStructure.size} cases as structure`);
  });
});
