// The fuzzer's Spectrace requests (shared/protocol.ts): every request the client can send, with the
// params a view sends and the params nobody should send (unknown IDs, wrong types, bad URIs, huge
// strings, null). A handler must answer each with a result or a proper LSP error, never throw.
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { REPO_ROOT, fileUri } from '../support/serverProcess';
import type { Prng } from './prng';
import { randomPosition } from './docModel';

/** Every client-to-server custom request; a unit test keeps it equal to protocol.ts. */
export const CUSTOM: readonly string[] = [
  'spectrace/requirementsTree',
  'spectrace/roadmap',
  'spectrace/insights',
  'spectrace/trace',
  'spectrace/matrix',
  'spectrace/coverageGaps',
  'spectrace/summary',
  'spectrace/nextId',
  'spectrace/report',
  'spectrace/idAt',
  'spectrace/exportReqif',
  'spectrace/importRequirements',
  'spectrace/suspectLinks',
  'spectrace/reviewText',
  'spectrace/bumpRevision',
  'spectrace/releaseNotes',
  'spectrace/timeline',
  'spectrace/board',
  'spectrace/boardMove',
  'spectrace/release',
  'spectrace/burnup',
];

/** Real files to import (the repository's test fixtures: a Jira CSV, a ReqIF export), by URI. */
const IMPORTABLE: readonly string[] = ['test/fixtures/interchange/jira-export.csv', 'test/fixtures/reqif/samples/polarion-small-roundtrip.reqif'].map((rel) => fileUri(path.join(REPO_ROOT, rel)));

/** Values of the wrong type or shape for any field. */
function wrongType(rng: Prng): unknown {
  return rng.pick<unknown>([null, 42, -1, 1e308, true, [], ['PAY-1'], {}, { id: 'PAY-1' }, JSON.parse('{"__proto__":{"polluted":1}}') as unknown, 'x'.repeat(100_000)]);
}

/** An ID a view sends, one that exists nowhere, or something that is not an ID. */
function anyId(rng: Prng, known: readonly string[]): unknown {
  if (rng.chance(0.6)) return rng.pick(known);
  if (rng.chance(0.3)) return wrongType(rng);
  return rng.pick(['NOPE-1', '', ' ', '\u0420\u0410Y-1', 'PAY-1@2', '__proto__', 'constructor', 'toString', '../../etc/passwd', 'X'.repeat(20_000)]);
}

const REQUIREMENT_IDS = ['PAY-1', 'PAY-2', 'CART-1', 'CART-2', 'SRCH-4', 'ACC-1'];
const ROADMAP_IDS = ['R-2026', 'R-2027', 'M-1', 'M-2', 'R-1'];

/** The document's URI, another file's, or a URI the server cannot use. */
function anyUri(rng: Prng, doc: TextDocument): unknown {
  if (rng.chance(0.6)) return doc.uri;
  if (rng.chance(0.15)) return wrongType(rng);
  return rng.pick([
    'not a uri',
    '',
    'file:///nowhere/at/all.yaml',
    'file:///dev/zero',
    'file:///etc/passwd',
    'file:///',
    'untitled:Untitled-1',
    'http://example.com/specs.csv',
    'file://remote-host/share/specs.csv',
    'file:///%E0%A4%A',
    `file:///${'a/'.repeat(3000)}x.csv`,
    `${doc.uri}/../../../../etc/hostname`,
    `${doc.uri}.csv`,
  ]);
}

function folderScope(rng: Prng, doc: TextDocument): unknown {
  if (rng.chance(0.7)) return {};
  return { folderUri: rng.chance(0.3) ? doc.uri.replace(/\/[^/]+\/[^/]+$/, '') : anyUri(rng, doc) };
}

