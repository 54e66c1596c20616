// Reading XML safely into a small element tree: refuses DOCTYPEs that declare entities or name an
// external DTD (billion laughs, file:///etc/passwd) before any parsing, then builds the tree in one
// linear pass over the tags, naming the line where a truncated or unbalanced file breaks. No entity is
// ever expanded: the five predefined ones and character references are decoded, any other stays text.
// One pass building one tree keeps the memory churn of a large import low.
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

// Sticky: tried only where a `<` is, so a file full of unclosed `<` fails at the first one instead of
// rescanning the rest of the file from each of them.
const TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^>[]|\[[^\]]*\])*>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/y;

/**
 * Builds the element tree in one pass over the tags, checking on the way that the markup is complete
 * and balanced; the first problem is named with its line. Comments, processing instructions and the
 * DOCTYPE are skipped; CDATA is text. Whitespace between elements is dropped except inside attribute
 * values' rich text (THE-VALUE, THE-ORIGINAL-VALUE), where it separates words.
 */
function buildTree(text: string, what: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: { element: XmlElement; at: number }[] = [{ element: root, at: 0 }];
  let richDepth = 0;
  let last = 0;
  let rootSeen = false;
  for (let next = text.indexOf('<'); next !== -1; next = text.indexOf('<', last)) {
    TAG.lastIndex = next;
    const m = TAG.exec(text);
    if (!m) throw incomplete(text, next, what, text.indexOf('>', next) === -1 ? 'the file ends inside a tag' : 'a tag is not closed with >');
    const top = stack[stack.length - 1] as { element: XmlElement; at: number };
    if (next > last) {
      const gap = text.slice(last, next);
      if (stack.length > 1 && (richDepth > 0 || gap.trim() !== '')) top.element.children.push(decodeEntities(gap));
    }
    last = TAG.lastIndex;
    const name = m[2];
    if (name === undefined) {
      if (m[0].startsWith('<![CDATA[') && stack.length > 1) top.element.children.push(m[0].slice(9, -3));
      continue;
    }
    const local = localName(name);
    if (m[1] === '/') {
      if (stack.length === 1) throw incomplete(text, m.index, what, `</${name}> closes nothing`);
      if (top.element.name !== local) throw incomplete(text, m.index, what, `</${name}> where </${top.element.name}> (opened on line ${lineAt(text, top.at)}) was expected`);
      stack.pop();
      if (local === 'THE-VALUE' || local === 'THE-ORIGINAL-VALUE') richDepth--;
      continue;
    }
    if (stack.length === 1 && rootSeen) throw incomplete(text, m.index, what, `a second root element <${name}>`);
    rootSeen = true;
    const element: XmlElement = { name: local, attrs: attributes(m[3] ?? ''), children: [] };
    top.element.children.push(element);
    if (m[4] !== '/') {
      stack.push({ element, at: m.index });
      if (local === 'THE-VALUE' || local === 'THE-ORIGINAL-VALUE') richDepth++;
    }
  }
  const open = stack[stack.length - 1] as { element: XmlElement; at: number };
  if (stack.length > 1) throw incomplete(text, text.length, what, `<${open.element.name}> (opened on line ${lineAt(text, open.at)}) is never closed`);
  const first = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!first) throw new ImportError(`not a ${what} file: it has no XML element`);
  return first;
}

/** `reqif:SPEC-OBJECT` -> `SPEC-OBJECT`: ReqIF files use a prefix, the default namespace, or none. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (source.trim() === '') return attrs;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(source); m; m = ATTRIBUTE.exec(source)) {
    const name = m[1] as string;
    // Namespace declarations are not attributes of the content.
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    attrs[localName(name)] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return attrs;
}

/** Checks that the markup is complete and balanced (the tree is built and dropped). */
export function checkComplete(text: string, what: string): void {
  buildTree(text, what);
}

function incomplete(text: string, offset: number, what: string, why: string): ImportError {
  return new ImportError(`not a complete ${what} file: line ${lineAt(text, offset)}: ${why}`);
}

/**
 * Parses `text` into its root element. Only the five predefined entities and character references are
 * decoded; a DOCTYPE declaring entities or naming an external DTD is refused before anything else.
 */
export function parseXml(text: string, what: string): XmlElement {
  if (text.trim() === '') throw new ImportError(`the file is empty: not a ${what} file`);
  refuseUnsafeDoctype(text);
  return buildTree(text, what);
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
