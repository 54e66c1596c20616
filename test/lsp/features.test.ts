// Every editor feature answered by the real server over stdio, with asserted content, on an
// unmodified copy of examples/acme-shop (the numbers come from its TRACE.md).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type {
  CodeLens,
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  MarkupContent,
  SelectionRange,
  SymbolInformation,
} from 'vscode-languageserver-protocol';
import { IdAtRequest } from '../../server/src/shared/protocol';
import type {
  CoverageGapsResult,
  IdAtResult,
  MatrixResult,
  NextIdResult,
  ReportResult,
  RequirementsTreeResult,
  RoadmapResult,
  ShowLocationsArgs,
  SummaryResult,
  TraceResult,
} from '../../server/src/shared/protocol';
import type { TraceRow } from '../../server/src/shared/traceRow';
import { summaryText } from '../../client/src/statusText';
import { LspClient, REPO_ROOT, copyExample, positionOf, removeCopy, uriOf } from './lspClient';

const NOW = { SPECTRACE_NOW: '2026-11-28' };

function labels(list: CompletionList | CompletionItem[] | null): string[] {
  const items = Array.isArray(list) ? list : (list?.items ?? []);
  return items.map((i) => i.label);
}

function hoverText(h: Hover | null): string {
  const c = h?.contents as MarkupContent | undefined;
  return c?.value ?? '';
}

