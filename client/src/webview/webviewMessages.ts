// Checks shared by the webview message validators: every page sends plain objects with a `type`,
// names things by index into the data it was given, and may ask for the latest data ("ready", after
// it reloads) or for a refresh.

/** The messages every page may send. */
export type PageLifecycleMessage = { type: 'ready' } | { type: 'refresh' };

export function isIndex(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/**
 * Validates a message from a page: the lifecycle messages here, the page's own with `parseOwn`
 * (given the message as a record); anything else is undefined (ignored and logged by the panel).
 */
export function parsePageMessage<Own>(raw: unknown, parseOwn: (m: Record<string, unknown>) => Own | undefined): Own | PageLifecycleMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  if (m.type === 'ready' || m.type === 'refresh') return { type: m.type };
  return parseOwn(m);
}
