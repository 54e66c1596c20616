// The persisted spec analyses through indexFolder, as the language server uses them: a restart takes
// the analysis of an unchanged spec text from the cache and the index equals one built by parsing
// (examples/acme-shop and cases of examples/broken: dates, aliases, syntax errors, cross-file
// problems); a changed text is
// parsed again; a config change or a corrupt, truncated or foreign file means no reuse, with a log
// line and the same index; an unwritable storage folder is logged.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { indexFolder } from '../../../server/src/disk/indexFolder';
import { MAX_CACHED_SPEC_CHARS, SpecResultCache, specCacheFileFor } from '../../../server/src/disk/specResultCache';
import type { WorkspaceIndex } from '../../../server/src/engine/index/workspaceIndex';
import { removeTree, tempRoot } from '../../support/tempTree';
import { TestClock } from '../../support/memoryWorkspace';
import { REPO } from '../engine/helpers';
import { assertSameIndex } from './equivalence';

const EXAMPLES = ['acme-shop', 'broken/overdue-roadmap-item', 'broken/yaml-syntax', 'broken/dependency-cycle', 'broken/alias-bomb', 'broken/bad-date', 'broken/duplicate-id', 'broken/custom-schema-extra-field'];

for (const example of EXAMPLES) {
  describe(`persisted spec analyses (examples/${example})`, () => {
    let root: string;
    let storage: string;
    let logs: string[];

    beforeEach(() => {
      root = tempRoot('spectrace-specs-');
      storage = tempRoot('spectrace-storage-');
      logs = [];
      fs.cpSync(path.join(REPO, 'examples', ...example.split('/')), root, { recursive: true });
    });
    afterEach(() => {
      removeTree(root);
      removeTree(storage);
    });

    /** A start as a new server process makes it: a fresh cache object, index, write the cache. */
    async function start(cacheDir: string | undefined = storage): Promise<WorkspaceIndex> {
      const specCache = cacheDir === undefined ? undefined : new SpecResultCache(cacheDir, root, (m) => logs.push(m));
      const { index } = await indexFolder(root, { now: new TestClock().now, specCache, log: (m) => logs.push(m) });
      await specCache?.save();
      return index;
    }

    const reused = () => logs.filter((l) => /spec files unchanged since the persisted analyses/.test(l));
    const specCount = (index: WorkspaceIndex) => index.specFiles().length;

    it('a restart reuses every unchanged spec analysis, and the index equals a parsed one', async () => {
      const cold = await start();
      assert.ok(fs.existsSync(specCacheFileFor(storage, root)), 'the cache file is written');
      assert.deepEqual(reused(), []);
      const warm = await start();
      assert.deepEqual(reused(), [`spectrace: ${specCount(cold)} of ${specCount(cold)} spec files unchanged since the persisted analyses`]);
      assertSameIndex(warm, cold);
      assertSameIndex(warm, await start(undefined));
    });

    it('a changed spec text is parsed again; the others are reused', async () => {
      await start();
      const file = path.join(root, 'specs', fs.readdirSync(path.join(root, 'specs')).filter((f) => f.endsWith('.yaml'))[0]);
      fs.appendFileSync(file, '# a comment added later\n');
      logs = [];
      const warm = await start();
      const total = specCount(warm);
      assert.deepEqual(reused(), total > 1 ? [`spectrace: ${total - 1} of ${total} spec files unchanged since the persisted analyses`] : []);
      assertSameIndex(warm, await start(undefined));
    });

    it('a config change means no reuse (logged), and the index follows the new config', async () => {
      await start();
      const configFile = path.join(root, 'spectrace.yaml');
      const before = fs.existsSync(configFile) ? fs.readFileSync(configFile, 'utf8') : '';
      fs.writeFileSync(configFile, `${before}\nrules:\n  unknown-reference: hint\n`);
      logs = [];
      const warm = await start();
      assert.deepEqual(reused(), []);
      assert.ok(logs.some((l) => l.includes('made for another folder, configuration or version')), logs.join('\n'));
      assertSameIndex(warm, await start(undefined));
    });

    if (example === 'acme-shop') {
      it(`a spec text over ${MAX_CACHED_SPEC_CHARS} characters is not persisted: it is parsed on every start`, async () => {
        // Long by a comment, so that parsing it stays cheap.
        const big = `requirements:\n  - id: BIG-1\n    title: One requirement in a long file\n# ${'x'.repeat(MAX_CACHED_SPEC_CHARS)}\n`;
        fs.writeFileSync(path.join(root, 'specs', 'big.yaml'), big);
        const cold = await start();
        const warm = await start();
        const total = specCount(cold);
        assert.deepEqual(reused(), [`spectrace: ${total - 1} of ${total} spec files unchanged since the persisted analyses`]);
        assertSameIndex(warm, cold);
      });

      it("an entry whose analysis cannot be read is ignored with a log line; that file is parsed", async () => {
        const cold = await start();
        const cacheFile = specCacheFileFor(storage, root);
        const stored = v8.deserialize(fs.readFileSync(cacheFile)) as { files: [string, string, Uint8Array][] };
        const damaged = stored.files[0][0];
        stored.files[0][2] = Buffer.from('not a serialized analysis');
        fs.writeFileSync(cacheFile, v8.serialize(stored));
        logs = [];
        const warm = await start();
        assert.ok(logs.some((l) => l.includes(`persisted spec analysis of ${damaged} ignored`)), logs.join('\n'));
        const total = specCount(cold);
        assert.deepEqual(reused(), [`spectrace: ${total - 1} of ${total} spec files unchanged since the persisted analyses`]);
        assertSameIndex(warm, cold);
      });
    }

    if (example === 'broken/custom-schema-extra-field') {
      it('a changed custom schema means no reuse, and the index follows the new schema', async () => {
        await start();
        const schemaFile = path.join(root, 'schemas', 'team.schema.json');
        const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as { definitions: { requirement: { required?: string[] } } };
        schema.definitions.requirement.required = [];
        fs.writeFileSync(schemaFile, JSON.stringify(schema));
        logs = [];
        const warm = await start();
        assert.deepEqual(reused(), []);
        assertSameIndex(warm, await start(undefined));
      });
    }

    for (const [name, damage] of [
      ['a truncated', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2))],
      ['a garbage', () => Buffer.from('not a cache at all')],
      ['an empty', () => Buffer.alloc(0)],
    ] as const) {
      it(`${name} cache file is ignored with a log line; the index is built from the files`, async () => {
        const cold = await start();
        const cacheFile = specCacheFileFor(storage, root);
        fs.writeFileSync(cacheFile, damage(fs.readFileSync(cacheFile)));
        logs = [];
        const warm = await start();
        assert.deepEqual(reused(), []);
        assert.ok(logs.some((l) => l.includes('persisted spec analyses') && l.includes('ignored')), logs.join('\n'));
        assertSameIndex(warm, cold);
      });
    }

    it('a storage folder that cannot be written is logged; indexing works all the same', async () => {
      const blocked = path.join(storage, 'blocked');
      fs.writeFileSync(blocked, 'a file where the folder should be');
      const index = await start(blocked);
      assert.ok(logs.some((l) => l.includes('could not write the persisted spec analyses')), logs.join('\n'));
      assertSameIndex(index, await start(undefined));
    });
  });
}
