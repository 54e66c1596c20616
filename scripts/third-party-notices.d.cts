// Types of scripts/third-party-notices.cjs for the TypeScript tests that import it.
import type { Metafile } from 'esbuild';

export interface BundledPackage {
  name: string;
  version: string;
  license: string;
  /** The full text of its license file(s). */
  text: string;
}

export function bundledPackageDirs(metafiles: Pick<Metafile, 'inputs'>[], cwd: string): string[];
export function renderNotices(metafiles: Pick<Metafile, 'inputs'>[], cwd: string, product: { name: string; version: string }): { text: string; packages: BundledPackage[] };
export function writeNotices(metafiles: Pick<Metafile, 'inputs'>[], cwd: string, outFile: string): BundledPackage[];
