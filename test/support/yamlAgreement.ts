// Whether the fast item reader (simpleYaml.ts) builds exactly the AST `yaml` builds: node for node
// (classes, values, ranges, every own property). Shared by the unit and integration reader tests.
import * as assert from 'node:assert/strict';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { SimpleYamlReader } from '../../server/src/engine/spec/simpleYaml';
import { parseYaml, toPlain } from '../../server/src/engine/spec/yamlNodes';

const reader = new SimpleYamlReader();

function kindOf(n: unknown): string {
  if (n === null || n === undefined) return String(n);
  if (isPair(n)) return 'pair';
  if (isMap(n)) return 'map';
  if (isSeq(n)) return 'seq';
  if (isScalar(n)) return 'scalar';
  return typeof n;
}

/** Every difference between two ASTs, with the path where it is. */
function differences(a: unknown, b: unknown, at = '$', out: string[] = []): string[] {
  if (kindOf(a) !== kindOf(b)) {
    out.push(`${at}: ${kindOf(a)} vs ${kindOf(b)}`);
    return out;
  }
  if (typeof a !== 'object' || a === null) {
    if (!Object.is(a, b)) out.push(`${at}: ${String(a)} vs ${String(b)}`);
    return out;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) {
    const va = ra[k];
    const vb = rb[k];
    if (k === 'items' || k === 'key' || k === 'value' || k === 'range') {
      if (Array.isArray(va) && Array.isArray(vb) && k !== 'items') {
        if (va.join() !== vb.join()) out.push(`${at}.${k}: [${va.join()}] vs [${vb.join()}]`);
      } else if (Array.isArray(va) && Array.isArray(vb)) {
        if (va.length !== vb.length) out.push(`${at}.items: ${va.length} vs ${vb.length}`);
        else va.forEach((x, i) => differences(x, vb[i], `${at}[${i}]`, out));
      } else differences(va, vb, `${at}.${k}`, out);
    } else if (!Object.is(va, vb)) out.push(`${at}.${k}: ${JSON.stringify(va)} vs ${JSON.stringify(vb)}`);
  }
  return out;
}

/** Whether the reader took `text`; when it did, its document must be the one `yaml` parses. */
export function checkSimpleYaml(text: string): boolean {
  const fast = reader.parseItems(text);
  if (!fast) return false;
  const slow = parseYaml(text);
  assert.deepEqual([...slow.errors, ...slow.warnings].map((e) => e.message), [], `the reader took a text yaml finds problems in:\n${text}`);
  const diffs = differences(fast.contents, slow.contents);
  for (const k of ['comment', 'commentBefore'] as const) if (fast[k] !== slow[k]) diffs.push(`document.${k}: ${JSON.stringify(fast[k])} vs ${JSON.stringify(slow[k])}`);
  assert.deepEqual(diffs, [], `AST differs for:\n${JSON.stringify(text)}`);
  assert.deepEqual(toPlain(fast.contents, fast), toPlain(slow.contents, slow));
  return true;
}

