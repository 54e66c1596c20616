// The server's pure helpers: settings normalisation, engine -> LSP diagnostic conversion, URIs.
import * as assert from 'node:assert/strict';
import type { SpecDiagnostic } from '../../../server/src/engine/types';
import { toLspDiagnostic } from '../../../server/src/lsp/convert';
import { normalizeSettings } from '../../../server/src/lsp/settings';
import { isInside, pathToUri, uriToPath } from '../../../server/src/lsp/uris';
import { DEFAULT_SETTINGS } from '../../../server/src/shared/protocol';

const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 7 } };

describe('lsp helpers', () => {
  it('settings: defaults for anything missing or ill-typed', () => {
    assert.deepEqual(normalizeSettings(null), DEFAULT_SETTINGS);
    assert.deepEqual(normalizeSettings({ codeLens: { enabled: 'no' }, maxFileSize: -3, trace: { server: 'loud' } }), DEFAULT_SETTINGS);
    const s = normalizeSettings({ codeLens: { enabled: false }, inlayHints: { enabled: false }, maxFileSize: 5000, trace: { server: 'verbose' } });
    assert.equal(s.codeLens.enabled, false);
    assert.equal(s.inlayHints.enabled, false);
    assert.equal(s.codeScanning.enabled, true);
    assert.equal(s.maxFileSize, 5000);
    assert.equal(s.trace.server, 'verbose');
  });

  it('diagnostics: severity, code, source, data and related information with URIs', () => {
    const d: SpecDiagnostic = {
      file: '/ws/specs/a.yaml',
      range,
      severity: 'warning',
      code: 'duplicate-id',
      message: 'Duplicate ID A-1',
      source: 'spectrace',
      related: [{ file: '/ws/specs/b.yaml', range, message: 'also defined here' }],
      data: { kind: 'duplicate-id', id: 'A-1', suggestion: 'A-2' },
    };
    const lsp = toLspDiagnostic(d, true);
    assert.deepEqual(lsp, {
      range,
      severity: 2,
      code: 'duplicate-id',
      source: 'spectrace',
      message: 'Duplicate ID A-1',
      data: { kind: 'duplicate-id', id: 'A-1', suggestion: 'A-2' },
      relatedInformation: [{ location: { uri: 'file:///ws/specs/b.yaml', range }, message: 'also defined here' }],
    });
    // A client without related information gets the other place in the message.
    assert.equal(toLspDiagnostic(d, false).message, 'Duplicate ID A-1\n  also defined here (/ws/specs/b.yaml:2)');
  });

  it('URIs and paths round-trip; folder containment is by path segment', () => {
    const uri = pathToUri('/ws/a b/ü.yaml');
    assert.equal(uri, 'file:///ws/a%20b/%C3%BC.yaml');
    assert.equal(uriToPath(uri), '/ws/a b/ü.yaml');
    assert.equal(uriToPath('untitled:Untitled-1'), undefined);
    assert.equal(isInside('/ws/sub/x.ts', '/ws'), true);
    assert.equal(isInside('/ws', '/ws'), true);
    assert.equal(isInside('/wsx/x.ts', '/ws'), false);
  });
});
