// Hostile and broken input: each gets a clear diagnostic and none crashes or hangs.
// "Hangs" are bounded by mocha's timeout, not by a timing threshold.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseConfig } from '../../../server/src/engine/config/config';
import { createSchemaSet } from '../../../server/src/engine/schema/schemaSet';
import { analyzeSpec } from '../../../server/src/engine/spec/specAnalyzer';
import { MAX_ALIAS_DOC_DEPTH } from '../../../server/src/engine/spec/yamlNodes';
import type { SpecFile } from '../../../server/src/engine/types';
import { REPO, loadWorkspace } from './helpers';

const FILE = '/ws/specs/x.yaml';
const defaults = parseConfig('/ws/spectrace.yaml', undefined).config;
const builtin = createSchemaSet({ config: defaults, configFile: undefined, configText: undefined, readFile: () => undefined, trusted: true }).schemaSet;
const check = (text: string): SpecFile => analyzeSpec(FILE, text, builtin, defaults);
const messages = (r: SpecFile) => r.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`);

function requirement(i: number): string {
  return `  - id: REQ-${i}\n    title: Requirement ${i}\n    status: draft\n    priority: could\n`;
}

describe('bad input', () => {
  it('an empty file or a file of comments is not a spec and gets no diagnostics', () => {
    for (const t of ['', '\n\n', '# just a comment\n# another\n']) {
      const r = check(t);
      assert.equal(r.hasSpecLists, false);
      assert.deepEqual(r.diagnostics, []);
    }
  });

  it('a mapping without requirements or roadmap is not a spec and gets no diagnostics', () => {
    const r = check('openapi: 3.0.0\ninfo:\n  title: x\n');
    assert.equal(r.hasSpecLists, false);
    assert.deepEqual(r.diagnostics, []);
  });

  it('text that is not YAML gets one syntax diagnostic', () => {
    const r = check('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >>\n\u0001\u0002 stream }}}{{\n');
    assert.equal(r.hasSpecLists, false);
    assert.equal(r.diagnostics.length, 1);
    assert.equal(r.diagnostics[0].code, 'yaml-syntax');
    assert.match(r.diagnostics[0].message, /directive/);
  });

  it('binary noise gets at most one diagnostic and no crash', () => {
    let noise = '';
    let seed = 7;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      noise += String.fromCharCode(seed % 256);
    }
    const r = check(noise);
    assert.ok(r.diagnostics.length <= 1, messages(r).join('\n'));
  });

  it('a top-level list or scalar gets one diagnostic explaining the expected top level', () => {
    for (const t of ['- id: PAY-1\n  title: x\n', 'Pay by card and by invoice.\n', '42\n']) {
      const r = check(t);
      assert.equal(r.hasSpecLists, false);
      assert.equal(r.diagnostics.length, 1, t);
      assert.equal(r.diagnostics[0].code, 'schema');
      assert.match(r.diagnostics[0].message, /requirements:/);
      assert.deepEqual(r.diagnostics[0].range.start, { line: 0, character: 0 });
    }
  });

  it('tab indentation is reported on each tab-indented line', () => {
    const r = check('requirements:\n  - id: PAY-1\n\ttitle: x\n\tstatus: draft\n');
    const tabs = r.diagnostics.filter((d) => d.code === 'yaml-syntax');
    assert.deepEqual(tabs.map((d) => d.range.start.line), [2, 3]);
    assert.match(tabs[0].message, /^Tabs are not allowed/);
  });

  it('a duplicate key is a yaml-syntax error on the second key, naming it', () => {
    const r = check(`requirements:\n${requirement(1)}    title: again\n`);
    assert.deepEqual(messages(r), ['5:4 yaml-syntax duplicate key “title” — each key may appear once in a mapping']);
    assert.deepEqual(r.diagnostics[0].range.end, { line: 5, character: 9 });
    // The first occurrence wins in the item's fields.
    assert.equal(r.requirements[0].fields.get('title')?.value, 'Requirement 1');
  });

  it('a 10,000-item file is read completely', () => {
    let t = 'product: big\nrequirements:\n';
    for (let i = 1; i <= 10000; i++) t += requirement(i);
    const r = check(t);
    assert.equal(r.requirements.length, 10000);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.requirements[9999].id, 'REQ-10000');
    assert.equal(r.requirements[9999].headRange.start.line, 2 + 9999 * 4);
  });

  it('an alias bomb gets one clear diagnostic and no hang', () => {
    const levels = ['x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let l = 1; l < 12; l++) {
      const prev = String.fromCharCode(96 + l);
      levels.push(`x-${String.fromCharCode(97 + l)}: &${String.fromCharCode(97 + l)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const r = check(`${levels.join('\n')}\nrequirements:\n${requirement(1)}    tags: *l\n`);
    assert.equal(r.diagnostics.length, 1, messages(r).join('\n'));
    assert.match(r.diagnostics[0].message, /alias bomb/);
    assert.equal(r.requirements.length, 1);
  });

  it('an unknown alias is reported where it is written', () => {
    const r = check(`requirements:\n${requirement(1)}    tags: *nope\n`);
    assert.deepEqual(messages(r), ['5:10 yaml-syntax unknown alias “*nope” — define the anchor “&nope” before using it']);
  });

  it('10,000-deep nesting in flow and block style: one clear diagnostic, no stack overflow', () => {
    const deep = [
      `${'['.repeat(10000)}${']'.repeat(10000)}`,
      `${'{a: '.repeat(10000)}1${'}'.repeat(10000)}`,
      `\n      ${'- '.repeat(10000)}x`, // block sequences nested on one line
    ];
    for (const value of deep) {
      const r = check(`requirements:\n${requirement(1)}    x-deep: ${value}\n`);
      assert.equal(r.diagnostics.length, 1, messages(r).join('\n'));
      assert.equal(r.diagnostics[0].code, 'yaml-syntax');
      assert.match(r.diagnostics[0].message, /nested too deeply/);
      assert.equal(r.diagnostics[0].range.start.line, value.startsWith('\n') ? 6 : 5);
      assert.equal(r.requirements.length, 1);
    }
  });

  it('aliases beside 10,000-deep nesting: not expanded, one diagnostic on the first alias (the fuzzer found seconds per analysis)', () => {
    // `yaml` resolves each alias by walking the whole document, copying the path at every level.
    const aliases = ['x-a: &a [1, 2, 3]'];
    for (let l = 1; l < 9; l++) aliases.push(`x-${String.fromCharCode(97 + l)}: &${String.fromCharCode(97 + l)} [${Array(9).fill(`*${String.fromCharCode(96 + l)}`).join(',')}]`);
    const r = check(`requirements:\n${requirement(1)}    x-deep: ${'{a: '.repeat(10000)}1${'}'.repeat(10000)}\n${aliases.join('\n')}\n`);
    // The stack overflow's column depends on the stack left where it happens: its line is checked.
    assert.deepEqual(
      r.diagnostics.map((d, i) => [d.range.start.line, i === 0 ? 'any column' : d.range.start.character, d.code]),
      [
        [5, 'any column', 'yaml-syntax'],
        [7, 9, 'yaml-syntax'], // the first *a
      ],
      messages(r).join('\n'),
    );
    assert.match(r.diagnostics[0].message, /nested too deeply/);
    assert.equal(r.diagnostics[1].message, `aliases are not expanded in a file nested more than ${MAX_ALIAS_DOC_DEPTH} levels deep: the values that use them were not read — remove the *alias references or the deep nesting`);
    assert.deepEqual(r.requirements.map((q) => q.id), ['REQ-1']);
  });

  it('a file over maxSpecFileSize gets one file-too-large diagnostic at 0:0 and is not parsed', () => {
    const config = { ...defaults, maxSpecFileSize: 1000 };
    let t = 'requirements:\n';
    for (let i = 1; i <= 100; i++) t += requirement(i);
    const r = analyzeSpec(FILE, t, builtin, config);
    assert.equal(r.diagnostics.length, 1);
    assert.equal(r.diagnostics[0].code, 'file-too-large');
    assert.deepEqual(r.diagnostics[0].range.start, { line: 0, character: 0 });
    assert.match(r.diagnostics[0].message, /too large/);
    assert.equal(r.requirements.length, 0);
  });

  it('spec files have their own limit: a 3 MiB spec is parsed with the defaults, maxFileSize (code) does not apply to it', () => {
    let t = 'requirements:\n';
    for (let i = 1; t.length < 3 * 1024 * 1024; i++) t += requirement(i);
    assert.ok(t.length > defaults.maxFileSize);
    const r = analyzeSpec(FILE, t, builtin, { ...defaults, maxFileSize: 1000 });
    assert.deepEqual(r.diagnostics.filter((d) => d.code === 'file-too-large'), []);
    assert.ok(r.requirements.length > 1000);
  });

  it('a custom schema with pattern (a+)+$ cannot stall validation on a long aaaa…! value', () => {
    const ws = loadWorkspace(path.join(REPO, 'test/fixtures/engine/redos'));
    assert.deepEqual(ws.configDiagnostics, []);
    const owner = `${'a'.repeat(50000)}!`;
    const r = analyzeSpec(FILE, `requirements:\n${requirement(1)}    owner: "${owner}"\n`, ws.schemaSet, ws.config);
    assert.equal(r.diagnostics.length, 1, messages(r).join('\n'));
    assert.match(r.diagnostics[0].message, /^“a+…” does not fit the pattern the schema sets for “owner”$/);
  });

  it('patterns RE2 cannot run (look-around) are invalid-config, and the defaults apply', () => {
    const ws = loadWorkspace(path.join(REPO, 'test/fixtures/engine/lookahead'));
    const got = ws.configDiagnostics.map((d) => `${d.range.start.line}:${d.code} ${d.message}`);
    assert.equal(got.length, 2, got.join('\n'));
    assert.match(got[0], /^3:invalid-config idPattern is not a usable regular expression: look-ahead and look-behind are not supported/);
    assert.match(got[1], /^2:invalid-config custom requirement schema “lookahead.schema.json” does not compile: pattern “\^\(\?=\.\*@\)\.\+\$” cannot be used/);
    assert.equal(ws.config.idPattern, defaults.idPattern);
  });

  it('CRLF line endings and a BOM give the same positions as LF', () => {
    const lf = `product: p\nrequirements:\n${requirement(1)}${requirement(2)}    priority: shuld\n`;
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = check(lf);
    const b = check(crlf);
    const c = check(`\ufeff${lf}`);
    assert.deepEqual(messages(b), messages(a));
    assert.deepEqual(b.requirements.map((i) => i.range), a.requirements.map((i) => i.range));
    assert.deepEqual(c.requirements.map((i) => i.headRange), a.requirements.map((i) => i.headRange));
    assert.equal(a.diagnostics.length, 2); // the duplicate key and the bad enum
  });
});
