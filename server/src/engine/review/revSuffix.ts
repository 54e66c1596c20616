// The `@rev` suffix of a link: `PAY-1@3` names PAY-1 as it was at revision 3. Shared by code tags and
// spec references so that both read the suffix the same way.

export interface SplitLink {
  id: string;
  /** The suffix as written, from its `@` (undefined without one). */
  suffix: string | undefined;
  /** The revision, when the suffix is `@` and a positive integer without leading zeros. */
  rev: number | undefined;
}

const REV = /^[1-9][0-9]{0,8}$/;

/** `PAY-1@3` -> { id: 'PAY-1', suffix: '@3', rev: 3 }; `PAY-1@x` -> rev undefined; `PAY-1` -> no suffix. */
export function splitRevSuffix(written: string): SplitLink {
  const at = written.indexOf('@');
  if (at <= 0) return { id: written, suffix: undefined, rev: undefined };
  const suffix = written.slice(at);
  const digits = suffix.slice(1);
  return { id: written.slice(0, at), suffix, rev: REV.test(digits) ? Number(digits) : undefined };
}

/** The revision a link names: its suffix's, or 1 without one. */
export function linkedRev(link: { rev?: number }): number {
  return link.rev ?? 1;
}

/** A requirement's revision from its `rev` field: the integer when valid, else 1. */
export function revisionOf(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : 1;
}
