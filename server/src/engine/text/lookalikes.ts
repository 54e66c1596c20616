// Unicode look-alikes in IDs: `РАY-1` written with Cyrillic Р and А looks exactly like `PAY-1` but is
// another string, so it matches no pattern and names no requirement — and the user cannot see why.
// Folding look-alikes to ASCII lets did-you-mean find the ID that was meant, and the note names the
// characters that are not what they seem.

/** Characters that render like an ASCII letter, digit or hyphen, mapped to it (the common ones in IDs). */
const FOLD: Record<string, string> = {
  // Cyrillic capitals and small letters
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', І: 'I', Ј: 'J', Ѕ: 'S', Ү: 'Y',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd',
  // Greek capitals and small letters
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  ο: 'o', ν: 'v',
  // Dashes and minus signs
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-', '\uFE63': '-', '\uFF0D': '-',
};

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  // Fullwidth ASCII (Ａ-Ｚ, ａ-ｚ, ０-９): same letters, wider glyphs.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return FOLD[ch] ?? ch;
}

/** `s` with look-alike characters replaced by the ASCII they look like and invisible characters removed. */
export function foldLookalikes(s: string): string {
  let out = '';
  for (const ch of s.replace(INVISIBLE, '')) out += foldChar(ch);
  return out;
}

/**
 * A sentence naming the look-alike and invisible characters in `id`, e.g. ` (it contains look-alike
 * characters: Р U+0420 Cyrillic, А U+0410 Cyrillic)`; empty when there are none.
 */
export function lookalikeNote(id: string): string {
  const found: string[] = [];
  for (const ch of id) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    const invisible = ch.replace(INVISIBLE, '') === '';
    if (!invisible && foldChar(ch) === ch) continue;
    const label = `${invisible ? 'an invisible character' : ch} U+${code.toString(16).toUpperCase().padStart(4, '0')}${scriptOf(code)}`;
    if (!found.includes(label)) found.push(label);
  }
  return found.length ? ` (it contains look-alike characters: ${found.join(', ')})` : '';
}

function scriptOf(code: number): string {
  if (code >= 0x0400 && code <= 0x04ff) return ' Cyrillic';
  if (code >= 0x0370 && code <= 0x03ff) return ' Greek';
  if (code >= 0xff01 && code <= 0xff5e) return ' fullwidth';
  return '';
}
