// The guard for a JSON object (not null, not an array), for reading untrusted values: schemas,
// persisted caches, settings and command arguments. Pure, no imports.

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
