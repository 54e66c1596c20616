// The repository URI the SARIF carries (it is uploaded): a remote's user and password never in it,
// scp-like remotes as ssh:// URIs, and the work tree's file URI when the remote is no URL.
import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { repositoryUri } from '../../../server/src/disk/gitInfo';

const topLevel = '/work/acme';
const uri = (remoteUrl: string | undefined) => repositoryUri({ remoteUrl, topLevel });

describe('SARIF repository URI from the origin remote', () => {
  it('drops credentials from https and ssh URLs', () => {
    assert.equal(uri('https://ci-user:s3cret@example.com/acme/shop.git'), 'https://example.com/acme/shop.git');
    assert.equal(uri('https://x-access-token@github.com/acme/shop'), 'https://github.com/acme/shop');
    assert.equal(uri('ssh://git@example.com:2222/acme/shop.git'), 'ssh://example.com:2222/acme/shop.git');
  });

  it('reads an scp-like remote as an ssh URI without its user', () => {
    assert.equal(uri('git@github.com:acme/shop.git'), 'ssh://github.com/acme/shop.git');
    assert.equal(uri('example.com:acme/shop'), 'ssh://example.com/acme/shop');
  });

  it('falls back to the work tree for a local or missing remote', () => {
    const local = pathToFileURL(topLevel).href;
    assert.equal(uri(undefined), local);
    assert.equal(uri(''), local);
    assert.equal(uri('/srv/git/shop.git'), local);
    assert.equal(uri('../shop.git'), local);
    assert.equal(uri('file:///srv/git/shop.git'), local);
    assert.equal(uri('C:\\repos\\shop'), local, 'a Windows path is not host:path');
  });
});
