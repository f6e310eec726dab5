// Phonetic keys: Double Metaphone (the `double-metaphone` package), which knows the spelling habits of
// the languages names on lists come from (Germanic, Slavic, Romance, Greek...), so "Schmidt"/"Smith",
// "Mohammed"/"Muhammad", "Khaled"/"Khalid" share a key. Keys are cached: the same tokens recur across
// tens of thousands of names.
import { doubleMetaphone } from 'double-metaphone';

const CACHE_LIMIT = 100_000;
let cache = new Map<string, [string, string]>();

/** Both Double Metaphone codes of a cleaned Latin token ([primary, alternate]); digits and empty codes give the token itself. */
export function phoneticKeys(token: string): [string, string] {
  let keys = cache.get(token);
  if (!keys) {
    const [primary, secondary] = /[a-z]/.test(token) ? doubleMetaphone(token) : [token, token];
    keys = [primary || token, secondary || primary || token];
    if (cache.size >= CACHE_LIMIT) cache = new Map(); // a bounded cache: start over rather than track use
    cache.set(token, keys);
  }
  return keys;
}

/** The primary phonetic key of one Latin token (same key ≈ sounds alike). */
export function phoneticKey(token: string): string {
  return phoneticKeys(token)[0];
}
