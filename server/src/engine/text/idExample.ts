// What a message says about an ID that does not match the workspace's ID pattern: an example of a valid
// ID rather than the regular expression, which most readers cannot read. The example is the invalid ID
// tidied up (`pay_1` -> PAY-1) when that fits the pattern, else the first of a few common shapes that does.
import { quoted } from './quote';

interface IdPattern {
  test(s: string): boolean;
}

const COMMON_SHAPES = ['PAY-12', 'PAY-012', 'PAY-0012', 'REQ-12', 'PAY12', 'PAY_12', 'pay-12', 'P-12', 'PAY-A-12', 'PAY-2026-12', 'PAY.12'];

/** A valid ID to show as an example, or undefined when none of the usual shapes matches the pattern. */
export function exampleId(pattern: IdPattern, invalid?: string): string | undefined {
  if (invalid !== undefined) {
    const tidied = invalid.trim().toUpperCase().replace(/[\s_.]+/g, '-');
    if (tidied !== invalid && tidied.length <= 40 && pattern.test(tidied)) return tidied;
  }
  return COMMON_SHAPES.find((s) => pattern.test(s));
}

/** "“pay_1” is not a valid ID: IDs look like PAY-1". */
export function invalidIdSentence(id: string, pattern: IdPattern): string {
  const example = exampleId(pattern, id);
  return example
    ? `${quoted(id)} is not a valid ID: IDs look like ${example}`
    : `${quoted(id)} does not match the team's ID pattern (see idPattern in spectrace.yaml)`;
}
