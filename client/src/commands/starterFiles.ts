// What "Create Starter Specs" writes into a workspace without specs: a config with the defaults
// spelled out, and a product spec with one requirement and one roadmap item to edit.

export const STARTER_CONFIG = `# Spectrace configuration. Every key is optional; these are the defaults.
# See docs/configuration.md, linked from Spectrace's README, for the full list (rules, coverage policy, custom schemas).
specs: ["specs/**/*.{yaml,yml}", "**/*.spec.{yaml,yml}"]
tags:
  implements: [implements]
  verifies: [verifies]
coverage:
  # Approved must-have requirements need code and a test.
  - status: [approved, in-progress, implemented, verified, released]
    priority: [must]
    implementations: 1
    tests: 1
`;

export function starterSpec(today: Date): string {
  const year = today.getUTCFullYear();
  return `# A product spec: requirements, and the roadmap they are planned on.
# Tag code with "@implements REQ-1" and tests with "@verifies REQ-1" to trace them.
product:
  id: my-product
  name: My Product
  vision: One sentence on why this product exists.
  owner: product-manager

requirements:
  - id: REQ-1
    title: Sign in with email and password
    type: story
    priority: must
    status: draft
    owner: product-manager
    roadmap: R-${year}
    description: |
      Returning users sign in to see their saved data.
    acceptance:
      - Given a registered email and the right password, when the user signs in, then their dashboard opens

roadmap:
  - id: R-${year}
    title: First release
    type: release
    start: ${year}-01-01
    due: ${year}-12-31
    status: planned
`;
}
