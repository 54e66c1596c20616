// The server's settings defaults (DEFAULT_SETTINGS, used when a client cannot be asked) are the ones
// package.json declares for VS Code in contributes.configuration: every key, both ways.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../../server/src/engine/config/config';
import { normalizeSettings } from '../../../server/src/lsp/settings';
import { DEFAULT_SETTINGS } from '../../../server/src/shared/protocol';

interface DeclaredSetting {
  default: unknown;
  enum?: unknown[];
}

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, DeclaredSetting> } };
};
const declared = manifest.contributes.configuration.properties;

/** `{ codeLens: { enabled: true } }` -> `[['spectrace.codeLens.enabled', true]]`. */
function leaves(value: unknown, prefix: string): [string, unknown][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [[prefix, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, `${prefix}.${k}`));
}

describe('settings defaults', () => {
  it('DEFAULT_SETTINGS has exactly the keys and defaults of contributes.configuration', () => {
    const server = Object.fromEntries(leaves(DEFAULT_SETTINGS, 'spectrace'));
    const editor = Object.fromEntries(Object.entries(declared).map(([key, s]) => [key, s.default]));
    assert.deepEqual(server, editor);
  });

  it('every value a setting may take is kept, so no declared choice falls back to the default', () => {
    for (const [key, setting] of Object.entries(declared)) {
      for (const value of setting.enum ?? []) {
        const raw: Record<string, unknown> = {};
        let at = raw;
        const parts = key.split('.').slice(1);
        parts.slice(0, -1).forEach((p) => (at = at[p] = {}));
        at[parts[parts.length - 1] ?? ''] = value;
        assert.equal(Object.fromEntries(leaves(normalizeSettings(raw), 'spectrace'))[key], value, `${key}: ${String(value)}`);
      }
    }
  });

  it('the file size limit matches the engine default the CLI uses', () => {
    assert.equal(DEFAULT_SETTINGS.maxFileSize, DEFAULT_CONFIG.maxFileSize);
  });
});
