// The import zones of eslint.config.mjs, through ESLint's own API: a wrong import in a file of each
// layer is an error, the right ones are not, and the real tree has none (npm run lint checks the rest).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const REPO = path.resolve(__dirname, '..', '..', '..');

/** ESLint with the repository's config, only the layering rule, and no type information (not needed for imports). */
function layerLinter(): ESLint {
  return new ESLint({
    cwd: REPO,
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  });
}

async function importErrors(eslint: ESLint, file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO, file) });
  assert.equal(result.fatalErrorCount, 0, JSON.stringify(result.messages));
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('architecture: the import zones', function () {
  // Loading typescript-eslint and the config takes a few seconds on a busy machine.
  this.timeout(120_000);
  let eslint: ESLint;
  before(() => {
    eslint = layerLinter();
  });

  it('the engine may not read the disk, start threads or processes, or import an outer layer', async () => {
    const file = 'server/src/engine/index/layersProbe.ts';
    const wrong = [
      "import * as fs from 'node:fs';",
      "import { readFileSync } from 'fs';",
      "import { Worker } from 'node:worker_threads';",
      "import { spawn } from 'node:child_process';",
      "import { indexFolder } from '../../disk/indexFolder';",
      "import type { FeatureContext } from '../../features/featureContext';",
      "import { guard } from '../../lsp/boundary';",
      "import { main } from '../../cli/main';",
    ];
    for (const line of wrong) assert.equal((await importErrors(eslint, file, `${line}\nexport {};\n`)).length, 1, line);
    const right = "import * as path from 'node:path';\nimport { comparePositions } from '../text/positions';\nexport { path, comparePositions };\n";
    assert.deepEqual(await importErrors(eslint, file, right), []);
  });

  it('features may not import the server, the CLI or the disk layer', async () => {
    const file = 'server/src/features/layersProbe.ts';
    for (const line of ["import { guard } from '../lsp/boundary';", "import { readTextSync } from '../disk/readText';", "import { main } from '../cli/main';"]) {
      const errors = await importErrors(eslint, file, `${line}\nexport {};\n`);
      assert.equal(errors.length, 1, line);
      assert.match(errors[0], /Features import nothing from lsp\//);
    }
    const right = "import type { WorkspaceIndexReader } from '../engine/index/indexReader';\nimport type { SpectraceSettings } from '../shared/protocol';\nexport type { WorkspaceIndexReader, SpectraceSettings };\n";
    assert.deepEqual(await importErrors(eslint, file, right), []);
    // A feature in a subfolder is in the zone too.
    assert.equal((await importErrors(eslint, 'server/src/features/views/layersProbe.ts', "import { toLspDiagnostic } from '../../lsp/convert';\nexport {};\n")).length, 1);
  });

  it('the disk layer may not import features, the server or the CLI', async () => {
    const errors = await importErrors(eslint, 'server/src/disk/layersProbe.ts', "import { pathToUri } from '../lsp/uris';\nimport { WorkspaceIndex } from '../engine/index/workspaceIndex';\nexport {};\n");
    assert.equal(errors.length, 1);
    assert.match(errors[0], /disk layer/);
  });

  it('the client shares only server/src/shared with the server', async () => {
    const file = 'client/src/views/layersProbe.ts';
    assert.equal((await importErrors(eslint, file, "import { toLspRange } from '../../../server/src/features/lspRange';\nexport {};\n")).length, 1);
    assert.deepEqual(await importErrors(eslint, file, "import type { RequirementNode } from '../../../server/src/shared/protocol';\nexport type { RequirementNode };\n"), []);
  });

  it('the real tree has no import across the zones', async () => {
    const results = await eslint.lintFiles(['server/src/engine', 'server/src/features', 'server/src/disk', 'client/src']);
    const problems = results.flatMap((r) => r.messages.map((m) => `${path.relative(REPO, r.filePath)}:${m.line} ${m.message}`));
    assert.ok(results.length > 100, `${results.length} files linted`);
    assert.deepEqual(problems, []);
  });
});
