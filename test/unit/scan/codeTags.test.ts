import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { extractTags } from '../../../server/src/engine/code/codeTags';
import { DEFAULT_CONFIG } from '../../../server/src/engine/config/config';
import { readCodeFile } from '../../../server/src/disk/discovery';
import type { CodeTag, SpectraceConfig } from '../../../server/src/engine/types';

const FIXTURES = path.resolve(__dirname, '../../fixtures/scan/tags');

/** `kind ID line:col-endCol` (0-based, UTF-16), with the word's column: readable in a failure. */
function show(t: CodeTag): string {
  const { start, end } = t.idRange;
  assert.equal(start.line, end.line, 'an ID stays on one line');
  assert.equal(t.wordRange.start.line, start.line, 'the word is on the ID line');
  return `${t.kind} ${t.id} ${start.line}:${start.character}-${end.character} word@${t.wordRange.start.character}`;
}

function tags(text: string, config: SpectraceConfig = DEFAULT_CONFIG): string[] {
  return extractTags('/w/f.ts', text, config).map(show);
}

/** The text under each tag's range must be its ID, and under its word range the word. */
function assertRangesPointAtText(text: string, found: CodeTag[]): void {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (const t of found) {
    const line = lines[t.idRange.start.line];
    assert.equal(line.slice(t.idRange.start.character, t.idRange.end.character), t.id);
    assert.equal(line.slice(t.wordRange.start.character, t.wordRange.end.character), t.word);
  }
}

async function fixtureTags(name: string): Promise<{ text: string; found: CodeTag[] }> {
  const file = path.join(FIXTURES, name);
  const read = await readCodeFile(file, DEFAULT_CONFIG);
  assert.ok('text' in read, `${name} should be readable: ${JSON.stringify(read)}`);
  return { text: read.text, found: extractTags(file, read.text, DEFAULT_CONFIG) };
}

