// The --stdio encoder must write what JSON.stringify writes, with non-ASCII characters as \u escapes,
// assembling diagnostics publishes from cached per-diagnostic JSON (the LSP tests then run the real
// server through it over stdio).
import * as assert from 'node:assert/strict';
import type { Message } from 'vscode-languageserver/node';
import { asciiOnly, diagnosticsAwareJsonEncoder, encodeMessage as encodeBytes } from '../../../server/src/lsp/stdioTransport';

const encodeMessage = (m: Message): string => encodeBytes(m).toString('utf8');

const diagnostic = (line: number, message: string) => ({
  range: { start: { line, character: 4 }, end: { line, character: 9 } },
  severity: 1,
  code: 'schema',
  source: 'spectrace',
  message,
  data: { kind: 'replace-value', replacement: 'must' },
});

function publish(diagnostics: unknown[], params: Record<string, unknown> = { uri: 'file:///ws/specs/a.yaml', version: 7 }): Message {
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { ...params, diagnostics } } as Message;
}

describe('stdio transport: diagnostics-aware JSON encoder', () => {
  it('writes a diagnostics publish as JSON.stringify does, quotes included', () => {
    const msg = publish([diagnostic(3, '`priority` must be one of must, should; did you mean "must"?'), diagnostic(9, 'a \\ backslash')]);
    assert.equal(encodeMessage(msg), JSON.stringify(msg));
  });

  it('writes only ASCII: other characters as \\u escapes that parse back to the same text', () => {
    const text = 'ünïcode — \u2028 emoji 😀 and a lone \ud800 surrogate';
    const messages = [publish([diagnostic(1, text)]), { jsonrpc: '2.0', id: 3, result: { contents: text } } as Message];
    for (const msg of messages) {
      const bytes = encodeBytes(msg);
      assert.ok(bytes.every((b) => b < 0x80), 'ASCII only');
      assert.deepEqual(JSON.parse(bytes.toString('utf8')), JSON.parse(JSON.stringify(msg)));
      assert.equal(bytes.toString('utf8'), asciiOnly(JSON.stringify(msg)));
    }
    assert.equal(asciiOnly('"plain"'), '"plain"');
    assert.equal(asciiOnly('"é😀"'), '"\\u00e9\\ud83d\\ude00"');
  });

  it('handles no diagnostics, no other params, and params in another order', () => {
    assert.equal(encodeMessage(publish([])), JSON.stringify(publish([])));
    const bare = publish([diagnostic(1, 'x')], {});
    assert.deepEqual(JSON.parse(encodeMessage(bare)), JSON.parse(JSON.stringify(bare)));
    const reordered = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { diagnostics: [diagnostic(2, 'y')], uri: 'file:///a', version: 1 } } as Message;
    assert.deepEqual(JSON.parse(encodeMessage(reordered)), JSON.parse(JSON.stringify(reordered)));
  });

  it('reuses the JSON of a diagnostic object it has encoded before (published diagnostics never change)', () => {
    const kept = diagnostic(5, 'before');
    const first = encodeMessage(publish([kept]));
    kept.message = 'changed after publishing';
    assert.equal(encodeMessage(publish([kept])), first);
    // A new object with the new text is encoded afresh.
    assert.match(encodeMessage(publish([{ ...kept }])), /changed after publishing/);
  });

  it('a document with many diagnostics: each publish is what JSON.stringify writes, whatever changed since the last one', () => {
    let seed = 3;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    let list = Array.from({ length: 80 }, (_, i) => diagnostic(i, `problem ${i}`));
    const other = Array.from({ length: 70 }, (_, i) => diagnostic(i, `elsewhere ${i}`));
    for (let round = 0; round < 200; round++) {
      // Kept objects, a few replaced, removed or added anywhere (first and last included), or none.
      const next = list.slice();
      const changes = rand(4);
      for (let c = 0; c < changes; c++) {
        const at = [0, next.length - 1, rand(next.length)][rand(3)];
        const kind = rand(3);
        if (kind === 0) next[at] = diagnostic(at, `edited ${round}`);
        else if (kind === 1 && next.length > 1) next.splice(at, 1);
        else next.splice(at, 0, diagnostic(at, `new ${round}`));
      }
      list = rand(20) === 0 ? next.slice(0, rand(3)) : next;
      if (list.length < 40) list = [...list, ...Array.from({ length: 70 }, (_, i) => diagnostic(i, `refill ${round}`))];
      const msg = publish(list, { uri: 'file:///ws/specs/a.yaml', version: round });
      assert.equal(encodeMessage(msg), JSON.stringify(msg), `round ${round}`);
      if (round % 7 === 0) {
        const elsewhere = publish(other, { uri: 'file:///ws/specs/b.yaml', version: round });
        assert.equal(encodeMessage(elsewhere), JSON.stringify(elsewhere));
      }
    }
  });

  it('encodes every other message with JSON.stringify', () => {
    const messages = [
      { jsonrpc: '2.0', id: 1, method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [] } },
      { jsonrpc: '2.0', id: 2, result: { items: [{ label: 'PAY-1' }] } },
      { jsonrpc: '2.0', method: 'spectrace/indexChanged', params: { version: 3 } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [null] } },
    ] as unknown as Message[];
    for (const m of messages) assert.equal(encodeMessage(m), JSON.stringify(m));
  });

  it('the content-type encoder returns bytes that decode as UTF-8 to that message', async () => {
    const msg = publish([diagnostic(0, 'naïve — ok')]);
    const bytes = await diagnosticsAwareJsonEncoder.encode(msg, { charset: 'utf-8' });
    assert.deepEqual(JSON.parse(Buffer.from(bytes).toString('utf8')), JSON.parse(JSON.stringify(msg)));
  });

  it('encodes for the ASCII charset too', async () => {
    const msg = publish([diagnostic(0, 'plain ascii')]);
    const bytes = await diagnosticsAwareJsonEncoder.encode(msg, { charset: 'ascii' });
    assert.equal(Buffer.from(bytes).toString('ascii'), JSON.stringify(msg));
  });
});
