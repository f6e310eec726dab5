// Comparing two prepared names: tokens aligned one-to-one regardless of order, each pair scored by
// edit similarity, and the unmatched rest weighed by how much it tells (an unmatched query token
// counts against the match far more than an extra middle name on the list).
// `nameScore` is the hot path (no allocation); `compareNames` adds what an explanation needs.
import { editDistance } from './distance.js';
import { PairTable } from './pair-table.js';
import type { PreparedEntity, PreparedName } from './prepare.js';
import { MAX_ALIGN, NameRole, TokenKind, abbreviates, allowedEdits, nameRole, popcount, sameOnset, sameOnsetCode, tokenSimilarity } from './tokens.js';

/** The knobs of name comparison; every algorithm's values live in `algorithms.ts`. */
export interface NameWeights {
  /** Weight of a token by kind (Normal, Generic, Particle, Initial, Affiliation). */
  kind: readonly number[];
  /** Weight of a query token left unmatched, relative to its kind weight. */
  extraQuery: number;
  /** Weight of a listed name's token left unmatched (lists carry full names, queries often not). */
  extraCandidate: number;
  /** Score of an initial against a name it begins ("J" ~ "John"). */
  initial: number;
  /** Highest score when only one token of a multi-token listed name matched. */
  singleTokenCap: number;
  /** Floor for tokens that sound alike (same phonetic key) when one side was transliterated. */
  phonetic: number;
  /** Score factor when the names carry different numbers ("Bank 1" vs "Bank 2"). */
  numberMismatch: number;
  /** Score of two words of 4+ letters that are one spelling under another romanization ("Rabinovich" ~ "Rabinowitz"). */
  spelling: number;
  /** Score of two words with the same consonants when one is written in Hebrew or Arabic script (vowels unwritten). */
  abjad: number;
  /** Score of a word written abbreviated against a word it abbreviates ("Com." ~ "Comercio"). */
  abbreviation: number;
}

export interface TokenPair {
  query: string;
  candidate: string;
  score: number;
}

export interface NameComparison {
  score: number;
  pairs: TokenPair[];
  unmatchedQuery: string[];
  unmatchedCandidate: string[];
  numbersDisagree: boolean;
  /** The names only matched once spaces were ignored. */
  joined: boolean;
}

/**
 * Numbers on both sides must agree: "Sino Iron 1" ≠ "Sino Iron 2". A number on one side only is tolerated
 * ("Bank Melli" / "Bank Melli 1999"), except in vessel names: "Gulf Sunbird II" is a sister of "Gulf Sunbird".
 */
export function numbersDisagree(a: PreparedName, b: PreparedName): boolean {
  if (a.numbers.length === 0 || b.numbers.length === 0) return a.vessel && a.numbers.length !== b.numbers.length;
  let shared = 0;
  for (const n of a.numbers) if (b.numbers.includes(n)) shared++;
  return shared < Math.min(a.numbers.length, b.numbers.length);
}

// Scratch buffers for the alignment (screening is synchronous: one alignment at a time).
const sims = new Float64Array(MAX_ALIGN * MAX_ALIGN);
const usedQ = new Uint8Array(MAX_ALIGN);
const usedC = new Uint8Array(MAX_ALIGN);
const pairQ = new Int8Array(MAX_ALIGN);
const pairC = new Int8Array(MAX_ALIGN);
const pairS = new Float64Array(MAX_ALIGN);
let nPairs = 0;
/** The adjacent-merge found by the last alignment: [side (0 query joined, 1 listed joined), first index, other index, score]. */
let merged: [number, number, number, number] | undefined;

/** Similarity of two names in [0, 1] (numbers penalty included). */
export function nameScore(q: PreparedName, c: PreparedName, w: NameWeights): number {
  return scoreNames(q, -1, c, w);
}

/** `nameScore`, with the token-pair scores of the query's name number `qi` remembered (-1: none). */
function scoreNames(q: PreparedName, qi: number, c: PreparedName, w: NameWeights): number {
  const factor = numbersDisagree(q, c) ? w.numberMismatch : 1;
  if (q.tokens.length === 0 || c.tokens.length === 0) return numbersOnlyScore(q, c) * factor;
  if (q.joined === c.joined) return factor;
  const loose = q.transliterated || c.transliterated;
  const aligned = align(q, qi, c, loose, w);
  const joined = q.tokens.length !== c.tokens.length ? joinedSimilarity(q.joined, c.joined, loose) : 0;
  return Math.max(aligned, joined) * factor;
}

