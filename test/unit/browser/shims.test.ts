// The browser build's stand-ins for Node built-ins (server/src/browser/shims/) give Node's POSIX
// answers for the calls the engine, features and lsp/ make.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as shim from '../../../server/src/browser/shims/path';
import { pathToFileURL as shimPathToFileURL } from '../../../server/src/browser/shims/url';
import { createHash } from '../../../server/src/browser/shims/crypto';

const PATHS = ['/', '/ws', '/ws/', '/ws/specs/a.yaml', '/ws/./specs/../src/b.ts', '/ws//double//slash', 'rel/x.ts', 'rel/../..', '.', '', '/a/b/.hidden', '/a/b/c.tar.gz', '/a/b/c.'];

describe('browser build: Node built-in shims', () => {
  it('path: normalize, dirname, basename, extname and isAbsolute as path.posix', () => {
    for (const p of PATHS) {
      assert.equal(shim.normalize(p), path.posix.normalize(p), `normalize(${JSON.stringify(p)})`);
      assert.equal(shim.isAbsolute(p), path.posix.isAbsolute(p), `isAbsolute(${JSON.stringify(p)})`);
      if (p === '') continue;
      assert.equal(shim.dirname(p), path.posix.dirname(p), `dirname(${JSON.stringify(p)})`);
      assert.equal(shim.basename(p), path.posix.basename(p), `basename(${JSON.stringify(p)})`);
      assert.equal(shim.extname(p), path.posix.extname(p), `extname(${JSON.stringify(p)})`);
    }
    assert.equal(shim.basename('/ws/specs/a.yaml', '.yaml'), path.posix.basename('/ws/specs/a.yaml', '.yaml'));
  });

  it('path: join, resolve and relative as path.posix (the current folder is the root)', () => {
    const pairs: [string, string][] = [['/ws', 'specs/a.yaml'], ['/ws/', '../x'], ['/ws/specs', '/abs'], ['/ws', '.'], ['/ws/a/b', '/ws/c'], ['/ws', '/ws'], ['/ws/a', '/ws/a/b/c.ts']];
    for (const [a, b] of pairs) {
      assert.equal(shim.join(a, b), path.posix.join(a, b), `join(${a}, ${b})`);
      assert.equal(shim.resolve(a, b), path.posix.resolve(a, b), `resolve(${a}, ${b})`);
      // Node resolves a relative argument against its working folder; the shim's is the root.
      if (path.posix.isAbsolute(b)) assert.equal(shim.relative(a, b), path.posix.relative(a, b), `relative(${a}, ${b})`);
    }
    assert.equal(shim.resolve('/ws/specs/'), '/ws/specs');
    assert.equal(shim.sep, '/');
  });

  it('url: pathToFileURL as Node on POSIX paths, spaces and # included', () => {
    for (const p of ['/ws/schemas/team.schema.json', '/ws/my schemas/a#b.json', '/ws/ümlaut.json']) {
      assert.equal(shimPathToFileURL(p).href, pathToFileURL(p).href);
    }
  });

  it('crypto: createHash gives equal digests for equal input and different ones otherwise', () => {
    const digest = (s: string) => createHash('sha1').update(s).digest('base64');
    assert.equal(digest('[{"a":1}]'), digest('[{"a":1}]'));
    assert.notEqual(digest('[{"a":1}]'), digest('[{"a":2}]'));
    assert.equal(createHash('sha1').update('ab').update('c').digest(), digest('abc'));
  });
});
