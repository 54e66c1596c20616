// ReqIF rich text (XHTML) to the plain text a spec's description holds, and back. Paragraphs and
// divs become blocks separated by a blank line, <br/> a line break, list items `- ` / `1. ` lines,
// table rows `| a | b |` lines; images and objects become a `[image: name]` note (and are counted,
// so the import report can say so) instead of disappearing.
import type { XmlElement, XmlNode } from './xmlTree';

export interface XhtmlResult {
  text: string;
  /** Images and embedded objects replaced by a note. */
  objects: number;
}

const BLOCKS = new Set(['p', 'div', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'ul', 'ol', 'table', 'dl']);

export function xhtmlToText(nodes: readonly XmlNode[]): XhtmlResult {
  const state = { objects: 0 };
  const blocks: string[] = [];
  renderBlocks(nodes, blocks, state, '');
  const text = blocks
    .map((b) => b.replace(/[ \t]+\n/g, '\n').replace(/[ \t]+$/, ''))
    .filter((b) => b.trim() !== '')
    .join('\n\n');
  return { text: text.trim(), objects: state.objects };
}

function renderBlocks(nodes: readonly XmlNode[], blocks: string[], state: { objects: number }, indent: string): void {
  let inline = '';
  const flush = (): void => {
    // Notes and collapsed runs can leave double spaces; line breaks stay.
    if (inline.trim() !== '') blocks.push(inline.replace(/[ \t]{2,}/g, ' ').replace(/ ?\n ?/g, '\n').trim());
    inline = '';
  };
  for (const node of nodes) {
    if (typeof node === 'string') {
      inline += collapse(node);
      continue;
    }
    const name = node.name.toLowerCase();
    if (name === 'ul' || name === 'ol') {
      flush();
      blocks.push(listText(node, state, indent));
    } else if (name === 'table') {
      flush();
      blocks.push(tableText(node, state));
    } else if (name === 'pre') {
      flush();
      blocks.push(rawText(node));
    } else if (BLOCKS.has(name)) {
      flush();
      renderBlocks(node.children, blocks, state, indent);
    } else {
      inline += inlineText(node, state);
    }
  }
  flush();
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function rawText(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : rawText(c))).join('');
}

function inlineText(node: XmlNode, state: { objects: number }): string {
  if (typeof node === 'string') return collapse(node);
  const name = node.name.toLowerCase();
  if (name === 'br') return '\n';
  if (name === 'img' || name === 'object') {
    state.objects++;
    const label = node.attrs.alt || node.attrs.name || node.attrs.title || node.attrs.data || node.attrs.src || '';
    // An object's children are its fallback content (often the same image again): one note is enough.
    return ` [${name === 'img' ? 'image' : 'object'}${label ? `: ${label}` : ''}] `;
  }
  if (name === 'b' || name === 'strong') {
    const inner = node.children.map((c) => inlineText(c, state)).join('');
    return inner.trim() === '' ? inner : `**${inner.trim()}**`;
  }
  if (BLOCKS.has(name)) {
    const inner: string[] = [];
    renderBlocks([node], inner, state, '');
    return `\n${inner.join('\n')}\n`;
  }
  return node.children.map((c) => inlineText(c, state)).join('');
}

function listText(list: XmlElement, state: { objects: number }, indent: string): string {
  const ordered = list.name.toLowerCase() === 'ol';
  const lines: string[] = [];
  let n = 0;
  for (const item of list.children) {
    if (typeof item === 'string' || item.name.toLowerCase() !== 'li') continue;
    n++;
    const nested: XmlElement[] = [];
    const own = item.children.filter((c) => {
      if (typeof c !== 'string' && (c.name.toLowerCase() === 'ul' || c.name.toLowerCase() === 'ol')) {
        nested.push(c);
        return false;
      }
      return true;
    });
    const text = own
      .map((c) => inlineText(c, state))
      .join('')
      .replace(/\s*\n\s*/g, ' ')
      .trim();
    lines.push(`${indent}${ordered ? `${n}.` : '-'} ${text}`);
    for (const sub of nested) lines.push(listText(sub, state, `${indent}  `));
  }
  return lines.join('\n');
}

function tableText(table: XmlElement, state: { objects: number }): string {
  const rows: string[] = [];
  const visit = (element: XmlElement): void => {
    for (const child of element.children) {
      if (typeof child === 'string') continue;
      const name = child.name.toLowerCase();
      if (name === 'tr') {
        const cells = child.children
          .filter((c): c is XmlElement => typeof c !== 'string' && (c.name.toLowerCase() === 'td' || c.name.toLowerCase() === 'th'))
          .map((c) =>
            c.children
              .map((x) => inlineText(x, state))
              .join('')
              .replace(/\s+/g, ' ')
              .trim(),
          );
        rows.push(`| ${cells.join(' | ')} |`);
      } else {
        visit(child);
      }
    }
  };
  visit(table);
  return rows.join('\n');
}

/** Escapes text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  // XML 1.0 cannot carry most control characters, even as references: they are dropped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Plain text as an XHTML <div>: blank-line-separated paragraphs, line breaks kept as <br/>. */
export function textToXhtml(text: string): string {
  const paragraphs = text
    .trim()
    .split(/\n[ \t]*\n/)
    .map((p) => `<xhtml:p>${p.split('\n').map(escapeXml).join('<xhtml:br/>')}</xhtml:p>`);
  return `<xhtml:div>${paragraphs.join('')}</xhtml:div>`;
}
