// The manifest's contributions that must stay scoped: no snippets (a `yaml` snippet shows in every
// YAML file of the machine), and editor context menu entries only on an ID in a file editor.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface MenuEntry {
  command: string;
  when?: string;
}
interface Manifest {
  contributes: { snippets?: unknown; menus: Record<string, MenuEntry[]> };
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;

describe('package.json contributions', () => {
  it('contributes no snippets: the server offers new items inside requirements: and roadmap: lists', () => {
    assert.equal(manifest.contributes.snippets, undefined);
  });

  it('shows the editor context menu ID commands only with the cursor on an ID in an editor of a workspace file (on disk, or in the browser)', () => {
    const entries = manifest.contributes.menus['editor/context'];
    assert.deepEqual(entries.map((e) => e.command).sort(), ['spectrace.bumpRevision', 'spectrace.copyId', 'spectrace.goToRequirement', 'spectrace.revealRequirement']);
    for (const e of entries) {
      const terms = (e.when ?? '').split('&&').map((t) => t.trim());
      assert.ok(terms.includes('spectrace.cursorOnId'), `${e.command}: needs the cursor on an ID (${e.when})`);
      assert.ok(terms.includes('resourceScheme =~ /^(file|vscode-remote|vscode-vfs)$/'), `${e.command}: only in editors of a workspace file (${e.when})`);
    }
  });
});
