// What features and the CLI ask of a folder's spec history: a roadmap item's burn-up series, or the
// reason there is none (no git, not a repository, a shallow clone, an untrusted workspace). The disk
// layer implements it with git; the engine and features only see this interface.
import type { SpectraceConfig } from '../types';
import type { BurnupSeries } from './burnup';

export type BurnupResult = { ok: true; series: BurnupSeries } | { ok: false; reason: string };

export interface BurnupSource {
  /** The burn-up of `item` for the spec files `config` names, from the current branch's history. */
  burnup(item: string, config: SpectraceConfig): Promise<BurnupResult>;
}
