// The index updated file by file must equal an index built from scratch on the final files: the
// diagnostics of every rule and every query. Deterministic scenarios first, then seeded random edits.
import * as fc from 'fast-check';
import type { WorkspaceIndex } from '../../../server/src/engine/index/workspaceIndex';
import { PieceDocument } from '../../../server/src/lsp/pieceDocument';
import { abs, memoryIndex } from '../../support/memoryWorkspace';
import { req, yaml } from '../rules/helpers';
import { assertSameIndex } from './equivalence';

/** An index built from scratch on the files (in path order) and the config. */
function build(files: Map<string, string>, config: string | undefined): WorkspaceIndex {
  return memoryIndex({ ...(config === undefined ? {} : { 'spectrace.yaml': config }), ...Object.fromEntries([...files].sort()) }).index;
}

/** Applies edits to an index and to a plain map of files, then checks the index against a rebuild. */
class Scenario {
  private readonly workspace = memoryIndex();
  /** The files the index reads back (the index re-reads code files when the tag words change). */
  readonly files = this.workspace.files;
  config: string | undefined;
  readonly index = this.workspace.index;
  /** With `openDocuments`, files are edited as the server edits open documents: in pieces, by ranges. */
  private readonly documents = new Map<string, PieceDocument>();

  constructor(private readonly openDocuments = false) {}

  put(rel: string, text: string): this {
    const before = this.files.get(rel);
    this.files.set(rel, text);
    if (!this.openDocuments) {
      this.index.updateFile(abs(rel), text);
      return this;
    }
    let doc = this.documents.get(rel);
    if (!doc || before === undefined) {
      doc = PieceDocument.create(`file://${abs(rel)}`, 'yaml', 1, text, 8);
      this.documents.set(rel, doc);
    } else {
      // The smallest range that turns the old text into the new one, as an editor would send.
      let p = 0;
      while (p < before.length && p < text.length && before[p] === text[p]) p++;
      let q = 0;
      while (q < before.length - p && q < text.length - p && before[before.length - 1 - q] === text[text.length - 1 - q]) q++;
      const range = { start: doc.positionAt(p), end: doc.positionAt(before.length - q) };
      PieceDocument.update(doc, [{ range, text: text.slice(p, text.length - q) }], doc.version + 1);
    }
    this.index.updateFile(abs(rel), doc);
    return this;
  }
  /** Replace up to `remove` characters at offset `at` (modulo the length) of a file, within its line. */
  typeIn(rel: string, at: number, remove: number, insert: string): this {
    const text = this.files.get(rel);
    if (text === undefined) return this;
    const p = at % (text.length + 1);
    const lineEnd = text.indexOf('\n', p);
    const end = Math.min(p + remove, lineEnd < 0 ? text.length : lineEnd);
    return this.put(rel, text.slice(0, p) + insert + text.slice(end));
  }
  remove(rel: string): this {
    this.files.delete(rel);
    this.documents.delete(rel);
    this.index.removeFile(abs(rel));
    return this;
  }
  setConfig(text: string | undefined): this {
    this.config = text;
    this.index.setConfig(text);
    return this;
  }
  /** Ask for diagnostics (so caches fill) without checking them. */
  touch(): this {
    this.index.diagnostics();
    return this;
  }
  check(context: string): this {
    assertSameIndex(this.index, build(this.files, this.config), context);
    return this;
  }
}

const roadmap = yaml('roadmap:', '  - id: R-1', '    title: One', '    type: release', '    due: 2020-01-01', '    status: active', '  - id: R-2', '    title: Two', '    type: release', '    due: 2099-01-01');
const pay = yaml(
  'requirements:',
  ...req('PAY-1', { priority: 'must', status: 'approved', roadmap: 'R-1' }),
  ...req('PAY-2', { depends_on: '[PAY-3]', roadmap: 'R-2' }),
  ...req('PAY-3', { depends_on: '[PAY-2]', parent: 'PAY-1' }),
);
const orders = yaml('requirements:', ...req('ORD-1', { status: 'verified', parent: 'PAY-9' }), ...req('PAY-1', { status: 'deprecated' }));

