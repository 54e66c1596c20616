// The trie behind did-you-mean must answer exactly what didYouMean answers over all IDs in natural order.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { didYouMean } from '../../../server/src/engine/text/didYouMean';
import { compareIds } from '../../../server/src/engine/index/queries';
import { IdTrie } from '../../../server/src/engine/rules/idTrie';

describe('IdTrie', () => {
  it('suggests like didYouMean: near misses, transpositions, prefixes, case', () => {
    const ids = ['PAY-1', 'PAY-2', 'PAY-12', 'PAY-21', 'pay-1', 'R-2026-Q1', 'R-2026-Q2', 'SRCH-10', 'AB-1'];
    const trie = new IdTrie();
    for (const id of ids) trie.add(id);
    const sorted = [...ids].sort(compareIds);
    for (const word of ['PAY-11', 'APY-1', 'PAY-1', 'R-2026-Q3', 'SRCH', 'srch-1', 'PA', 'AB-1', 'ZZZ-9', 'pay', 'R-2026', '']) {
      assert.equal(trie.suggest(word), didYouMean(word, sorted), word);
    }
    trie.delete('PAY-1');
    trie.delete('pay-1');
    trie.delete('never-added');
    assert.equal(trie.suggest('PAY-11'), didYouMean('PAY-11', sorted.filter((x) => x !== 'PAY-1' && x !== 'pay-1')));
    assert.equal(trie.size, ids.length - 2);
  });

  it('agrees with didYouMean on random IDs and words (seeded)', () => {
    const idArb = fc
      .tuple(fc.constantFrom('PAY', 'PAX', 'R', 'AB', 'pay', 'SRCH'), fc.constantFrom('-', '_', ''), fc.nat(130))
      .map(([p, s, n]) => `${p}${s}${n}`);
    fc.assert(
      fc.property(fc.uniqueArray(idArb, { maxLength: 40 }), fc.array(idArb, { maxLength: 5 }), idArb, (ids, removed, word) => {
        const trie = new IdTrie();
        for (const id of ids) trie.add(id);
        for (const id of removed) trie.delete(id);
        const left = ids.filter((id) => !removed.includes(id)).sort(compareIds);
        assert.equal(trie.suggest(word), didYouMean(word, left), `${word} in ${left.join(' ')}`);
        assert.equal(trie.size, left.length);
      }),
      { seed: 1128, numRuns: 400 },
    );
  });
});

describe('IdTrie.withAdded', () => {
  it('gives what a fresh search gives after adding one ID, look-alike spellings included', () => {
    const words = ['PAY-11', 'РАY-1', 'PAY\u200B-1', 'PA-1', 'ZZZ-1', 'pay'];
    const start = ['PAY-2', 'PAY-12', 'PAX-1', '\u0420\u0410Y-12'];
    for (const word of words) {
      for (const added of ['PAY-1', 'PAY-10', 'PAY-111', 'AAA-1', 'PAY']) {
        const before = new IdTrie();
        for (const id of start) before.add(id);
        const after = new IdTrie();
        for (const id of [...start, added]) after.add(id);
        assert.equal(IdTrie.withAdded(word, before.suggest(word), added), after.suggest(word), `${word} + ${added}`);
      }
    }
  });
});
