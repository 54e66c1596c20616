// The XML layer of the ReqIF import: unsafe DOCTYPEs refused, incomplete files named with their line,
// entities decoded without expansion, rich text (XHTML) to plain text and back, attribute text kept.
import * as assert from 'node:assert/strict';
import { ImportError } from '../../../../server/src/engine/interchange/importError';
import { NO_EXISTING } from '../../../../server/src/engine/interchange/importModel';
import { defaultMapping } from '../../../../server/src/engine/interchange/mapping';
import { exportReqif } from '../../../../server/src/engine/interchange/reqifExport';
import { importReqif } from '../../../../server/src/engine/interchange/reqifImport';
import { textToXhtml, xhtmlToText } from '../../../../server/src/engine/interchange/xhtmlText';
import { checkComplete, decodeEntities, parseXml, refuseUnsafeDoctype } from '../../../../server/src/engine/interchange/xmlTree';

function xhtml(body: string): string {
  const root = parseXml(`<THE-VALUE xmlns:xhtml="http://www.w3.org/1999/xhtml">${body}</THE-VALUE>`, 'ReqIF');
  return xhtmlToText(root.children).text;
}

describe('interchange: XML safety', () => {
  it('refuses entity declarations and external DTDs, accepts a plain DOCTYPE', () => {
    assert.throws(() => refuseUnsafeDoctype('<?xml version="1.0"?>\n\n<!DOCTYPE a [<!ENTITY b "c">]><a/>'), (err: unknown) => err instanceof ImportError && /declares XML entities in its DOCTYPE \(line 3\)/.test(err.message));
    assert.throws(() => refuseUnsafeDoctype('<!DOCTYPE a PUBLIC "-//x" "http://x/y.dtd"><a/>'), /names an external DTD \(line 1\)/);
    assert.doesNotThrow(() => refuseUnsafeDoctype('<!DOCTYPE REQ-IF><REQ-IF/>'));
  });

  it('refuses a 100,000-level nested entity declaration without looking inside it', () => {
    const text = `<!DOCTYPE a [${'<!ENTITY x "&y;">'.repeat(100_000)}]><a/>`;
    assert.throws(() => parseXml(text, 'ReqIF'), /declares XML entities/);
  });

  it('names the line where an incomplete file breaks', () => {
    assert.throws(() => checkComplete('<a>\n<b>\n</b>\n<c>', 'ReqIF'), /^Error: not a complete ReqIF file: line 4: <c> \(opened on line 4\) is never closed$/);
    assert.throws(() => checkComplete('<a>\n<b x="1"', 'ReqIF'), /not a complete ReqIF file: line 2: the file ends inside a tag/);
    assert.throws(() => checkComplete('<a>\n</b>', 'ReqIF'), /line 2: <\/b> where <\/a> \(opened on line 1\) was expected/);
    assert.throws(() => checkComplete('<a/><b/>', 'ReqIF'), /a second root element <b>/);
    assert.doesNotThrow(() => checkComplete('<?xml version="1.0"?><!-- <x> --><a t=">"><![CDATA[<y>]]></a>', 'ReqIF'));
  });

  it('decodes the predefined entities and character references, leaves any other entity as written', () => {
    assert.equal(decodeEntities('a &amp; b &lt;c&gt; &#65;&#x42; &quot;&apos; &nbsp; &x;'), 'a & b <c> AB "\' &nbsp; &x;');
    assert.equal(parseXml('<a t="1 &amp; 2">x &lt; y</a>', 'ReqIF').attrs.t, '1 & 2');
  });

  it('refuses an empty file and says it is empty', () => {
    assert.throws(() => parseXml('  \n', 'ReqIF'), /^Error: the file is empty: not a ReqIF file$/);
  });
});

describe('interchange: XHTML rich text', () => {
  it('keeps paragraphs, line breaks, lists and tables as Markdown-like lines', () => {
    assert.equal(xhtml('<xhtml:div><xhtml:p>One <xhtml:b>bold</xhtml:b>\n  word.</xhtml:p><xhtml:p>Two<xhtml:br/>lines</xhtml:p></xhtml:div>'), 'One **bold** word.\n\nTwo\nlines');
    assert.equal(xhtml('<xhtml:ul><xhtml:li>a</xhtml:li><xhtml:li>b<xhtml:ol><xhtml:li>c</xhtml:li></xhtml:ol></xhtml:li></xhtml:ul>'), '- a\n- b\n  1. c');
    assert.equal(xhtml('<xhtml:table><xhtml:tr><xhtml:th>k</xhtml:th><xhtml:th>v</xhtml:th></xhtml:tr><xhtml:tr><xhtml:td>1</xhtml:td><xhtml:td>2</xhtml:td></xhtml:tr></xhtml:table>'), '| k | v |\n| 1 | 2 |');
  });

  it('notes images and objects instead of dropping them, and counts them', () => {
    const root = parseXml('<v xmlns:xhtml="x"><xhtml:p>See <xhtml:object data="files/pic.png" type="image/png"><xhtml:img src="pic.png"/></xhtml:object> here</xhtml:p></v>', 'ReqIF');
    const result = xhtmlToText(root.children);
    assert.equal(result.text, 'See [object: files/pic.png] here');
    assert.equal(result.objects, 1);
  });

  it('writes text as XHTML paragraphs that read back to the same text', () => {
    const text = 'First <line> & more\nsecond line\n\nNew paragraph\n- a list line';
    const written = textToXhtml(text);
    assert.equal(written, '<xhtml:div><xhtml:p>First &lt;line&gt; &amp; more<xhtml:br/>second line</xhtml:p><xhtml:p>New paragraph<xhtml:br/>- a list line</xhtml:p></xhtml:div>');
    assert.equal(xhtml(written), text);
  });
});

describe('interchange: ReqIF export text', () => {
  it('keeps line breaks in string attributes through export and import', () => {
    const item = { id: 'A-1', title: 'T & <t>', priority: 'must', status: 'draft', coverage_exempt: 'line one\nline two\tend' };
    const text = exportReqif({ title: 't', toolId: 'x', files: [{ path: 'specs/a.yaml', product: undefined, lastChange: '2026-01-01T00:00:00Z', requirements: [item], roadmap: [] }] });
    assert.match(text, /THE-VALUE="line one&#10;line two&#9;end"/);
    const back = importReqif(text, { mapping: defaultMapping(), existing: NO_EXISTING, prefix: 'REQ' });
    assert.deepEqual(back.requirements, [item]);
  });
});

describe('interchange: hostile XML in bounded time', () => {
  it('stops at the first of 2,000,000 unclosed tags instead of rescanning the file from each', () => {
    const text = `<REQ-IF>${'<a '.repeat(2_000_000)}`;
    assert.throws(() => parseXml(text, 'ReqIF'), /not a complete ReqIF file: line 1: the file ends inside a tag/);
  });

  it('stops at an unterminated comment', () => {
    assert.throws(() => parseXml(`<REQ-IF>\n<!-- ${'x'.repeat(1_000_000)}`, 'ReqIF'), /line 2: the file ends inside a tag/);
  });
});
