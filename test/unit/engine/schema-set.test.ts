// The schema set: built-in schemas always, workspace schemas on top (draft-07 and 2020-12, with a
// JSON-pointer fragment), the workspace ID pattern, workspace trust, and problems with workspace
// schemas reported on their config line.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseConfig } from '../../../server/src/engine/config/config';
import { createSchemaSet, describeSchemaProperty, itemPropertyNames, schemaSetInternals } from '../../../server/src/engine/schema/schemaSet';
import { analyzeSpec } from '../../../server/src/engine/spec/specAnalyzer';
import { REPO, loadWorkspace, readFileOrUndefined } from './helpers';

const FIXTURE = path.join(REPO, 'test/fixtures/engine/custom-2020');
const SPEC = [
  'requirements:',
  '  - id: TEAM-12',
  '    title: t',
  '    status: draft',
  '    priority: must',
  '    owner: Payments Team',
  '    estimate: 2.5',
  '  - id: TEAMS-1',
  '    title: t',
  '    status: draft',
  '    priority: must',
  '',
].join('\n');

describe('schema set', () => {
  it('applies a 2020-12 workspace schema through a $defs fragment, and the workspace ID pattern', () => {
    const ws = loadWorkspace(FIXTURE);
    assert.deepEqual(ws.configDiagnostics, []);
    const r = analyzeSpec('/w/specs/a.yaml', SPEC, ws.schemaSet, ws.config);
    assert.deepEqual(
      r.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`),
      [
        '5:11 “Payments Team” does not fit the pattern the schema sets for “owner”',
        '6:14 “estimate” must be a whole number',
        '7:4 missing required field “owner”',
        '7:8 “TEAMS-1” is not a valid ID: IDs look like PAY-12',
      ],
    );
  });

  it('an untrusted workspace gets the built-in schemas and the default ID pattern only', () => {
    const ws = loadWorkspace(FIXTURE, false);
    assert.deepEqual(ws.configDiagnostics, []);
    const r = analyzeSpec('/w/specs/a.yaml', SPEC, ws.schemaSet, ws.config);
    assert.deepEqual(r.diagnostics, []);
  });

  it('a workspace schema is compiled once per content and shared between schema sets', () => {
    const configFile = path.join(FIXTURE, 'spectrace.yaml');
    const { config } = parseConfig(configFile, 'schemas:\n  requirement: schemas/team.json\n');
    let content = '{"type":"object","required":["owner"]}';
    const readFile = (p: string) => (p.endsWith('team.json') ? content : undefined);
    const a = schemaSetInternals(createSchemaSet({ config, configFile, configText: undefined, readFile, trusted: true }).schemaSet);
    const b = schemaSetInternals(createSchemaSet({ config, configFile, configText: undefined, readFile, trusted: true }).schemaSet);
    assert.equal(a.validators.requirement.length, 2);
    assert.equal(a.validators.requirement[1], b.validators.requirement[1]);
    assert.equal(a.validators.requirement[0], b.validators.requirement[0]); // the built-in one, compiled once per process
    content = '{"type":"object","required":["team"]}';
    const c = schemaSetInternals(createSchemaSet({ config, configFile, configText: undefined, readFile, trusted: true }).schemaSet);
    assert.notEqual(c.validators.requirement[1], a.validators.requirement[1]);
  });

  it('a fragment that points nowhere is invalid-config', () => {
    const configFile = path.join(FIXTURE, 'spectrace.yaml');
    const configText = 'schemas:\n  requirement: schemas/team.json#/$defs/nothing\n';
    const { config } = parseConfig(configFile, configText);
    const r = createSchemaSet({ config, configFile, configText, readFile: readFileOrUndefined, trusted: true });
    assert.equal(r.diagnostics.length, 1);
    assert.match(r.diagnostics[0].message, /“#\/\$defs\/nothing” does not point to a schema in that file/);
    assert.deepEqual(r.diagnostics[0].range.start, { line: 1, character: 15 });
  });

  it('workspace schemas that are missing, not JSON, of an unknown dialect or invalid are invalid-config on their line', () => {
    const configFile = '/ws/spectrace.yaml';
    const cases: [string, RegExp][] = [
      ['missing.json', /custom requirement schema “missing.json” not found/],
      ['bad.json', /custom requirement schema “bad.json” is not valid JSON/],
      ['array.json', /must be a JSON object \(a JSON Schema\)/],
      ['draft4.json', /uses \$schema http:\/\/json-schema.org\/draft-04\/schema#; Spectrace supports JSON Schema draft-07 and 2020-12/],
      ['invalid.json', /is not a valid JSON Schema: “properties.title.minLength” must be at least 0/],
      ['badref.json', /custom requirement schema “badref.json”: “other.json” \(referenced from “badref.json”\) not found \(looked for other.json\)/],
    ];
    const files: Record<string, string> = {
      '/ws/bad.json': '{ not json',
      '/ws/array.json': '[]',
      '/ws/draft4.json': '{"$schema":"http://json-schema.org/draft-04/schema#"}',
      '/ws/invalid.json': '{"properties":{"title":{"minLength":-1}}}',
      '/ws/badref.json': '{"properties":{"title":{"$ref":"other.json#/x"}}}',
    };
    for (const [file, message] of cases) {
      const configText = `# team schema\nschemas:\n  requirement: ${file}\n`;
      const { config } = parseConfig(configFile, configText);
      const r = createSchemaSet({ config, configFile, configText, readFile: (p) => files[p], trusted: true });
      assert.equal(r.diagnostics.length, 1, file);
      const d = r.diagnostics[0];
      assert.equal(d.code, 'invalid-config');
      assert.equal(d.file, configFile);
      assert.deepEqual(d.range.start, { line: 2, character: 15 }, file);
      assert.match(d.message, message);
      // The built-in schema still applies.
      const spec = analyzeSpec('/ws/specs/a.yaml', 'requirements:\n  - id: A-1\n', r.schemaSet, config);
      assert.equal(spec.diagnostics.length, 3, file);
    }
  });

  it('follows relative $refs to other files of the workspace schema', () => {
    const ws = loadWorkspace(path.join(REPO, 'test/fixtures/engine/custom-refs'));
    assert.deepEqual(ws.configDiagnostics, []);
    const spec = (owner: string, tags: string) =>
      `requirements:\n  - id: PAY-1\n    title: t\n    status: draft\n    priority: must\n    owner: "${owner}"\n    tags: ${tags}\n`;
    assert.deepEqual(analyzeSpec('/w/a.yaml', spec('@payments', '[web]'), ws.schemaSet, ws.config).diagnostics, []);
    assert.deepEqual(
      analyzeSpec('/w/a.yaml', spec('payments', '[web, desktop]'), ws.schemaSet, ws.config).diagnostics.map((d) => d.message),
      ['“payments” does not fit the pattern the schema sets for “owner”', '“desktop” is not a valid value for “tags”: use mobile, web or api'],
    );
  });

  it('describes built-in schema properties for hover and completion', () => {
    const priority = describeSchemaProperty('requirement', ['priority']);
    assert.deepEqual(priority?.enum, ['must', 'should', 'could', 'wont']);
    assert.equal(priority?.type, 'string');
    assert.ok(priority?.description && priority.description.length > 10);
    assert.deepEqual(describeSchemaProperty('requirement', ['source', 'kind'])?.enum, ['customer', 'market', 'competitor', 'internal', 'regulatory']);
    assert.equal(describeSchemaProperty('requirement', ['acceptance', '0', 'text'])?.type, 'string');
    assert.ok(describeSchemaProperty('spec-file', ['requirements', '*', 'status'])?.enum?.includes('approved'));
    assert.ok(describeSchemaProperty('spec-file', ['product', 'vision']));
    assert.ok(describeSchemaProperty('config', ['rules', 'schema'])?.enum?.includes('off'));
    assert.equal(describeSchemaProperty('requirement', ['nope']), undefined);
    assert.deepEqual(itemPropertyNames('roadmap').slice(0, 2), ['id', 'title']);
    assert.ok(itemPropertyNames('requirement').includes('depends_on'));
  });
});
