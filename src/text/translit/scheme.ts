// A romanisation scheme as data: context rules (regular expressions over the native text, applied in
// order) and then a letter table. Scripts with an alphabet (Cyrillic, Greek, Armenian, Georgian) are
// written this way; each scheme gives one spelling of the whole name, so alternative spellings come
// from alternative schemes instead of a cartesian product of letter choices.

export interface SchemeSpec {
  name: string;
  /** [pattern, Latin replacement] pairs applied before the letter table (word-initial forms, endings, digraphs). */
  rules?: Array<[RegExp, string]>;
  /** Letter → Latin; letters missing here fall back to the script's base table. */
  letters?: Record<string, string>;
}

export interface Scheme {
  name: string;
  rules: Array<[RegExp, string]>;
  table: Map<string, string>;
}

/** Compile a spec over a base letter table (done once, at module load). */
export function compileScheme(spec: SchemeSpec, base: Record<string, string>): Scheme {
  const table = new Map(Object.entries(base));
  for (const [k, v] of Object.entries(spec.letters ?? {})) table.set(k, v);
  return { name: spec.name, rules: spec.rules ?? [], table };
}

/** Romanise lower-case native text with one scheme; characters without an entry pass through. */
export function applyScheme(text: string, scheme: Scheme): string {
  let s = text;
  for (const [re, to] of scheme.rules) s = s.replace(re, to);
  let out = '';
  for (const ch of s) out += scheme.table.get(ch) ?? ch;
  return out;
}

/** Distinct values in order (the primary stays first). */
export function uniq(values: string[]): string[] {
  return values.length < 2 ? values : [...new Set(values)];
}
