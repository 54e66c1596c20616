// Reading XML safely into a small element tree: refuses DOCTYPEs that declare entities or name an
// external DTD (billion laughs, file:///etc/passwd) before any parsing, checks that every tag is
// closed (a truncated file is named with the line it breaks at), then parses with fast-xml-parser with
// entity processing off and decodes the five predefined entities and character references itself.
import { XMLParser } from 'fast-xml-parser';
import { ImportError, lineAt } from './importError';

export interface XmlElement {
  /** Local name: namespace prefixes are dropped (ReqIF files use `reqif:`, `xhtml:` or none). */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes predefined entities and character references; any other `&name;` stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][\w.-]*);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

/**
 * Refuses a DOCTYPE that declares entities or points to an external DTD. Linear in the text: one
 * search for `<!DOCTYPE`, one for its end.
 */
export function refuseUnsafeDoctype(text: string): void {
  const start = text.search(/<!DOCTYPE/i);
  if (start === -1) return;
  const bracket = text.indexOf('[', start);
  const close = text.indexOf('>', start);
  let end = close;
  if (bracket !== -1 && (close === -1 || bracket < close)) {
    const subsetEnd = text.indexOf(']', bracket);
    end = subsetEnd === -1 ? -1 : text.indexOf('>', subsetEnd);
  }
  const doctype = text.slice(start, end === -1 ? text.length : end + 1);
  const line = lineAt(text, start);
  if (/<!ENTITY/i.test(doctype)) {
    throw new ImportError(`refused: the file declares XML entities in its DOCTYPE (line ${line}); entity expansion is off for safety (entity bombs, external entities), and ReqIF files need none`);
  }
  if (/\b(SYSTEM|PUBLIC)\b/.test(doctype)) {
    throw new ImportError(`refused: the file's DOCTYPE names an external DTD (line ${line}); external resources are never read`);
  }
}

const TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^>[]|\[[^\]]*\])*>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/** Checks that the markup is complete and balanced; names the first problem with its line. */
export function checkComplete(text: string, what: string): void {
  const open: { name: string; at: number }[] = [];
  let last = 0;
  let rootSeen = false;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    const gap = text.slice(last, m.index);
    const stray = gap.indexOf('<');
    if (stray !== -1) throw incomplete(text, last + stray, what, 'a tag is not closed with >');
    last = TAG.lastIndex;
    const name = m[2];
    if (name === undefined) continue;
    if (m[1] === '/') {
      const top = open.pop();
      if (!top) throw incomplete(text, m.index, what, `</${name}> closes nothing`);
      if (top.name !== name) throw incomplete(text, m.index, what, `</${name}> where </${top.name}> (opened on line ${lineAt(text, top.at)}) was expected`);
    } else {
      if (open.length === 0 && rootSeen) throw incomplete(text, m.index, what, `a second root element <${name}>`);
      rootSeen = true;
      if (m[4] !== '/') open.push({ name, at: m.index });
    }
  }
  const tail = text.slice(last);
  if (tail.includes('<')) throw incomplete(text, last + tail.indexOf('<'), what, 'the file ends inside a tag');
  const top = open[open.length - 1];
  if (top) throw incomplete(text, text.length, what, `<${top.name}> (opened on line ${lineAt(text, top.at)}) is never closed`);
  if (!rootSeen) throw new ImportError(`not a ${what} file: it has no XML element`);
}

function incomplete(text: string, offset: number, what: string, why: string): ImportError {
  return new ImportError(`not a complete ${what} file: line ${lineAt(text, offset)}: ${why}`);
}

type FxpNode = Record<string, unknown>;

function toTree(nodes: readonly FxpNode[], out: XmlNode[]): void {
  for (const node of nodes) {
    for (const key of Object.keys(node)) {
      if (key === ':@') continue;
      const value = node[key];
      if (key === '#text') {
        out.push(decodeEntities(String(value)));
        continue;
      }
      if (key.startsWith('?') || key.startsWith('!')) continue;
      const attrs: Record<string, string> = {};
      const raw = node[':@'] as Record<string, unknown> | undefined;
      if (raw) for (const [k, v] of Object.entries(raw)) attrs[k] = decodeEntities(String(v));
      const element: XmlElement = { name: key, attrs, children: [] };
      if (Array.isArray(value)) toTree(value as FxpNode[], element.children);
      out.push(element);
    }
  }
}

/** Parses `text` (already checked) into its root element. */
export function parseXml(text: string, what: string): XmlElement {
  if (text.trim() === '') throw new ImportError(`the file is empty: not a ${what} file`);
  refuseUnsafeDoctype(text);
  checkComplete(text, what);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  let parsed: FxpNode[];
  try {
    parsed = parser.parse(text) as FxpNode[];
  } catch (err) {
    throw new ImportError(`not a well-formed ${what} file: ${err instanceof Error ? err.message : String(err)}`);
  }
  const roots: XmlNode[] = [];
  toTree(parsed, roots);
  const root = roots.find((n): n is XmlElement => typeof n !== 'string');
  if (!root) throw new ImportError(`not a ${what} file: it has no XML element`);
  return root;
}

/** The element children of `element` named `name`. */
export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  if (!element) return [];
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

export function childNamed(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** All text inside `element`, concatenated. */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return '';
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
