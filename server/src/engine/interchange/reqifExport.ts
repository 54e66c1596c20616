// Spec files to ReqIF 1.0 XML (valid against the OMG schema): one SPECIFICATION per product (and one
// per spec file without a product), a SPEC-OBJECT per requirement and roadmap item with typed
// attributes (ReqIF.ForeignID / ReqIF.Name / ReqIF.Text from the Implementation Guide, the rest
// Spectrace.<field>), the parent hierarchy as nested SPEC-HIERARCHY, and SPEC-RELATIONs for
// depends_on, the roadmap link, parents across specifications and (optionally) code locations.
// Deterministic: identifiers derive from the IDs, dates come from the caller, order from the input.
import { PRIORITIES, REQUIREMENT_STATUSES, REQUIREMENT_TYPES, ROADMAP_STATUSES, ROADMAP_TYPES } from '../../shared/schemaOrder';
import type { PlainItem } from './importModel';
import { escapeXml, textToXhtml } from './xhtmlText';
import { REQIF_NAMES } from './reqifNames';

export interface ExportSpecFile {
  /** Workspace-relative path with `/` separators. */
  path: string;
  product: string | undefined;
  /** When the file last changed, as an ISO date-time (its last commit, or its modification time). */
  lastChange: string;
  requirements: readonly PlainItem[];
  roadmap: readonly PlainItem[];
}

export interface ExportCodeLink {
  requirementId: string;
  kind: 'implements' | 'verifies';
  /** Workspace-relative path and 1-based line. */
  file: string;
  line: number;
}

export interface ExportInput {
  title: string;
  toolId: string;
  files: readonly ExportSpecFile[];
  codeLinks?: readonly ExportCodeLink[];
}

/** An NCName (what xsd:ID allows) derived from `text`, injective: characters outside [A-Za-z0-9.-] become _xHH_. */
export function xmlId(prefix: string, text: string): string {
  let out = '';
  for (const ch of text) out += /[A-Za-z0-9.-]/.test(ch) ? ch : `_x${ch.codePointAt(0)?.toString(16).toUpperCase() ?? ''}_`;
  return `${prefix}${out}`;
}

interface AttributeDef {
  id: string;
  name: string;
  field: string;
  kind: 'STRING' | 'XHTML' | 'ENUMERATION' | 'DATE' | 'REAL';
  datatype: string;
}

const DT_STRING = 'dt-string';
const DT_XHTML = 'dt-xhtml';
const DT_DATE = 'dt-date';
const DT_REAL = 'dt-real';

function enumDatatype(name: string, values: readonly string[]): { id: string; name: string; values: readonly string[] } {
  return { id: `dt-enum-${name}`, name: `Spectrace ${name.replace('-', ' ')}`, values };
}

const ENUM_TYPES = [
  enumDatatype('type', REQUIREMENT_TYPES),
  enumDatatype('priority', PRIORITIES),
  enumDatatype('status', REQUIREMENT_STATUSES),
  enumDatatype('roadmap-type', ROADMAP_TYPES),
  enumDatatype('roadmap-status', ROADMAP_STATUSES),
  enumDatatype('source-kind', ['customer', 'market', 'competitor', 'internal', 'regulatory']),
];

function attr(owner: string, field: string, kind: AttributeDef['kind'], datatype: string): AttributeDef {
  const name = REQIF_NAMES[field] ?? `Spectrace.${field}`;
  return { id: `ad-${owner}-${field.replace(/[^A-Za-z0-9.-]/g, '-')}`, name, field, kind, datatype };
}

const REQUIREMENT_ATTRS: AttributeDef[] = [
  attr('req', 'id', 'STRING', DT_STRING),
  attr('req', 'title', 'STRING', DT_STRING),
  attr('req', 'description', 'XHTML', DT_XHTML),
  attr('req', 'type', 'ENUMERATION', 'dt-enum-type'),
  attr('req', 'priority', 'ENUMERATION', 'dt-enum-priority'),
  attr('req', 'status', 'ENUMERATION', 'dt-enum-status'),
  attr('req', 'owner', 'STRING', DT_STRING),
  attr('req', 'source.kind', 'ENUMERATION', 'dt-enum-source-kind'),
  attr('req', 'source.ref', 'STRING', DT_STRING),
  attr('req', 'acceptance', 'XHTML', DT_XHTML),
  attr('req', 'tags', 'STRING', DT_STRING),
  attr('req', 'estimate', 'REAL', DT_REAL),
  attr('req', 'coverage_exempt', 'STRING', DT_STRING),
];

