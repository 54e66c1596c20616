// Every custom request of protocol.ts (the fuzzer's list) asked with params no view sends: no params,
// null, an array, wrong types in every field, prototype keys, unusable URIs. Each must be answered with
// a result or a proper LSP error (never an InternalError from a handler that threw), and the server
// must log no exception and exit cleanly.
import * as assert from 'node:assert/strict';
import { CUSTOM } from '../fuzz/customRequests';
import { EditorSession } from '../fuzz/session';
import { copyWorkspace, removeFolder } from '../fuzz/workspace';

const EVERY_FIELD = ['id', 'uri', 'folderUri', 'prefix', 'format', 'roadmapId', 'zoom', 'status', 'rev', 'editorial', 'withCode', 'date', 'fileUri', 'outUri', 'mappingUri', 'textDocument', 'position'];

function allFields(value: unknown): Record<string, unknown> {
  return Object.fromEntries(EVERY_FIELD.map((f) => [f, value]));
}

const HOSTILE_PARAMS: readonly unknown[] = [
  null,
  [],
  [42],
  {},
  allFields(42),
  allFields(null),
  allFields(true),
  allFields([]),
  allFields({}),
  allFields('x'.repeat(100_000)),
  allFields('not a uri'),
  allFields('file:///%E0%A4%A'),
  allFields('file:///dev/zero'),
  JSON.parse('{"__proto__": {"id": "PAY-1", "uri": 1}, "constructor": {"prototype": {}}}') as unknown,
  { id: '__proto__', roadmapId: 'constructor', prefix: 'toString', status: 'hasOwnProperty', uri: 'file:///__proto__' },
];

describe('custom requests with params no view sends', function () {
  this.timeout(180_000);
  let root: string;
  let s: EditorSession | undefined;

  before(async () => {
    root = copyWorkspace('acme-shop', 'spectrace-params');
    s = await EditorSession.start(root, { initializationOptions: { trusted: true } });
    s.open('specs/checkout.yaml', s.texts.get(s.uri('specs/checkout.yaml')) ?? '');
  });
  after(() => {
    s?.kill();
    removeFolder(root);
  });

  for (const method of CUSTOM) {
    it(`${method} answers every hostile params shape with a result or a proper error`, async () => {
      const session = s as EditorSession;
      const problems: string[] = [];
      for (const params of HOSTILE_PARAMS) {
        const o = await session.outcome(method, params);
        if (!(o.kind === 'result' || (o.kind === 'error' && o.code !== -32603))) problems.push(`${JSON.stringify(params).slice(0, 120)} -> ${JSON.stringify(o).slice(0, 300)}`);
      }
      assert.deepEqual(problems, []);
    });
  }

  it('document requests without a usable textDocument are refused as InvalidParams, not thrown', async () => {
    const session = s as EditorSession;
    for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/codeLens', 'textDocument/documentSymbol', 'spectrace/idAt']) {
      for (const params of [{}, { textDocument: null }, { textDocument: { uri: 42 } }, { position: { line: 0, character: 0 } }]) {
        const o = await session.outcome(method, params);
        assert.equal(o.kind === 'error' ? o.code : o.kind, -32602, `${method} ${JSON.stringify(params)}: ${JSON.stringify(o)}`);
      }
    }
  });

  it('positions and ranges that are not non-negative integers are refused as InvalidParams, not thrown', async () => {
    const session = s as EditorSession;
    const textDocument = { uri: session.uri('specs/checkout.yaml') };
    const badPositions: unknown[] = [null, {}, { line: -1, character: 0 }, { line: 0.5, character: 0 }, { line: '3', character: 1 }, { line: 0, character: -3 }];
    for (const position of badPositions) {
      for (const method of ['textDocument/hover', 'textDocument/definition', 'textDocument/completion', 'spectrace/idAt']) {
        const o = await session.outcome(method, { textDocument, position });
        assert.equal(o.kind === 'error' ? o.code : o.kind, -32602, `${method} ${JSON.stringify(position)}: ${JSON.stringify(o)}`);
      }
      const range = { start: { line: 0, character: 0 }, end: position };
      for (const method of ['textDocument/inlayHint', 'textDocument/codeAction']) {
        const o = await session.outcome(method, { textDocument, range, context: { diagnostics: [] } });
        assert.equal(o.kind === 'error' ? o.code : o.kind, -32602, `${method} ${JSON.stringify(range)}: ${JSON.stringify(o)}`);
      }
      const o = await session.outcome('textDocument/selectionRange', { textDocument, positions: [{ line: 0, character: 0 }, position] });
      assert.equal(o.kind === 'error' ? o.code : o.kind, -32602, `selectionRange ${JSON.stringify(position)}: ${JSON.stringify(o)}`);
    }
    // A position past the end of the document is a position all the same: answered.
    assert.equal((await session.outcome('textDocument/hover', { textDocument, position: { line: 1e6, character: 1e6 } })).kind, 'result');
  });

  it('the server logged no exception and exits cleanly', async () => {
    await (s as EditorSession).stop();
    s = undefined;
  });
});
