// Harmonized System codes: normalising what people write ("8429.52", "8429 52 00"), matching codes
// against rule patterns (chapters, headings, ranges, "ex" codes), the HS 2022 nomenclature and the
// Common High Priority List (read at runtime from the shared rules data), and a TF-IDF suggester that
// turns a free-text description into candidate HS 2022 codes.
import { join } from 'node:path';
import porter from 'talisman/stemmers/porter.js';
import { rulesDataDir } from '../config.js';
import { readCsvObjects } from './csvtext.js';

/** Raised for a code that is not digits; input.ts turns it into a field error. */
export class HsFormatError extends Error {}

/** "8429.52" / "8429 52 00" / "8429-52" → "842952"; throws for letters or a length outside 2-10. */
export function normalizeHs(raw: string): string {
  const text = raw.trim();
  if (!/^[\d\s.,\-/]+$/.test(text)) throw new HsFormatError('expected digits');
  const digits = text.replace(/\D/g, '');
  if (digits.length < 2 || digits.length > 10) throw new HsFormatError(`expected 2 to 10 digits, got ${digits.length}`);
  return digits;
}

/** "8429.52" for display. */
export function formatHs(code: string): string {
  return code.length <= 4 ? code : `${code.slice(0, 4)}.${code.slice(4).replace(/(\d\d)(?=\d)/g, '$1 ')}`;
}

export type HsPattern = { kind: 'all' } | { kind: 'chpl'; tier?: string } | { kind: 'range'; lo: string; hi: string; ex: boolean };

/** Parse one rule pattern: "72", "8401-8418", "ex7207", "ex2203-2208", "27101231-27101259", "chpl", "chpl:3.A", "all". */
export function parseHsPattern(p: string): HsPattern {
  if (p === 'all') return { kind: 'all' };
  if (p === 'chpl' || p.startsWith('chpl:')) return { kind: 'chpl', tier: p.slice(5) || undefined };
  const m = /^(ex)?(\d{2,10})(?:-(\d{2,10}))?$/.exec(p);
  if (!m) throw new Error(`bad HS pattern "${p}"`);
  const lo = m[2];
  const hi = m[3] ?? lo;
  if (hi.length !== lo.length || hi < lo) throw new Error(`bad HS range "${p}"`);
  return { kind: 'range', lo, hi, ex: !!m[1] };
}

/**
 * How far a rule pattern covers a code: `full` (the whole code is covered), `partial` (only part of it:
 * an "ex" code, or the code given is broader than the pattern, e.g. 2710 against 27101231), `none`.
 */
export type Coverage = 'full' | 'partial' | 'none';

export function patternCovers(pattern: HsPattern, code: string): { coverage: Coverage; matched?: string } {
  if (pattern.kind === 'all') return { coverage: 'full', matched: 'all goods' };
  if (pattern.kind === 'chpl') {
    for (const item of chplItems()) {
      if (pattern.tier && item.tier !== pattern.tier) continue;
      const c = rangeCovers(item.hs6, item.hs6, false, code);
      if (c !== 'none') return { coverage: c, matched: `CHPL tier ${item.tier} ${item.hs6}` };
    }
    return { coverage: 'none' };
  }
  const c = rangeCovers(pattern.lo, pattern.hi, pattern.ex, code);
  return c === 'none' ? { coverage: c } : { coverage: c, matched: describePattern(pattern) };
}

function rangeCovers(lo: string, hi: string, ex: boolean, code: string): Coverage {
  const len = lo.length;
  if (code.length >= len) {
    const prefix = code.slice(0, len);
    if (prefix < lo || prefix > hi) return 'none';
    return ex ? 'partial' : 'full';
  }
  // the code is broader than the pattern: some goods under it may be covered
  const n = code.length;
  return code >= lo.slice(0, n) && code <= hi.slice(0, n) ? 'partial' : 'none';
}

function describePattern(p: { lo: string; hi: string; ex: boolean }): string {
  const base = p.lo === p.hi ? p.lo : `${p.lo}-${p.hi}`;
  return (p.ex ? 'ex ' : '') + (p.lo.length === 2 ? `${p.lo === p.hi ? 'chapter' : 'chapters'} ${base}` : base);
}

/** Best coverage of a code by any of a rule's patterns. */
export function rulePatternsCover(patterns: string[], code: string): { coverage: Coverage; matched?: string } {
  let best: { coverage: Coverage; matched?: string } = { coverage: 'none' };
  for (const p of patterns) {
    const c = patternCovers(parseHsPattern(p), code);
    if (c.coverage === 'full') return c;
    if (c.coverage === 'partial' && best.coverage === 'none') best = c;
  }
  return best;
}

// ---- the HS 2022 nomenclature (shared data, loaded on first use) ----

interface HsEntry {
  code: string;
  description: string;
  parent: string;
}