const ROADMAP_ATTRS: AttributeDef[] = [
  attr('rm', 'id', 'STRING', DT_STRING),
  attr('rm', 'title', 'STRING', DT_STRING),
  attr('rm', 'description', 'XHTML', DT_XHTML),
  { ...attr('rm', 'type', 'ENUMERATION', 'dt-enum-roadmap-type') },
  { ...attr('rm', 'status', 'ENUMERATION', 'dt-enum-roadmap-status') },
  attr('rm', 'start', 'DATE', DT_DATE),
  attr('rm', 'due', 'DATE', DT_DATE),
  attr('rm', 'owner', 'STRING', DT_STRING),
];

const CODE_ATTRS: AttributeDef[] = [attr('code', 'title', 'STRING', DT_STRING), attr('code', 'kind', 'STRING', DT_STRING)];

/** Type names the importer recognises to read a Spectrace export back without guessing. */
export const SPECTRACE_TYPES = { requirement: 'Spectrace requirement', roadmap: 'Spectrace roadmap item', code: 'Spectrace code location' } as const;
export const SPECTRACE_RELATIONS = { depends_on: 'Spectrace.depends_on', roadmap: 'Spectrace.roadmap', parent: 'Spectrace.parent', implements: 'Spectrace.implements', verifies: 'Spectrace.verifies' } as const;

class Writer {
  private readonly parts: string[] = [];
  line(depth: number, text: string): void {
    this.parts.push(`${'  '.repeat(depth)}${text}\n`);
  }
  toString(): string {
    return this.parts.join('');
  }
}

/** An attribute; line breaks and tabs as character references, which attribute-value normalisation keeps. */
function a(name: string, value: string): string {
  return ` ${name}="${escapeXml(value).replace(/[\n\r\t]/g, (c) => `&#${c.charCodeAt(0)};`)}"`;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Acceptance criteria as an XHTML list: scalars and `{id, text}` mappings; an empty `-` or a nested list is left out. */
function acceptanceXhtml(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const items = value.flatMap((c: unknown) => {
    const plain = scalarText(c);
    if (plain !== undefined) return [`<xhtml:li>${escapeXml(plain)}</xhtml:li>`];
    if (c === null || typeof c !== 'object' || Array.isArray(c)) return [];
    const entry = c as { id?: unknown; text?: unknown };
    const id = scalarText(entry.id) ?? '';
    const text = scalarText(entry.text) ?? '';
    return [`<xhtml:li><xhtml:b>${escapeXml(id)}</xhtml:b> ${escapeXml(text)}</xhtml:li>`];
  });
  return items.length === 0 ? undefined : `<xhtml:div><xhtml:ul>${items.join('')}</xhtml:ul></xhtml:div>`;
}

/** A date (YAML may have parsed `2026-01-05` to text or a Date) as an xsd:dateTime, or undefined. */
function dateTime(value: unknown): string | undefined {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : scalarText(value);
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  return `${text}T00:00:00Z`;
}

function fieldValue(item: PlainItem, field: string): unknown {
  if (field.startsWith('source.')) {
    const source = item.source as Record<string, unknown> | undefined;
    return typeof source === 'object' && source !== null ? source[field.slice(7)] : undefined;
  }
  return item[field];
}

function writeValue(w: Writer, depth: number, def: AttributeDef, item: PlainItem): void {
  const raw = fieldValue(item, def.field);
  if (raw === undefined || raw === null) return;
  const ref = `<ATTRIBUTE-DEFINITION-${def.kind}-REF>${def.id}</ATTRIBUTE-DEFINITION-${def.kind}-REF>`;
  switch (def.kind) {
    case 'STRING': {
      const text = def.field === 'tags' && Array.isArray(raw) ? raw.map((t) => scalarText(t) ?? '').join(', ') : scalarText(raw);
      if (text === undefined) return;
      w.line(depth, `<ATTRIBUTE-VALUE-STRING${a('THE-VALUE', text)}><DEFINITION>${ref}</DEFINITION></ATTRIBUTE-VALUE-STRING>`);
      return;
    }
    case 'XHTML': {
      const xhtml = def.field === 'acceptance' ? acceptanceXhtml(raw) : typeof raw === 'string' && raw.trim() !== '' ? textToXhtml(raw) : undefined;
      if (xhtml === undefined) return;
      w.line(depth, `<ATTRIBUTE-VALUE-XHTML><DEFINITION>${ref}</DEFINITION><THE-VALUE>${xhtml}</THE-VALUE></ATTRIBUTE-VALUE-XHTML>`);
      return;
    }
    case 'ENUMERATION': {
      const text = scalarText(raw);
      const datatype = ENUM_TYPES.find((d) => d.id === def.datatype);
      if (text === undefined || !datatype?.values.includes(text)) return;
      w.line(depth, `<ATTRIBUTE-VALUE-ENUMERATION><DEFINITION>${ref}</DEFINITION><VALUES><ENUM-VALUE-REF>${datatype.id}-${text}</ENUM-VALUE-REF></VALUES></ATTRIBUTE-VALUE-ENUMERATION>`);
      return;
    }
    case 'DATE': {
      const text = dateTime(raw);
      if (text === undefined) return;
      w.line(depth, `<ATTRIBUTE-VALUE-DATE${a('THE-VALUE', text)}><DEFINITION>${ref}</DEFINITION></ATTRIBUTE-VALUE-DATE>`);
      return;
    }
    case 'REAL': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return;
      w.line(depth, `<ATTRIBUTE-VALUE-REAL${a('THE-VALUE', String(raw))}><DEFINITION>${ref}</DEFINITION></ATTRIBUTE-VALUE-REAL>`);
      return;
    }
  }
}

