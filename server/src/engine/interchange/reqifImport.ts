// ReqIF XML to Spectrace items, leniently: files from real tools break the schema in small ways
// (identifiers starting with digits, no LAST-CHANGE, no header, vendor extensions, an older
// namespace), and are read by local element names. Attributes map by the Implementation Guide names,
// `Spectrace.<field>`, a mapping file, or a printed best guess; the hierarchy becomes `parent`,
// relations `depends_on` (or what their type says); whatever does not map is kept under `x-reqif`.
import { ImportError } from './importError';
import type { ExistingItems, ImportResult, PlainItem } from './importModel';
import { WarningList, idAllocator, isUsableId } from './importModel';
import type { EnumField, ImportMapping } from './mapping';
import { mapEnumValue } from './mapping';
import { KNOWN_ATTRIBUTES } from './reqifNames';
import { SPECTRACE_RELATIONS, SPECTRACE_TYPES } from './reqifExport';
import { xhtmlToText } from './xhtmlText';
import type { XmlElement } from './xmlTree';
import { childNamed, childrenNamed, parseXml } from './xmlTree';

export interface ReqifImportOptions {
  mapping: ImportMapping;
  existing: ExistingItems;
  /** Prefix for IDs the file does not give in a usable form. */
  prefix: string;
}

const REQIF_NAMESPACE = 'http://www.omg.org/spec/ReqIF/20110401/reqif.xsd';

interface AttributeDefinition {
  name: string;
  kind: string;
  /** ENUMERATION: the datatype's identifier. */
  datatype: string | undefined;
}

interface ObjectValue {
  definition: AttributeDefinition | undefined;
  definitionRef: string;
  value: string | string[];
  objects: number;
}

interface ReqifObject {
  identifier: string;
  longName: string | undefined;
  typeName: string | undefined;
  values: ObjectValue[];
}

const GUESSES: [RegExp, string][] = [
  [/(^|[^a-z])(id|identifier|key|number|foreignid)$/i, 'id'],
  [/(title|name|heading|summary|caption)/i, 'title'],
  [/(text|description|content|body)/i, 'description'],
  [/priority/i, 'priority'],
  [/(status|state)/i, 'status'],
  [/(owner|assignee|responsible|author)/i, 'owner'],
];

const FIELD_NAMES = new Set(['id', 'title', 'type', 'priority', 'status', 'owner', 'description', 'acceptance', 'tags', 'estimate', 'coverage_exempt', 'start', 'due', 'source.kind', 'source.ref']);

function attrOf(element: XmlElement, name: string): string | undefined {
  const value = element.attrs[name];
  return value === undefined ? undefined : value;
}

function refText(element: XmlElement | undefined): string {
  if (!element) return '';
  for (const c of element.children) {
    if (typeof c !== 'string') return refText(c);
  }
  return element.children.join('').trim();
}

