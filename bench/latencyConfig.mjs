// The spectrace.yaml of the keystroke-latency workspaces (bench/run.mjs and bench/reviewKeystroke.mjs):
// the bench's requirement schema, the generator's ID pattern, and the rules this workload does not
// exercise turned off. No code tree here, so the coverage policy and status-mismatch would flag most
// requirements (the scan benchmark and the tests exercise them); the generator draws priority and status
// independently, so contradictory-status would flag one requirement in six (wont + approved), and its
// depends_on and roadmap independently, so roadmap-order would flag one in six (a dependency planned in a
// later roadmap item): 1,043 diagnostics and a 485 KB publish per keystroke at 5,000, which no real roadmap has.
export function latencyConfig({ review = false } = {}) {
  return [
    'schemas:',
    '  requirement: schema/product-spec.schema.json#/definitions/requirement',
    'idPattern: "^[A-Z]+-[0-9]+$"',
    'coverage: []',
    'rules:',
    '  status-mismatch: off',
    '  contradictory-status: off',
    '  roadmap-order: off',
    ...(review ? ['review: {}'] : []),
    '',
  ].join('\n');
}
