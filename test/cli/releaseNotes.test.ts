// `spectrace release-notes`: the example's notes byte for byte, every format, spec text escaped, and
// a clear exit 2 for an unknown roadmap item.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLES, FIXTURES, OUTPUT, ensureBuilt, runCli } from './helpers';

const ACME = path.join(EXAMPLES, 'acme-shop');
const expected = (name: string) => fs.readFileSync(path.join(FIXTURES, 'release-notes', name), 'utf8');

describe('spectrace release-notes', () => {
  before(ensureBuilt);

  it('writes the notes of a done release of the example byte for byte: finished requirements by type, with their release_note', async () => {
    const r = await runCli(['release-notes', 'R-2026', ACME]);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    assert.equal(r.stdout, expected('acme-shop-R-2026.md'));
  });

  it('lists the unfinished requirements of an active release apart, as not in this release', async () => {
    const r = await runCli(['release-notes', 'R-2027', '--folder', ACME]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, expected('acme-shop-R-2027.md'));
  });

  it('writes JSON with the same groups, and HTML to --out', async () => {
    const json = await runCli(['release-notes', 'R-2026', ACME, '--format', 'json']);
    const notes = JSON.parse(json.stdout) as { roadmap: { id: string }; groups: { heading: string; notes: { id: string; note?: string }[] }[]; notInRelease: unknown[] };
    assert.equal(notes.roadmap.id, 'R-2026');
    assert.deepEqual(notes.groups.map((g) => g.heading), ['Features', 'Stories', 'Quality', 'Constraints']);
    assert.equal(notes.groups[0]?.notes.find((n) => n.id === 'CART-1')?.note, 'Keep what you want to buy in a cart while you shop.');
    assert.deepEqual(notes.notInRelease, []);
    const out = path.join(OUTPUT, 'release-notes', 'R-2026.html');
    const html = await runCli(['release-notes', 'R-2026', ACME, '-f', 'html', '-o', out]);
    assert.equal(html.code, 0);
    assert.match(html.stdout, /^Release notes of R-2026 written to /);
    const page = fs.readFileSync(out, 'utf8');
    assert.match(page, /<h2>Features<\/h2>/);
    assert.match(page, /Content-Security-Policy/);
  });

  it('escapes spec text in every format', async () => {
    const dir = path.join(FIXTURES, 'hostile-titles');
    const md = await runCli(['release-notes', 'R-1', dir]);
    assert.match(md.stdout, /^- &lt;img src=x onerror=alert\(1\)> \(XSS-1, approved\)$/m);
    const html = await runCli(['release-notes', 'R-1', dir, '-f', 'html']);
    assert.doesNotMatch(html.stdout, /<script>|<img|<b>/);
    assert.match(html.stdout, /&lt;\/script&gt;&lt;script&gt;alert\(2\)/);
  });

  it('exits 2 naming the roadmap items there are when the ID is unknown, or missing', async () => {
    const r = await runCli(['release-notes', 'R-20', ACME]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^spectrace: no roadmap item 'R-20' in '.*acme-shop' \(roadmap items: M-1, M-2, R-2026, R-2027, R-2028\)\n/);
    const missing = await runCli(['release-notes']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /needs a roadmap item ID/);
  });
});