export function importReqif(text: string, options: ReqifImportOptions): ImportResult {
  const root = parseXml(text, 'ReqIF');
  if (root.name !== 'REQ-IF') throw new ImportError(`not a ReqIF file: the root element is <${root.name}>, expected <REQ-IF>`);
  const warnings = new WarningList();
  const mappingLines: string[] = [];
  const namespace = rootNamespace(text);
  if (namespace !== REQIF_NAMESPACE) warnings.add(`the file's namespace is ${namespace ? `'${namespace}'` : 'missing'}, not ReqIF 1.0's '${REQIF_NAMESPACE}': read by element names`);
  const header = childNamed(childNamed(root, 'THE-HEADER'), 'REQ-IF-HEADER');
  if (!header) warnings.add('the file has no THE-HEADER/REQ-IF-HEADER (schema-invalid): read without it');
  const version = header ? refText(childNamed(header, 'REQ-IF-VERSION')) : '';
  if (header && version !== '1.0') warnings.add(`REQ-IF-VERSION is '${version}' (the schema fixes 1.0): read as 1.0`);
  const toolId = header ? refText(childNamed(header, 'SOURCE-TOOL-ID')) || refText(childNamed(header, 'REQ-IF-TOOL-ID')) : '';
  const content = childNamed(childNamed(root, 'CORE-CONTENT'), 'REQ-IF-CONTENT');
  const objectElements = childrenNamed(childNamed(content, 'SPEC-OBJECTS'), 'SPEC-OBJECT');
  if (objectElements.length === 0) {
    const elsewhere = countNamed(root, 'SPEC-OBJECT');
    throw new ImportError(
      elsewhere > 0
        ? `not a usable ReqIF file: no SPEC-OBJECT under CORE-CONTENT/REQ-IF-CONTENT/SPEC-OBJECTS (${elsewhere} SPEC-OBJECT element${elsewhere === 1 ? '' : 's'} elsewhere, where ReqIF does not place them)`
        : 'the ReqIF file has no requirements: no SPEC-OBJECT under CORE-CONTENT/REQ-IF-CONTENT/SPEC-OBJECTS',
    );
  }

  // Datatypes and types.
  const enumValues = new Map<string, string>();
  for (const dt of childrenNamed(childNamed(content, 'DATATYPES'), 'DATATYPE-DEFINITION-ENUMERATION')) {
    for (const ev of childrenNamed(childNamed(dt, 'SPECIFIED-VALUES'), 'ENUM-VALUE')) {
      const id = attrOf(ev, 'IDENTIFIER');
      if (id === undefined) continue;
      const other = childNamed(childNamed(ev, 'PROPERTIES'), 'EMBEDDED-VALUE')?.attrs['OTHER-CONTENT'];
      enumValues.set(id, attrOf(ev, 'LONG-NAME') ?? (other || id));
    }
  }
  const definitions = new Map<string, AttributeDefinition>();
  const objectTypes = new Map<string, string>();
  const relationTypes = new Map<string, string>();
  const specTypes = childNamed(content, 'SPEC-TYPES');
  for (const type of specTypes?.children ?? []) {
    if (typeof type === 'string') continue;
    const id = attrOf(type, 'IDENTIFIER') ?? '';
    const name = attrOf(type, 'LONG-NAME') ?? id;
    if (type.name === 'SPEC-OBJECT-TYPE') objectTypes.set(id, name);
    if (type.name === 'SPEC-RELATION-TYPE') relationTypes.set(id, name);
    for (const def of childNamed(type, 'SPEC-ATTRIBUTES')?.children ?? []) {
      if (typeof def === 'string' || !def.name.startsWith('ATTRIBUTE-DEFINITION-')) continue;
      const kind = def.name.slice('ATTRIBUTE-DEFINITION-'.length);
      const defId = attrOf(def, 'IDENTIFIER') ?? '';
      definitions.set(defId, { name: attrOf(def, 'LONG-NAME') ?? defId, kind, datatype: refText(childNamed(def, 'TYPE')) || undefined });
    }
  }

  // Objects.
  const objects = new Map<string, ReqifObject>();
  const duplicates = new Set<string>();
  let missingIdentifier = 0;
  for (const element of objectElements) {
    const identifier = attrOf(element, 'IDENTIFIER');
    if (identifier === undefined || identifier === '') {
      missingIdentifier++;
      continue;
    }
    if (objects.has(identifier)) {
      duplicates.add(identifier);
      continue;
    }
    const typeRef = refText(childNamed(element, 'TYPE'));
    const values: ObjectValue[] = [];
    for (const value of childNamed(element, 'VALUES')?.children ?? []) {
      if (typeof value === 'string' || !value.name.startsWith('ATTRIBUTE-VALUE-')) continue;
      const definitionRef = refText(childNamed(value, 'DEFINITION'));
      const definition = definitions.get(definitionRef);
      const kind = value.name.slice('ATTRIBUTE-VALUE-'.length);
      if (kind === 'XHTML') {
        const rich = xhtmlToText(childNamed(value, 'THE-VALUE')?.children ?? []);
        values.push({ definition, definitionRef, value: rich.text, objects: rich.objects });
      } else if (kind === 'ENUMERATION') {
        const refs = childrenNamed(childNamed(value, 'VALUES'), 'ENUM-VALUE-REF').map((r) => refText(r));
        values.push({ definition, definitionRef, value: refs.map((r) => enumValues.get(r) ?? r), objects: 0 });
      } else {
        values.push({ definition, definitionRef, value: value.attrs['THE-VALUE'] ?? refText(childNamed(value, 'THE-VALUE')), objects: 0 });
      }
    }
    objects.set(identifier, { identifier, longName: attrOf(element, 'LONG-NAME'), typeName: objectTypes.get(typeRef), values });
  }
  const shape = schemaDeviations(root);
  if (shape.missingLastChange > 0) warnings.add(`${shape.missingLastChange} element${shape.missingLastChange === 1 ? ' has' : 's have'} no LAST-CHANGE (schema-invalid): read without it`);
  if (shape.badIdentifiers > 0) warnings.add(`${shape.badIdentifiers} identifier${shape.badIdentifiers === 1 ? ' is' : 's are'} not XML names (schema-invalid, e.g. starting with a digit): read as written`);
  if (shape.badDates.length > 0) warnings.add(`${shape.badDates.length} date value${shape.badDates.length === 1 ? ' is' : 's are'} not dates (schema-invalid: ${[...new Set(shape.badDates)].slice(0, 3).map((d) => `'${d}'`).join(', ')}): kept as text under x-reqif`);
  for (const [identifier, count] of shape.duplicates) warnings.add(`duplicate identifier '${identifier}' on ${count} elements (schema-invalid): references to it are ambiguous; the first element was used`);
  if (missingIdentifier > 0) warnings.add(`${missingIdentifier} SPEC-OBJECT${missingIdentifier === 1 ? ' has' : 's have'} no IDENTIFIER: skipped`);
  for (const d of duplicates) warnings.add(`duplicate SPEC-OBJECT identifier '${d}': the first SPEC-OBJECT with it was read, the later ones skipped`);

  // Kinds: by the mapping's types, the Spectrace export's type names, else requirement.
  const kindOf = (o: ReqifObject): 'requirement' | 'roadmap' | 'ignore' | 'code' => {
    const configured = o.typeName !== undefined ? options.mapping.types.get(o.typeName.toLowerCase()) : undefined;
    if (configured === 'requirement' || configured === 'roadmap' || configured === 'ignore') return configured;
    if (o.typeName === SPECTRACE_TYPES.roadmap) return 'roadmap';
    if (o.typeName === SPECTRACE_TYPES.code) return 'code';
    return 'requirement';
  };

  // Field mapping per attribute name.
  const fieldByName = new Map<string, string>();
  const attributeNames = new Set<string>();
  for (const o of objects.values()) for (const v of o.values) attributeNames.add(v.definition?.name ?? v.definitionRef);
  const taken = new Set<string>();
  for (const name of [...attributeNames].sort()) {
    const lower = name.toLowerCase();
    const configured = options.mapping.fields.get(lower);
    if (configured !== undefined) {
      fieldByName.set(name, configured);
      mappingLines.push(`attribute '${name}' -> ${configured} (mapping file)`);
      continue;
    }
    const known = KNOWN_ATTRIBUTES[lower] ?? (lower.startsWith('spectrace.') && FIELD_NAMES.has(name.slice(10)) ? name.slice(10) : undefined);
    if (known !== undefined) {
      fieldByName.set(name, known);
      taken.add(known);
    }
  }
  const kindByName = new Map<string, string>();
  for (const def of definitions.values()) if (!kindByName.has(def.name)) kindByName.set(def.name, def.kind);
  for (const name of [...attributeNames].sort()) {
    if (fieldByName.has(name)) continue;
    let guess = GUESSES.find(([re, field]) => re.test(name) && !taken.has(field))?.[1];
    // No name says it: the first rich-text attribute is the description, the first text one the title.
    if (guess === undefined && kindByName.get(name) === 'XHTML' && !taken.has('description')) guess = 'description';
    if (guess === undefined && kindByName.get(name) === 'STRING' && !taken.has('title')) guess = 'title';
    if (guess !== undefined) {
      fieldByName.set(name, guess);
      taken.add(guess);
      mappingLines.push(`attribute '${name}' -> ${guess} (best guess; set it with --map)`);
    } else {
      fieldByName.set(name, 'x-reqif');
      mappingLines.push(`attribute '${name}' -> x-reqif (no Spectrace field; kept on each item)`);
    }
  }
  for (const [name, field] of [...fieldByName].filter(([, f]) => f !== 'x-reqif').sort()) {
    if (!mappingLines.some((l) => l.startsWith(`attribute '${name}'`))) mappingLines.push(`attribute '${name}' -> ${field}`);
  }

  // Items.
  const nextId = idAllocator(options.prefix, [...options.existing.requirementIds, ...[...objects.values()].flatMap((o) => o.values.map((v) => (typeof v.value === 'string' ? v.value : '')))]);
  const items = new Map<string, { kind: 'requirement' | 'roadmap'; item: PlainItem }>();
  const usedIds = new Set<string>();
  let images = 0;
  let codeObjects = 0;
  const danglingDefinitions = new Set<string>();
  for (const o of objects.values()) {
    const kind = kindOf(o);
    if (kind === 'code') {
      codeObjects++;
      continue;
    }
    if (kind === 'ignore') continue;
    const item: PlainItem = {};
    const extra: Record<string, unknown> = {};
    for (const v of o.values) {
      const name = v.definition?.name ?? v.definitionRef;
      if (v.definition === undefined) danglingDefinitions.add(v.definitionRef);
      images += v.objects;
      const field = fieldByName.get(name) ?? 'x-reqif';
      applyValue(item, extra, field, name, v, kind, options.mapping, warnings);
    }
    if (item.title === undefined && o.longName) item.title = o.longName;
    // The original ID, when it cannot be a Spectrace ID as it is.
    let id = typeof item.id === 'string' ? item.id.trim() : undefined;
    const earlier = options.existing.sourceKeys.get(o.identifier);
    if (earlier !== undefined && !usedIds.has(earlier)) {
      if (id !== undefined && id !== earlier) extra['foreign-id'] = id;
      id = earlier;
    } else if (id !== undefined && (!isUsableId(id) || usedIds.has(id))) {
      extra['foreign-id'] = id;
      if (/^\d+$/.test(id) && !usedIds.has(`${options.prefix}-${Number(id)}`)) id = `${options.prefix}-${Number(id)}`;
      else id = undefined;
    }
    if (id === undefined || usedIds.has(id)) {
      id = nextId();
      while (usedIds.has(id)) id = nextId();
    }
    usedIds.add(id);
    item.id = id;
    extra.identifier = o.identifier;
    if (typeof item.title !== 'string' || item.title.trim() === '') {
      const fromText = typeof item.description === 'string' ? item.description.split('\n')[0]?.trim() : undefined;
      item.title = fromText ? (fromText.length > 80 ? `${fromText.slice(0, 77)}...` : fromText) : o.identifier;
      warnings.add('objects without a title: the first line of the text (or the ReqIF identifier) became the title');
    }
    if (kind === 'requirement') {
      for (const field of ['status', 'priority'] as const) {
        if (item[field] === undefined) item[field] = options.mapping.defaults[field];
      }
    }
    item['x-reqif'] = extra;
    items.set(o.identifier, { kind, item });
  }
  if (danglingDefinitions.size > 0) warnings.add(`values refer to ${danglingDefinitions.size} attribute definition${danglingDefinitions.size === 1 ? '' : 's'} the file does not define (dangling references: ${[...danglingDefinitions].slice(0, 3).join(', ')}${danglingDefinitions.size > 3 ? ', ...' : ''}): their values are kept under x-reqif by the definition's identifier`);
  if (images > 0) warnings.add(`${images} image${images === 1 ? '' : 's'} or embedded object${images === 1 ? '' : 's'} in rich text became a [image: ...] / [object: ...] note in the text (the files are not imported)`);
  if (codeObjects > 0) warnings.add(`${codeObjects} code location object${codeObjects === 1 ? '' : 's'} not imported: Spectrace reads @implements / @verifies tags from the code`);

  // Hierarchy: parent = the nearest ancestor that is an item of the same kind.
  const specifications = childrenNamed(childNamed(content, 'SPECIFICATIONS'), 'SPECIFICATION');
  const placed = new Set<string>();
  let dangling = 0;
  const danglingIds = new Set<string>();
  const visit = (hierarchy: XmlElement, ancestor: string | undefined, depth: number): void => {
    if (depth > 200) return;
    const ref = refText(childNamed(hierarchy, 'OBJECT'));
    const entry = items.get(ref);
    let next = ancestor;
    if (!objects.has(ref)) {
      dangling++;
      danglingIds.add(ref);
    } else if (entry) {
      if (placed.has(ref)) warnings.add(`SPEC-OBJECT '${ref}' appears more than once in the hierarchy: its first place gives its parent`);
      else {
        placed.add(ref);
        const parent = ancestor === undefined ? undefined : items.get(ancestor);
        if (parent && parent.kind === entry.kind) entry.item.parent = parent.item.id;
      }
      next = ref;
    }
    for (const child of childrenNamed(childNamed(hierarchy, 'CHILDREN'), 'SPEC-HIERARCHY')) visit(child, next, depth + 1);
  };
  for (const spec of specifications) for (const h of childrenNamed(childNamed(spec, 'CHILDREN'), 'SPEC-HIERARCHY')) visit(h, undefined, 0);
  if (dangling > 0) warnings.add(`${dangling} SPEC-HIERARCHY node${dangling === 1 ? ' refers' : 's refer'} to SPEC-OBJECTs the file does not have (dangling references): ${[...danglingIds].slice(0, 5).join(', ')}${danglingIds.size > 5 ? ', ...' : ''}`);

  // Relations.
  let danglingRelations = 0;
  const danglingRelationIds = new Set<string>();
  for (const relation of childrenNamed(childNamed(content, 'SPEC-RELATIONS'), 'SPEC-RELATION')) {
    const sourceRef = refText(childNamed(relation, 'SOURCE'));
    const targetRef = refText(childNamed(relation, 'TARGET'));
    const typeName = relationTypes.get(refText(childNamed(relation, 'TYPE'))) ?? '';
    if (typeName === SPECTRACE_RELATIONS.implements || typeName === SPECTRACE_RELATIONS.verifies) continue;
    const source = items.get(sourceRef);
    const target = items.get(targetRef);
    if (!source || !target) {
      for (const ref of [sourceRef, targetRef]) if (!objects.has(ref)) {
        danglingRelations++;
        danglingRelationIds.add(ref);
      }
      continue;
    }
    const configured = options.mapping.relations.get(typeName.toLowerCase());
    const role = configured ?? (typeName === SPECTRACE_RELATIONS.roadmap ? 'roadmap' : typeName === SPECTRACE_RELATIONS.parent ? 'parent' : 'depends_on');
    if (role === 'ignore') continue;
    if (configured === undefined && typeName !== SPECTRACE_RELATIONS.depends_on && role === 'depends_on') warnings.add(`relations of type '${typeName || 'unnamed'}' became depends_on (source depends on target; set another role with --map relations)`);
    if (role === 'roadmap') {
      if (source.kind === 'requirement' && target.kind === 'roadmap') source.item.roadmap = target.item.id;
      else warnings.add(`a roadmap relation between '${sourceRef}' and '${targetRef}' does not go from a requirement to a roadmap item: skipped`);
    } else if (role === 'parent') {
      if (source.kind === target.kind) source.item.parent = target.item.id;
    } else if (source.kind === 'requirement' && target.kind === 'requirement') {
      const list = Array.isArray(source.item.depends_on) ? (source.item.depends_on as string[]) : [];
      // A Spectrace export names a reviewed revision in the relation's LONG-NAME (`SRCH-4@2`).
      const longName = relation.attrs['LONG-NAME'];
      const targetId = String(target.item.id);
      const ref = longName !== undefined && longName.startsWith(`${targetId}@`) && /^\d+$/.test(longName.slice(targetId.length + 1)) ? longName : targetId;
      if (!list.includes(ref)) list.push(ref);
      source.item.depends_on = list;
    } else {
      warnings.add(`a relation of type '${typeName}' involving a roadmap item became no field: skipped`);
    }
  }
  if (danglingRelations > 0) warnings.add(`${danglingRelations} SPEC-RELATION end${danglingRelations === 1 ? ' refers' : 's refer'} to SPEC-OBJECTs the file does not have (dangling references): ${[...danglingRelationIds].slice(0, 5).join(', ')}`);

  // Drop the bookkeeping x-reqif of a Spectrace export read back (it only holds the identifier).
  const fromSpectrace = [...objectTypes.values()].includes(SPECTRACE_TYPES.requirement);
  const requirements: PlainItem[] = [];
  const roadmap: PlainItem[] = [];
  for (const { kind, item } of items.values()) {
    const extra = item['x-reqif'] as Record<string, unknown>;
    if (fromSpectrace && Object.keys(extra).length === 1) delete item['x-reqif'];
    (kind === 'roadmap' ? roadmap : requirements).push(item);
  }
  const productNames = specifications.map((s) => attrOf(s, 'LONG-NAME')).filter((n): n is string => !!n);
  const title = header ? refText(childNamed(header, 'TITLE')) : '';
  if (productNames.length > 1) warnings.add(`the file has ${productNames.length} specifications (${productNames.join(', ')}): their items go into one spec file`);
  return {
    product: productNames.length === 1 ? productNames[0] : title || undefined,
    requirements,
    roadmap,
    report: {
      source: `ReqIF ${version || '(no version)'}${toolId ? ` from ${toolId}` : ''}: ${objects.size} SPEC-OBJECT${objects.size === 1 ? '' : 's'}, ${specifications.length} SPECIFICATION${specifications.length === 1 ? '' : 's'}`,
      mapping: mappingLines,
      warnings: warnings.lines(),
    },
  };
}

