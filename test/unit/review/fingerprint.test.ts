// The fingerprint of a requirement's review fields: the same for every way of writing the same text
// (quotes, indentation, block scalars, CRLF, trailing spaces, a final newline), different for a
// changed word; and the `review:` settings of spectrace.yaml.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { DEFAULT_CONFIG, parseConfig } from '../../../server/src/engine/config/config';
import { fingerprintOf, fingerprintScheme, normaliseText } from '../../../server/src/engine/review/fingerprint';
import { createSchemaSet } from '../../../server/src/engine/schema/schemaSet';
import { analyzeSpec } from '../../../server/src/engine/spec/specAnalyzer';
import { sha256Hex } from '../../../server/src/engine/text/sha256';

const CONFIG_FILE = '/ws/spectrace.yaml';
const REVIEW = parseConfig(CONFIG_FILE, 'review: {}\n').config;
const schemaSet = createSchemaSet({ config: REVIEW, configFile: CONFIG_FILE, configText: 'review: {}\n', readFile: () => undefined, trusted: true }).schemaSet;

/** The fingerprint the analyzer computes for the one requirement of `yaml`. */
function stamp(yaml: string): string | undefined {
  const spec = analyzeSpec('/ws/specs/a.yaml', yaml, schemaSet, REVIEW);
  assert.equal(spec.requirements.length, 1, JSON.stringify(spec.diagnostics));
  return spec.requirements[0].reviewFingerprint;
}

const PLAIN = `requirements:
  - id: PAY-1
    title: Pay with a saved card
    status: approved
    priority: must
    description: The card is charged once.
    acceptance:
      - Given a saved card, when the user pays, then no form is shown
`;

describe('review: fingerprint', () => {
  it('is SHA-256 (checked against node:crypto on ASCII, accents, emoji and block boundaries)', () => {
    for (const s of ['', 'abc', 'héllo wörld 😀', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'x'.repeat(1000)]) {
      assert.equal(sha256Hex(s), createHash('sha256').update(s).digest('hex'));
    }
  });

  it('normalises CRLF, trailing spaces, leading/trailing blank lines and the final newline', () => {
    assert.equal(normaliseText('\r\n\n  one  \r\ntwo\t\r\n\r\n'), '  one\ntwo');
    assert.equal(normaliseText('a\rb\n'), 'a\nb');
  });

  it('is `v1:` and 12 lowercase hex digits', () => {
    assert.match(stamp(PLAIN) ?? '', /^v1:[0-9a-f]{12}$/);
    assert.equal(fingerprintScheme(stamp(PLAIN)), 'v1');
    assert.equal(fingerprintScheme('v9:abc'), 'newer');
    assert.equal(fingerprintScheme('banana'), 'malformed');
  });

  it('does not change when the same text is re-quoted, re-indented, written as a block scalar or with CRLF', () => {
    const base = stamp(PLAIN);
    const variants = [
      PLAIN.replace('title: Pay with a saved card', 'title: "Pay with a saved card"'),
      PLAIN.replace('title: Pay with a saved card', "title: 'Pay with a saved card'"),
      PLAIN.replace('description: The card is charged once.', 'description: |\n      The card is charged once.\n'),
      PLAIN.replace('description: The card is charged once.', 'description: >-\n      The card is charged once.   '),
      PLAIN.replace(/\n {4}/g, '\n      ').replace('  - id', '  -   id'),
      PLAIN.replace(/\n/g, '\r\n'),
      PLAIN.replace('acceptance:\n      - Given', 'acceptance: ["Given').replace('no form is shown\n', 'no form is shown"]\n'),
      // Fields outside the review fields do not count.
      PLAIN.replace('status: approved', 'status: in-progress\n    owner: someone'),
    ];
    for (const v of variants) assert.equal(stamp(v), base, v);
  });

  it('changes when a word of a review field changes', () => {
    const base = stamp(PLAIN);
    assert.notEqual(stamp(PLAIN.replace('charged once', 'charged twice')), base);
    assert.notEqual(stamp(PLAIN.replace('no form', 'no card form')), base);
    assert.notEqual(stamp(PLAIN.replace('title: Pay with a saved card', 'title: Pay with a stored card')), base);
  });

  it('covers the configured fields only, in their order, absent fields as null', () => {
    const value = { title: 'T', description: 'D', owner: 'x' };
    assert.equal(fingerprintOf(value, ['title']), fingerprintOf({ title: 'T\n' }, ['title']));
    assert.notEqual(fingerprintOf(value, ['title', 'description']), fingerprintOf(value, ['description', 'title']));
    assert.notEqual(fingerprintOf(value, ['title', 'owner']), fingerprintOf(value, ['title']));
  });

  it('is not computed when review is off', () => {
    const off = createSchemaSet({ config: DEFAULT_CONFIG, configFile: CONFIG_FILE, configText: undefined, readFile: () => undefined, trusted: true }).schemaSet;
    assert.equal(analyzeSpec('/ws/specs/a.yaml', PLAIN, off, DEFAULT_CONFIG).requirements[0].reviewFingerprint, undefined);
  });
});

describe('review: configuration', () => {
  it('is off without a `review:` key and on with the defaults for `review: {}`', () => {
    assert.equal(parseConfig(CONFIG_FILE, 'idPattern: "^[A-Z]+-[0-9]+$"\n').config.review, undefined);
    assert.deepEqual(parseConfig(CONFIG_FILE, 'review: {}\n').config.review, {
      fields: ['title', 'description', 'acceptance'],
      statuses: ['approved', 'in-progress', 'implemented', 'verified', 'released'],
      suspectCounts: false,
    });
  });

  it('takes fields, statuses and suspectCounts; a broken setting falls back to its default alone', () => {
    const r = parseConfig(CONFIG_FILE, 'review:\n  fields: [title]\n  statuses: [approved, bogus]\n  suspectCounts: true\n');
    assert.deepEqual(r.config.review, { fields: ['title'], statuses: ['approved', 'in-progress', 'implemented', 'verified', 'released'], suspectCounts: true });
    assert.equal(r.diagnostics.length, 1);
    assert.equal(r.diagnostics[0].range.start.line, 2);
  });
});
