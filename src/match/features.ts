// Features: small pure functions of a prepared query and a prepared listed party. Each returns a value in
// [0, 1] (how strongly the feature holds) and a sentence an analyst can check. Weights are not here:
// they live in one table per algorithm (algorithms.ts).
import { countryName } from '../model/countries.js';
import { legalFormCountriesDisjoint, legalFormsAgree } from '../text/legal.js';
import { compareNames, numbersDisagree, rememberedNameScore, type NameWeights } from './names.js';
import { STRONG_ID_PROPS, type PreparedEntity, type PreparedName } from './prepare.js';

export interface FeatureResult {
  score: number;
  /** What an analyst reads; built only when explaining (`input.explain`): strings cost time in bulk. */
  detail: string;
}

/** The two parties and their best name pairs (computed once: name comparison is the costly part). */
export interface FeatureInput {
  q: PreparedEntity;
  c: PreparedEntity;
  weights: NameWeights;
  name: BestName | undefined;
  weak: BestName | undefined;
  explain: boolean;
}

export interface BestName {
  score: number;
  qn: PreparedName;
  cn: PreparedName;
}

export type FeatureFn = (input: FeatureInput) => FeatureResult;

export function featureInput(q: PreparedEntity, c: PreparedEntity, weights: NameWeights, explain: boolean): FeatureInput {
  // the best pair of a query name and a listed name, among strong names and among weak aliases, in one pass
  // (ties keep the first pair; a perfect pair ends the search of its kind)
  let bestScore = -1;
  let bestQ = -1;
  let bestC = -1;
  let weakScore = -1;
  let weakQ = -1;
  let weakC = -1;
  for (let ci = 0; ci < c.names.length; ci++) {
    const cn = c.names[ci];
    const weak = cn.source === 'weakAlias';
    if ((weak ? weakScore : bestScore) >= 1) continue;
    for (let qi = 0; qi < q.names.length; qi++) {
      const score = rememberedNameScore(q.names[qi], qi, cn, weights);
      if (weak && score > weakScore) {
        weakScore = score;
        weakQ = qi;
        weakC = ci;
      } else if (!weak && score > bestScore) {
        bestScore = score;
        bestQ = qi;
        bestC = ci;
      }
      if (score >= 1) break;
    }
  }
  const pair = (score: number, qi: number, ci: number): BestName | undefined => (qi < 0 ? undefined : { score, qn: q.names[qi], cn: c.names[ci] });
  return { q, c, weights, explain, name: pair(bestScore, bestQ, bestC), weak: pair(weakScore, weakQ, weakC) };
}

const NONE: FeatureResult = { score: 0, detail: '' };

function describeName(m: BestName, w: NameWeights): string {
  const { qn, cn } = m;
  const cmp = compareNames(qn, cn, w);
  const how = cmp.score >= 1 && !cmp.joined ? '=' : '≈';
  const via: string[] = [];
  if (qn.transliterated) via.push(`query transliterated: ${qn.latin}`);
  if (cn.transliterated) via.push(`listed transliterated: ${cn.latin}`);
  if (cn.source !== 'name') via.push(`listed as ${cn.source === 'previousName' ? 'former name' : cn.source === 'weakAlias' ? 'weak alias' : 'alias'}`);
  const fuzzy = cmp.pairs.filter((p) => p.score < 1).map((p) => `${p.query}~${p.candidate} ${p.score.toFixed(2)}`);
  if (fuzzy.length) via.push(`close: ${fuzzy.join(', ')}`);
  if (cmp.joined) via.push('same letters, spaces differ');
  if (cmp.unmatchedQuery.length) via.push(`query words not found: ${cmp.unmatchedQuery.join(' ')}`);
  if (cmp.unmatchedCandidate.length) via.push(`listed words not in query: ${cmp.unmatchedCandidate.join(' ')}`);
  if (cmp.numbersDisagree) via.push(`numbers differ: ${qn.numbers.join(' ')} vs ${cn.numbers.join(' ')}`);
  return `name '${qn.original}' ${how} '${cn.original}'${via.length ? ` (${via.join('; ')})` : ''}`;
}

export const nameMatch: FeatureFn = ({ name: m, weights, explain }) => {
  return m && m.score > 0 ? { score: m.score, detail: explain ? describeName(m, weights) : '' } : NONE;
};

export const weakAliasMatch: FeatureFn = ({ weak: m, weights, explain }) => {
  return m && m.score > 0 ? { score: m.score, detail: explain ? describeName(m, weights) : '' } : NONE;
};

