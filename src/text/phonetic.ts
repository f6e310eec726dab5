// Phonetic keys: Double Metaphone (the `double-metaphone` package), which knows the spelling habits of
// the languages names on lists come from (Germanic, Slavic, Romance, Greek...), so "Schmidt"/"Smith",
// "Mohammed"/"Muhammad", "Khaled"/"Khalid" share a key. Not cached here: the matcher computes a token's key
// once, with the rest of what it knows of the token (`TokenInfo` in src/match/prepare.ts).
import { doubleMetaphone } from 'double-metaphone';

/** Both Double Metaphone codes of a cleaned Latin token ([primary, alternate]); digits and empty codes give the token itself. */
export function phoneticKeys(token: string): [string, string] {
  const [primary, secondary] = /[a-z]/.test(token) ? doubleMetaphone(token) : [token, token];
  return [primary || token, secondary || primary || token];
}

/** The primary phonetic key of one Latin token (same key ≈ sounds alike). */
export function phoneticKey(token: string): string {
  return phoneticKeys(token)[0];
}

// Romanization conventions folded to one spelling. Our own table: transliteration packages go from a
// script to ONE Latin spelling, and Double Metaphone both misses convention pairs (Rabinovich/Rabinowitz
// get different codes) and merges short syllables that are other names. These rules only undo how the
// same sound is written by English, German, Polish, French and official romanizations of Cyrillic,
// Hebrew and Arabic names: Zhelvinsky/Jelvinskiy, Verkhnyaya/Werchnjaja, Khotintsev/Hotincev,
// Qasr/Kasr, Shamji/Shamjee, Rabinovich/Rabinowitz.
const SPELLING_RULES: Array<[RegExp, string]> = [
  [/(?:vitch|vich|witz|witsch|wicz|vicz|vic)$/, 'vic'], // Slavic -vich as Yiddish/German/Polish write it
  [/(?:shch|sch|sh)/g, 's'],
  [/t?sch|tch/g, 'c'],
  [/zh|dzh|dj/g, 'j'],
  [/(?<=[a-z])j(?=[aeiou])/g, 'y'], // German/Polish "nja" = "nya"
  [/kh|ch/g, 'h'],
  [/ts|tz|cz/g, 'c'],
  [/ph/g, 'f'],
  [/w/g, 'v'],
  [/q|ck/g, 'k'],
  [/x/g, 'ks'],
  [/ee|ea/g, 'i'],
  [/oo|ou/g, 'u'],
  [/(?:iy|yi|ii|ij|yj|y)$/, 'i'], // -sky/-skiy/-skii/-skij, -nyi/-ny
  [/([a-z])\1+/g, '$1'],
];

/** A Latin token with romanization conventions folded (see SPELLING_RULES); equal keys are one name in two spellings. */
export function spellingKey(token: string): string {
  let t = token;
  for (const [re, to] of SPELLING_RULES) t = t.replace(re, to);
  return t;
}
