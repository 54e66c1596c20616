// What the server does with a file event's outcome, in memory: which disk read's result is applied
// (the latest for its file, none after the file's or its folder's deletion), and what a path that
// reads as no file takes out of the index (itself; a deleted folder, every file under it).
import * as assert from 'node:assert/strict';
import { LatestDiskEvent } from '../../../server/src/lsp/diskReads';
import { Folder } from '../../../server/src/lsp/folder';
import { removeFromIndex } from '../../../server/src/lsp/indexUpdates';
import { pathToUri } from '../../../server/src/lsp/uris';
import { ROOT, abs, memoryIndex } from '../../support/memoryWorkspace';

const spec = (id: string) => `requirements:\n  - id: ${id}\n    title: Requirement ${id}\n    status: draft\n`;

describe('lsp: file events', () => {
  describe('the latest read of a file', () => {
    it('applies only the latest read of a file, whichever finishes first', () => {
      const reads = new LatestDiskEvent();
      const first = reads.next('/ws/specs/a.yaml');
      const second = reads.next('/ws/specs/a.yaml');
      assert.equal(reads.finish('/ws/specs/a.yaml', second), true);
      assert.equal(reads.finish('/ws/specs/a.yaml', first), false);
      const other = reads.next('/ws/specs/b.yaml');
      assert.equal(reads.finish('/ws/specs/b.yaml', other), true, 'another file has its own latest read');
    });

    it("drops the running reads of a deleted file and of every file under a deleted folder, and no one else's", () => {
      const reads = new LatestDiskEvent();
      const inFolder = reads.next('/ws/specs/burst/part-1.yaml');
      const deeper = reads.next('/ws/specs/burst/more/part-2.yaml');
      const beside = reads.next('/ws/specs/burst-2/part-1.yaml');
      const alone = reads.next('/ws/specs/a.yaml');
      reads.deleted('/ws/specs/burst');
      reads.deleted('/ws/specs/a.yaml');
      assert.equal(reads.finish('/ws/specs/burst/part-1.yaml', inFolder), false);
      assert.equal(reads.finish('/ws/specs/burst/more/part-2.yaml', deeper), false);
      assert.equal(reads.finish('/ws/specs/a.yaml', alone), false);
      assert.equal(reads.finish('/ws/specs/burst-2/part-1.yaml', beside), true, 'a folder whose name starts the same is another folder');
      const again = reads.next('/ws/specs/burst/part-1.yaml');
      assert.equal(reads.finish('/ws/specs/burst/part-1.yaml', again), true, 'a file created again after the deletion is read');
    });
  });

  describe('a path that reads as no file', () => {
    function folderWith(files: Record<string, string>): Folder {
      const folder = new Folder(pathToUri(ROOT), 'ws', ROOT);
      folder.index = memoryIndex(files).index;
      return folder;
    }
    const ids = (folder: Folder) => folder.index?.requirements().map((r) => r.id);
    const noText = () => undefined;

    it('a folder that is there (created, or its entries changed) keeps the files under it', () => {
      const folder = folderWith({ 'specs/burst/part-1.yaml': spec('BIG-1'), 'specs/burst/part-2.yaml': spec('BIG-2') });
      removeFromIndex(folder, abs('specs/burst'), noText, false);
      assert.deepEqual(ids(folder), ['BIG-1', 'BIG-2']);
    });

    it('a deleted folder takes every file under it, and no file of a folder whose name starts the same', () => {
      const folder = folderWith({ 'specs/burst/part-1.yaml': spec('BIG-1'), 'specs/burst/more/part-2.yaml': spec('BIG-2'), 'specs/burst-2.yaml': spec('OTHER-1') });
      removeFromIndex(folder, abs('specs/burst'), noText, true);
      assert.deepEqual(ids(folder), ['OTHER-1']);
    });

    it('a file takes itself out, deleted or not', () => {
      const folder = folderWith({ 'specs/a.yaml': spec('A-1'), 'specs/b.yaml': spec('B-1') });
      removeFromIndex(folder, abs('specs/a.yaml'), noText, false);
      assert.deepEqual(ids(folder), ['B-1']);
      removeFromIndex(folder, abs('specs/b.yaml'), noText, true);
      assert.deepEqual(ids(folder), []);
    });
  });

  describe('events while a folder is indexed', () => {
    it('keeps the latest event per path, in the order of the latest', () => {
      const folder = new Folder(pathToUri(ROOT), 'ws', ROOT);
      folder.noteEventWhileIndexing(abs('specs/a.yaml'), false);
      assert.equal(folder.eventsWhileIndexing, undefined, 'nothing is kept while no indexing runs');
      folder.eventsWhileIndexing = new Map();
      folder.noteEventWhileIndexing(abs('specs/burst/part-1.yaml'), false);
      folder.noteEventWhileIndexing(abs('specs/burst'), true);
      folder.noteEventWhileIndexing(abs('specs/burst/part-1.yaml'), false);
      // Replayed in this order, the folder's deletion does not take the file created in it again.
      assert.deepEqual([...folder.eventsWhileIndexing], [
        [abs('specs/burst'), true],
        [abs('specs/burst/part-1.yaml'), false],
      ]);
    });
  });
});
