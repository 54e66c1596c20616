// Each quick fix through the server on a copy of the matching examples/broken case: ask for code
// actions on the diagnostic, apply the edit like an editor, and see the diagnostic go away.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, copyExample, messageOf, removeCopy, uriOf } from './lspClient';

interface Case {
  name: string;
  example: string;
  file: string;
  /** Which diagnostic to fix. */
  pick: (d: Diagnostic) => boolean;
  title: RegExp;
  /** What the fixed text must contain (in `checkFile`, default `file`). */
  expect: RegExp;
  checkFile?: string;
}

const CASES: Case[] = [
  {
    name: 'add a missing required field',
    example: 'broken/missing-field',
    file: 'specs/checkout.yaml',
    pick: (d) => d.code === 'schema' && /title/.test(messageOf(d)),
    title: /^Add missing field “title: TODO”$/,
    expect: / {2}- id: PAY-2\n {4}title: TODO\n {4}status: draft/,
  },
  {
    name: 'replace a misspelt enum value with the value it misspells',
    example: 'broken/bad-enum',
    file: 'specs/checkout.yaml',
    pick: (d) => d.code === 'schema' && /priority/.test(messageOf(d)),
    title: /^Replace “shuld” with “should”$/,
    expect: / {4}priority: should\n/,
  },
  {
    name: 'create a roadmap item stub for an unknown roadmap ID, in the roadmap file',
    example: 'broken/unknown-reference',
    file: 'specs/checkout.yaml',
    pick: (d) => d.code === 'unknown-reference' && /SUMMER-RELEASE/.test(messageOf(d)),
    title: /^Create roadmap item SUMMER-RELEASE in specs\/roadmap\.yaml$/,
    expect: / {4}status: planned\n {2}- id: SUMMER-RELEASE\n {4}title: TODO\n {4}status: planned\n?$/,
    checkFile: 'specs/roadmap.yaml',
  },
  {
    name: 'create a requirement stub for an unknown parent',
    example: 'broken/unknown-reference',
    file: 'specs/checkout.yaml',
    pick: (d) => d.code === 'unknown-reference' && /CHECKOUT-1/.test(messageOf(d)),
    title: /^Create requirement CHECKOUT-1 in specs\/checkout\.yaml$/,
    expect: / {4}depends_on: \[PAY-1, PAY-11\]\n {2}- id: CHECKOUT-1\n {4}title: TODO\n {4}status: draft\n {4}priority: should\n$/,
  },
  {
    name: 'give a duplicate the next free ID',
    example: 'broken/duplicate-id',
    file: 'specs/wallets.yaml',
    pick: (d) => d.code === 'duplicate-id',
    title: /^Change this ID to the next free ID, PAY-\d+$/,
    expect: /id: PAY-\d+/,
  },
  {
    name: 'exempt an uncovered requirement from coverage, with a reason to write',
    example: 'broken/uncovered-requirement',
    file: 'specs/checkout.yaml',
    pick: (d) => d.code === 'uncovered-requirement',
    title: /^Exempt PAY-1 from coverage \(write the reason in coverage_exempt\)$/,
    expect: / {2}- id: PAY-1\n {4}coverage_exempt: "TODO: why this needs no code or tests"\n/,
  },
  {
    name: 'move an uncovered requirement back to a status the policy does not cover',
    example: 'broken/uncovered-requirement',
    file: 'specs/checkout.yaml',
    pick: (d) => d.code === 'uncovered-requirement',
    title: /^Change status from “approved” to “proposed”$/,
    expect: / {4}status: proposed\n/,
  },
];

describe('LSP quick fixes (examples/broken over stdio)', function () {
  this.timeout(60_000);

  for (const c of CASES) {
    it(c.name, async () => {
      const root = copyExample(c.example);
      const client = await LspClient.start({ root, env: { SPECTRACE_NOW: '2026-11-28' } });
      try {
        const file = path.join(root, c.file);
        await client.open(file);
        const published = await client.diagnosticsFor(file, (p) => p.version === 1 && p.diagnostics.some(c.pick));
        const diag = published.diagnostics.find(c.pick) as Diagnostic;
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri: uriOf(file) },
          range: diag.range,
          context: { diagnostics: [diag], only: ['quickfix'] },
        });
        const action = actions.find((a) => c.title.test(a.title));
        assert.ok(action?.edit, `no action matching ${c.title} in ${JSON.stringify(actions.map((a) => a.title))}`);
        assert.equal(action.kind, 'quickfix');
        const before = client.lastSeq;
        await client.applyEdit(action.edit);
        const check = path.join(root, c.checkFile ?? c.file);
        const text = client.documents.get(uriOf(check))?.getText() ?? fs.readFileSync(check, 'utf8');
        assert.match(text, c.expect);
        // The diagnostic is gone (the document is published again without it).
        await client.diagnosticsFor(file, (p) => !p.diagnostics.some((d) => d.code === diag.code && messageOf(d) === messageOf(diag)), before);
        // A stale diagnostic (the one just fixed) yields no action any more.
        const again = await client.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri: uriOf(file) },
          range: diag.range,
          context: { diagnostics: [diag] },
        });
        assert.ok(!again.some((a) => c.title.test(a.title)), JSON.stringify(again.map((a) => a.title)));
      } finally {
        await client.stop();
        removeCopy(root);
      }
    });
  }
});