/** The best name pair's numbers differ ("Bank 1" vs "Bank 2"): the name score already carries the penalty. */
export const numbersMismatch: FeatureFn = ({ name: m, explain }) => {
  return m && numbersDisagree(m.qn, m.cn) ? { score: 1, detail: explain ? `numbers in the names differ: ${m.qn.numbers.join(' ')} vs ${m.cn.numbers.join(' ')}` : '' } : NONE;
};

function sharedIdentifier(q: PreparedEntity, c: PreparedEntity, props: readonly string[] | undefined): string | undefined {
  for (const [qp, qv] of q.identifiers) {
    if (props && !props.includes(qp)) continue;
    for (const [cp, cv] of c.identifiers) {
      if (props && cp !== qp) continue;
      const hit = qv.find((v) => cv.includes(v));
      if (hit) return `${cp} ${hit}`;
    }
  }
  return undefined;
}

/** Same IMO, MMSI, INN, OGRN, BIC or LEI: these are issued once per party. */
export const strongIdentifierMatch: FeatureFn = ({ q, c }) => {
  const hit = sharedIdentifier(q, c, STRONG_ID_PROPS);
  return hit ? { score: 1, detail: `same ${hit}` } : NONE;
};

/** Any identifier of the query equals any identifier of the listed party (passport given as a plain id number). */
export const identifierMatch: FeatureFn = ({ q, c }) => {
  const hit = sharedIdentifier(q, c, undefined);
  return hit ? { score: 1, detail: `same identifier: ${hit}` } : NONE;
};

/** Both sides carry an identifier of the same type and none agrees. */
export const identifierMismatch: FeatureFn = ({ q, c, explain }) => {
  if (q.identifiers.size === 0 || c.identifiers.size === 0 || sharedIdentifier(q, c, undefined)) return NONE;
  for (const [prop, qv] of q.identifiers) {
    const cv = c.identifiers.get(prop);
    if (cv) return { score: 1, detail: explain ? `different ${prop}: ${qv.join(', ')} vs ${cv.join(', ')}` : '' };
  }
  return NONE;
};

/** Whether two ISO date prefixes (YYYY, YYYY-MM, YYYY-MM-DD) share their year (compared in place: no substring). */
function sameYear(a: string, b: string): boolean {
  return a.charCodeAt(0) === b.charCodeAt(0) && a.charCodeAt(1) === b.charCodeAt(1) && a.charCodeAt(2) === b.charCodeAt(2) && a.charCodeAt(3) === b.charCodeAt(3);
}

function yearInCommon(a: string[], b: string[]): boolean {
  for (const x of a) for (const y of b) if (sameYear(x, y)) return true;
  return false;
}

/** No birth year in common (both sides give one). */
export const dobYearDisjoint: FeatureFn = ({ q, c, explain }) => {
  if (!q.birthDates.length || !c.birthDates.length || yearInCommon(q.birthDates, c.birthDates)) return NONE;
  return { score: 1, detail: explain ? `born ${q.birthDates.join(', ')} vs listed ${c.birthDates.join(', ')}` : '' };
};

/** A birth year in common, but the full dates given on both sides differ. */
export const dobDayDisjoint: FeatureFn = ({ q, c, explain }) => {
  // (loops, not filter/some: this runs for every candidate of every query that gives a birth date)
  let qFull = false;
  let cFull = false;
  for (const d of c.birthDates) if (d.length === 10) cFull = true;
  if (!cFull) return NONE;
  for (const d of q.birthDates) {
    if (d.length !== 10) continue;
    qFull = true;
    if (c.birthDates.includes(d)) return NONE;
  }
  if (!qFull || !yearInCommon(q.birthDates, c.birthDates)) return NONE; // a year apart is counted by dobYearDisjoint
  const full = (dates: string[]) => dates.filter((d) => d.length === 10).join(', ');
  return { score: 1, detail: explain ? `same birth year, different day: ${full(q.birthDates)} vs listed ${full(c.birthDates)}` : '' };
};

/** The same birth date (to the precision both give). */
export const dobMatch: FeatureFn = ({ q, c, explain }) => {
  for (const d of q.birthDates) {
    const hit = c.birthDates.find((e) => e === d || (e.length !== d.length && (e.startsWith(d) || d.startsWith(e))));
    if (hit) return { score: hit.length >= 10 && d.length >= 10 ? 1 : 0.5, detail: explain ? `born ${d}, listed ${hit}` : '' };
  }
  return NONE;
};

