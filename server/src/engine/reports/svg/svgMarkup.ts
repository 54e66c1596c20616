// An SvgNode tree as SVG markup for the HTML report: every attribute value and text escaped, only the
// elements and attributes a chart may carry (shared/svgTree.ts).
import { SVG_TAGS, isSafeSvgAttribute } from '../../../shared/svgTree';
import type { SvgNode } from '../../../shared/svgTree';
import { escapeXml, escapeXmlText } from '../escape';

export function svgMarkup(node: SvgNode): string {
  if (!(SVG_TAGS as readonly string[]).includes(node.tag)) return '';
  const attrs = Object.entries(node.attrs)
    .filter(([name]) => isSafeSvgAttribute(name))
    .map(([name, value]) => ` ${name}="${escapeXml(typeof value === 'number' ? formatNumber(value) : value)}"`)
    .join('');
  const inner = `${node.text !== undefined ? escapeXmlText(node.text) : ''}${(node.children ?? []).map(svgMarkup).join('')}`;
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

/** Numbers as short, stable text: at most two decimals, no trailing zeros, no "-0". */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const rounded = Math.round(n * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
