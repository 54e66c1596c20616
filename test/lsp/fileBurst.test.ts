// A burst of large spec files written at once into a new folder, announced the way an editor's file
// watcher announces them (the folder as well as its files, files created while still being written
// and then changed, events batched and repeated), through the real server over stdio: the backlog
// board then has exactly every requirement, and an event for the folder itself never takes its files away.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BoardResult } from '../../server/src/shared/protocol';
import { LspClient, copyExample, removeCopy } from './lspClient';

const PER_FILE = 4_000;
const FILES = 5;
const STATUSES = ['draft', 'approved', 'in-progress', 'done'];

/** Requirement `n` (1-based) in the generated layout. */
function item(n: number): string {
  return `  - id: BIG-${n}\n    title: Generated requirement ${n}\n    status: ${STATUSES[n % STATUSES.length]}\n    priority: should\n`;
}

function partText(f: number): string {
  const items = Array.from({ length: PER_FILE }, (_, k) => item(f * PER_FILE + k + 1));
  return `# Generated: a 20,000-requirement backlog in ${FILES} parts.\nrequirements:\n${items.join('')}`;
}

describe('LSP burst of large spec files (acme-shop over stdio)', function () {
  this.timeout(120_000);
  let root: string;
  let client: LspClient;
  let dir: string;
  let sentinels = 0;

  before(async () => {
    root = copyExample('acme-shop');
    dir = path.join(root, 'specs', 'burst');
    client = await LspClient.start({ root, env: { SPECTRACE_NOW: '2026-11-28' } });
    await client.request<BoardResult>('spectrace/board', {});
  });

  after(async () => {
    await client?.stop();
    removeCopy(root);
  });

  const parts = () => Array.from({ length: FILES }, (_, f) => path.join(dir, `part-${f + 1}.yaml`));

  async function bigCards(): Promise<BoardResult['cards']> {
    const { cards } = await client.request<BoardResult>('spectrace/board', {});
    return cards.filter((c) => c.id.startsWith('BIG-'));
  }

  /** Ask for the board until `accept` holds for its cards (file events are applied asynchronously). */
  async function boardWhen(what: string, accept: (cards: BoardResult['cards']) => boolean): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { cards } = await client.request<BoardResult>('spectrace/board', {});
      if (accept(cards)) return;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * A one-requirement spec file created after the events under test, in a later notification: once its
   * card is on the board, the events sent before it have been read and applied too.
   */
  async function settle(): Promise<void> {
    const id = `LAST-${++sentinels}`;
    const file = path.join(root, 'specs', `sentinel-${sentinels}.yaml`);
    fs.writeFileSync(file, `requirements:\n  - id: ${id}\n    title: Sentinel\n    status: draft\n`);
    await client.fileEvents([{ file, type: 'created' }]);
    await boardWhen(`the card ${id}`, (cards) => cards.some((c) => c.id === id));
  }

  async function assertAllBig(): Promise<void> {
    const big = await bigCards();
    assert.equal(big.length, FILES * PER_FILE, 'one card per generated requirement');
    assert.equal(new Set(big.map((c) => c.id)).size, FILES * PER_FILE, 'no card twice');
    const byStatus = STATUSES.map((s) => big.filter((c) => c.status === s).length);
    assert.deepEqual(byStatus, STATUSES.map(() => (FILES * PER_FILE) / STATUSES.length));
  }

  it('has exactly every requirement after files created half-written, then completed, in batched and repeated events', async () => {
    fs.mkdirSync(dir, { recursive: true });
    const files = parts();
    const texts = files.map((_, f) => partText(f));
    for (const [f, file] of files.entries()) {
      const text = texts[f];
      // Created with part of its text (cut inside an item), announced, then completed in the same
      // second: the completed file's change event follows the created one, sometimes repeated.
      fs.writeFileSync(file, text.slice(0, Math.floor(text.length * (0.3 + f * 0.1))) + '  - id: BIG-');
      await client.fileEvents(f === 0 ? [{ file: dir, type: 'created' }, { file, type: 'created' }] : [{ file, type: 'created' }]);
      fs.writeFileSync(file, text);
      await client.fileEvents(f % 2 === 0 ? [{ file, type: 'changed' }] : [{ file, type: 'changed' }, { file, type: 'changed' }]);
    }
    // The last file rewritten with text of the same length (other statuses, then its own again):
    // size and modification second equal, the content is what counts.
    const last = files[FILES - 1];
    fs.writeFileSync(last, texts[FILES - 1].replaceAll('status: draft', 'status: later'));
    await client.fileEvents([{ file: last, type: 'changed' }]);
    fs.writeFileSync(last, texts[FILES - 1]);
    await client.fileEvents([{ file: last, type: 'changed' }, { file: dir, type: 'changed' }]);
    await settle();
    await assertAllBig();
  });

  it('keeps the files under a folder when an event for the folder itself comes after theirs', async () => {
    // A watcher reports the folder as well as its files, in no fixed order: a folder is not a file
    // that went missing.
    await client.fileEvents([{ file: dir, type: 'created' }]);
    await client.fileEvents([{ file: dir, type: 'changed' }]);
    await settle();
    await assertAllBig();
  });

  it("has a file's last write when the file is completed while the folder is re-indexed", async () => {
    const late = path.join(root, 'specs', 'a-late.yaml');
    const lateIds = ['LATE-1', 'LATE-2', 'LATE-3'];
    const full = `requirements:\n${lateIds.map((id) => `  - id: ${id}\n    title: Written late\n    status: draft\n`).join('')}`;
    fs.writeFileSync(late, full.slice(0, full.indexOf('  - id: LATE-2')));
    await client.fileEvents([{ file: late, type: 'created' }]);
    await settle();
    // spectrace.yaml saved: the folder is indexed again, its spec files read in path order, a-late.yaml first.
    const specs = (fs.readdirSync(path.join(root, 'specs'), { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).map((f) => path.join(root, 'specs', f)).sort();
    const after = specs.length - specs.indexOf(late) - 1;
    const config = path.join(root, 'spectrace.yaml');
    const earlier = new Set(client.progress);
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8'));
    await client.fileEvents([{ file: config, type: 'changed' }]);
    // Once no more files are left than the specs after a-late.yaml, the new index has read its first
    // half; the 20,000 requirements of the burst are still being read when it is completed.
    const pastLate = (p: unknown): boolean => {
      const match = /^(\d+)\/(\d+) files$/.exec((p as { value?: { message?: string } }).value?.message ?? '');
      return match !== null && Number(match[2]) - Number(match[1]) <= after;
    };
    await client.waitFor('the re-index past a-late.yaml', () => client.progress.some((p) => !earlier.has(p) && pastLate(p)), 60_000);
    fs.writeFileSync(late, full);
    await client.fileEvents([{ file: late, type: 'changed' }]);
    await boardWhen('every LATE- card', (cards) => lateIds.every((id) => cards.some((c) => c.id === id)));
    await assertAllBig();
  });

  it('drops every card of a deleted folder', async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await client.fileEvents([{ file: dir, type: 'deleted' }]);
    await settle();
    assert.deepEqual(await bigCards(), []);
  });
});
