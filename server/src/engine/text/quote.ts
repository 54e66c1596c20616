// How messages name a field, a value or an ID: in typographic quotes, so the sentence reads as plain
// text in the Problems panel, a terminal or a hover (backticks would show literally there).

/** `title` -> “title”. */
export function quoted(text: string): string {
  return `“${text}”`;
}

/** `a, b, c` -> "a, b or c" (the words of an enum, a list of IDs). */
export function joinOr(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