function paramsFor(m: string, rng: Prng, doc: TextDocument): unknown {
  switch (m) {
    case 'spectrace/trace':
      return { id: anyId(rng, REQUIREMENT_IDS), uri: anyUri(rng, doc) };
    case 'spectrace/nextId':
      return { prefix: rng.chance(0.85) ? rng.pick(['PAY', 'NEW', '', '(a+)+', 'P\u200B', 'X'.repeat(10_000)]) : wrongType(rng), uri: anyUri(rng, doc) };
    case 'spectrace/report':
      return { format: rng.chance(0.85) ? rng.pick(['md', 'html', 'csv', 'json', 'pdf', '']) : wrongType(rng), ...(rng.chance(0.2) ? { folderUri: anyUri(rng, doc) } : {}) };
    case 'spectrace/idAt':
      return rng.chance(0.8)
        ? { textDocument: { uri: doc.uri }, position: randomPosition(doc, rng) }
        : { textDocument: { uri: anyUri(rng, doc) }, position: rng.pick<unknown>([{ line: -1, character: 0 }, { line: 1e9, character: 1e9 }, { line: 0.5, character: 'x' }, null]) };
    case 'spectrace/exportReqif':
      return { ...(folderScope(rng, doc) as object), withCode: rng.chance(0.8) ? rng.chance(0.5) : wrongType(rng), date: rng.pick<unknown>([undefined, '2026-12-06', '2026-13-45', 'yesterday', 20261206, null]) };
    case 'spectrace/importRequirements':
      return {
        fileUri: rng.chance(0.4) ? rng.pick(IMPORTABLE) : rng.chance(0.3) ? `${doc.uri.replace(/\/[^/]+$/, '')}/missing.csv` : anyUri(rng, doc),
        format: rng.pick<unknown>([undefined, 'csv', 'reqif', 'pdf', 7]),
        ...(rng.chance(0.4) ? { outUri: anyUri(rng, doc) } : {}),
        ...(rng.chance(0.2) ? { mappingUri: anyUri(rng, doc) } : {}),
        ...(rng.chance(0.3) ? { prefix: rng.pick<unknown>(['IMP', 'bad prefix', '', 3, 'X'.repeat(5000)]) } : {}),
      };
    case 'spectrace/suspectLinks':
      return { ...(folderScope(rng, doc) as object), ...(rng.chance(0.5) ? { id: anyId(rng, REQUIREMENT_IDS) } : {}) };
    case 'spectrace/reviewText':
      return { id: anyId(rng, REQUIREMENT_IDS), rev: rng.pick<unknown>([1, 2, 3, 0, -1, 1.5, 1e12, '2', null]), uri: anyUri(rng, doc) };
    case 'spectrace/bumpRevision':
      return { id: anyId(rng, REQUIREMENT_IDS), editorial: rng.chance(0.8) ? rng.chance(0.5) : wrongType(rng), uri: anyUri(rng, doc) };
    case 'spectrace/releaseNotes':
      return {
        roadmapId: anyId(rng, ROADMAP_IDS),
        format: rng.pick<unknown>([undefined, 'md', 'html', 'json', 'pdf', 3]),
        ...(rng.chance(0.2) ? { folderUri: anyUri(rng, doc) } : {}),
      };
    case 'spectrace/timeline':
      return { ...(folderScope(rng, doc) as object), zoom: rng.pick<unknown>([undefined, 'quarter', 'month', 'week', 'day', '', 7, null]) };
    case 'spectrace/release':
    case 'spectrace/burnup':
      return { id: anyId(rng, ROADMAP_IDS), ...(rng.chance(0.25) ? { folderUri: anyUri(rng, doc) } : {}) };
    case 'spectrace/boardMove':
      return {
        id: anyId(rng, REQUIREMENT_IDS),
        status: rng.chance(0.85) ? rng.pick(['approved', 'draft', 'done', '', 'released\nrev: 9', 'in-progress', 'X'.repeat(10_000)]) : wrongType(rng),
        uri: anyUri(rng, doc),
      };
    default:
      // requirementsTree, roadmap, insights, matrix, coverageGaps, summary, board: a folder scope only.
      return folderScope(rng, doc);
  }
}

/** A random custom request and its params; now and then params that are not an object at all. */
export function planCustom(rng: Prng, doc: TextDocument): { method: string; params: unknown } {
  const method = rng.pick(CUSTOM);
  if (rng.chance(0.03)) return { method, params: rng.pick<unknown>([null, [], [42], ['PAY-1', 'extra']]) };
  return { method, params: paramsFor(method, rng, doc) };
}
