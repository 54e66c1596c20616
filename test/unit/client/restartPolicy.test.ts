import * as assert from 'node:assert/strict';
import { RestartPolicy } from '../../../client/src/restartPolicy';

describe('client: restart policy', () => {
  it('restarts up to the limit inside the window, then stops', () => {
    const p = new RestartPolicy(3, 60_000);
    assert.deepEqual([0, 1000, 2000].map((t) => p.onCrash(t).restart), [true, true, true]);
    assert.deepEqual(p.onCrash(3000), { restart: false, crashes: 4 });
  });

  it('forgets crashes older than the window', () => {
    const p = new RestartPolicy(2, 60_000);
    p.onCrash(0);
    p.onCrash(1000);
    assert.equal(p.onCrash(2000).restart, false);
    // 70 s later the first crashes have left the window.
    assert.deepEqual(p.onCrash(72_000), { restart: true, crashes: 1 });
  });

  it('starts over after a restart by the user', () => {
    const p = new RestartPolicy(1, 60_000);
    p.onCrash(0);
    assert.equal(p.onCrash(1).restart, false);
    p.reset();
    assert.equal(p.onCrash(2).restart, true);
  });
});