// Territories that are one country for screening: predecessor states and their successors.
const RELATED: Record<string, string[]> = {
  suhh: ['ru', 'ua', 'by', 'kz', 'uz', 'tm', 'kg', 'tj', 'ge', 'am', 'az', 'md', 'lt', 'lv', 'ee'],
  yucs: ['rs', 'me', 'hr', 'si', 'ba', 'mk', 'xk'],
  csxx: ['rs', 'me', 'xk'],
  cshh: ['cz', 'sk'],
  ps: ['il'],
  hk: ['cn'],
  mo: ['cn'],
};
function related(a: string, b: string): boolean {
  return a === b || !!RELATED[a]?.includes(b) || !!RELATED[b]?.includes(a);
}

function countryInCommon(a: string[], b: string[]): string | undefined {
  for (const x of a) for (const y of b) if (related(x, y)) return x;
  return undefined;
}

export const countryMatch: FeatureFn = ({ q, c, explain }) => {
  if (!q.countries.length || !c.countries.length) return NONE;
  const hit = countryInCommon(q.countries, c.countries);
  return hit ? { score: 1, detail: explain ? `country ${countryName(hit)} on both` : '' } : NONE;
};

export const countryMismatch: FeatureFn = ({ q, c, explain }) => {
  if (!q.countries.length || !c.countries.length || countryInCommon(q.countries, c.countries)) return NONE;
  return { score: 1, detail: explain ? `countries differ: ${q.countries.map(countryName).join(', ')} vs listed ${c.countries.map(countryName).join(', ')}` : '' };
};

export const genderMismatch: FeatureFn = ({ q, c, explain }) =>
  q.gender && c.gender && q.gender !== c.gender ? { score: 1, detail: explain ? `gender ${q.gender} vs listed ${c.gender}` : '' } : NONE;

/**
 * Both names carry a legal form and the classes do not agree (an LLC is not a JSC; a generic "Company"
 * agrees with any): minor, forms get mis-stated.
 */
export const legalFormMismatch: FeatureFn = ({ name: m, explain }) => {
  if (!m) return NONE;
  const a = m.qn.legalForms;
  const b = m.cn.legalForms;
  if (legalFormsAgree(a, b)) return NONE;
  return { score: 1, detail: explain ? `legal form ${a.join('/')} vs listed ${b.join('/')}` : '' };
};

/**
 * Both names carry a national legal form and no country's law has both ("Korvessa GmbH" vs "Korvessa
 * Sdn. Bhd."): two legal persons registered in different countries, a sister company or a foreign
 * subsidiary, not the listed party itself.
 */
export const legalFormCountryMismatch: FeatureFn = ({ name: m, explain }) => {
  if (!m || !legalFormCountriesDisjoint(m.qn.formCountries, m.cn.formCountries)) return NONE;
  const law = (c: string[] | undefined) => (c ?? []).map((x) => x.toUpperCase()).join('/');
  return { score: 1, detail: explain ? `legal forms under different countries' law: '${m.qn.original}' (${law(m.qn.formCountries)}) vs '${m.cn.original}' (${law(m.cn.formCountries)})` : '' };
};

/** A vessel against a name with a legal form ("Kapitan Guseynov" vs "Kapitan Guseynov Shipping Ltd"): that names its owner or manager, not the ship. */
export const vesselVsCompany: FeatureFn = ({ name: m, explain }) => {
  if (!m || !m.qn.vessel || !m.qn.legalForms.length === !m.cn.legalForms.length) return NONE;
  const company = m.qn.legalForms.length ? m.qn : m.cn;
  return { score: 1, detail: explain ? `'${company.original}' names a company (legal form), not a vessel` : '' };
};

/**
 * The names agree only through a former name on each side, and both parties carry current names that
 * differ ("Apapa Falcon (ex Warri Osprey)" vs "Onne Pelican (ex Warri Osprey)"): names are reused, two
 * parties once called the same are not thereby one.
 */
export const formerNamesOnly: FeatureFn = ({ q, c, name: m, explain }) => {
  if (!m || m.qn.source !== 'previousName' || m.cn.source !== 'previousName') return NONE;
  if (!q.names.some((n) => n.source === 'name') || !c.names.some((n) => n.source === 'name')) return NONE;
  return { score: 1, detail: explain ? `only former names agree ('${m.qn.original}'); the current names differ` : '' };
};
