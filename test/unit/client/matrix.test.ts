import * as assert from 'node:assert/strict';
import type { MatrixRow } from '../../../server/src/shared/protocol';
import { csvField, traceCsv } from '../../../server/src/shared/traceCsv';
import { renderMatrixHtml } from '../../../client/src/matrix/matrixHtml';
import { contentSecurityPolicy, jsonForScriptBlock, makeNonce } from '../../../client/src/webview/pageHtml';
import { MATRIX_VOCABULARY, parseFromWebview } from '../../../client/src/matrix/webviewMessages';

const loc = { uri: 'file:///ws/src/a.ts', range: { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } } };
const row = (id: string, title: string): MatrixRow => ({
  id,
  title,
  type: 'story',
  priority: 'must',
  status: 'approved',
  owner: 'payments-pm',
  roadmap: 'R-1',
  roadmapTitle: undefined,
  parent: undefined,
  file: 'specs/a.yaml',
  line: 3,
  implementations: [{ file: 'src/a.ts', line: 4 }],
  tests: [],
  coverage: 'partial',
  exemptReason: undefined,
  location: loc,
  implementationLocations: [loc],
  testLocations: [],
  suspectImplementations: [false],
  suspectTests: [],
  rev: 1,
});

describe('client: matrix page and CSV', () => {
  it('builds a page whose CSP allows only the nonce script and the extension stylesheet', () => {
    const html = renderMatrixHtml({ cspSource: 'https://webview.example', nonce: 'abc123', scriptUri: 'https://webview.example/matrix.js', styleUri: 'https://webview.example/matrix.css', initial: { type: 'data', version: 1, rows: [], vocabulary: MATRIX_VOCABULARY } });
    const csp = contentSecurityPolicy('https://webview.example', 'abc123');
    assert.ok(html.includes(`content="${csp}"`));
    assert.match(csp, /^default-src 'none'; style-src https:\/\/webview\.example 'nonce-abc123'; script-src 'nonce-abc123';/);
    assert.doesNotMatch(csp, /unsafe/);
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) assert.match(tag, /nonce="abc123"/);
  });

  it('puts hostile spec text into the page only as escaped JSON', () => {
    const rows = [row('X-1', '<img src=x onerror=alert(1)>'), row('X-2', '</script><script>alert(2)</script>'), row('X-3', '<!-- \u2028 & "q"')];
    const html = renderMatrixHtml({ cspSource: 'c', nonce: 'n', scriptUri: 's', styleUri: 't', initial: { type: 'data', version: 1, rows, vocabulary: MATRIX_VOCABULARY } });
    assert.ok(!html.includes('<img src=x'));
    assert.ok(!html.includes('alert(2)</script>'));
    assert.ok(!html.includes('<!-- '));
    assert.equal((html.match(/<\/script>/g) ?? []).length, 2, 'only the two script elements close');
    const block = /<script type="application\/json" id="matrix-data" nonce="n">([^<]*)<\/script>/.exec(html)?.[1];
    assert.ok(block);
    // JSON drops the undefined fields.
    assert.deepEqual(JSON.parse(block), { type: 'data', version: 1, rows: JSON.parse(JSON.stringify(rows)) as MatrixRow[], vocabulary: JSON.parse(JSON.stringify(MATRIX_VOCABULARY)) as unknown });
    assert.equal(jsonForScriptBlock('</script>'), '"\\u003c/script\\u003e"');
  });

  it('makes a fresh nonce each time', () => {
    const a = makeNonce();
    assert.match(a, /^[A-Za-z0-9+/=]{20,}$/);
    assert.notEqual(a, makeNonce());
  });

  it('writes RFC 4180 CSV and defuses spreadsheet formulas', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a, "b"'), '"a, ""b"""');
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField('-1'), "'-1");
    // The matrix exports the rows it shows with the report's columns and writer.
    const csv = traceCsv([row('A-1', 'Line\nbreak')]);
    assert.equal(
      csv,
      'ID,Title,Type,Priority,Status,Owner,Roadmap,Roadmap title,Parent,Implementations,Tests,Coverage,Defined in,Score,Insights,Customers\r\n' +
        'A-1,"Line\nbreak",story,must,approved,payments-pm,R-1,,,src/a.ts:4,,partial,specs/a.yaml:3,,,\r\n',
    );
  });

  it('accepts only well-formed messages from the page', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'open', version: 2, row: 1, cell: 'test', index: 0, extra: 'x' }), { type: 'open', version: 2, row: 1, cell: 'test', index: 0 });
    assert.equal(parseFromWebview({ type: 'open', version: 2, row: -1, cell: 'test', index: 0 }), undefined);
    assert.deepEqual(parseFromWebview({ type: 'prefetch', version: 2, row: 1, cell: 'requirement', index: 0 }), { type: 'prefetch', version: 2, row: 1, cell: 'requirement', index: 0 });
    assert.equal(parseFromWebview({ type: 'prefetch', uri: 'file:///etc/passwd' }), undefined);
    assert.equal(parseFromWebview({ type: 'open', version: 2, row: 1, cell: 'file:///etc/passwd', index: 0 }), undefined);
    assert.equal(parseFromWebview({ type: 'exportCsv', version: 1, rows: [0, 1.5] }), undefined);
    assert.deepEqual(parseFromWebview({ type: 'exportCsv', version: 1, rows: [2, 0] }), { type: 'exportCsv', version: 1, rows: [2, 0] });
    assert.equal(parseFromWebview('ready'), undefined);
    assert.equal(parseFromWebview(null), undefined);
  });
});
