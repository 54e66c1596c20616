// A file deleted between listing and reading: the engine's own discovery lists the tree, the file is
// removed, then the scan reads the list. The file must come back as a `vanished` skip (which the CLI
// and the server log), the other files must still be scanned, and nothing may throw.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../../server/src/engine/config/config';
import { discoverFiles, readSpecFile, scanCodeFiles } from '../../../server/src/disk/discovery';
import { removeFolder, tempFolder } from '../../fuzz/workspace';

describe('a file deleted between listing and reading', () => {
  let root: string;
  beforeEach(() => {
    root = tempFolder('spectrace-vanished');
    fs.mkdirSync(path.join(root, 'src'));
    fs.mkdirSync(path.join(root, 'specs'));
    fs.writeFileSync(path.join(root, 'src', 'stays.ts'), '// @implements PAY-1\n');
    fs.writeFileSync(path.join(root, 'src', 'goes.ts'), '// @implements PAY-2\n');
    fs.writeFileSync(path.join(root, 'specs', 'gone.yaml'), 'requirements: []\n');
  });
  afterEach(() => removeFolder(root));

  it('is a vanished skip; the rest of the tree is scanned', async () => {
    const config = defaultConfig();
    const found = await discoverFiles(root, config);
    assert.ok(found.codeFiles.some((f) => f.endsWith('goes.ts')), JSON.stringify(found));
    fs.rmSync(path.join(root, 'src', 'goes.ts'));
    const scanned = await scanCodeFiles(found.codeFiles, config);
    assert.deepEqual(scanned.skipped.map((s) => [path.basename(s.file), s.reason]), [['goes.ts', 'vanished']]);
    assert.deepEqual(scanned.files.map((f) => path.basename(f.file)), ['stays.ts']);
    assert.equal(scanned.files[0]!.tags[0]!.id, 'PAY-1');
  });

  it('a spec file that vanished is a skip too, not an exception', async () => {
    const config = defaultConfig();
    const found = await discoverFiles(root, config);
    const spec = found.specFiles.find((f) => f.endsWith('gone.yaml'));
    assert.ok(spec, JSON.stringify(found));
    fs.rmSync(spec);
    const read = await readSpecFile(spec, config);
    assert.ok('skipped' in read && read.skipped.reason === 'vanished', JSON.stringify(read));
  });
});
