// Counting what a fuzz run did, and printing it: cases, requests and how each method answered.
import type { Outcome } from '../support/serverProcess';

export interface MethodStats {
  requests: number;
  results: number;
  /** Proper LSP errors by code (e.g. -32800 RequestCancelled, -32601 MethodNotFound). */
  errors: Record<string, number>;
  timeouts: number;
  dead: number;
  cancelled: number;
  maxMs: number;
}

export interface FuzzStats {
  seed: number;
  cases: number;
  requests: number;
  notifications: number;
  byMethod: Record<string, MethodStats>;
  mutations: Record<string, number>;
  actions: Record<string, number>;
  /** Internal errors (a handler threw): method and message, first few of each kind. */
  internalErrors: { method: string; message: string; caseNo: number }[];
  /** window/logMessage lines of type Error the server sent. */
  errorLogs: number;
  durationMs: number;
}

export function emptyStats(seed: number): FuzzStats {
  return { seed, cases: 0, requests: 0, notifications: 0, byMethod: {}, mutations: {}, actions: {}, internalErrors: [], errorLogs: 0, durationMs: 0 };
}

export function count(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

export function recordOutcome(stats: FuzzStats, method: string, outcome: Outcome, cancelled: boolean): void {
  const m = (stats.byMethod[method] ??= { requests: 0, results: 0, errors: {}, timeouts: 0, dead: 0, cancelled: 0, maxMs: 0 });
  stats.requests++;
  m.requests++;
  if (cancelled) m.cancelled++;
  m.maxMs = Math.max(m.maxMs, outcome.ms);
  if (outcome.kind === 'result') m.results++;
  else if (outcome.kind === 'error') count(m.errors, String(outcome.code));
  else if (outcome.kind === 'timeout') m.timeouts++;
  else m.dead++;
}

const ERROR_NAMES: Record<string, string> = {
  '-32700': 'ParseError',
  '-32600': 'InvalidRequest',
  '-32601': 'MethodNotFound',
  '-32602': 'InvalidParams',
  '-32603': 'InternalError',
  '-32002': 'ServerNotInitialized',
  '-32800': 'RequestCancelled',
  '-32801': 'ContentModified',
  '-32803': 'RequestFailed',
  '-32802': 'ServerCancelled',
};

/** A plain-text summary (also Markdown-friendly: a fenced block is added by LAST-RUN.md's writer). */
export function formatStats(stats: FuzzStats): string {
  const lines: string[] = [];
  lines.push(`seed ${stats.seed}: ${stats.cases} cases, ${stats.requests} requests, ${stats.notifications} notifications in ${(stats.durationMs / 1000).toFixed(1)} s`);
  lines.push('');
  lines.push(pad('method', 32) + pad('requests', 10) + pad('results', 9) + pad('cancel', 8) + pad('timeouts', 9) + pad('max ms', 8) + 'errors by code');
  for (const [method, m] of Object.entries(stats.byMethod).sort(([a], [b]) => a.localeCompare(b))) {
    const errors = Object.entries(m.errors)
      .map(([code, n]) => `${ERROR_NAMES[code] ?? code} ${n}`)
      .join(', ');
    lines.push(pad(method, 32) + pad(String(m.requests), 10) + pad(String(m.results), 9) + pad(String(m.cancelled), 8) + pad(String(m.timeouts + m.dead), 9) + pad(String(m.maxMs), 8) + (errors || '-'));
  }
  const totalErrors = Object.values(stats.byMethod).reduce((s, m) => s + Object.values(m.errors).reduce((a, b) => a + b, 0), 0);
  lines.push('');
  lines.push(`errors: ${totalErrors} proper LSP errors, ${stats.internalErrors.length} internal errors (a handler threw), ${stats.errorLogs} error log lines`);
  lines.push(`mutations: ${Object.entries(stats.mutations).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  lines.push(`actions: ${Object.entries(stats.actions).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return lines.join('\n');
}

function pad(s: string, n: number): string {
  return s.length >= n ? `${s} ` : s + ' '.repeat(n - s.length);
}
