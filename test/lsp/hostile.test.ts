// Hostile input through the real server process (dist/server.js over stdio): every case must end in a
// clear diagnostic or a logged skip, every request must still be answered, and the server must exit
// cleanly. The answer bound (ANSWER_BOUND_MS) is a hang guard, not a performance threshold.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, DocumentSymbol, Location, SymbolInformation } from 'vscode-languageserver-protocol';
import { EditorSession } from '../fuzz/session';
import { copyWorkspace, removeFolder } from '../fuzz/workspace';
import { REPO_ROOT } from '../support/serverProcess';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'hardening');

/** A diagnostic's message as plain text (LSP 3.18 allows Markdown content). */
function msg(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function codes(diags: Diagnostic[]): string[] {
  return diags.map((d) => String(d.code)).sort();
}

function requirement(id: string, extra = ''): string {
  return `  - id: ${id}\n    title: Requirement ${id}\n    priority: should\n    status: draft\n${extra}`;
}

const ALIAS_BOMB =
  'x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nx-b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nx-c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n' +
  'x-d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nx-e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nx-f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n' +
  'x-g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nx-h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\nx-i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n' +
  `requirements:\n${requirement('BOMB-1', '    tags: *i\n')}`;

describe('hostile input through the server process', function () {
  this.timeout(120_000);
  let root: string;
  let s: EditorSession;

  beforeEach(async () => {
    root = copyWorkspace('acme-shop', 'spectrace-hostile');
  });
  afterEach(() => {
    s?.kill();
    removeFolder(root);
  });

  it('an alias bomb: one yaml-syntax diagnostic about aliases, and every feature still answers', async () => {
    s = await EditorSession.start(root);
    const v = s.open('specs/bomb.yaml', ALIAS_BOMB);
    const diags = await s.diagnostics('specs/bomb.yaml', (d) => d.length > 0, v);
    const alias = diags.filter((d) => d.code === 'yaml-syntax' && /alias/i.test(msg(d)));
    assert.equal(alias.length, 1, JSON.stringify(diags, null, 1));
    assert.equal(alias[0]!.source, 'spectrace');
    await s.everyFeatureAnswers('specs/bomb.yaml', { line: 9, character: 12 });
    await s.everyFeatureAnswers('specs/bomb.yaml', { line: 1, character: 30 });
    await s.stop();
  });

  it('10,000-deep nesting in flow and block style: "nested too deeply", features answer', async () => {
    s = await EditorSession.start(root);
    const values = [`${'['.repeat(10000)}${']'.repeat(10000)}`, `${'{a: '.repeat(10000)}1${'}'.repeat(10000)}`, `\n      ${'- '.repeat(10000)}x`, '['.repeat(10000)];
    let v = s.open('specs/deep.yaml', `requirements:\n${requirement('DEEP-1')}`);
    await s.diagnostics('specs/deep.yaml', () => true, v);
    for (const value of values) {
      v = s.change('specs/deep.yaml', `requirements:\n${requirement('DEEP-1')}    x-deep: ${value}\n`);
      const diags = await s.diagnostics('specs/deep.yaml', (d) => d.length > 0, v);
      assert.ok(
        diags.some((d) => d.code === 'yaml-syntax' && (/nested too deeply/.test(msg(d)) || value === '['.repeat(10000))),
        `${value.slice(0, 12)}…: ${JSON.stringify(diags.map((d) => msg(d)))}`,
      );
      await s.everyFeatureAnswers('specs/deep.yaml', { line: 5, character: 14 });
    }
    await s.stop();
  });

  it('a 50 MB spec file on disk and in the editor: a clear file-too-large diagnostic', async () => {
    const line = requirement('HUGE-1').replace(/\n/g, ' ').slice(0, 60);
    const big = `requirements:\n${`# ${line}\n`.repeat(Math.ceil((50 * 1024 * 1024) / (line.length + 3)))}`;
    fs.writeFileSync(path.join(root, 'specs', 'huge.yaml'), big);
    s = await EditorSession.start(root);
    const onDisk = await s.diagnostics('specs/huge.yaml', (d) => d.length > 0);
    assert.deepEqual(codes(onDisk), ['file-too-large']);
    assert.match(msg(onDisk[0]!), /too large/);
    assert.match(msg(onDisk[0]!), /16\.0 MiB limit.*maxSpecFileSize/);
    assert.deepEqual(onDisk[0]!.range.start, { line: 0, character: 0 });
    // A client that does send a 50 MB document (VS Code would not) gets the same, for that version.
    const v = s.open('specs/huge.yaml', big);
    const opened = await s.diagnostics('specs/huge.yaml', (d) => d.length > 0, v);
    assert.deepEqual(codes(opened), ['file-too-large']);
    await s.everyFeatureAnswers('specs/huge.yaml', { line: 100, character: 3 });
    s.close('specs/huge.yaml');
    await s.stop();
  });

  it('maxSpecFileSize in spectrace.yaml is the limit for spec files', async () => {
    fs.appendFileSync(path.join(root, 'spectrace.yaml'), '\nmaxSpecFileSize: 2000\n');
    s = await EditorSession.start(root);
    // checkout.yaml (7 KB) is over 2000 bytes; roadmap.yaml (1.3 KB) is not.
    const diags = await s.diagnostics('specs/checkout.yaml', (d) => d.some((x) => x.code === 'file-too-large'));
    assert.match(msg(diags.find((d) => d.code === 'file-too-large')!), /too large.*2(\.0)? ?K?B?|too large/);
    const roadmapSymbols = await s.ask<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: s.uri('specs/roadmap.yaml') } });
    assert.ok(roadmapSymbols.length > 0, 'a small file is still read');
    await s.stop();
  });

  it('a spec changed on disk while open: the open document wins; on close the disk version is read back', async () => {
    const rel = 'specs/edited.yaml';
    const editorText = `requirements:\n${requirement('EDIT-1')}`;
    const diskText = `requirements:\n${requirement('DISK-1')}    priority: bogus\n`;
    fs.writeFileSync(path.join(root, rel), editorText);
    s = await EditorSession.start(root);
    const v = s.open(rel, editorText);
    await s.diagnostics(rel, () => true, v);
    fs.writeFileSync(path.join(root, rel), diskText);
    s.fileEvents([rel, 2]);
    // Requests after the event see the editor's text, not the disk's.
    const symbols = await s.ask<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: s.uri(rel) } });
    assert.match(JSON.stringify(symbols), /EDIT-1/);
    assert.doesNotMatch(JSON.stringify(symbols), /DISK-1/);
    const ws = await s.ask<SymbolInformation[]>('workspace/symbol', { query: 'EDIT-1' });
    assert.ok(ws.some((x) => x.name.includes('EDIT-1')), JSON.stringify(ws));
    // Close: the file on disk is the truth again (its duplicate `priority` key and DISK-1).
    s.close(rel);
    assert.ok(
      await s.server.waitFor(() => (s.server.diagnostics.get(s.uri(rel))?.diagnostics ?? []).length > 0, 15_000),
      `disk version not read back: ${JSON.stringify(s.server.diagnostics.get(s.uri(rel)))}`,
    );
    let found: SymbolInformation[] = [];
    assert.ok(
      await pollAsync(async () => {
        found = await s.ask<SymbolInformation[]>('workspace/symbol', { query: 'DISK-1' });
        return found.some((x) => x.name.includes('DISK-1'));
      }),
      `DISK-1 from the disk version is not in the index after close: ${JSON.stringify(found)}`,
    );
    const after = await s.ask<SymbolInformation[]>('workspace/symbol', { query: 'EDIT-1' });
    assert.ok(!after.some((x) => x.name.includes('EDIT-1')), 'the closed editor text is still indexed');
    await s.stop();
  });

  it('a file deleted between listing and reading: watched-file events for a vanished file break nothing', async () => {
    s = await EditorSession.start(root);
    await s.diagnostics('specs/checkout.yaml');
    fs.rmSync(path.join(root, 'src', 'checkout', 'payment.ts'));
    fs.rmSync(path.join(root, 'specs', 'search.yaml'));
    // "changed" and "created" for files that are gone (deleted after the watcher saw them), then the real delete.
    s.fileEvents(['src/checkout/payment.ts', 2], ['specs/search.yaml', 1], ['src/never-existed.ts', 1]);
    await s.everyFeatureAnswers('specs/checkout.yaml', { line: 10, character: 10 });
    s.fileEvents(['src/checkout/payment.ts', 3], ['specs/search.yaml', 3]);
    // The search spec's requirements are gone from the index; references to them now dangle.
    assert.ok(await pollAsync(async () => (await s.ask<SymbolInformation[]>('workspace/symbol', { query: 'SRCH-1' })).every((x) => !x.name.startsWith('SRCH-1'))));
    await s.everyFeatureAnswers('specs/checkout.yaml', { line: 10, character: 10 });
    await s.stop();
  });

  it('CRLF and BOM spec files: the same positions as the LF file, on disk and in the editor', async () => {
    // Prefixes of one length (LF, CR, BO), so columns compare directly.
    const text = (p: string) =>
      `product: {}\nrequirements:\n${requirement(`${p}-1`, '    type: storey\n')}${requirement(`${p}-2`, `    depends_on: [${p}-1, ${p}-9]\n`)}`;
    fs.writeFileSync(path.join(root, 'specs', 'lf.yaml'), text('LF'));
    fs.writeFileSync(path.join(root, 'specs', 'crlf.yaml'), text('CR').replace(/\n/g, '\r\n'));
    fs.writeFileSync(path.join(root, 'specs', 'bom.yaml'), `\uFEFF${text('BO').replace(/\n/g, '\r\n')}`);
    s = await EditorSession.start(root);
    const shape = (diags: Diagnostic[], p: string) =>
      diags
        .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${msg(d).split(`${p}-`).join('X-')}`)
        .sort();
    const lf = shape(await s.diagnostics('specs/lf.yaml', (d) => d.length >= 3), 'LF');
    assert.deepEqual(shape(await s.diagnostics('specs/crlf.yaml', (d) => d.length >= 3), 'CR'), lf);
    assert.deepEqual(shape(await s.diagnostics('specs/bom.yaml', (d) => d.length >= 3), 'BO'), lf);
    // Opened with CRLF (an editor keeps the file's line endings): same positions, definition lands on the id.
    const v = s.open('specs/crlf.yaml', text('CR').replace(/\n/g, '\r\n'));
    assert.deepEqual(shape(await s.diagnostics('specs/crlf.yaml', (d) => d.length >= 3, v), 'CR'), lf);
    const depLine = text('CR').split('\n').findIndex((l) => l.includes('depends_on'));
    const col = text('CR').split('\n')[depLine]!.indexOf('CR-1');
    const def = await s.ask<Location | Location[]>('textDocument/definition', { textDocument: { uri: s.uri('specs/crlf.yaml') }, position: { line: depLine, character: col + 1 } });
    const loc = Array.isArray(def) ? def[0]! : def;
    assert.equal(loc.uri, s.uri('specs/crlf.yaml'));
    assert.deepEqual(loc.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 12 } });
    await s.stop();
  });

  it('unicode look-alike IDs (Cyrillic РАY-2): pattern and unknown-reference diagnostics with a did-you-mean', async () => {
    removeFolder(root);
    root = copyWorkspace(path.join(FIXTURES, 'lookalike'), 'spectrace-lookalike');
    s = await EditorSession.start(root);
    const diags = await s.diagnostics('specs/pay.yaml', (d) => d.length >= 2);
    const badId = diags.find((d) => d.range.start.line === 6);
    assert.ok(badId, `no diagnostic on the look-alike id: ${JSON.stringify(diags)}`);
    assert.match(msg(badId), /is not a valid ID: IDs look like PAY-12 \(it contains look-alike characters: \u0420 U\+0420 Cyrillic/);
    const ref = diags.find((d) => d.code === 'unknown-reference');
    assert.ok(ref, JSON.stringify(diags));
    assert.equal(ref.range.start.line, 14);
    assert.match(msg(ref), /look-alike characters.*did you mean PAY-1\?/, 'the did-you-mean names the Latin PAY-1');
    const code = await s.diagnostics('src/pay.ts', (d) => d.length > 0);
    assert.ok(code.some((d) => d.code === 'unknown-code-reference' && /look-alike.*did you mean PAY-1\?/.test(msg(d))), JSON.stringify(code));
    await s.stop();
  });
});

describe('workspace regular expressions cannot stall the server (ReDoS)', function () {
  this.timeout(120_000);
  let root: string;
  let s: EditorSession;
  afterEach(() => {
    s?.kill();
    removeFolder(root);
  });

  it('idPattern "(a+)+$" and a custom schema pattern "(a+)+$" on long aaaa…! values answer in bounded time', async () => {
    root = copyWorkspace(path.join(FIXTURES, 'redos'), 'spectrace-redos');
    const evil = `${'a'.repeat(50_000)}!`;
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src', 'evil.ts'), `// @implements ${evil}\n// @implements aaaa\n`);
    s = await EditorSession.start(root);
    const text = `requirements:\n  - id: "${evil}"\n    title: t\n    priority: must\n    status: draft\n    owner: "${evil}"\n  - id: aaaa\n    title: ok\n    priority: must\n    status: draft\n`;
    const v = s.open('specs/redos.yaml', text);
    const diags = await s.diagnostics('specs/redos.yaml', (d) => d.length >= 2, v);
    assert.ok(diags.some((d) => d.range.start.line === 1 && /pattern/i.test(msg(d))), `id: ${JSON.stringify(diags.map((d) => msg(d).slice(0, 120)))}`);
    assert.ok(diags.some((d) => d.range.start.line === 5 && /does not fit the pattern the schema sets for “owner”/.test(msg(d))), `owner: ${JSON.stringify(diags.map((d) => msg(d).slice(0, 120)))}`);
    await s.everyFeatureAnswers('specs/redos.yaml', { line: 1, character: 20 });
    await s.everyFeatureAnswers('src/evil.ts', { line: 0, character: 20 });
    // Typing more a's keeps it bounded too.
    const v2 = s.change('specs/redos.yaml', text.replace('owner: "', 'owner: "aaaaaaaaaa'));
    await s.diagnostics('specs/redos.yaml', (d) => d.length >= 2, v2);
    await s.stop();
  });

  it('both kinds of workspace pattern go through RE2: look-behind is refused with an invalid-config diagnostic', async () => {
    root = copyWorkspace(path.join(FIXTURES, 'redos'), 'spectrace-re2');
    fs.writeFileSync(path.join(root, 'spectrace.yaml'), 'idPattern: "(?<=x)y"\nschemas:\n  requirement: lookbehind.schema.json\n');
    fs.writeFileSync(path.join(root, 'lookbehind.schema.json'), JSON.stringify({ type: 'object', properties: { owner: { type: 'string', pattern: '(?<!a)b' } } }));
    s = await EditorSession.start(root);
    const diags = await s.diagnostics('spectrace.yaml', (d) => d.length >= 2);
    assert.ok(diags.every((d) => d.code === 'invalid-config'), JSON.stringify(diags));
    assert.ok(diags.some((d) => d.range.start.line === 0 && /look-ahead and look-behind are not supported/.test(msg(d))), JSON.stringify(diags));
    assert.ok(diags.some((d) => d.range.start.line === 2 && /cannot be used/.test(msg(d))), JSON.stringify(diags));
    await s.stop();
  });
});

/** Polls an async condition until it holds (bounded by the answer bound). */
async function pollAsync(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return condition();
}