/** Names made of numbers only ("1204"): equal or nothing. */
function numbersOnlyScore(q: PreparedName, c: PreparedName): number {
  return q.tokens.length === c.tokens.length && q.numbers.length > 0 && q.numbers.join() === c.numbers.join() ? 1 : 0;
}

/** `nameScore` with the token pairs and leftovers, for explanations. */
export function compareNames(q: PreparedName, c: PreparedName, w: NameWeights): NameComparison {
  const disagree = numbersDisagree(q, c);
  const factor = disagree ? w.numberMismatch : 1;
  const base = { numbersDisagree: disagree, pairs: [] as TokenPair[], unmatchedQuery: [] as string[], unmatchedCandidate: [] as string[] };
  if (q.tokens.length === 0 || c.tokens.length === 0) return { ...base, score: numbersOnlyScore(q, c) * factor, joined: false };
  if (q.joined === c.joined) {
    const same = q.tokens.length === c.tokens.length;
    return { ...base, score: factor, joined: !same, pairs: same ? q.tokens.map((t) => ({ query: t, candidate: t, score: 1 })) : [] };
  }
  const loose = q.transliterated || c.transliterated;
  const aligned = align(q, -1, c, loose, w);
  const joined = q.tokens.length !== c.tokens.length ? joinedSimilarity(q.joined, c.joined, loose) : 0;
  if (joined > aligned) return { ...base, score: joined * factor, joined: true };
  const nq = Math.min(q.tokens.length, MAX_ALIGN);
  const nc = Math.min(c.tokens.length, MAX_ALIGN);
  for (let p = 0; p < nPairs; p++) base.pairs.push({ query: q.tokens[pairQ[p]], candidate: c.tokens[pairC[p]], score: pairS[p] });
  if (merged) {
    const [side, i, j, score] = merged;
    base.pairs.push(
      side === 0
        ? { query: `${q.tokens[i]} ${q.tokens[i + 1]}`, candidate: c.tokens[j], score }
        : { query: q.tokens[j], candidate: `${c.tokens[i]} ${c.tokens[i + 1]}`, score },
    );
  }
  for (let i = 0; i < nq; i++) if (!usedQ[i]) base.unmatchedQuery.push(q.tokens[i]);
  for (let j = 0; j < nc; j++) if (!usedC[j]) base.unmatchedCandidate.push(c.tokens[j]);
  return { ...base, score: aligned * factor, joined: false };
}

/**
 * Names written with spaces in other places ("EtsKoffiet Freres"): similarity of the space-less strings,
 * near-exact only, and only between names with different token counts (else tokens align better).
 */
function joinedSimilarity(a: string, b: string, _loose: boolean): number {
  const longer = a.length > b.length ? a.length : b.length;
  if (longer < 6) return 0;
  const max = Math.floor(longer / 12);
  const d = editDistance(a, b, max);
  if (d > max) return 0;
  return (1 - d / longer) ** 2;
}

/** Two tokens of two names: edit similarity, then the spelling, consonant and abbreviation rules that may lift it. */
function pairSimilarity(q: PreparedName, i: number, c: PreparedName, j: number, loose: boolean, w: NameWeights): number {
  const qt = q.tokens[i];
  const ct = c.tokens[j];
  let s = tokenSimilarity(qt, ct, loose, w.initial, q.masks[i], c.masks[j]);
  // sounding alike only rescues longer words: short syllables ("cheng", "chong") are different names
  if (loose && s < w.phonetic && qt.length >= 6 && ct.length >= 6 && q.phonetic[i] === c.phonetic[j]) s = w.phonetic;
  if (s < w.spelling && qt.length >= 4 && ct.length >= 4 && sameOnset(qt, ct) && q.infos[i].spelling === c.infos[j].spelling) s = w.spelling;
  if (s < w.abjad && (q.abjad || c.abjad) && q.infos[i].consonants.length >= 2 && q.infos[i].consonants === c.infos[j].consonants) s = w.abjad;
  if (s < w.abbreviation && ((q.abbreviated?.[i] && abbreviates(qt, ct)) || (c.abbreviated?.[j] && abbreviates(ct, qt)))) s = w.abbreviation;
  return s;
}