/** The namespace of the root element, read from its start tag (the parser drops namespace declarations). */
function rootNamespace(text: string): string | undefined {
  const start = /<(?:([A-Za-z_][\w.-]*):)?REQ-IF[\s>]((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(text);
  if (!start) return undefined;
  const attribute = start[1] ? `xmlns:${start[1]}` : 'xmlns';
  const m = new RegExp(`(?:^|\\s)${attribute.replace('.', '\\.')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(start[2] ?? '');
  return m ? (m[2] ?? m[3]) : undefined;
}

const NC_NAME = /^[A-Za-z_][\w.-]*$/;
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** Where the file leaves the schema in ways the import reads past: each is one warning. */
function schemaDeviations(root: XmlElement): { duplicates: Map<string, number>; missingLastChange: number; badIdentifiers: number; badDates: string[] } {
  const counts = new Map<string, number>();
  let missingLastChange = 0;
  let badIdentifiers = 0;
  const badDates: string[] = [];
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop() as XmlElement;
    const id = element.attrs.IDENTIFIER;
    if (id !== undefined) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
      if (!NC_NAME.test(id)) badIdentifiers++;
      if (element.name !== 'REQ-IF-HEADER' && element.attrs['LAST-CHANGE'] === undefined) missingLastChange++;
    }
    if (element.name === 'ATTRIBUTE-VALUE-DATE') {
      const value = element.attrs['THE-VALUE'] ?? '';
      if (!DATE_TIME.test(value)) badDates.push(value);
    }
    for (const c of element.children) if (typeof c !== 'string') stack.push(c);
  }
  return { duplicates: new Map([...counts].filter(([, n]) => n > 1)), missingLastChange, badIdentifiers, badDates };
}

function countNamed(element: XmlElement, name: string): number {
  let n = element.name === name ? 1 : 0;
  for (const c of element.children) if (typeof c !== 'string') n += countNamed(c, name);
  return n;
}

function applyValue(item: PlainItem, extra: Record<string, unknown>, field: string, name: string, v: ObjectValue, kind: 'requirement' | 'roadmap', mapping: ImportMapping, warnings: WarningList): void {
  const values = Array.isArray(v.value) ? v.value : [v.value];
  const single = values.join(', ').trim();
  if (single === '' || field === 'ignore') return;
  if (field === 'x-reqif' || field.startsWith('x-')) {
    if (field === 'x-reqif') extra[name] = Array.isArray(v.value) && v.value.length !== 1 ? v.value : single;
    else item[field] = single;
    return;
  }
  if (field === 'priority' || field === 'status' || field === 'type') {
    if (kind === 'roadmap' && field === 'priority') return;
    const mapped = mapEnumValue(field as EnumField, single, mapping, kind);
    if (mapped === undefined) {
      extra[name] = single;
      warnings.add(`${name} '${single}' has no Spectrace ${field} (set one with --map values.${field}): kept under x-reqif${kind === 'requirement' && field !== 'type' ? `, ${field} set to ${mapping.defaults[field as 'status' | 'priority']}` : ''}`);
      return;
    }
    item[field] = mapped;
    return;
  }
  if (field === 'acceptance') {
    item.acceptance = single
      .split('\n')
      .map((l) => l.replace(/^\s*(?:[-*]|\d+\.)\s+/, '').trim())
      .filter((l) => l !== '')
      .map((l) => {
        const m = /^\*\*(.+?)\*\*\s+(.*)$/.exec(l);
        return m ? { id: m[1], text: m[2] } : l;
      });
    return;
  }
  if (field === 'tags') {
    item.tags = single.split(',').map((t) => t.trim()).filter((t) => t !== '');
    return;
  }
  if (field === 'estimate') {
    const n = Number(single);
    if (Number.isFinite(n) && n >= 0) item.estimate = n;
    else extra[name] = single;
    return;
  }
  if (field === 'start' || field === 'due') {
    const m = /^(\d{4}-\d{2}-\d{2})/.exec(single);
    if (m) item[field] = m[1];
    else extra[name] = single;
    return;
  }
  if (field.startsWith('source.')) {
    const source = (item.source as Record<string, unknown> | undefined) ?? {};
    source[field.slice(7)] = single;
    item.source = source;
    return;
  }
  if (item[field] === undefined) item[field] = single;
  else extra[name] = single;
}
