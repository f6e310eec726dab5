// Text normalization API used by the index and the matcher. (Initial minimal version: the text
// developer replaces the bodies with full transliteration/confusable handling; keep the signatures.)
import anyAscii from 'any-ascii';

/** Unicode NFKC, case fold, strip format/zero-width chars, punctuation → space, collapse spaces. */
export function cleanText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Latin (ASCII, lower-case, cleaned) renderings of a name in any script; the first is the primary one. */
export function latinVariants(name: string): string[] {
  const clean = cleanText(name);
  if (!clean) return [];
  return [cleanText(anyAscii(clean))].filter(Boolean);
}

/** Split a cleaned Latin name into tokens. */
export function tokenize(latin: string): string[] {
  return latin.split(' ').filter(Boolean);
}

/** A phonetic key for one Latin token (same key ≈ sounds alike). */
export function phoneticKey(token: string): string {
  return token.replace(/[aeiouy]/g, '').slice(0, 6);
}

/** What a name is made of, once legal forms, particles and numbers are recognised. */
export interface NameParts {
  /** Distinctive tokens, cleaned and abbreviations expanded (the part that must match). */
  core: string[];
  /** Legal-form classes found (e.g. 'llc', 'jsc', 'ltd') — ООО, OOO, LLC, TOV all give 'llc'. */
  legalForms: string[];
  /** Numbers in the name (must agree between two names). */
  numbers: string[];
}

/** Parse a cleaned Latin name for a schema (Person, Company, Organization, Vessel...). */
export function nameParts(latin: string, schema = 'LegalEntity'): NameParts {
  void schema;
  const tokens = tokenize(latin);
  return { core: tokens.filter((t) => !/^\d+$/.test(t)), legalForms: [], numbers: tokens.filter((t) => /^\d+$/.test(t)) };
}
