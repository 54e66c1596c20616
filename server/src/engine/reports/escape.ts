// Escaping for every output format. Spec text is written by people and may hold anything, markup
// included; no renderer writes a piece of it without passing it through one of these (CSV's is
// shared/traceCsv.ts, which the extension uses too).

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

// Characters XML 1.0 cannot carry at all, even escaped: C0 controls other than tab/LF/CR, lone
// surrogates, U+FFFE and U+FFFF. They are replaced, or the JUnit file would not parse.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for XML element content and double-quoted attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '\uFFFD')
    .replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c)
    // Attribute values normalise raw newlines and tabs to spaces; keep them as character references.
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/** Text for XML element content where line breaks should stay readable (failure bodies). */
export function escapeXmlText(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD').replace(/[&<>]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Text for a Markdown table cell: one line, no markup, no raw HTML. */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    // Only what GFM table cells interpret: emphasis, code, links, strikethrough, the cell separator.
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
}

/** A single line for terminal output: control characters (escape sequences!) and line breaks made visible. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/[\u0000-\u0008\u000B-\u001F\u007F\u009B]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
