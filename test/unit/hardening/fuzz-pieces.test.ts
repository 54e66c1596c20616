// The fuzzer's own pieces must be trustworthy before its verdicts are: the PRNG is reproducible, every
// mutation is a pure function of the seed, and the incremental changes it sends really turn the old
// text into the new one (otherwise the fuzzer and the server would disagree about the document).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Range } from 'vscode-languageserver-textdocument';
import { RequestType } from 'vscode-jsonrpc';
import { applyChanges, createDocument, diffChange, randomEdit, randomPosition } from '../../fuzz/docModel';
import { MUTATIONS, mutate } from '../../fuzz/mutations';
import type { DocKind } from '../../fuzz/mutations';
import { Prng } from '../../fuzz/prng';
import { planRequest } from '../../fuzz/requests';
import { CUSTOM, planCustom } from '../../fuzz/customRequests';
import * as protocol from '../../../server/src/shared/protocol';
import { REPO_ROOT } from '../../support/serverProcess';
import { loadCorpus } from '../../fuzz/workspace';

const corpus = loadCorpus(path.join(REPO_ROOT, 'examples', 'acme-shop'));

describe('fuzzer pieces', () => {
  it('the corpus holds the example specs, code and config', () => {
    const kinds = new Set(corpus.map((c) => c.kind));
    assert.deepEqual([...kinds].sort(), ['code', 'config', 'spec']);
    assert.ok(corpus.some((c) => c.rel === 'specs/checkout.yaml'));
    assert.ok(corpus.some((c) => c.rel === 'spectrace.yaml' && c.kind === 'config'));
  });

  it('the PRNG repeats its sequence for a seed and derives distinct per-case streams', () => {
    const a = new Prng(7);
    const b = new Prng(7);
    const seqA = Array.from({ length: 50 }, () => a.next());
    assert.deepEqual(Array.from({ length: 50 }, () => b.next()), seqA);
    assert.ok(seqA.every((x) => x >= 0 && x < 1));
    assert.notEqual(Prng.derive(7, 1).next(), Prng.derive(7, 2).next());
    assert.equal(Prng.derive(7, 3).next(), Prng.derive(7, 3).next());
    const r = new Prng(1);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(-3, 3);
      assert.ok(Number.isInteger(n) && n >= -3 && n <= 3);
    }
  });

  it('every mutation is reproducible from the seed and returns text', () => {
    for (const m of MUTATIONS) {
      for (const file of corpus.slice(0, 6)) {
        const kind: DocKind = m.kinds?.[0] ?? file.kind;
        const one = m.apply(file.text, new Prng(99), kind);
        const two = m.apply(file.text, new Prng(99), kind);
        assert.equal(typeof one, 'string', m.name);
        assert.equal(one, two, `${m.name} is not deterministic`);
      }
    }
  });

  it('the mutations damage the text (most draws change it) and cover every kind', () => {
    const rng = new Prng(3);
    const names = new Set<string>();
    let changed = 0;
    // Enough draws that the rarest kind on the rarest file kind comes up whatever the example holds.
    const draws = 1000;
    for (let i = 0; i < draws; i++) {
      const file = rng.pick(corpus);
      const m = mutate(file.text, rng, file.kind);
      names.add(m.name);
      if (m.text !== file.text) changed++;
    }
    assert.ok(changed > (draws * 5) / 6, `only ${changed} of ${draws} mutations changed the text`);
    assert.equal(names.size, MUTATIONS.length, `unused: ${MUTATIONS.map((m) => m.name).filter((n) => !names.has(n)).join(', ')}`);
  });

  it('an incremental change computed by diffChange turns the old text into the new one (CRLF, surrogates, BOM)', () => {
    const rng = new Prng(11);
    for (let i = 0; i < 3000; i++) {
      const file = rng.pick(corpus);
      let text = file.text;
      if (rng.chance(0.3)) text = text.replace(/\n/g, '\r\n');
      if (rng.chance(0.1)) text = text.replace(/\n/g, '\r');
      const next = mutate(text, rng, file.kind).text;
      const doc = createDocument('file:///x', 'yaml', 1, text);
      const change = diffChange(doc, next);
      assert.equal(applyChanges(doc, [change], 2).getText(), next, `case ${i}`);
    }
  });

  it('random edits and positions stay consistent with the document model', () => {
    const rng = new Prng(5);
    let doc = createDocument('file:///x', 'yaml', 1, corpus[0]!.text.replace(/\n/g, '\r\n'));
    for (let i = 0; i < 2000; i++) {
      // One to three changes in one notification, each in the coordinates the one before left (as the
      // fuzzer sends them), now and then a whole mutation as one change.
      const changes: { range: Range; text: string }[] = [];
      let current = doc;
      for (let n = rng.int(1, 3); n > 0; n--) {
        const e = rng.chance(0.2) ? diffChange(current, mutate(current.getText(), rng, 'spec').text) : randomEdit(current, rng);
        const expected = current.getText().slice(0, current.offsetAt(e.range.start)) + e.text + current.getText().slice(current.offsetAt(e.range.end));
        changes.push(e);
        current = applyChanges(current, [e], current.version);
        assert.equal(current.getText(), expected, `case ${i}`);
      }
      // The changes of one notification applied together give the text they give one by one, and
      // applying them leaves the document they were applied to as it was.
      const before = doc.getText();
      const next = applyChanges(doc, changes, i + 2);
      assert.equal(doc.getText(), before, `case ${i}: applyChanges changed its input`);
      doc = next;
      assert.equal(doc.getText(), current.getText(), `case ${i}`);
      const p = randomPosition(doc, rng);
      assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0, `case ${i}: ${JSON.stringify(p)}`);
      const fresh = createDocument('file:///x', 'yaml', 1, doc.getText());
      const o = rng.int(0, doc.getText().length);
      assert.deepEqual([doc.lineCount, doc.positionAt(o)], [fresh.lineCount, fresh.positionAt(o)], `case ${i}: the line table drifted from the text`);
      if (doc.getText().length > 200_000) doc = createDocument('file:///x', 'yaml', i + 2, corpus[0]!.text);
    }
  });

  it('planned requests are well-formed and reproducible', () => {
    const doc = createDocument('file:///w/specs/checkout.yaml', 'yaml', 1, corpus.find((c) => c.rel === 'specs/checkout.yaml')!.text);
    const a = new Prng(21);
    const b = new Prng(21);
    const methods = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const p = planRequest(a, doc, []);
      assert.deepEqual(planRequest(b, doc, []), p);
      assert.match(p.method, /^(textDocument|workspace|spectrace)\//);
      methods.add(p.method);
    }
    for (const m of ['textDocument/completion', 'textDocument/hover', 'textDocument/codeLens', 'textDocument/definition', 'textDocument/rename', 'textDocument/codeAction', 'textDocument/inlayHint']) {
      assert.ok(methods.has(m), `never planned ${m}`);
    }
  });

  it('the custom requests are every request the client can send (protocol.ts), each planned with hostile params too', () => {
    // The browser build's file requests go the other way (server to client): the fuzzer is the client.
    const serverToClient = new Set([protocol.ListFilesRequest.method, protocol.ReadFilesRequest.method]);
    const declared = (Object.values(protocol) as unknown[])
      .filter((v): v is RequestType<unknown, unknown, unknown> => v instanceof RequestType)
      .map((v) => v.method)
      .filter((m) => !serverToClient.has(m));
    assert.deepEqual([...CUSTOM].sort(), declared.sort());
    const doc = createDocument('file:///w/specs/checkout.yaml', 'yaml', 1, corpus.find((c) => c.rel === 'specs/checkout.yaml')!.text);
    const rng = new Prng(8);
    const planned = new Map<string, unknown[]>();
    for (let i = 0; i < 4000; i++) {
      const p = planCustom(rng, doc);
      planned.set(p.method, [...(planned.get(p.method) ?? []), p.params]);
    }
    assert.deepEqual([...planned.keys()].sort(), [...CUSTOM].sort());
    const all = [...planned.values()].flat();
    assert.ok(all.some((p) => p === null), 'never null params');
    assert.ok(all.some((p) => JSON.stringify(p ?? null).includes('not a uri')), 'never a bad URI');
    assert.ok(all.some((p) => JSON.stringify(p ?? null).length > 10_000), 'never a huge string');
  });
});
