// A short seeded fuzz run inside `npm test`: 150 cases of mutated specs, code and config against the
// real server process. The long runs are `npm run fuzz -- --cases 10000 --seed N` (see
// test/fuzz/LAST-RUN.md). The 5 s bound per request is a hang guard, not a performance threshold.
import * as assert from 'node:assert/strict';
import { runFuzz } from '../fuzz/fuzzer';
import { formatStats } from '../fuzz/stats';

describe('seeded LSP fuzzing (short run)', function () {
  this.timeout(600_000);

  it('150 cases, seed 20260214: every request answered, the server alive and clean at the end', async () => {
    const log: string[] = [];
    const result = await runFuzz({ seed: 20260214, cases: 150, requestTimeoutMs: 5000, log: (l) => log.push(l) });
    const summary = `${formatStats(result.stats)}\n${log.join('\n')}`;
    assert.equal(result.failure, undefined, summary);
    assert.equal(result.stats.cases, 150);
    assert.ok(result.stats.requests >= 150, summary);
    assert.deepEqual(result.stats.internalErrors, [], summary);
    assert.ok(result.finalAnswered, summary);
    assert.ok(result.cleanExit, summary);
    // The run exercised the features it is meant to: every core method was asked at least once.
    for (const m of ['textDocument/completion', 'textDocument/hover', 'textDocument/codeLens', 'textDocument/definition', 'textDocument/rename']) {
      assert.ok((result.stats.byMethod[m]?.requests ?? 0) > 0, `${m} never asked\n${summary}`);
    }
  });
});
