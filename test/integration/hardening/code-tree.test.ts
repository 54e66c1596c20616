// A hostile code tree through the CLI (`spectrace check/report`) and through the server's start-up
// indexing: binary files, invalid UTF-8, symlink loops, a dangling link, a FIFO, /dev/zero and an
// over-sized file. Each is skipped with a logged reason or read safely; nothing hangs or crashes, and
// the one real implementation is counted once.
import * as assert from 'node:assert/strict';
import type { Location } from 'vscode-languageserver-protocol';
import { EditorSession } from '../../fuzz/session';
import { removeFolder } from '../../fuzz/workspace';
import { HOSTILE, buildHostileTree, runCli } from './hostileTree';

describe('a hostile code tree', function () {
  this.timeout(120_000);
  let tree: { root: string; fifo: boolean };
  before(() => {
    tree = buildHostileTree();
  });
  after(() => removeFolder(tree.root));

  it('spectrace check finishes, reports the dangling tag in the invalid UTF-8 file and logs each skip', async () => {
    const r = await runCli(['check', tree.root, '--verbose'], tree.root);
    assert.equal(r.killed, false, `the CLI hung; stderr so far:\n${r.stderr}`);
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}\n${r.stdout}\n${r.stderr}`);
    assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at .+[(:]\d+/, 'no stack trace');
    // The Latin-1 file is text: read with replacement characters, its tags count.
    assert.match(r.stdout, /src\/latin1\.ts:3:\d+ \w+ unknown-code-reference .*NOPE-1/);
    // Nothing from the binary file is read as a tag.
    assert.doesNotMatch(r.stdout, /NOPE-404/);
    const skipped = (rel: string) => new RegExp(`skipped ${rel.replace(/[.]/g, '\\.')}\\b`).test(r.stderr);
    for (const rel of [HOSTILE.binary, HOSTILE.tooLarge, HOSTILE.fileLoopA, HOSTILE.fileLoopB, HOSTILE.dangling, HOSTILE.devZero, ...(tree.fifo ? [HOSTILE.fifo] : [])]) {
      assert.ok(skipped(rel) || !r.stdout.includes(rel), `${rel}: neither skipped with a reason nor silently ignored\n${r.stderr}`);
    }
    assert.ok(skipped(HOSTILE.binary), `binary not logged:\n${r.stderr}`);
    assert.ok(skipped(HOSTILE.tooLarge), `too-large not logged:\n${r.stderr}`);
  });

  it('spectrace report counts the one real implementation once (the directory loop is not followed forever)', async () => {
    const r = await runCli(['report', tree.root, '--format', 'json'], tree.root);
    assert.equal(r.killed, false, 'the CLI hung');
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as unknown;
    const text = JSON.stringify(report);
    assert.match(text, /TREE-1/);
    // src/ok.ts and src/latin1.ts implement TREE-1; nothing under src/again/ (the loop) counts again.
    assert.doesNotMatch(text, /src\/again\//);
    assert.equal((text.match(/src\/ok\.ts/g) ?? []).length, 1, text);
  });

  it('the language server indexes the same tree, answers, and logs the skips', async () => {
    const s = await EditorSession.start(tree.root);
    try {
      const uri = s.uri('specs/tree.yaml');
      const refs = await s.server.waitFor(() => s.logsMentioning('skipped').length > 0, 30_000);
      assert.ok(refs, `no skip was logged: ${JSON.stringify(s.server.logs.map((l) => l.message))}`);
      const locations = await s.ask<Location[]>('textDocument/references', { textDocument: { uri }, position: { line: 1, character: 10 }, context: { includeDeclaration: false } });
      const files = locations.map((l) => l.uri.slice(s.uri('').length).replace(/^\//, '')).sort();
      assert.deepEqual(files.filter((f) => f.startsWith('src/')), ['src/latin1.ts', 'src/ok.ts'], JSON.stringify(files));
      assert.ok(s.logsMentioning(HOSTILE.binary).length + s.logsMentioning('image.png').length > 0, JSON.stringify(s.server.logs.map((l) => l.message)));
      // A file event for the FIFO (a watcher sees it appear) must not block the server's reads.
      if (tree.fifo) s.fileEvents([HOSTILE.fifo, 1], [HOSTILE.devZero, 2], [HOSTILE.fileLoopA, 2], [HOSTILE.dangling, 2]);
      s.fileEvents(['src/ok.ts', 2]);
      await s.everyFeatureAnswers('specs/tree.yaml', { line: 1, character: 10 });
      const after = await s.ask<Location[]>('textDocument/references', { textDocument: { uri }, position: { line: 1, character: 10 }, context: { includeDeclaration: false } });
      assert.equal(after.filter((l) => l.uri.endsWith('/src/ok.ts')).length, 1);
      await s.stop();
    } finally {
      s.kill();
    }
  });
});
