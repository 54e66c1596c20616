// A chart as a plain tree of SVG elements: what the engine's chart builders return, what the HTML report
// serializes as markup and what a webview builds with DOM calls (setAttribute, textContent), so spec
// text is never parsed as markup anywhere. Plain data, no imports: the client uses it too.

export interface SvgNode {
  tag: SvgTag;
  attrs: Record<string, string | number>;
  /** Text content (of `text`, `title` and `tspan` elements). */
  text?: string;
  children?: SvgNode[];
}

/** The only elements a chart uses; a webview refuses anything else. */
export const SVG_TAGS = ['svg', 'g', 'rect', 'line', 'polygon', 'text', 'title'] as const;
export type SvgTag = (typeof SVG_TAGS)[number];

/** Attribute names a chart may carry: geometry, class, data-*, and the accessibility ones (never `on*` or `href`). */
export function isSafeSvgAttribute(name: string): boolean {
  return /^(x|y|x1|x2|y1|y2|width|height|rx|points|class|viewBox|xmlns|role|tabindex|aria-label|text-anchor|data-[a-z]+(-[a-z]+)*)$/.test(name);
}
