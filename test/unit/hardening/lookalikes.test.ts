// Unicode look-alike IDs: `РАY-1` (Cyrillic Р and А) looks like `PAY-1`. The did-you-mean must name
// the ID that was meant, and the messages must say which characters are not what they seem.
import * as assert from 'node:assert/strict';
import { foldLookalikes, lookalikeNote } from '../../../server/src/engine/text/lookalikes';
import { IdTrie } from '../../../server/src/engine/rules/idTrie';

describe('look-alike IDs', () => {
  it('folds Cyrillic, Greek, fullwidth and dash look-alikes to ASCII and drops invisible characters', () => {
    assert.equal(foldLookalikes('\u0420\u0410Y-1'), 'PAY-1');
    assert.equal(foldLookalikes('\u0391\u0392C-2'), 'ABC-2');
    assert.equal(foldLookalikes('\uFF30\uFF21\uFF39-\uFF13'), 'PAY-3');
    assert.equal(foldLookalikes('PAY\u20134'), 'PAY-4');
    assert.equal(foldLookalikes('PAY-\u200B5\uFEFF'), 'PAY-5');
    assert.equal(foldLookalikes('PAY-6'), 'PAY-6');
  });

  it('names the characters in a note, and says nothing for plain IDs', () => {
    assert.equal(lookalikeNote('\u0420\u0410Y-1'), ' (it contains look-alike characters: \u0420 U+0420 Cyrillic, \u0410 U+0410 Cyrillic)');
    assert.equal(lookalikeNote('PAY-\u200B1'), ' (it contains look-alike characters: an invisible character U+200B)');
    assert.equal(lookalikeNote('PAY-1'), '');
    assert.equal(lookalikeNote('CAFÉ-1'), '', 'a letter that looks like no ASCII letter is not a look-alike');
  });

  it('did-you-mean prefers the ASCII ID a look-alike spells over a nearer look-alike ID', () => {
    const trie = new IdTrie();
    for (const id of ['PAY-1', 'PAY-2', '\u0420\u0410Y-2']) trie.add(id);
    // Edit distance says `РАY-2` (one character away); the reader meant `PAY-1`.
    assert.equal(trie.suggest('\u0420\u0410Y-1'), 'PAY-1');
    assert.equal(trie.suggest('PAY-\u200B2'), 'PAY-2');
    // Plain misspellings are unchanged.
    assert.equal(trie.suggest('PAY-3'), 'PAY-1');
  });
});