describe('code tags: extraction', () => {
  it('finds tags in TypeScript line, block and JSDoc comments, not IDs outside tags or words inside identifiers', async () => {
    const { text, found } = await fixtureTags('payments.ts');
    assert.deepEqual(found.map(show), [
      'implements PAY-1 1:15-20 word@3',
      'implements PAY-2 1:22-27 word@3',
      'implements PAY-3 6:15-20 word@3',
      'verifies PAY-4 11:13-18 word@3',
      'verifies PAY-5 11:19-24 word@3',
    ]);
    assert.ok(found.every((t) => t.file === path.join(FIXTURES, 'payments.ts')));
    assert.ok(found.every((t) => t.word === (t.kind === 'implements' ? '@implements' : '@verifies')));
    assertRangesPointAtText(text, found);
  });

  it('finds tags in Python # comments, with commas and spaces between IDs and punctuation after the last', async () => {
    const { text, found } = await fixtureTags('test_payments.py');
    assert.deepEqual(found.map(show), [
      'verifies PAY-1 5:16-21 word@6',
      'verifies PAY-2 5:23-28 word@6',
      'verifies PAY-3 5:29-34 word@6',
      'verifies PAY-4 7:43-48 word@33',
    ]);
    assertRangesPointAtText(text, found);
  });

  it('finds tags in HTML comments, stopping before `-->` even without a space', async () => {
    const { text, found } = await fixtureTags('page.html');
    assert.deepEqual(found.map(show), ['implements PAY-1 2:19-24 word@7', 'implements PAY-2 4:21-26 word@9', 'implements PAY-3 4:28-33 word@9']);
    assertRangesPointAtText(text, found);
  });

  it('gives editor columns in a CRLF file', async () => {
    const { text, found } = await fixtureTags('crlf.ts');
    assert.ok(text.includes('\r\n'), 'the fixture keeps its CRLF line endings (.gitattributes)');
    assert.deepEqual(found.map(show), ['implements PAY-1 1:15-20 word@3', 'implements PAY-2 1:22-27 word@3', 'verifies PAY-3 4:15-20 word@5']);
    assert.deepEqual(tags(text), found.map(show), 'the same from the raw text');
    assertRangesPointAtText(text, found);
  });

  it('does not count a byte order mark, and counts UTF-16 code units for characters before a tag', async () => {
    const { text, found } = await fixtureTags('bom.ts');
    assert.notEqual(text.charCodeAt(0), 0xfeff, 'the reader drops the UTF-8 byte order mark');
    // `// café 🙂 @verifies`: é is one code unit, the emoji two.
    const expected = ['implements PAY-1 0:15-20 word@3', 'verifies PAY-2 1:21-26 word@11'];
    assert.deepEqual(found.map(show), expected);
    assert.deepEqual(tags(`\uFEFF${text}`), expected, 'a text that still has the mark gives the same columns');
    assertRangesPointAtText(text, found);
  });

  it('handles lone CR line endings like an editor', () => {
    assert.deepEqual(tags('// a\r// @implements PAY-1\r\r# @verifies PAY-2'), ['implements PAY-1 1:15-20 word@3', 'verifies PAY-2 3:12-17 word@2']);
  });

  it('ends an ID at punctuation: `PAY-1.`, `(PAY-1)`, `PAY-1;`, and ends the list there', () => {
    assert.deepEqual(tags('// @implements PAY-1. Also PAY-2'), ['implements PAY-1 0:15-20 word@3']);
    assert.deepEqual(tags('// (@implements PAY-1) PAY-2'), ['implements PAY-1 0:16-21 word@4']);
    assert.deepEqual(tags('// @implements PAY-1; PAY-2'), ['implements PAY-1 0:15-20 word@3']);
    assert.deepEqual(tags('// @implements: PAY-1'), ['implements PAY-1 0:16-21 word@3']);
  });

  it('ends the list at the first word that is not an ID, and never crosses a line', () => {
    assert.deepEqual(tags('// @implements PAY-1, PAY-2 and refunds PAY-3'), ['implements PAY-1 0:15-20 word@3', 'implements PAY-2 0:22-27 word@3']);
    assert.deepEqual(tags('// @implements the PAY-1 flow'), []);
    assert.deepEqual(tags('// @implements\n// PAY-1'), []);
    assert.deepEqual(tags('// @verifies PAY-1 @implements PAY-2'), ['verifies PAY-1 0:13-18 word@3', 'implements PAY-2 0:31-36 word@19']);
  });

  it('matches the tag word as a whole word only', () => {
    assert.deepEqual(tags('x@implements PAY-1'), []);
    assert.deepEqual(tags('@@implements PAY-1'), []);
    assert.deepEqual(tags('@implementsX PAY-1'), []);
    assert.deepEqual(tags('@implements_all PAY-1'), []);
    assert.deepEqual(tags('@implements-list PAY-1'), []);
    assert.deepEqual(tags('@implements PAY-1'), ['implements PAY-1 0:12-17 word@0']);
    assert.deepEqual(tags('--@implements PAY-1'), ['implements PAY-1 0:14-19 word@2']);
  });

  it('keeps a word that matches the ID pattern once case is folded as a loose tag', () => {
    assert.deepEqual(tags('// @implements pay-1, PAY-2'), ['implements pay-1 0:15-20 word@3', 'implements PAY-2 0:22-27 word@3']);
    assert.equal(extractTags('/w/f.ts', '// @implements pay-1', DEFAULT_CONFIG)[0].loose, true);
    // A first word that matches the pattern only by its dash keeps every dashed word of the list (loose).
    assert.deepEqual(tags('// @implements PAY-x, PAY- , REQ-1.2'), ['implements PAY-x 0:15-20 word@3', 'implements PAY- 0:22-26 word@3', 'implements REQ-1.2 0:29-36 word@3']);
    assert.deepEqual(tags('// @implements e-mail'), ['implements e-mail 0:15-21 word@3']);
    assert.deepEqual(tags('// @implements PAY-1 PAY-x PAY-2'), ['implements PAY-1 0:15-20 word@3']);
  });

  it('keeps IDs with Unicode look-alikes (Cyrillic letters, non-breaking hyphen) as tags', () => {
    const found = extractTags('/w/f.ts', '// @implements \u0420\u0410Y-1, PAY\u20111', DEFAULT_CONFIG);
    assert.deepEqual(
      found.map((t) => t.id),
      ['\u0420\u0410Y-1', 'PAY\u20111'],
    );
    assert.notEqual(found[0].id, 'PAY-1');
  });

  it('needs a dash in an ID, unless the configured ID pattern accepts the word', () => {
    assert.deepEqual(tags('// @implements US1234, US99'), []);
    const custom: SpectraceConfig = { ...DEFAULT_CONFIG, idPattern: '^US[0-9]+$' };
    assert.deepEqual(tags('// @implements US1234, US99 and more', custom), ['implements US1234 0:15-21 word@3', 'implements US99 0:23-27 word@3']);
    const broken: SpectraceConfig = { ...DEFAULT_CONFIG, idPattern: '(?<=a)b' };
    assert.deepEqual(tags('// @implements PAY-1 US1', broken), ['implements PAY-1 0:15-20 word@3'], 'an uncompilable pattern accepts nothing extra');
  });

  it('uses the configured tag words, longest first where they overlap', () => {
    const config: SpectraceConfig = { ...DEFAULT_CONFIG, tags: { implements: ['Implements:', 'Implements'], verifies: ['Covers', '@verifies'] } };
    assert.deepEqual(tags('# Implements: PAY-1\n# Implements PAY-2\n# Covers PAY-3\n# @implements PAY-4\n# Recovers PAY-5', config), [
      'implements PAY-1 0:14-19 word@2',
      'implements PAY-2 1:13-18 word@2',
      'verifies PAY-3 2:9-14 word@2',
    ]);
    const found = extractTags('/w/f.py', '# Implements: PAY-1', config);
    assert.equal(found[0].word, 'Implements:');
  });

  it('finds nothing without tag words, in empty text, or with no configured words', () => {
    assert.deepEqual(tags(''), []);
    assert.deepEqual(tags('const a = "PAY-1"; // PAY-2'), []);
    assert.deepEqual(tags('// @implements PAY-1', { ...DEFAULT_CONFIG, tags: { implements: [], verifies: [' '] } }), []);
  });

  it('finds a tag at the end of a long single-line text', () => {
    const text = `${'x'.repeat(3_000_000)} // @implements PAY-1`;
    assert.deepEqual(tags(text), ['implements PAY-1 0:3000016-3000021 word@3000004']);
  });
});
