// Relative links in the README (the Marketplace page), CONTRIBUTING.md, docs/ and bench/HISTORY.md must
// lead somewhere: to a file or folder of the repository and, with a #fragment into Markdown, to a heading
// there (GitHub's anchors) or an explicit id.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');

const DOCUMENTS = [
  'README.md',
  'CONTRIBUTING.md',
  'bench/HISTORY.md',
  ...readdirSync(path.join(REPO, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`),
];

/** Markdown without fenced code blocks and inline code spans, where brackets are not links. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
}

/** Targets of inline links and images. */
function linkTargets(markdown: string): string[] {
  return [...prose(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
}

/** The anchors GitHub gives a Markdown file's headings (lower case, punctuation dropped, spaces to hyphens). */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  const withoutCode = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const [, heading] of withoutCode.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = heading.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  for (const [, id] of markdown.matchAll(/\sid="([^"]+)"/g)) out.add(id);
  return out;
}

describe('documentation links', () => {
  it('finds the documents and their links', () => {
    assert.ok(DOCUMENTS.includes('docs/rules.md'), DOCUMENTS.join(', '));
    assert.ok(linkTargets(readFileSync(path.join(REPO, 'README.md'), 'utf8')).length >= 10);
  });

  for (const doc of DOCUMENTS) {
    it(`every relative link in ${doc} resolves`, () => {
      const text = readFileSync(path.join(REPO, doc), 'utf8');
      const broken: string[] = [];
      for (const target of linkTargets(text)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, command: ...
        const [file, fragment] = target.split('#', 2);
        const resolved = file ? path.resolve(path.dirname(path.join(REPO, doc)), decodeURIComponent(file)) : path.join(REPO, doc);
        if (!resolved.startsWith(REPO + path.sep) || !existsSync(resolved)) {
          broken.push(`${target}: no such file`);
          continue;
        }
        if (fragment && resolved.endsWith('.md') && statSync(resolved).isFile() && !anchors(readFileSync(resolved, 'utf8')).has(fragment)) {
          broken.push(`${target}: no heading with that anchor`);
        }
      }
      assert.deepEqual(broken, []);
    });
  }
});
