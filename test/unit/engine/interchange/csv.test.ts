// The CSV importer on text in memory: Jira defaults, separators, IDs, releases and the mapping file.
import * as assert from 'node:assert/strict';
import { importCsv } from '../../../../server/src/engine/interchange/csvImport';
import { ImportError } from '../../../../server/src/engine/interchange/importError';
import { NO_EXISTING } from '../../../../server/src/engine/interchange/importModel';
import { defaultMapping, parseMapping } from '../../../../server/src/engine/interchange/mapping';
import { decodeText } from '../../../../server/src/engine/interchange/textDecoding';

const options = { mapping: defaultMapping(), existing: NO_EXISTING, prefix: undefined };

describe('interchange: CSV import', () => {
  it('maps the Jira priority and status defaults', () => {
    const rows = ['Summary,Issue key,Priority,Status', 'a,A-1,Highest,To Do', 'b,A-2,Medium,In Progress', 'c,A-3,Low,Resolved', 'd,A-4,Lowest,Backlog'].join('\n');
    const result = importCsv(rows, options);
    assert.deepEqual(
      result.requirements.map((r) => [r.priority, r.status]),
      [
        ['must', 'proposed'],
        ['should', 'in-progress'],
        ['could', 'implemented'],
        ['wont', 'proposed'],
      ],
    );
  });

  it('reuses roadmap items the workspace has (by ID or title) and a mapping roadmap entry; creates the others', () => {
    const rows = ['Summary,Fix Version/s', 'a,Release 1', 'b,R-2', 'c,v3', 'd,v4'].join('\n');
    const mapping = parseMapping('roadmap:\n  v3: R-9\n');
    const result = importCsv(rows, { mapping, prefix: 'X', existing: { requirementIds: new Set(), sourceKeys: new Map(), roadmap: [{ id: 'R-1', title: 'Release 1' }, { id: 'R-2', title: undefined }] } });
    assert.deepEqual(result.requirements.map((r) => r.roadmap), ['R-1', 'R-2', 'R-9', 'REL-1']);
    assert.deepEqual(result.roadmap, [{ id: 'REL-1', title: 'v4', type: 'release', status: 'planned' }]);
  });

  it('--prefix numbers after the IDs already taken and keeps the sheet key, which a re-import matches again', () => {
    const existing = { requirementIds: new Set(['NEW-7']), roadmap: [], sourceKeys: new Map([['K-2', 'NEW-7']]) };
    const result = importCsv('Summary,Issue key\na,K-1\nb,K-2\n', { ...options, existing, prefix: 'NEW' });
    assert.deepEqual(result.requirements.map((r) => [r.id, r['x-source-id']]), [
      ['NEW-8', 'K-1'],
      ['NEW-7', 'K-2'],
    ]);
  });

  it('refuses an empty file and a sheet without a title column', () => {
    assert.throws(() => importCsv('\uFEFF\n', options), (err: unknown) => err instanceof ImportError && err.message === 'the CSV file is empty');
    assert.throws(() => importCsv('a;b\n1;2\n', options), /columns found: 'a', 'b'$/);
  });

  it('decodes UTF-16 with and without a BOM, and UTF-8 with one', () => {
    const text = 'Summary\tStatus\r\nÜber\tDone\r\n';
    const le = Buffer.from(text, 'utf16le');
    assert.equal(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), le])), text);
    assert.equal(decodeText(le), text);
    assert.equal(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), text);
  });
});

describe('interchange: mapping file', () => {
  it('reads fields, values, defaults and prefix', () => {
    const m = parseMapping('fields:\n  Story Points: estimate\n  Team: x-team\nvalues:\n  status:\n    Ready: approved\ndefaults:\n  status: draft\nprefix: SHOP\n');
    assert.equal(m.fields.get('story points'), 'estimate');
    assert.equal(m.fields.get('team'), 'x-team');
    assert.equal(m.values.status.get('ready'), 'approved');
    assert.equal(m.defaults.status, 'draft');
    assert.equal(m.prefix, 'SHOP');
  });

  it('names the key of every mistake', () => {
    assert.throws(() => parseMapping('colums: {}'), /unknown key 'colums'/);
    assert.throws(() => parseMapping('fields:\n  A: titel\n'), /'fields.a' is 'titel'; expected one of id, title/);
    assert.throws(() => parseMapping('defaults:\n  priority: high\n'), /'defaults.priority' is 'high'; expected one of must, should, could, wont/);
    assert.throws(() => parseMapping('relations:\n  r: child\n'), /'relations.r' is 'child'/);
    assert.throws(() => parseMapping('a: [\n'), /mapping file is not valid YAML/);
  });
});
