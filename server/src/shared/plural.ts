// "1 test", "3 tests": a count with its noun, for the messages, reports and status texts of both the
// server and the extension. Pure, no imports.

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