// Token-pair scores remembered while one query is screened: a query written in Arabic or Hangul has several
// Latin renderings, a listed party several aliases, and their words meet again and again. One row per listed
// token (with its name's script flags), one column per query token (with its name's flags): a listed name
// finds its rows once for all the query's names, then every token pair is read in place instead of hashed.
// One query's weights throughout.
const rowOf = new PairTable();
let cells = new Float64Array(1 << 14);
let rows = 0;
/** Cells kept at most (8 MB); when full, the rows are forgotten. */
const MAX_CELLS = 1 << 20;
/** The query's names and, per name number, the column of each of its first MAX_ALIGN tokens. */
let queryNames: readonly PreparedName[] = [];
let queryColumns = new Int32Array(0);
let width = 0;
/** The listed name whose rows `rowStart` holds (their first cell, -1 for tokens not remembered). */
let rowsName: PreparedName | undefined;
const rowStart = new Int32Array(MAX_ALIGN);
let remembering = 0;
/** Ids at or above this are not remembered (row keys are 32-bit). */
const MAX_KEY_ID = 2 ** 28;

/** Run `fn` (the scoring of `query`) with token-pair and name-pair scores remembered, then forget them. */
export function rememberPairs<T>(query: PreparedEntity, fn: () => T): T {
  // a nested call forgets the outer call's pairs too (they are only a cache; the outer call's names no longer
  // match `queryNames`, so it goes on without)
  forgetRows();
  nameTable.clear();
  setColumns(query.names);
  remembering++;
  try {
    return fn();
  } finally {
    remembering--;
    forgetRows();
    nameTable.clear();
    queryNames = [];
  }
}

/** The script flags a pair score depends on, per name: transliterated (2) and written without vowels (1). */
function scriptFlags(n: PreparedName): number {
  return (n.transliterated ? 2 : 0) + (n.abjad ? 1 : 0);
}

function forgetRows(): void {
  rowOf.clear();
  rows = 0;
  rowsName = undefined;
}

/** One column per distinct query token and flags (a word shared by several renderings is one column). */
function setColumns(names: readonly PreparedName[]): void {
  const columns = new Map<number, number>();
  if (queryColumns.length < names.length * MAX_ALIGN) queryColumns = new Int32Array(names.length * MAX_ALIGN);
  names.forEach((n, qi) => {
    const flags = scriptFlags(n);
    for (let i = 0; i < n.tokens.length && i < MAX_ALIGN; i++) {
      const key = n.ids[i] * 4 + flags;
      let column = columns.get(key);
      if (column === undefined) columns.set(key, (column = columns.size));
      queryColumns[qi * MAX_ALIGN + i] = column;
    }
  });
  queryNames = names;
  width = columns.size;
}

/** Point `rowStart` at the rows of a listed name's first `nc` tokens, made (unknown: -1) when new. */
function findRows(c: PreparedName, nc: number): void {
  if (rowsName === c) return;
  if ((rows + nc) * width > MAX_CELLS) forgetRows();
  const flags = scriptFlags(c);
  for (let j = 0; j < nc; j++) {
    const cid = c.ids[j];
    if (cid >= MAX_KEY_ID) {
      rowStart[j] = -1;
      continue;
    }
    let start = rowOf.get(cid, flags);
    if (start < 0) {
      start = rows++ * width;
      if (start + width > cells.length) {
        const grown = new Float64Array(Math.max(cells.length * 2, start + width));
        grown.set(cells);
        cells = grown;
      }
      for (let k = 0; k < width; k++) cells[start + k] = -1;
      rowOf.set(cid, flags, start);
    }
    rowStart[j] = start;
  }
  rowsName = c;
}

// Name-pair scores remembered the same way: the same party is listed by several lists, under the same names.
const nameTable = new PairTable();

/**
 * `nameScore` of the query's name number `qi` against a listed name, remembered while `rememberPairs`
 * runs (by the listed name's comparable number: equal names score equally).
 */
export function rememberedNameScore(q: PreparedName, qi: number, c: PreparedName, w: NameWeights): number {
  const key = c.comparable;
  if (remembering === 0 || key === undefined) return nameScore(q, c, w);
  let s = nameTable.get(qi, key);
  if (s < 0) {
    s = scoreNames(q, qi, c, w);
    nameTable.set(qi, key, s);
  }
  return s;
}

