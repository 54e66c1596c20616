// The `spectrace` settings section, pulled per workspace folder with workspace/configuration and
// re-pulled on workspace/didChangeConfiguration. A client without the configuration capability (a
// plain stdio client) gets the defaults, or whatever it pushes in didChangeConfiguration.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS } from '../shared/protocol';
import type { SpectraceSettings } from '../shared/protocol';
import { errorText } from '../shared/errorText';
import { isObject } from '../shared/isObject';

function bool(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

/** Merge whatever the client sent over the defaults, keeping only well-typed values. */
export function normalizeSettings(raw: unknown): SpectraceSettings {
  const d = DEFAULT_SETTINGS;
  if (!isObject(raw)) return structuredClone(d);
  const sub = (k: string): Record<string, unknown> => (isObject(raw[k]) ? raw[k] : {});
  const trace = sub('trace').server;
  const maxFileSize = raw.maxFileSize;
  return {
    codeLens: { enabled: bool(sub('codeLens').enabled, d.codeLens.enabled) },
    inlayHints: { enabled: bool(sub('inlayHints').enabled, d.inlayHints.enabled) },
    codeScanning: { enabled: bool(sub('codeScanning').enabled, d.codeScanning.enabled) },
    maxFileSize: typeof maxFileSize === 'number' && Number.isFinite(maxFileSize) && maxFileSize > 0 ? maxFileSize : d.maxFileSize,
    trace: { server: trace === 'messages' || trace === 'verbose' || trace === 'off' ? trace : d.trace.server },
  };
}

export class SettingsStore {
  private readonly byFolder = new Map<string, SpectraceSettings>();
  /** Settings pushed in didChangeConfiguration by a client that cannot be asked. */
  private pushed: SpectraceSettings = structuredClone(DEFAULT_SETTINGS);

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  get(folderUri: string): SpectraceSettings {
    return this.byFolder.get(folderUri) ?? this.pushed;
  }

  /** Pull the settings of these folders; on failure the folder keeps its previous settings. */
  async pull(folderUris: string[]): Promise<void> {
    if (!this.canPull() || folderUris.length === 0) return;
    try {
      const values: unknown[] = await this.connection.workspace.getConfiguration(folderUris.map((scopeUri) => ({ scopeUri, section: 'spectrace' })));
      folderUris.forEach((uri, i) => this.byFolder.set(uri, normalizeSettings(values[i])));
    } catch (err) {
      this.connection.console.warn(`spectrace: could not read settings (${errorText(err)}); using defaults`);
    }
  }

  /** didChangeConfiguration: a push client sends the values, a pull client just says "ask again". */
  acceptPush(settings: unknown): void {
    if (isObject(settings) && isObject(settings.spectrace)) this.pushed = normalizeSettings(settings.spectrace);
  }

  forget(folderUri: string): void {
    this.byFolder.delete(folderUri);
  }
}
