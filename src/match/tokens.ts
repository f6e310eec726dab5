// Name tokens: how much one token tells about identity (its kind), and how alike two tokens are.
import { countryCode } from '../model/countries.js';
import { CHINESE_CITIES } from '../text/translate.js';
import { editDistance } from './distance.js';

export const enum TokenKind {
  /** A distinctive word: a given or family name, a company's own name. */
  Normal = 0,
  /** Frequent business words (trading, group, shipping): they tell siblings apart but identify little. */
  Generic = 1,
  /** Particles and connectors (al, bin, de, van, and, of). */
  Particle = 2,
  /** A single letter standing for a name. */
  Initial = 3,
  /**
   * A word that makes an organisation another member of its group: a country ("Kessendorf do Brasil",
   * "Lundqvist (UK)": a national subsidiary) or "Holdings" (the parent). Left over on one side only, it
   * weighs as much as a missing distinctive word.
   */
  Affiliation = 4,
}

const PARTICLES = new Set(
  'al el ul ad ar as at az an bin ibn bint ben ould abu um de da di du do dos das des del della der den van von te ten ter la le los las lo y e i et and of the und und a'.split(' '),
);

// Common words of company, organisation and vessel names in the languages lists use most. Kept short:
// a word belongs here only if thousands of unrelated businesses carry it.
const GENERIC = new Set(
  (
    'company companies co corp corporation group groups international intl global general trading trade traders ' +
    'import export imports exports services service svcs industries industry industrial enterprise enterprises shipping ship ' +
    'logistics investment investments development developments management manufacturing mfg products product ' +
    'technology technologies tech engineering construction commercial commerce partners associates consulting ' +
    'solutions systems bank foundation organization organisation institute association society national united ' +
    'first new world overseas worldwide marine maritime transport transportation navigation ocean energy resources ' +
    'agency agencies office center centre network brothers bros sons and ' +
    // sectors: the words the translated renderings give (src/text/translate.ts) and their kin
    'oil gas petroleum petrochemical petrochemicals fuel fuels steel metal metals mining minerals chemical chemicals ' +
    'insurance banking finance financial capital securities credit power electric electrical electronics machinery ' +
    'equipment motors automotive airlines aviation textile textiles garment garments pharmaceutical pharmaceuticals ' +
    'food foods foodstuff foodstuffs agriculture agricultural agro fishery fisheries timber hotel hotels printing ' +
    'shipyard coffee rubber plastic plastics cement marketing building properties property plant factory contracting ' +
    'telecom telecommunications media ' +
    'societe sociedad societa gesellschaft compania compagnie handels handel firma ' +
    'obshchestvo tovarishchestvo predpriyatie kompaniya'
  ).split(' '),
);

/** Tokens of a name taken into an alignment (the rest of a longer name is ignored). */
export const MAX_ALIGN = 12;

/** Group words that are not countries, and country abbreviations too short for the country lookup of every token. */
const GROUP_WORDS = new Set(['holding', 'holdings']);
const AFFILIATION = new Set([...GROUP_WORDS, 'uk', 'usa', 'uae']);
/**
 * Places that are not countries to the country lookup, in a company's name: "Korea" (left out because it stands for
 * two) and the Chinese cities company names begin with ("Shenzhen"). Places, not a company's own word.
 */
const PLACES = new Set(['korea', ...CHINESE_CITIES]);

/** What a word of a company's name says about which company it is: its own word, a place, a business word, or nothing. */
export const enum NameRole {
  Own = 0,
  Place = 1,
  Business = 2,
  None = 3,
}

/** The role of a token of a company's name, from its kind (see the naming rule of `align` in names.ts). */
export function nameRole(token: string, kind: TokenKind): NameRole {
  if (kind === TokenKind.Normal) return PLACES.has(token) ? NameRole.Place : NameRole.Own;
  if (kind === TokenKind.Generic) return NameRole.Business;
  if (kind === TokenKind.Affiliation) return GROUP_WORDS.has(token) ? NameRole.Business : NameRole.Place;
  return NameRole.None;
}

/** The kind of a cleaned Latin token; `organisation` turns on generic-word and territory handling. */
export function tokenKind(token: string, organisation: boolean): TokenKind {
  if (token.length === 1) return TokenKind.Initial;
  if (PARTICLES.has(token)) return TokenKind.Particle;
  if (organisation) {
    if (GENERIC.has(token)) return TokenKind.Generic;
    if (AFFILIATION.has(token) || (token.length >= 4 && countryCode(token))) return TokenKind.Affiliation;
  }
  return TokenKind.Normal;
}