describe('LSP features (acme-shop over stdio)', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspClient;
  const file = (...p: string[]) => path.join(root, ...p);
  let checkout: string;
  let roadmap: string;
  let payment: string;

  before(async () => {
    root = copyExample('acme-shop');
    checkout = file('specs', 'checkout.yaml');
    roadmap = file('specs', 'roadmap.yaml');
    payment = file('src', 'checkout', 'payment.ts');
    client = await LspClient.start({ root, env: NOW });
    await client.open(checkout);
    await client.open(roadmap);
    await client.open(payment, 'typescript');
    await client.diagnosticsFor(payment, (p) => p.version === 1);
  });

  after(async () => {
    await client?.stop();
    removeCopy(root);
  });

  const td = (f: string) => ({ uri: uriOf(f) });

  describe('completion', () => {
    it('offers the enum values of priority', async () => {
      const doc = client.doc(checkout);
      const position = positionOf(doc, 'priority: must', 'priority: '.length);
      const list = await client.request<CompletionList>('textDocument/completion', { textDocument: td(checkout), position });
      assert.deepEqual(labels(list), ['must', 'should', 'could', 'wont']);
    });

    it('offers roadmap IDs with titles after roadmap:', async () => {
      const position = positionOf(client.doc(checkout), 'roadmap: R-2026', 'roadmap: '.length);
      const list = await client.request<CompletionList>('textDocument/completion', { textDocument: td(checkout), position });
      const m1 = list.items.find((i) => i.label === 'M-1');
      assert.equal(m1?.detail, 'Guest checkout beta');
      assert.ok(labels(list).includes('R-2027'));
      assert.ok(!labels(list).includes('PAY-1'), 'no requirement IDs for roadmap:');
    });

    it('offers requirement IDs with titles in depends_on and parent', async () => {
      const dep = positionOf(client.doc(checkout), 'depends_on: [SRCH-3]', 'depends_on: ['.length);
      const list = await client.request<CompletionList>('textDocument/completion', { textDocument: td(checkout), position: dep });
      assert.equal(list.items.find((i) => i.label === 'SRCH-3')?.detail, 'Search by keyword');
      assert.ok(labels(list).includes('ACC-2'), 'IDs from other spec files');
      const parent = positionOf(client.doc(checkout), 'parent: PAY-1', 'parent: '.length);
      const parents = await client.request<CompletionList>('textDocument/completion', { textDocument: td(checkout), position: parent });
      assert.equal(parents.items.find((i) => i.label === 'PAY-1')?.detail, 'Checkout and payments');
    });

    it('offers requirement IDs after a tag word in code', async () => {
      const position = positionOf(client.doc(payment), '// @implements PAY-10', '// @implements '.length);
      const list = await client.request<CompletionList>('textDocument/completion', { textDocument: td(payment), position });
      assert.equal(list.items.find((i) => i.label === 'PAY-10')?.detail, 'Checkout answers within 2 seconds');
      assert.ok(labels(list).includes('SRCH-7'));
    });
  });

  describe('hover', () => {
    it('on an ID in code: a card with title, status, roadmap, counts and links', async () => {
      const position = positionOf(client.doc(payment), 'PAY-3, PAY-5', 1);
      const text = hoverText(await client.request<Hover>('textDocument/hover', { textDocument: td(payment), position }));
      assert.match(text, /\*\*PAY-3\*\* — Pay by card/);
      assert.match(text, /status `released`/);
      assert.match(text, /M-1\*\* — Guest checkout beta \(due 31 Mar\)/);
      assert.match(text, /2 implementations · 1 test/);
      assert.ok(text.includes(`(${uriOf(file('test', 'payment.test.ts'))}#L11)`), text);
    });

    it('on a key in a spec: the schema documentation', async () => {
      const position = positionOf(client.doc(checkout), 'priority: must', 2);
      const text = hoverText(await client.request<Hover>('textDocument/hover', { textDocument: td(checkout), position }));
      assert.match(text, /MoSCoW/);
      assert.match(text, /`must`/);
    });
  });

  it('definition from a code tag lands on the id: value in the spec', async () => {
    const position = positionOf(client.doc(payment), 'PAY-3, PAY-5', 2);
    const locs = await client.request<Location[]>('textDocument/definition', { textDocument: td(payment), position });
    assert.equal(locs.length, 1);
    assert.equal(locs[0].uri, uriOf(checkout));
    const idPos = positionOf(client.doc(checkout), 'id: PAY-3\n', 'id: '.length);
    assert.deepEqual(locs[0].range, { start: idPos, end: { line: idPos.line, character: idPos.character + 5 } });
  });

  it('references include the definition, spec references, code and tests', async () => {
    const position = positionOf(client.doc(checkout), 'id: PAY-3\n', 'id: '.length + 1);
    const locs = await client.request<Location[]>('textDocument/references', { textDocument: td(checkout), position, context: { includeDeclaration: true } });
    const where = locs.map((l) => path.relative(root, new URL(l.uri).pathname)).sort();
    for (const f of ['specs/checkout.yaml', 'specs/accounts.yaml', 'src/checkout/payment.ts', 'src/checkout/one-click.ts', 'test/payment.test.ts']) {
      assert.ok(where.includes(f), `${f} in ${where.join(', ')}`);
    }
    const without = await client.request<Location[]>('textDocument/references', { textDocument: td(checkout), position, context: { includeDeclaration: false } });
    assert.equal(without.length, locs.length - 1);
  });

  it('prepareRename refuses a non-ID with a clear message and accepts an ID', async () => {
    const onKey = positionOf(client.doc(checkout), 'title: Pay by card', 1);
    await assert.rejects(
      client.request('textDocument/prepareRename', { textDocument: td(checkout), position: onKey }),
      (err: Error) => /Only a requirement or roadmap item ID can be renamed/.test(err.message),
    );
    const onId = positionOf(client.doc(checkout), 'id: PAY-3\n', 'id: '.length);
    const ok = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: td(checkout), position: onId });
    assert.equal(ok.placeholder, 'PAY-3');
  });

  it('document symbols nest requirements by parent; roadmap items are events', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: td(checkout) });
    const pay1 = symbols.find((s) => s.name === 'PAY-1');
    assert.ok(pay1, symbols.map((s) => s.name).join(','));
    const cart1 = pay1.children?.find((s) => s.name === 'CART-1');
    assert.ok(cart1?.children?.some((s) => s.name === 'CART-2'), 'CART-2 under CART-1 under PAY-1');
    assert.match(cart1?.detail ?? '', /Shopping cart/);
    const rm = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: td(roadmap) });
    const r2026 = rm.find((s) => s.name === 'R-2026');
    assert.equal(r2026?.kind, 24 /* Event */);
    assert.ok(r2026?.children?.some((s) => s.name === 'M-1'));
  });

  it('workspace symbols find requirements by title words and by ID', async () => {
    const byTitle = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'saved card' });
    assert.ok(byTitle.some((s) => s.name.startsWith('PAY-4 ')), byTitle.map((s) => s.name).join(' | '));
    const byId = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'SRCH-7' });
    assert.equal(byId[0]?.name, 'SRCH-7 Search answers within 300 ms');
    assert.equal(byId[0]?.location.uri, uriOf(file('specs', 'search.yaml')));
  });

  it('code lenses above requirements: implementations, tests, roadmap item with due date', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: td(checkout) });
    const line = positionOf(client.doc(checkout), '- id: PAY-3\n').line;
    const titles = lenses.filter((l) => l.range.start.line === line).map((l) => l.command?.title);
    // PAY-3 is under review (the example has change review on): one lens with its revision and links.
    assert.deepEqual(titles, ['rev 1 · 2 impl · 1 test', 'M-1 (due 31 Mar)']);
    const impl = lenses.find((l) => l.range.start.line === line)?.command;
    assert.equal(impl?.command, 'spectrace.showLocations');
    const args = impl?.arguments?.[0] as ShowLocationsArgs;
    assert.equal(args.uri, uriOf(checkout));
    assert.deepEqual(args.locations.map((l) => path.basename(l.uri)).sort(), ['one-click.ts', 'payment.test.ts', 'payment.ts']);
    const none = positionOf(client.doc(checkout), '- id: CART-5\n').line;
    assert.deepEqual(lenses.filter((l) => l.range.start.line === none).map((l) => l.command?.title), ['no implementations', 'no tests']);
  });

  it('code lenses above roadmap items show progress, and one opens the release view', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: td(roadmap) });
    const line = positionOf(client.doc(roadmap), '- id: M-1\n').line;
    assert.deepEqual(lenses.filter((l) => l.range.start.line === line).map((l) => l.command?.title), ['8 done', 'Show release']);
    // A milestone whose requirements are all in progress is not "0/4 done".
    const m2 = positionOf(client.doc(roadmap), '- id: M-2\n').line;
    assert.deepEqual(lenses.filter((l) => l.range.start.line === m2).map((l) => l.command?.title), ['4 in progress', 'Show release']);
  });

  it('a tag line in code: by default no code lens, an inlay hint with title and status', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: td(payment) });
    const line = positionOf(client.doc(payment), '// @implements PAY-10').line;
    assert.deepEqual(lenses, [], 'one title per tag: the hint');
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: td(payment),
      range: { start: { line: 0, character: 0 }, end: { line: client.doc(payment).lineCount, character: 0 } },
    });
    const pay10 = hints.find((h) => h.position.line === line);
    // VS Code cuts a line's hints after 43 characters: the title is shortened at a word, the status kept.
    assert.equal(pay10?.label, 'Checkout answers within 2… · verified');
    assert.match(String(pay10?.tooltip), /^PAY-10: Checkout answers within 2 seconds\nstatus: verified/);
    const pay11 = hints.find((h) => h.position.line === positionOf(client.doc(payment), '// @implements PAY-11').line);
    assert.equal(pay11?.label, 'Strong customer… · implemented');
    assert.deepEqual(pay10?.position, positionOf(client.doc(payment), 'PAY-10', 'PAY-10'.length));
  });

  it('folding ranges cover items; selection ranges grow from the ID to the item', async () => {
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: td(checkout) });
    const start = positionOf(client.doc(checkout), '- id: PAY-3\n').line;
    assert.ok(folds.some((f) => f.startLine === start && f.endLine > start));
    const pos = positionOf(client.doc(checkout), 'id: PAY-3\n', 'id: '.length + 1);
    const [sel] = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: td(checkout), positions: [pos] });
    assert.equal(sel.range.end.character - sel.range.start.character, 'PAY-3'.length);
    let depth = 0;
    for (let s: SelectionRange | undefined = sel; s; s = s.parent) depth++;
    assert.ok(depth >= 3, `depth ${depth}`);
  });

  describe('custom requests', () => {
    it('requirements tree, roadmap, matrix, trace', async () => {
      const tree = await client.request<RequirementsTreeResult>('spectrace/requirementsTree', {});
      assert.equal(tree.folders.length, 1);
      assert.equal(tree.folders[0].requirements.length, 40);
      const pay3 = tree.folders[0].requirements.find((r) => r.id === 'PAY-3');
      assert.equal(pay3?.title, 'Pay by card');
      assert.equal(pay3?.implementations.length, 2);
      assert.equal(pay3?.coverage, 'covered');
      const rm = await client.request<RoadmapResult>('spectrace/roadmap', {});
      assert.deepEqual(rm.folders[0].items.map((i) => i.id).sort(), ['M-1', 'M-2', 'R-2026', 'R-2027', 'R-2028']);
      const m1 = rm.folders[0].items.find((i) => i.id === 'M-1');
      assert.equal(`${m1?.done}/${m1?.total}`, '8/8');
      const matrix = await client.request<MatrixResult>('spectrace/matrix', {});
      assert.equal(matrix.rows.length, 40);
      assert.deepEqual(matrix.rows.find((r) => r.id === 'PAY-3')?.tests.map((t) => `${t.file}:${t.line}`), ['test/payment.test.ts:11']);
      const trace = await client.request<TraceResult>('spectrace/trace', { id: 'PAY-3' });
      assert.equal(trace.roadmapItem?.id, 'M-1');
      assert.equal(trace.parent?.id, 'PAY-2');
      assert.ok(trace.dependents.some((d) => d.id === 'ACC-6'));
      assert.equal(await client.request('spectrace/trace', { id: 'NOPE-1' }), null);
    });

    it('summary, next free ID, coverage gaps', async () => {
      const s = await client.request<SummaryResult>('spectrace/summary', {});
      assert.equal(s.requirements, 40);
      assert.equal(s.errors, 0);
      assert.equal(s.trusted, true);
      assert.equal(s.coveredPercent, 100);
      // TRACE.md: 23 requirements fall under the policy (4 of them exempt), 26 of 40 have code; SRCH-4's
      // only code is its suspect link, which counts once reviewed.
      assert.deepEqual([s.underPolicy, s.satisfied, s.implemented, s.tested], [23, 23, 25, 25]);
      assert.equal(s.suspect, 1);
      assert.equal(summaryText(s), '$(checklist) Specs: 23/23 under policy covered · 25/40 implemented · 1 warning · 1 suspect');
      const next = await client.request<NextIdResult>('spectrace/nextId', { prefix: 'PAY' });
      assert.equal(next.id, 'PAY-14');
      const gaps = await client.request<CoverageGapsResult>('spectrace/coverageGaps', {});
      assert.ok(Array.isArray(gaps.gaps));
    });

    it('the ID at a position: a definition, a spec reference, a code tag, and null off an ID', async () => {
      const idAt = (f: string, search: string, offset: number) => client.request<IdAtResult | null>(IdAtRequest.method, { textDocument: td(f), position: positionOf(client.doc(f), search, offset) });
      const definition = await idAt(checkout, '- id: PAY-1', '- id: PA'.length);
      assert.equal(definition?.id, 'PAY-1');
      assert.equal(definition?.role, 'definition');
      assert.deepEqual(definition?.range.start, positionOf(client.doc(checkout), '- id: PAY-1', '- id: '.length));
      const reference = await idAt(checkout, 'roadmap: R-2027', 'roadmap: R-'.length);
      assert.deepEqual([reference?.id, reference?.role], ['R-2027', 'reference']);
      const tag = await idAt(payment, '@implements PAY-10', '@implements PAY-1'.length);
      assert.deepEqual([tag?.id, tag?.role], ['PAY-10', 'tag']);
      assert.equal(await idAt(checkout, 'roadmap: R-2027', 2), null, 'on a key');
      assert.equal(await idAt(payment, '@implements PAY-10', 2), null, 'on the tag word');
      assert.equal(await client.request(IdAtRequest.method, { textDocument: { uri: uriOf(file('nowhere.yaml')) }, position: { line: 0, character: 0 } }), null, 'a file the server does not know');
    });

    it('reports rendered by the CLI renderers, and a clear error for an unknown format', async () => {
      const md = await client.request<ReportResult>('spectrace/report', { format: 'md' });
      assert.match(md.content, /PAY-3/);
      assert.match(md.content, /Pay by card/);
      const csv = await client.request<ReportResult>('spectrace/report', { format: 'csv' });
      assert.ok(csv.content.split('\n').length > 40);
      const html = await client.request<ReportResult>('spectrace/report', { format: 'html' });
      assert.match(html.content, /<table/);
      await assert.rejects(client.request('spectrace/report', { format: 'pdf' }), /Unknown report format/);
    });

    it('the matrix says what `spectrace report --format json` says, row for row', async () => {
      const { rows } = await client.request<MatrixResult>('spectrace/matrix', {});
      const cli = execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'report', root, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, ...NOW } });
      const report = JSON.parse(cli) as { requirements: Record<string, unknown>[] };
      const keys: (keyof TraceRow)[] = ['id', 'title', 'type', 'priority', 'status', 'owner', 'roadmap', 'roadmapTitle', 'parent', 'file', 'line', 'implementations', 'tests', 'coverage', 'exemptReason', 'score', 'insights', 'customers'];
      assert.deepEqual(Object.keys(report.requirements[0] ?? {}).sort(), [...keys].sort());
      // The report writes an absent field as null; the protocol leaves it out.
      const fields = (row: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, row[k] ?? null]));
      assert.equal(report.requirements.length, 40);
      assert.deepEqual(
        rows.map((r) => fields({ ...r })),
        report.requirements.map(fields),
      );
    });
  });
});

describe('LSP summary of an empty workspace', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspClient;

  before(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-lsp-empty-')));
    client = await LspClient.start({ root, env: NOW });
  });

  after(async () => {
    await client?.stop();
    removeCopy(root);
  });

  it('has nothing to measure, so the status bar shows nothing (no "0 reqs · 100% covered")', async () => {
    const s = await client.request<SummaryResult>('spectrace/summary', {});
    assert.deepEqual([s.requirements, s.underPolicy, s.satisfied, s.implemented, s.tested, s.errors], [0, 0, 0, 0, 0, 0]);
    assert.equal(summaryText(s), undefined);
  });
});