interface Placed {
  item: PlainItem;
  kind: 'requirement' | 'roadmap';
  objectId: string;
  lastChange: string;
  spec: string;
}

interface Specification {
  id: string;
  name: string;
  lastChange: string;
  roots: Placed[];
}

function itemId(item: PlainItem): string | undefined {
  return typeof item.id === 'string' && item.id.trim() !== '' ? item.id.trim() : undefined;
}

/** `PAY-1@3` → the ID and the revision the link was reviewed against (change review); `PAY-1` → no revision. */
function splitRev(ref: string): { id: string; rev: string | undefined } {
  const at = /^(.*)@(\d+)$/.exec(ref);
  return at ? { id: at[1], rev: at[2] } : { id: ref, rev: undefined };
}

function refList(value: unknown): string[] {
  if (typeof value === 'string') return [value.trim()];
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string').map((v) => v.trim());
}

export function exportReqif(input: ExportInput): string {
  const latest = input.files.reduce((max, f) => (f.lastChange > max ? f.lastChange : max), '1970-01-01T00:00:00Z');
  const objects: Placed[] = [];
  const byReq = new Map<string, Placed>();
  const byRoadmap = new Map<string, Placed>();
  const specs = new Map<string, Specification>();
  for (const file of input.files) {
    const key = file.product !== undefined ? `product:${file.product}` : `file:${file.path}`;
    let spec = specs.get(key);
    if (!spec) {
      spec = { id: xmlId('spec-', key), name: file.product ?? file.path, lastChange: file.lastChange, roots: [] };
      specs.set(key, spec);
    }
    if (file.lastChange > spec.lastChange) spec.lastChange = file.lastChange;
    for (const [kind, items, table, prefix] of [
      ['requirement', file.requirements, byReq, 'req-'],
      ['roadmap', file.roadmap, byRoadmap, 'rm-'],
    ] as const) {
      for (const item of items) {
        const id = itemId(item);
        // Items without an ID, and later duplicates, have no stable identity: `spectrace check` reports them.
        if (id === undefined || table.has(id)) continue;
        const placed: Placed = { item, kind, objectId: xmlId(prefix, id), lastChange: file.lastChange, spec: key };
        table.set(id, placed);
        objects.push(placed);
      }
    }
  }

  // The hierarchy: children under their parent when it is in the same specification; else a root
  // (and, for a requirement, a parent relation across specifications).
  const children = new Map<Placed, Placed[]>();
  const crossParents: [Placed, Placed][] = [];
  for (const placed of objects) {
    const parentId = typeof placed.item.parent === 'string' ? splitRev(placed.item.parent.trim()).id : undefined;
    const parent = parentId === undefined ? undefined : (placed.kind === 'requirement' ? byReq : byRoadmap).get(parentId);
    if (parent && parent !== placed && parent.spec === placed.spec && !isAncestor(placed, parent, children)) {
      const list = children.get(parent) ?? [];
      list.push(placed);
      children.set(parent, list);
      continue;
    }
    if (parent && parent !== placed) crossParents.push([placed, parent]);
    specs.get(placed.spec)?.roots.push(placed);
  }

  // A link's reviewed revision (`SRCH-4@2`) travels as the relation's LONG-NAME, which the import reads back.
  const relations: { id: string; type: string; source: string; target: string; lastChange: string; longName?: string }[] = [];
  for (const placed of objects) {
    if (placed.kind !== 'requirement') continue;
    const id = itemId(placed.item) ?? '';
    for (const dep of refList(placed.item.depends_on)) {
      const { id: depId, rev } = splitRev(dep);
      const target = byReq.get(depId);
      if (target) relations.push({ id: xmlId('rel-dep-', `${id}--${depId}`), type: 'depends_on', source: placed.objectId, target: target.objectId, lastChange: placed.lastChange, ...(rev ? { longName: dep } : {}) });
    }
    const roadmapId = typeof placed.item.roadmap === 'string' ? placed.item.roadmap.trim() : undefined;
    const roadmapItem = roadmapId === undefined ? undefined : byRoadmap.get(roadmapId);
    if (roadmapItem) relations.push({ id: xmlId('rel-rm-', id), type: 'roadmap', source: placed.objectId, target: roadmapItem.objectId, lastChange: placed.lastChange });
  }
  for (const [child, parent] of crossParents) {
    relations.push({ id: xmlId('rel-parent-', `${child.kind}-${itemId(child.item) ?? ''}`), type: 'parent', source: child.objectId, target: parent.objectId, lastChange: child.lastChange });
  }
  const codeObjects: { id: string; title: string; kind: string }[] = [];
  for (const link of input.codeLinks ?? []) {
    const target = byReq.get(link.requirementId);
    if (!target) continue;
    const location = `${link.file}:${link.line}`;
    const objectId = xmlId('code-', location);
    if (!codeObjects.some((c) => c.id === objectId)) codeObjects.push({ id: objectId, title: location, kind: link.kind });
    relations.push({ id: xmlId(`rel-${link.kind}-`, `${location}--${link.requirementId}`), type: link.kind, source: objectId, target: target.objectId, lastChange: latest });
  }
  const seenRelations = new Set<string>();

  const w = new Writer();
  w.line(0, '<?xml version="1.0" encoding="UTF-8"?>');
  w.line(0, '<REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd" xmlns:xhtml="http://www.w3.org/1999/xhtml">');
  w.line(1, '<THE-HEADER>');
  w.line(2, '<REQ-IF-HEADER IDENTIFIER="header">');
  w.line(3, `<CREATION-TIME>${latest}</CREATION-TIME>`);
  w.line(3, `<REQ-IF-TOOL-ID>${escapeXml(input.toolId)}</REQ-IF-TOOL-ID>`);
  w.line(3, '<REQ-IF-VERSION>1.0</REQ-IF-VERSION>');
  w.line(3, `<SOURCE-TOOL-ID>${escapeXml(input.toolId)}</SOURCE-TOOL-ID>`);
  w.line(3, `<TITLE>${escapeXml(input.title)}</TITLE>`);
  w.line(2, '</REQ-IF-HEADER>');
  w.line(1, '</THE-HEADER>');
  w.line(1, '<CORE-CONTENT>');
  w.line(2, '<REQ-IF-CONTENT>');

  w.line(3, '<DATATYPES>');
  w.line(4, `<DATATYPE-DEFINITION-STRING${a('IDENTIFIER', DT_STRING)}${a('LAST-CHANGE', latest)}${a('LONG-NAME', 'Text')}${a('MAX-LENGTH', '100000')}/>`);
  w.line(4, `<DATATYPE-DEFINITION-XHTML${a('IDENTIFIER', DT_XHTML)}${a('LAST-CHANGE', latest)}${a('LONG-NAME', 'Rich text')}/>`);
  w.line(4, `<DATATYPE-DEFINITION-DATE${a('IDENTIFIER', DT_DATE)}${a('LAST-CHANGE', latest)}${a('LONG-NAME', 'Date')}/>`);
  w.line(4, `<DATATYPE-DEFINITION-REAL${a('IDENTIFIER', DT_REAL)}${a('LAST-CHANGE', latest)}${a('LONG-NAME', 'Number')}${a('ACCURACY', '6')}${a('MAX', '1.0E9')}${a('MIN', '0')}/>`);
  for (const dt of ENUM_TYPES) {
    w.line(4, `<DATATYPE-DEFINITION-ENUMERATION${a('IDENTIFIER', dt.id)}${a('LAST-CHANGE', latest)}${a('LONG-NAME', dt.name)}>`);
    w.line(5, '<SPECIFIED-VALUES>');
    dt.values.forEach((value, index) => {
      w.line(6, `<ENUM-VALUE${a('IDENTIFIER', `${dt.id}-${value}`)}${a('LAST-CHANGE', latest)}${a('LONG-NAME', value)}><PROPERTIES><EMBEDDED-VALUE${a('KEY', String(index))}${a('OTHER-CONTENT', value)}/></PROPERTIES></ENUM-VALUE>`);
    });
    w.line(5, '</SPECIFIED-VALUES>');
    w.line(4, '</DATATYPE-DEFINITION-ENUMERATION>');
  }
  w.line(3, '</DATATYPES>');

  w.line(3, '<SPEC-TYPES>');
  const objectType = (id: string, name: string, defs: AttributeDef[]): void => {
    w.line(4, `<SPEC-OBJECT-TYPE${a('IDENTIFIER', id)}${a('LAST-CHANGE', latest)}${a('LONG-NAME', name)}>`);
    w.line(5, '<SPEC-ATTRIBUTES>');
    for (const def of defs) {
      const multi = def.kind === 'ENUMERATION' ? a('MULTI-VALUED', 'false') : '';
      w.line(6, `<ATTRIBUTE-DEFINITION-${def.kind}${a('IDENTIFIER', def.id)}${a('LAST-CHANGE', latest)}${a('LONG-NAME', def.name)}${multi}><TYPE><DATATYPE-DEFINITION-${def.kind}-REF>${def.datatype}</DATATYPE-DEFINITION-${def.kind}-REF></TYPE></ATTRIBUTE-DEFINITION-${def.kind}>`);
    }
    w.line(5, '</SPEC-ATTRIBUTES>');
    w.line(4, '</SPEC-OBJECT-TYPE>');
  };
  objectType('sot-requirement', SPECTRACE_TYPES.requirement, REQUIREMENT_ATTRS);
  objectType('sot-roadmap', SPECTRACE_TYPES.roadmap, ROADMAP_ATTRS);
  if (codeObjects.length > 0) objectType('sot-code', SPECTRACE_TYPES.code, CODE_ATTRS);
  const relationTypes = Object.entries(SPECTRACE_RELATIONS).filter(([key]) => relations.some((r) => r.type === key));
  for (const [key, name] of relationTypes) w.line(4, `<SPEC-RELATION-TYPE${a('IDENTIFIER', `srt-${key.replace('_', '-')}`)}${a('LAST-CHANGE', latest)}${a('LONG-NAME', name)}/>`);
  w.line(4, `<SPECIFICATION-TYPE${a('IDENTIFIER', 'st-spec')}${a('LAST-CHANGE', latest)}${a('LONG-NAME', 'Spectrace specification')}/>`);
  w.line(3, '</SPEC-TYPES>');

  w.line(3, '<SPEC-OBJECTS>');
  for (const placed of objects) {
    const defs = placed.kind === 'requirement' ? REQUIREMENT_ATTRS : ROADMAP_ATTRS;
    const title = scalarText(placed.item.title);
    w.line(4, `<SPEC-OBJECT${a('IDENTIFIER', placed.objectId)}${a('LAST-CHANGE', placed.lastChange)}${title !== undefined ? a('LONG-NAME', title) : ''}>`);
    w.line(5, '<VALUES>');
    for (const def of defs) writeValue(w, 6, def, placed.item);
    w.line(5, '</VALUES>');
    w.line(5, `<TYPE><SPEC-OBJECT-TYPE-REF>${placed.kind === 'requirement' ? 'sot-requirement' : 'sot-roadmap'}</SPEC-OBJECT-TYPE-REF></TYPE>`);
    w.line(4, '</SPEC-OBJECT>');
  }
  for (const code of codeObjects) {
    w.line(4, `<SPEC-OBJECT${a('IDENTIFIER', code.id)}${a('LAST-CHANGE', latest)}${a('LONG-NAME', code.title)}>`);
    w.line(5, '<VALUES>');
    for (const def of CODE_ATTRS) writeValue(w, 6, def, { title: code.title, kind: code.kind });
    w.line(5, '</VALUES>');
    w.line(5, '<TYPE><SPEC-OBJECT-TYPE-REF>sot-code</SPEC-OBJECT-TYPE-REF></TYPE>');
    w.line(4, '</SPEC-OBJECT>');
  }
  w.line(3, '</SPEC-OBJECTS>');

  if (relations.length > 0) {
    w.line(3, '<SPEC-RELATIONS>');
    for (const r of relations) {
      if (seenRelations.has(r.id)) continue;
      seenRelations.add(r.id);
      w.line(4, `<SPEC-RELATION${a('IDENTIFIER', r.id)}${a('LAST-CHANGE', r.lastChange)}${r.longName ? a('LONG-NAME', r.longName) : ''}>`);
      w.line(5, `<SOURCE><SPEC-OBJECT-REF>${r.source}</SPEC-OBJECT-REF></SOURCE>`);
      w.line(5, `<TARGET><SPEC-OBJECT-REF>${r.target}</SPEC-OBJECT-REF></TARGET>`);
      w.line(5, `<TYPE><SPEC-RELATION-TYPE-REF>srt-${r.type.replace('_', '-')}</SPEC-RELATION-TYPE-REF></TYPE>`);
      w.line(4, '</SPEC-RELATION>');
    }
    w.line(3, '</SPEC-RELATIONS>');
  }

  w.line(3, '<SPECIFICATIONS>');
  for (const spec of specs.values()) {
    w.line(4, `<SPECIFICATION${a('IDENTIFIER', spec.id)}${a('LAST-CHANGE', spec.lastChange)}${a('LONG-NAME', spec.name)}>`);
    w.line(5, '<TYPE><SPECIFICATION-TYPE-REF>st-spec</SPECIFICATION-TYPE-REF></TYPE>');
    if (spec.roots.length > 0) {
      w.line(5, '<CHILDREN>');
      for (const root of spec.roots) writeHierarchy(w, 6, root, children, spec.id);
      w.line(5, '</CHILDREN>');
    }
    w.line(4, '</SPECIFICATION>');
  }
  w.line(3, '</SPECIFICATIONS>');
  w.line(2, '</REQ-IF-CONTENT>');
  w.line(1, '</CORE-CONTENT>');
  w.line(0, '</REQ-IF>');
  return w.toString();
}

function isAncestor(candidate: Placed, of: Placed, children: Map<Placed, Placed[]>): boolean {
  // A parent cycle (reported by `spectrace check`) must not nest an item inside itself.
  const stack = [candidate];
  const seen = new Set<Placed>();
  while (stack.length > 0) {
    const next = stack.pop() as Placed;
    if (next === of) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(children.get(next) ?? []));
  }
  return false;
}

function writeHierarchy(w: Writer, depth: number, placed: Placed, children: Map<Placed, Placed[]>, specId: string): void {
  const kids = children.get(placed) ?? [];
  const id = `h-${placed.objectId}`;
  w.line(depth, `<SPEC-HIERARCHY${a('IDENTIFIER', id)}${a('LAST-CHANGE', placed.lastChange)}>`);
  w.line(depth + 1, `<OBJECT><SPEC-OBJECT-REF>${placed.objectId}</SPEC-OBJECT-REF></OBJECT>`);
  if (kids.length > 0) {
    w.line(depth + 1, '<CHILDREN>');
    for (const kid of kids) writeHierarchy(w, depth + 2, kid, children, specId);
    w.line(depth + 1, '</CHILDREN>');
  }
  w.line(depth, '</SPEC-HIERARCHY>');
}