let nomenclature: Map<string, HsEntry> | undefined;

function hsNomenclature(): Map<string, HsEntry> {
  if (nomenclature) return nomenclature;
  const rows = readCsvObjects(join(rulesDataDir(), 'harmonized-system.csv'));
  nomenclature = new Map();
  for (const r of rows) {
    // chapter 99 "commodities not specified according to kind" is not a classification
    if (r.section === 'TOTAL') continue;
    nomenclature.set(r.hscode, { code: r.hscode, description: r.description, parent: r.parent });
  }
  return nomenclature;
}

/**
 * Is the code an HS 2022 code? Digits beyond six are national (CN, HTS) and are not checked; an odd
 * length is checked at the even length below it.
 */
export function hsKnown(code: string): boolean {
  const len = Math.min(6, code.length - (code.length % 2));
  return hsNomenclature().has(code.slice(0, len));
}

/** The description of the most specific HS 2022 level the code reaches ("" when unknown). */
export function hsDescription(code: string): string {
  const nom = hsNomenclature();
  for (const len of [6, 4, 2]) {
    const e = code.length >= len ? nom.get(code.slice(0, len)) : undefined;
    if (e) return e.description;
  }
  return '';
}

// ---- Common High Priority List ----

export interface ChplItem {
  tier: string;
  hs6: string;
  description: string;
}

let chpl: ChplItem[] | undefined;

/** The 50 HS-6 codes of the CHPL (version of 23 Feb 2024), from the shared rules data. */
export function chplItems(): ChplItem[] {
  if (!chpl) {
    const rows = readCsvObjects(join(rulesDataDir(), 'chpl-2024-02-common-high-priority-list.csv'));
    chpl = rows.map((r) => ({ tier: r.tier, hs6: r.hs6, description: r.hs2022_description }));
  }
  return chpl;
}

// ---- description → HS 2022 suggestions (TF-IDF over subheading + heading descriptions) ----

const STOPWORDS = new Set(
  'a an and or of for the in on with without whether not other than n e c nec by to its their from as at be being such including excluding incl excl other parts thereof kind kinds used use type no heading headings chapter subheading'.split(' '),
);

function terms(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+/g) ?? []).filter((t) => t.length > 1 && !STOPWORDS.has(t)).map((t) => porter(t));
}

interface TfIdfIndex {
  docs: Array<{ code: string; weights: Map<string, number> }>;
  idf: Map<string, number>;
}

let tfidf: TfIdfIndex | undefined;

function tfidfIndex(): TfIdfIndex {
  if (tfidf) return tfidf;
  const nom = hsNomenclature();
  const raw: Array<{ code: string; tf: Map<string, number> }> = [];
  for (const e of nom.values()) {
    if (e.code.length !== 6) continue;
    const heading = nom.get(e.parent);
    const tf = new Map<string, number>();
    // the subheading's own words count double: they are what distinguishes it from its siblings
    for (const t of terms(e.description)) tf.set(t, (tf.get(t) ?? 0) + 2);
    for (const t of terms(heading?.description ?? '')) tf.set(t, (tf.get(t) ?? 0) + 1);
    raw.push({ code: e.code, tf });
  }
  const df = new Map<string, number>();
  for (const d of raw) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [t, n] of df) idf.set(t, Math.log(raw.length / n));
  const docs = raw.map((d) => {
    const weights = new Map<string, number>();
    let norm = 0;
    for (const [t, n] of d.tf) {
      const w = (1 + Math.log(n)) * (idf.get(t) ?? 0);
      weights.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of weights) weights.set(t, w / norm);
    return { code: d.code, weights };
  });
  tfidf = { docs, idf };
  return tfidf;
}

export interface HsSuggestion {
  code: string;
  description: string;
  score: number;
}

/** Up to `n` HS 2022 subheadings whose descriptions best fit a free-text description (cosine of TF-IDF). */
export function suggestHs(description: string, n = 3): HsSuggestion[] {
  const index = tfidfIndex();
  const q = new Map<string, number>();
  for (const t of terms(description)) q.set(t, (q.get(t) ?? 0) + 1);
  let qnorm = 0;
  for (const [t, c] of q) {
    const w = (1 + Math.log(c)) * (index.idf.get(t) ?? 0);
    q.set(t, w);
    qnorm += w * w;
  }
  qnorm = Math.sqrt(qnorm);
  if (!qnorm) return [];
  const scored: HsSuggestion[] = [];
  for (const d of index.docs) {
    let s = 0;
    for (const [t, w] of q) s += w * (d.weights.get(t) ?? 0);
    if (s > 0) scored.push({ code: d.code, description: '', score: s / qnorm });
  }
  scored.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  const nom = hsNomenclature();
  return scored.slice(0, n).map((s) => ({ ...s, score: Math.round(s.score * 100) / 100, description: nom.get(s.code)?.description ?? '' }));
}