describe('workspace index: incremental updates equal a rebuild', () => {
  it('change, add and delete a spec file', () => {
    new Scenario()
      .put('specs/roadmap.yaml', roadmap)
      .put('specs/pay.yaml', pay)
      .touch()
      .check('after the first files')
      .put('specs/orders.yaml', orders)
      .check('after adding a spec file with a duplicate')
      .put('specs/pay.yaml', pay.replace('depends_on: [PAY-2]', 'depends_on: [PAY-4]'))
      .check('after breaking the cycle')
      .put('specs/pay.yaml', `# a comment shifts every line\n${pay}`)
      .check('after shifting lines')
      .remove('specs/orders.yaml')
      .check('after deleting a spec file')
      .remove('specs/roadmap.yaml')
      .check('after deleting the roadmap');
  });

  it('change, add and delete a code file', () => {
    new Scenario()
      .put('specs/roadmap.yaml', roadmap)
      .put('specs/pay.yaml', pay)
      .put('src/pay.ts', '// @implements PAY-1\n')
      .touch()
      .put('test/pay.test.ts', '// @verifies PAY-1, PAY-7\n')
      .check('after adding a test')
      .put('src/pay.ts', '\n\n// @implements PAY-1, PAY-2\n')
      .check('after changing code')
      .remove('src/pay.ts')
      .check('after deleting code')
      .put('specs/orders.yaml', orders)
      .put('src/orders.ts', '// @implements ORD-1, PAY-1')
      .check('after tagging a deprecated duplicate');
  });

  it('a config change (rules, policy, tag words) re-applies to every file', () => {
    new Scenario()
      .put('specs/pay.yaml', pay)
      .put('src/pay.ts', '// @implements PAY-1\n// @covers PAY-2\n')
      .touch()
      .setConfig(yaml('tags:', '  implements: ["@implements", "@covers"]', 'rules:', '  dependency-cycle: warning'))
      .check('after the config changed')
      .setConfig(undefined)
      .check('after the config was removed');
  });

  it('a file that moves between spec, code and none', () => {
    new Scenario()
      .put('specs/pay.yaml', pay)
      .put('specs/notes.yaml', 'just: notes\n')
      .put('docs/readme.md', 'see @implements PAY-1\n')
      .touch()
      .check('with a non-spec yaml and a doc')
      .put('specs/notes.yaml', yaml('requirements:', ...req('NOTE-1')))
      .check('after the yaml became a spec');
  });

  for (const openDocuments of [false, true]) {
    it(openDocuments ? 'seeded random edits, specs open in the editor (read by changed region)' : 'seeded random edits', () => {
      const ids = ['PAY-1', 'PAY-2', 'PAY-3', 'PAY-12', 'R-1', 'R-2', 'ORD-1'];
      const statuses = ['draft', 'approved', 'implemented', 'verified', 'rejected', 'deprecated'];
      const requirement = fc
        .record({
          id: fc.constantFrom(...ids),
          status: fc.constantFrom(...statuses),
          priority: fc.constantFrom('must', 'should'),
          roadmap: fc.option(fc.constantFrom(...ids), { nil: undefined }),
          parent: fc.option(fc.constantFrom(...ids), { nil: undefined }),
          depends: fc.array(fc.constantFrom(...ids), { maxLength: 2 }),
          exempt: fc.boolean(),
        })
        .map((r) => [
          `  - id: ${r.id}`,
          `    title: Title of ${r.id}`,
          `    priority: ${r.priority}`,
          `    status: ${r.status}`,
          ...(r.roadmap ? [`    roadmap: ${r.roadmap}`] : []),
          ...(r.parent ? [`    parent: ${r.parent}`] : []),
          ...(r.depends.length ? [`    depends_on: [${r.depends.join(', ')}]`] : []),
          ...(r.exempt ? ['    coverage_exempt: handled elsewhere'] : []),
        ]);
      const roadmapItem = fc
        .record({ id: fc.constantFrom(...ids), due: fc.constantFrom('2020-01-01', '2026-12-01', '2099-01-01'), status: fc.constantFrom('active', 'done'), parent: fc.option(fc.constantFrom(...ids), { nil: undefined }) })
        .map((r) => [`  - id: ${r.id}`, `    title: Plan ${r.id}`, `    type: release`, `    due: ${r.due}`, `    status: ${r.status}`, ...(r.parent ? [`    parent: ${r.parent}`] : [])]);
      const specText = fc
        .tuple(fc.array(requirement, { maxLength: 4 }), fc.array(roadmapItem, { maxLength: 2 }), fc.nat(2))
        .map(([reqs, road, pad]) => {
          const lines = ['\n'.repeat(pad).slice(1)];
          if (reqs.length) lines.push('requirements:', ...reqs.flat());
          if (road.length) lines.push('roadmap:', ...road.flat());
          return lines.join('\n') + '\n';
        });
      const codeText = fc
        .array(fc.tuple(fc.constantFrom('@implements', '@verifies'), fc.array(fc.constantFrom(...ids, 'PAY-7'), { minLength: 1, maxLength: 2 })), { maxLength: 3 })
        .map((tags) => tags.map(([w, list]) => `// ${w} ${list.join(', ')}`).join('\n') + '\n');
      const config = fc.constantFrom(
        undefined,
        yaml('rules:', '  status-mismatch: off', '  parent-cycle: hint'),
        yaml('coverage:', '  - priority: [must]', '    implementations: 1', '    tests: 0'),
      );
      const op = fc.oneof(
        fc.record({ kind: fc.constant('spec' as const), file: fc.constantFrom('specs/a.yaml', 'specs/b.yaml', 'specs/c.yaml'), text: specText }),
        fc.record({ kind: fc.constant('code' as const), file: fc.constantFrom('src/a.ts', 'test/b.test.ts'), text: codeText }),
        fc.record({ kind: fc.constant('remove' as const), file: fc.constantFrom('specs/a.yaml', 'specs/b.yaml', 'src/a.ts', 'test/b.test.ts') }),
        fc.record({ kind: fc.constant('config' as const), text: config }),
        fc.record({ kind: fc.constant('touch' as const) }),
        // Typing inside one line (no line moves): the analyzer updates its lists in place.
        fc.record({
          kind: fc.constant('type' as const),
          file: fc.constantFrom('specs/a.yaml', 'specs/b.yaml', 'specs/c.yaml'),
          at: fc.nat(),
          remove: fc.nat(4),
          insert: fc.constantFrom('', 'X', '2', ' ', ':', '-', 'PAY-2', 'R-1', ', PAY-3'),
        }),
      );
      fc.assert(
        fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) => {
          const s = new Scenario(openDocuments);
          for (const o of ops) {
            if (o.kind === 'spec' || o.kind === 'code') s.put(o.file, o.text);
            else if (o.kind === 'remove') s.remove(o.file);
            else if (o.kind === 'config') s.setConfig(o.text);
            else if (o.kind === 'type') s.typeIn(o.file, o.at, o.remove, o.insert);
            else s.touch();
          }
          s.check(JSON.stringify(ops));
        }),
        { seed: 20261128, numRuns: 150 },
      );
    });
  }
});
