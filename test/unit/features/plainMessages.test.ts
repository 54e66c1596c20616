// Every message a user reads about the example workspaces (examples/acme-shop and each examples/broken
// case) reads as plain text: no backticks (the Problems panel shows them literally), no regular
// expressions, no absolute paths; the same for the related information and the quick-fix titles.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { indexFolder } from '../../../server/src/disk/indexFolder';
import { codeActions } from '../../../server/src/features/codeActions';
import { toLspDiagnostic } from '../../../server/src/lsp/convert';
import { pathToUri } from '../../../server/src/lsp/uris';
import { TestClock } from '../../support/memoryWorkspace';
import { folderContext } from './helpers';
import { DEFAULT_SEVERITY } from '../../../server/src/engine/config/config';
import { ruleDoc } from '../../../server/src/engine/reports/ruleDocs';
import type { DiagnosticCode } from '../../../server/src/engine/types';

const REPO = path.resolve(__dirname, '../../..');
const BROKEN = path.join(REPO, 'examples', 'broken');
const WORKSPACES = [
  path.join(REPO, 'examples', 'acme-shop'),
  ...fs
    .readdirSync(BROKEN)
    .map((d) => path.join(BROKEN, d))
    .filter((d) => fs.statSync(d).isDirectory())
    .sort(),
];

/** Why a text does not read as plain text, or undefined when it does. */
function notPlain(text: string, root: string): string | undefined {
  if (text.includes('`')) return 'a backtick';
  // Anchors, classes and escapes of a regular expression: `^[A-Z]`, `[0-9]+$`, `\d`.
  if (/\^\[|\]\+?\$|\]\*|\\[dswb]|\[[A-Za-z0-9]-[A-Za-z0-9]\]/.test(text)) return 'a regular expression';
  if (text.includes(root) || text.includes(REPO)) return 'an absolute path';
  return undefined;
}

describe('plain-text messages in the example workspaces', function () {
  this.timeout(60_000);

  for (const root of WORKSPACES) {
    it(path.relative(REPO, root), async () => {
      const { index } = await indexFolder(root, { now: new TestClock().now });
      const ctx = folderContext(index, root, (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined));
      const problems: string[] = [];
      let titles = 0;
      for (const [file, diagnostics] of index.diagnostics()) {
        const document = TextDocument.create(pathToUri(file), 'yaml', 1, fs.readFileSync(file, 'utf8'));
        for (const d of diagnostics) {
          const texts = [d.message, ...(d.related ?? []).map((r) => r.message)];
          const lsp = toLspDiagnostic(d, true);
          const params = { textDocument: { uri: document.uri }, range: lsp.range, context: { diagnostics: [lsp] } };
          const actions = codeActions({ ctx, document, file, params, token: new CancellationTokenSource().token });
          titles += actions.length;
          texts.push(...actions.map((a) => a.title));
          for (const t of texts) {
            const why = notPlain(t, root);
            if (why) problems.push(`${path.relative(root, file)} ${d.code}: ${why} in "${t}"`);
          }
        }
      }
      assert.deepEqual(problems, []);
      // The broken cases with a quick fix do offer one (the titles above were really checked).
      if (/bad-enum|missing-field|uncovered-requirement|duplicate-id/.test(root)) assert.ok(titles > 0, 'no quick fix offered');
    });
  }

  it('the rule reference quotes the messages word for word, as plain text', () => {
    const messages = fs
      .readdirSync(BROKEN)
      .filter((d) => fs.existsSync(path.join(BROKEN, d, 'expected.json')))
      .flatMap((d) => (JSON.parse(fs.readFileSync(path.join(BROKEN, d, 'expected.json'), 'utf8')) as { message?: string }[]).map((e) => e.message ?? ''));
    for (const code of Object.keys(DEFAULT_SEVERITY) as DiagnosticCode[]) {
      for (const example of ruleDoc(code).examples) {
        assert.equal(notPlain(example, '/ws'), undefined, example);
        // A too-large file has no case (it would take a megabyte of repository); the others are quoted from one.
        if (code !== 'file-too-large') assert.ok(messages.some((m) => m.startsWith(example)), `${code}: "${example}" is in no expected.json`);
      }
    }
  });

  it('the scan would catch what it looks for', () => {
    assert.equal(notPlain('`id` `pay_1` does not match the ID pattern ^[A-Z][A-Z0-9]*-[0-9]+$', '/ws'), 'a backtick');
    assert.equal(notPlain('“pay_1” does not match ^[A-Z][A-Z0-9]*-[0-9]+$', '/ws'), 'a regular expression');
    assert.equal(notPlain('not found (looked for /ws/schemas/x.json)', '/ws'), 'an absolute path');
    assert.equal(notPlain('“pay_1” is not a valid ID: IDs look like PAY-1', '/ws'), undefined);
  });
});
