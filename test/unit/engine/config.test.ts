// spectrace.yaml: defaults, validation with positions, a broken part falling back to its default
// while the rest applies, and the key ranges other features use.
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, configKeyRange, parseConfig, severityFor } from '../../../server/src/engine/config/config';

const FILE = '/ws/spectrace.yaml';
const where = (r: ReturnType<typeof parseConfig>) => r.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`);

describe('config', () => {
  it('no config file means the defaults, without diagnostics', () => {
    const r = parseConfig(FILE, undefined);
    assert.deepEqual(r.config, DEFAULT_CONFIG);
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(DEFAULT_CONFIG.specs, ['specs/**/*.{yaml,yml}', '**/*.spec.{yaml,yml}']);
    assert.equal(DEFAULT_CONFIG.idPattern, '^[A-Z][A-Z0-9]*-[0-9]+$');
    assert.equal(DEFAULT_CONFIG.maxFileSize, 1048576);
    assert.equal(DEFAULT_CONFIG.maxSpecFileSize, 16 * 1024 * 1024);
    assert.deepEqual(DEFAULT_CONFIG.coverage, [
      { status: ['approved', 'in-progress', 'implemented', 'verified', 'released'], priority: ['must'], implementations: 1, tests: 1 },
    ]);
  });

  it('the defaults cannot be changed through the exported object, and results are fresh copies', () => {
    assert.throws(() => (DEFAULT_CONFIG.specs as string[]).push('x'));
    const a = parseConfig(FILE, undefined).config;
    a.specs.push('more/**');
    assert.equal(parseConfig(FILE, undefined).config.specs.length, 2);
  });

  it('an empty file or a file of comments is the defaults', () => {
    for (const t of ['', '# nothing yet\n']) assert.deepEqual(parseConfig(FILE, t), { config: DEFAULT_CONFIG, diagnostics: [] });
  });

  it('applies every valid setting', () => {
    const r = parseConfig(
      FILE,
      [
        'specs: ["docs/specs/**/*.yaml"]',
        'code: { include: ["src/**"], exclude: ["src/gen/**"] }',
        'idPattern: "^[A-Z]+-[0-9]+$"',
        'tags: { implements: ["@impl"], verifies: ["@test", "@covers"] }',
        'schemas: { requirement: team.json }',
        'rules: { status-mismatch: off, uncovered-requirement: error }',
        'coverage: [{ priority: [must, should], implementations: 1, tests: 0 }]',
        'maxFileSize: 2048',
        'releases: { warnDays: 7 }',
        'maxSpecFileSize: 65536',
      ].join('\n'),
    );
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.config, {
      specs: ['docs/specs/**/*.yaml'],
      code: { include: ['src/**'], exclude: ['src/gen/**'] },
      idPattern: '^[A-Z]+-[0-9]+$',
      tags: { implements: ['@impl'], verifies: ['@test', '@covers'] },
      schemas: { requirement: 'team.json' },
      rules: { 'status-mismatch': 'off', 'uncovered-requirement': 'error' },
      coverage: [{ priority: ['must', 'should'], implementations: 1, tests: 0 }],
      maxFileSize: 2048,
      releases: { warnDays: 7 },
      maxSpecFileSize: 65536,
    });
    assert.equal(severityFor('status-mismatch', r.config.rules), undefined);
    assert.equal(severityFor('uncovered-requirement', r.config.rules), 'error');
    assert.equal(severityFor('schema', r.config.rules), 'error');
  });

  it('reports each broken part on its line and keeps the default for that part only', () => {
    const text = [
      'specs: "specs/*.yaml"', // 0: must be a list
      'code:',
      '  include: ["src/**"]', // 2: fine
      '  exclude: [1]', // 3: items must be strings
      'idPattern: "^(?=X)[A-Z]+-[0-9]+$"', // 4: RE2 has no look-ahead
      'tags: { implements: [], verifies: ["@verifies"] }', // 5: implements needs one word
      'rules: { status-mismatch: loud, schema: warning }', // 6: one bad rule, one good
      'maxFileSize: -5', // 7
      'idPatern: x', // 8: unknown key
    ].join('\n');
    const r = parseConfig(FILE, text);
    assert.deepEqual(where(r), [
      '0:7 “specs” must be a list',
      '3:12 “code.exclude[0]” must be a string',
      '4:11 idPattern is not a usable regular expression: look-ahead and look-behind are not supported (patterns run on RE2, in linear time)',
      '5:20 “tags.implements” must have at least 1 item',
      '6:26 “loud” is not a valid value for “rules.status-mismatch”: use error, warning, info, hint or off',
      '7:13 “maxFileSize” must be at least 1',
      '8:0 unknown field “idPatern” — did you mean “idPattern”?',
    ]);
    assert.ok(r.diagnostics.every((d) => d.code === 'invalid-config' && d.file === FILE && d.severity === 'error'));
    assert.deepEqual(r.config.specs, DEFAULT_CONFIG.specs);
    assert.deepEqual(r.config.code, { include: ['src/**'], exclude: [] });
    assert.equal(r.config.idPattern, DEFAULT_CONFIG.idPattern);
    assert.deepEqual(r.config.tags, { implements: ['@implements'], verifies: ['@verifies'] });
    assert.deepEqual(r.config.rules, { schema: 'warning' });
    assert.equal(r.config.maxFileSize, DEFAULT_CONFIG.maxFileSize);
  });

  it('a config that is not YAML, or not a mapping, is one clear diagnostic and the defaults', () => {
    const broken = parseConfig(FILE, 'specs: [unclosed\nidPattern: x\n');
    assert.ok(broken.diagnostics.length >= 1);
    assert.ok(broken.diagnostics.every((d) => d.code === 'invalid-config' && d.message.startsWith('spectrace.yaml: ')));
    const list = parseConfig(FILE, '- specs/**\n');
    assert.deepEqual(where(list), ['0:0 spectrace.yaml must be a mapping of settings (specs:, code:, idPattern:, …)']);
    assert.deepEqual(list.config, DEFAULT_CONFIG);
  });

  it('an alias bomb in the config is reported, not expanded', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let l = 1; l < 10; l++) levels.push(`${'abcdefghijk'[l]}: &${'abcdefghijk'[l]} [${Array(9).fill(`*${'abcdefghijk'[l - 1]}`).join(',')}]`);
    const r = parseConfig(FILE, levels.join('\n'));
    assert.equal(r.diagnostics.length, 1);
    assert.match(r.diagnostics[0].message, /could not be read/);
    assert.deepEqual(r.config, DEFAULT_CONFIG);
  });

  it('configKeyRange finds keys and values, and undefined for what is not there', () => {
    const text = '# c\nschemas:\n  requirement: team.json#/definitions/requirement\n';
    assert.deepEqual(configKeyRange(text, ['schemas', 'requirement']), { start: { line: 2, character: 15 }, end: { line: 2, character: 49 } });
    assert.deepEqual(configKeyRange(text, ['schemas', 'requirement'], 'key'), { start: { line: 2, character: 2 }, end: { line: 2, character: 13 } });
    assert.equal(configKeyRange(text, ['schemas', 'roadmap']), undefined);
    assert.equal(configKeyRange('{{{', ['x']), undefined);
  });
});
