// CSV (a Jira export or any spreadsheet) to Spectrace items. Jira's column names map by default
// (Summary, Issue key, Issue id, Description, Priority, Status, Issue Type, Fix Version/s, Parent,
// Parent id, Labels, Sprint, Assignee); a mapping file maps any other sheet. Cells are text only:
// a formula such as `=1+2` is kept as the text written, never evaluated.
import { parse } from 'csv-parse/sync';
import { ImportError } from './importError';
import type { ExistingItems, ImportResult, PlainItem } from './importModel';
import { WarningList, idAllocator, isUsableId } from './importModel';
import type { EnumField, ImportMapping } from './mapping';
import { mapEnumValue } from './mapping';

export interface CsvImportOptions {
  mapping: ImportMapping;
  existing: ExistingItems;
  /** New IDs PREFIX-n for every row instead of the sheet's keys. */
  prefix: string | undefined;
}

/** Jira's export column names (lower case) -> field. `issue-id` is Jira's numeric id, used to resolve `Parent id`. */
const JIRA_COLUMNS: Readonly<Record<string, string>> = {
  summary: 'title',
  'issue key': 'id',
  'issue id': 'issue-id',
  description: 'description',
  priority: 'priority',
  status: 'status',
  'issue type': 'type',
  'fix version/s': 'roadmap',
  'fix versions': 'roadmap',
  parent: 'parent',
  'parent id': 'parent',
  'parent key': 'parent',
  labels: 'tags',
  sprint: 'x-sprint',
  assignee: 'owner',
  'custom field (story points)': 'estimate',
  'story points': 'estimate',
  'custom field (acceptance criteria)': 'acceptance',
  'acceptance criteria': 'acceptance',
};

/** A sheet whose headers are Spectrace's own field names maps without a mapping file. */
const OWN_FIELDS = ['id', 'title', 'type', 'priority', 'status', 'owner', 'roadmap', 'parent', 'depends_on', 'description', 'acceptance', 'tags', 'estimate', 'coverage_exempt'];

const MULTI = new Set(['tags', 'depends_on', 'acceptance', 'roadmap', 'x-sprint']);