/**
 * Greedy one-to-one alignment of tokens by similarity (best pairs first), then two adjacent tokens on
 * one side may pair with one token on the other ("abdul rahman" ~ "abdulrahman"). Leaves the pairs in
 * the scratch buffers; returns the score.
 */
function align(q: PreparedName, qi: number, c: PreparedName, loose: boolean, w: NameWeights): number {
  const nq = Math.min(q.tokens.length, MAX_ALIGN);
  const nc = Math.min(c.tokens.length, MAX_ALIGN);
  // abbreviation flags belong to one written name, not to the token: such pairs are not remembered
  const cache = remembering > 0 && qi >= 0 && queryNames[qi] === q && !q.abbreviated && !c.abbreviated;
  if (cache) findRows(c, nc);
  let alike = false;
  for (let i = 0; i < nq; i++) {
    const column = cache ? queryColumns[qi * MAX_ALIGN + i] : -1;
    for (let j = 0; j < nc; j++) {
      const at = column >= 0 && rowStart[j] >= 0 ? rowStart[j] + column : -1;
      let s = at >= 0 ? cells[at] : -1;
      if (s < 0) {
        s = pairSimilarity(q, i, c, j, loose, w);
        if (at >= 0) cells[at] = s;
      }
      sims[i * nc + j] = s;
      if (s > 0) alike = true;
    }
  }
  // (loops, not fill(): a builtin call costs more than a dozen stores)
  for (let i = 0; i < nq; i++) usedQ[i] = 0;
  for (let j = 0; j < nc; j++) usedC[j] = 0;
  nPairs = 0;
  merged = undefined;
  // most names compared share no word at all (another alias of a candidate found through one of its names):
  // unless two words written together meet one, they score 0 without pairing or weighing leftovers
  const early = alike ? undefined : mergeTwoOne(q, nq, c, nc, loose);
  if (!alike && early === undefined) return 0;
  let num = 0;
  let den = 0;
  let distinctive = 0;
  for (;;) {
    let best = 0;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < nq; i++) {
      if (usedQ[i]) continue;
      for (let j = 0; j < nc; j++) {
        if (!usedC[j] && sims[i * nc + j] > best) {
          best = sims[i * nc + j];
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    usedQ[bi] = 1;
    usedC[bj] = 1;
    // an initial against a full name proves only a letter: it weighs as an initial
    const initial = q.kinds[bi] === TokenKind.Initial || c.kinds[bj] === TokenKind.Initial;
    const weight = initial ? w.kind[TokenKind.Initial] : Math.max(w.kind[q.kinds[bi]], w.kind[c.kinds[bj]]);
    num += weight * best;
    den += weight;
    if (!initial) distinctive++;
    pairQ[nPairs] = bi;
    pairC[nPairs] = bj;
    pairS[nPairs++] = best;
  }
  const m = alike ? mergeTwoOne(q, nq, c, nc, loose) : early;
  if (m) {
    num += m * 2;
    den += 2;
    distinctive++;
  }
  // Leftovers. A listed name's extra parts cost little (lists carry full names), but a leftover on both
  // sides is a substitution ("Steel Tubes" vs "Steel Wires", "Ahmad" vs "Karim"): conflicting words, which
  // weigh as much as unmatched query words, whatever their kind.
  let normalQ = 0;
  let normalC = 0;
  let leftQ = 0;
  let leftC = 0;
  let leftWordsC = 0;
  let leftOwnC = 0;
  // what the query's paired words say about which company it names (organisations only)
  let pairedOwnQ = 0;
  let pairedPlaceQ = 0;
  let pairedBusinessQ = 0;
  for (let i = 0; i < nq; i++) {
    const k = q.kinds[i];
    if (k === TokenKind.Normal || k === TokenKind.Affiliation) normalQ++;
    if (usedQ[i] && q.organisation) {
      const role = nameRole(q.tokens[i], k);
      if (role === NameRole.Own) pairedOwnQ++;
      else if (role === NameRole.Place) pairedPlaceQ++;
      else if (role === NameRole.Business) pairedBusinessQ++;
    }
    if (!usedQ[i]) {
      den += w.kind[k] * w.extraQuery;
      if (k !== TokenKind.Particle && k !== TokenKind.Initial) leftQ++;
    }
  }
  for (let j = 0; j < nc; j++) {
    const k = c.kinds[j];
    if (k === TokenKind.Normal || k === TokenKind.Affiliation) normalC++;
    if (usedC[j]) continue;
    if (k === TokenKind.Normal || k === TokenKind.Generic) leftWordsC++;
    if (k === TokenKind.Normal) leftOwnC++;
    // a country in a company name means another subsidiary: as weighty as an unmatched query token
    if (k === TokenKind.Affiliation) den += w.kind[k] * w.extraQuery;
    else if (leftC < leftQ && k !== TokenKind.Particle && k !== TokenKind.Initial) {
      leftC++;
      den += Math.max(w.kind[k], w.kind[TokenKind.Normal]) * w.extraQuery;
    } else den += w.kind[k] * w.extraCandidate;
  }
  // the query's leftover generic words in a substitution weigh as normal words too
  for (let i = 0, subs = leftC; i < nq && subs > 0; i++) {
    if (usedQ[i] || q.kinds[i] !== TokenKind.Generic) continue;
    den += (w.kind[TokenKind.Normal] - w.kind[TokenKind.Generic]) * w.extraQuery;
    subs--;
  }
  let score = den > 0 ? num / den : 0;
  // one shared token ("Mohammed") is no evidence that two multi-part names are the same (for companies
  // only when the query named more: a company's own word identifies it better than a given name)
  if (distinctive <= 1 && normalC > 1 && (!q.organisation || normalQ > 1)) score = Math.min(score, w.singleTokenCap);
  // a company named without a word of its own, with business words or a country only ("Trading Company", "Steel",
  // "Iran", "Korea"), says nothing about which one it is: while the listed name keeps words unmatched ("Namchongang
  // Trading Corporation", "Bank of Iran"), it is no match. A country with business words narrows it enough to review
  // when the listed name keeps no word of its own ("Iranian Oil" ~ "National Iranian Oil Company"; not "Korea Steel" ~
  // "Korea Daesong Steel")
  if (q.organisation && !m && pairedOwnQ === 0 && leftWordsC > 0 && !(pairedPlaceQ > 0 && pairedBusinessQ > 0 && leftOwnC === 0)) {
    score = Math.min(score, w.singleTokenCap);
  }
  return score;
}

/** At most one merge of two adjacent unused words with one unused word, on either side (query words first). */
function mergeTwoOne(q: PreparedName, nq: number, c: PreparedName, nc: number, loose: boolean): number | undefined {
  return mergeAdjacent(q, usedQ, nq, c, usedC, nc, loose, 0) ?? mergeAdjacent(c, usedC, nc, q, usedQ, nq, loose, 1);
}

/** Two adjacent unused tokens of `a`, written together, against one unused token of `b`. Marks them used; returns the score. */
function mergeAdjacent(a: PreparedName, usedA: Uint8Array, na: number, b: PreparedName, usedB: Uint8Array, nb: number, loose: boolean, side: number): number | undefined {
  // the bounds read lengths, first letters and letter masks (small arrays), never the strings
  const lengthsA = a.lengths;
  const lengthsB = b.lengths;
  const firstsB = b.firsts;
  const masksB = b.masks;
  for (let i = 0; i + 1 < na; i++) {
    if (usedA[i] || usedA[i + 1]) continue;
    const joinedLength = lengthsA[i] + lengthsA[i + 1];
    const joinedMask = a.masks[i] | a.masks[i + 1];
    const first = a.firsts[i];
    for (let j = 0; j < nb; j++) {
      if (usedB[j]) continue;
      const lb = lengthsB[j];
      const longer = joinedLength > lb ? joinedLength : lb;
      const max = allowedEdits(longer, loose);
      // cheap bounds first (length, first letters that may be one sound as for single words, letter sets:
      // one edit changes at most two letters of the set)
      if (Math.abs(joinedLength - lb) > max || !sameOnsetCode(first, firstsB[j]) || popcount(joinedMask ^ masksB[j]) > 2 * max) continue;
      const d = editDistance(a.tokens[i] + a.tokens[i + 1], b.tokens[j], max);
      if (d > max) continue;
      usedA[i] = usedA[i + 1] = usedB[j] = 1;
      const score = (1 - d / longer) ** 2;
      merged = [side, i, j, score];
      return score;
    }
  }
  return undefined;
}