/**
 * Edits allowed between two tokens of this (longer) length before they count as different words: none
 * up to 4 letters ("Ali" ≠ "Ari", "Yong" ≠ "Song": one letter of a short syllable is another name), one
 * up to 7 ("Exports" ≠ "Imports" at two), two up to 11, three beyond. `loose` (one side was transliterated from another script, so spelling is a convention) allows
 * one more from 5 letters.
 */
export function allowedEdits(length: number, loose: boolean): number {
  const base = length <= 4 ? 0 : length <= 7 ? 1 : length <= 11 ? 2 : 3;
  return loose && length >= 5 ? base + 1 : base;
}

/** Which letters a–z (and digits, folded) a token uses, as 32 bits: a cheap lower bound on edits. */
export function letterMask(token: string): number {
  let m = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    m |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 6));
  }
  return m;
}

/** Number of bits set in a 32-bit letter mask. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

// First letters that spellings and transliterations swap (Qasr/Kasr, Zhelvinsky/Jelvinskiy, Volkov/Wolkow,
// Usama/Osama, Khan/Han, Tchernov/Chernov, Gamal/Jamal, Belarusian Uladzimir/Vladimir). Any other change of the first letter makes
// another word: typists rarely miss it, and "Mining"/"Dining", "Wrightstone"/"Rightstone" are other names.
const ONSET_CLASSES = ['aeiouy', 'ijy', 'cgkq', 'hkx', 'csz', 'ct', 'fpvw', 'uvw', 'dj', 'zj', 'gj', 'lr'];
const ONSET = new Uint16Array(128);
ONSET_CLASSES.forEach((letters, k) => {
  for (const ch of letters) ONSET[ch.charCodeAt(0)] |= 1 << k;
});

/** Whether two tokens' first letters may be spellings of one sound. */
export function sameOnset(a: string, b: string): boolean {
  return sameOnsetCode(a.charCodeAt(0), b.charCodeAt(0));
}

/** `sameOnset` from the first character codes. */
export function sameOnsetCode(x: number, y: number): boolean {
  return x === y || (x < 128 && y < 128 && (ONSET[x] & ONSET[y]) !== 0);
}

/**
 * A token written abbreviated ("Com.", "Mgmt.", "Comm.") stands for a longer word that begins with its
 * first letter and has all its letters in order ("comercio", "management", "commendator").
 */
export function abbreviates(short: string, long: string): boolean {
  if (short.length < 2 || long.length < short.length + 2 || short.charCodeAt(0) !== long.charCodeAt(0)) return false;
  let j = 1;
  for (let i = 1; i < short.length; i++) {
    const c = short.charCodeAt(i);
    while (j < long.length && long.charCodeAt(j) !== c) j++;
    if (j++ >= long.length) return false;
  }
  return true;
}

/** Of `max` edits, as many as still leave a similarity of 0.5 (below it a pair scores 0): a narrower band, fewer tables. */
function usefulEdits(longer: number, max: number): number {
  while (max > 0 && (1 - max / longer) ** 2 < 0.5) max--;
  return max;
}

/**
 * Similarity of two tokens in [0, 1]: 1 for equal; an initial against a word it starts; otherwise
 * squared edit similarity within the allowed edits, 0 beyond (and below 0.5, where two tokens share
 * little more than their length), and 0 when the first letters cannot be one sound.
 */
export function tokenSimilarity(a: string, b: string, loose = false, initialScore = 0.8, maskA = -1, maskB = -1): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 1 || lb === 1) return la !== lb && a.charCodeAt(0) === b.charCodeAt(0) ? initialScore : 0;
  const longer = la > lb ? la : lb;
  const max = usefulEdits(longer, allowedEdits(longer, loose));
  if (max === 0 || !sameOnset(a, b)) return 0;
  // one edit changes at most two letters of the letter set: skip hopeless pairs without a distance
  if (maskA !== -1 && popcount(maskA ^ maskB) > 2 * max) return 0;
  const d = editDistance(a, b, max);
  if (d > max) return 0;
  const s = (1 - d / longer) ** 2;
  return s < 0.5 ? 0 : s;
}