/** The separator of the header line: the most frequent of , ; and tab outside quotes. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (let i = 0; i < text.length && i < 65536; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

export function importCsv(text: string, options: CsvImportOptions): ImportResult {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new ImportError('the CSV file is empty');
  const delimiter = detectDelimiter(body);
  let rows: string[][];
  try {
    rows = parse(body, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: false, cast: false }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new ImportError(`not a readable CSV file${line ? ` (line ${line})` : ''}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const headers = (rows.shift() ?? []).map((h) => h.trim());
  const warnings = new WarningList();
  const mappingLines: string[] = [];
  const fieldOf = headers.map((header) => {
    const lower = header.toLowerCase();
    const configured = options.mapping.fields.get(lower);
    if (configured !== undefined) return { field: configured, why: 'mapping file' };
    const jira = JIRA_COLUMNS[lower];
    if (jira !== undefined) return { field: jira, why: 'Jira default' };
    if (OWN_FIELDS.includes(lower)) return { field: lower, why: 'same name' };
    return { field: 'ignore', why: 'no matching field' };
  });
  const described = new Set<string>();
  headers.forEach((header, i) => {
    const { field, why } = fieldOf[i] as { field: string; why: string };
    const line = `column '${header}' -> ${field === 'ignore' ? 'ignored' : field} (${why})`;
    if (!described.has(line)) mappingLines.push(line);
    described.add(line);
  });
  if (!fieldOf.some((f) => f.field === 'title')) {
    throw new ImportError(`no title column: expected 'Summary' (Jira) or 'title', or map one with --map (fields: {"Your column": title}); columns found: ${headers.map((h) => `'${h}'`).join(', ') || 'none'}`);
  }
  const idColumns = fieldOf.some((f) => f.field === 'id');
  const prefix = options.prefix ?? options.mapping.prefix;

  // Pass 1: each row's values by field.
  interface Row {
    line: number;
    values: Map<string, string[]>;
  }
  const parsed: Row[] = rows.map((cells, r) => {
    const values = new Map<string, string[]>();
    cells.forEach((cell, i) => {
      const field = fieldOf[i]?.field ?? 'ignore';
      if (field === 'ignore' || cell.trim() === '') return;
      const list = values.get(field) ?? [];
      list.push(cell.replace(/\r\n?/g, '\n'));
      values.set(field, list);
    });
    return { line: r + 2, values };
  });

  // IDs: the sheet's keys, or new ones from the prefix; Jira's numeric ids resolve parents.
  const nextId = idAllocator(prefix ?? 'REQ', [...options.existing.requirementIds, ...parsed.flatMap((p) => p.values.get('id') ?? [])]);
  const idByKey = new Map<string, string>();
  const usedIds = new Set<string>();
  const ids = parsed.map((row) => {
    const key = row.values.get('id')?.[0]?.trim();
    const jiraId = row.values.get('issue-id')?.[0]?.trim();
    const earlier = key !== undefined ? options.existing.sourceKeys.get(key) : undefined;
    let id = earlier !== undefined && !usedIds.has(earlier) ? earlier : undefined;
    if (id === undefined) id = prefix === undefined && key !== undefined && isUsableId(key) && !usedIds.has(key) ? key : undefined;
    if (id === undefined && prefix === undefined && key === undefined && jiraId !== undefined && /^\d+$/.test(jiraId) && !usedIds.has(`REQ-${jiraId}`)) id = `REQ-${jiraId}`;
    if (id === undefined) {
      if (prefix === undefined && key !== undefined) warnings.add(`keys that are not Spectrace IDs (capitals, a dash and a number) got new IDs; the key is kept as x-source-id`);
      id = nextId();
      while (usedIds.has(id)) id = nextId();
    }
    usedIds.add(id);
    if (key !== undefined) idByKey.set(key, id);
    if (jiraId !== undefined) idByKey.set(jiraId, id);
    return id;
  });
  if (!idColumns && prefix === undefined && !fieldOf.some((f) => f.field === 'issue-id')) warnings.add(`no ID column ('Issue key' or 'id'): new IDs ${ids[0] ?? 'REQ-1'}... were given (use --prefix to choose the prefix)`);

  // Roadmap items for release names the workspace does not have.
  const roadmap: PlainItem[] = [];
  const roadmapByName = new Map<string, string>();
  for (const item of options.existing.roadmap) {
    roadmapByName.set(item.id.toLowerCase(), item.id);
    if (item.title) roadmapByName.set(item.title.toLowerCase(), item.id);
  }
  const nextRoadmapId = idAllocator('REL', options.existing.roadmap.map((r) => r.id));
  const roadmapFor = (name: string): string => {
    const configured = options.mapping.roadmap.get(name.toLowerCase());
    if (configured !== undefined) return configured;
    const known = roadmapByName.get(name.toLowerCase());
    if (known !== undefined) return known;
    const id = nextRoadmapId();
    roadmapByName.set(name.toLowerCase(), id);
    roadmap.push({ id, title: name, type: 'release', status: 'planned' });
    mappingLines.push(`release '${name}' -> new roadmap item ${id}`);
    return id;
  };

  const requirements: PlainItem[] = parsed.map((row, r) => {
    const item: PlainItem = { id: ids[r] };
    const first = (field: string): string | undefined => row.values.get(field)?.[0]?.trim();
    const title = first('title');
    item.title = title && title !== '' ? title : `(untitled row ${row.line})`;
    if (!title) warnings.add(`rows without a title got '(untitled row N)'`);
    for (const field of ['type', 'priority', 'status'] as EnumField[]) {
      const raw = first(field);
      if (raw === undefined) continue;
      const mapped = mapEnumValue(field, raw, options.mapping);
      if (mapped !== undefined) item[field] = mapped;
      else warnings.add(`${field} '${raw}' has no Spectrace ${field} (set one with --map values.${field})${field === 'type' ? ': left out' : `: set to ${options.mapping.defaults[field as 'status' | 'priority']}`}`);
    }
    for (const field of ['priority', 'status'] as const) if (item[field] === undefined) item[field] = options.mapping.defaults[field];
    const owner = first('owner');
    if (owner) item.owner = owner;
    const versions = (row.values.get('roadmap') ?? []).flatMap((v) => v.split(/\s*,\s*/)).filter((v) => v.trim() !== '');
    if (versions.length > 0) {
      item.roadmap = roadmapFor(versions[0]?.trim() ?? '');
      if (versions.length > 1) warnings.add(`rows with several fix versions: the first one became the roadmap item, the others are listed under x-fix-versions`);
      if (versions.length > 1) item['x-fix-versions'] = versions.slice(1);
    }
    const parent = first('parent');
    if (parent) {
      const resolved = idByKey.get(parent);
      if (resolved !== undefined) item.parent = resolved;
      else if (isUsableId(parent) && prefix === undefined) {
        item.parent = parent;
        if (!options.existing.requirementIds.has(parent)) warnings.add(`parent '${parent}' (line ${row.line}) is not in the file or the workspace`);
      } else warnings.add(`parent '${parent}' (line ${row.line}) matches no row's key or id: left out`);
    }
    const depends = (row.values.get('depends_on') ?? []).flatMap((v) => v.split(/[,\s]+/)).filter((v) => v !== '').map((v) => idByKey.get(v) ?? v);
    if (depends.length > 0) item.depends_on = [...new Set(depends)];
    const description = row.values.get('description')?.join('\n\n').trim();
    if (description) item.description = description;
    const acceptance = (row.values.get('acceptance') ?? []).flatMap((v) => v.split('\n')).map((l) => l.replace(/^\s*(?:[-*]|\d+\.)\s+/, '').trim()).filter((l) => l !== '');
    if (acceptance.length > 0) item.acceptance = acceptance;
    const tags = (row.values.get('tags') ?? []).flatMap((v) => v.split(/[,\s]+/)).filter((t) => t !== '');
    if (tags.length > 0) item.tags = [...new Set(tags)];
    const estimate = first('estimate');
    if (estimate !== undefined) {
      const n = Number(estimate.replace(',', '.'));
      if (Number.isFinite(n) && n >= 0) item.estimate = n;
      else warnings.add(`estimate '${estimate}' is not a number of 0 or more: left out`);
    }
    const exempt = first('coverage_exempt');
    if (exempt) item.coverage_exempt = exempt;
    const key = first('id');
    if (key !== undefined && key !== item.id) item['x-source-id'] = key;
    for (const [field, values] of row.values) {
      if (!field.startsWith('x-')) continue;
      const list = values.map((v) => v.trim()).filter((v) => v !== '');
      item[field] = MULTI.has(field) || list.length > 1 ? list : list[0];
    }
    return item;
  });

  return {
    product: undefined,
    requirements,
    roadmap,
    report: {
      source: `CSV: ${requirements.length} row${requirements.length === 1 ? '' : 's'}, ${headers.length} column${headers.length === 1 ? '' : 's'}, separated by ${delimiter === '\t' ? 'tabs' : `'${delimiter}'`}`,
      mapping: mappingLines,
      warnings: warnings.lines(),
    },
  };
}
