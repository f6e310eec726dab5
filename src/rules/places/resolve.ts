// A free-text place or address → a country, a KATOTTH unit of Ukraine (with its occupation status on
// the transaction date and the sanctioned territories it lies in), or a DPRK port or crossing.
import { countryCode } from '../../model/countries.js';
import { rulesDataDir } from '../../config.js';
import type { PlaceAlias, RuleTables } from '../tables.js';
import { parseAddress, type Phrase } from './address.js';
import { kmuLatin, placeKey } from './keys.js';
import { ukraineIndex, type Category, type Occupation, type Unit, type UkraineIndex } from './ukraine.js';

export interface ResolvedUnit {
  unit: Unit;
  /** "Макіївка, Макіївська громада, Донецький район, Донецька область". */
  path: string;
  occupation: Occupation;
  /** Territories (territories.json ids) the place is in on the date. */
  territories: string[];
  /** Territories it may be in: the unit is only partly occupied. */
  partialTerritories: string[];
}

export interface PlaceResult {
  input: string;
  status: 'resolved' | 'ambiguous' | 'unresolved';
  country?: string;
  /** Ukrainian candidates: one when resolved to a single unit; several when ambiguous (or all alike). */
  units: ResolvedUnit[];
  /** A DPRK port, city or crossing from the alias table. */
  dprk?: PlaceAlias;
  territories: string[];
  partialTerritories: string[];
  /** How it was resolved, for the hit detail. */
  how: string;
}

export interface ResolveOptions {
  date: string;
  /** A country the caller already knows (a party's country field). */
  countryHint?: string;
}

const SETTLEMENT: Category[] = ['M', 'K', 'X', 'C'];
/** Regions Russia claims to have annexed: an address written as "Россия, ..." may still be in them. */
const CLAIMED = ['UA01000000000013043', 'UA85000000000065278', 'UA14000000000091971', 'UA44000000000018893', 'UA23000000000064947', 'UA65000000000030969'];
const PORT_WORDS = /(?<!\p{L})(port|порт|harbou?r|station|станция|станція|rail(way)?|crossing|border|sez|zone|special economic zone|역|항)(?!\p{L})/giu;

export class PlaceResolver {
  private readonly dprk = new Map<string, PlaceAlias>();
  private readonly uaRegionKeys = new Set<string>();
  private readonly cache = new Map<string, PlaceResult>();
  private ua?: UkraineIndex;

  constructor(
    private readonly tables: RuleTables,
    private readonly dataDir = rulesDataDir(),
  ) {
    for (const a of tables.aliases) {
      if (/\d/.test(a.name)) continue; // ISO 3166-2 codes are matched as written, not as names
      // the first spelling of a place in the table is its display name (Nampo, not Нампо)
      if (a.country !== 'ua' && !this.dprk.has(placeKey(a.name))) this.dprk.set(placeKey(a.name), a);
      if (a.country === 'ua' && (a.kind === 'region' || a.kind === 'ngca')) this.uaRegionKeys.add(placeKey(a.name));
    }
  }

  /** The Ukraine index, loaded on first use. */
  ukraine(): UkraineIndex {
    this.ua ??= ukraineIndex(this.tables.aliases, this.dataDir);
    return this.ua;
  }

  resolve(input: string, opts: ResolveOptions): PlaceResult {
    const cacheKey = `${opts.date}\u0000${opts.countryHint ?? ''}\u0000${input}`;
    let result = this.cache.get(cacheKey);
    if (!result) {
      result = this.resolveUncached(input.trim(), opts);
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(cacheKey, result);
    }
    return result;
  }

  private resolveUncached(input: string, opts: ResolveOptions): PlaceResult {
    const empty = { input, units: [], territories: [], partialTerritories: [] };
    if (!input) return { ...empty, status: 'unresolved', how: 'empty' };
    const iso = /^UA-\d\d$/i.test(input) ? this.tables.aliases.find((a) => a.name.toUpperCase() === input.toUpperCase()) : undefined;
    if (iso) return this.resolvedUnit(input, iso.katotth, opts.date, `ISO 3166-2 code ${iso.name}`);
    const wholeKey = placeKey(input);
    const dprkWhole = this.dprk.get(wholeKey) ?? this.dprk.get(placeKey(input.replace(PORT_WORDS, ' ')));
    if (dprkWhole) return { ...empty, status: 'resolved', country: dprkWhole.country, dprk: dprkWhole, how: `${dprkWhole.kind} ${dprkWhole.name}` };
    // "Crimea" is a country alias in countries.ts; as a place it is a region of Ukraine
    const whole = this.uaRegionKeys.has(wholeKey) ? undefined : countryOf(input);
    if (whole) return { ...empty, status: 'resolved', country: whole, how: `country ${whole.toUpperCase()}` };

    const parsed = parseAddress(input);
    let country = opts.countryHint;
    const phrases: Phrase[] = [];
    let detail = parsed.postalCodes.length > 0; // anything more specific than a country
    for (const p of parsed.phrases) {
      if (p.marker === 'street') {
        detail = true;
        continue;
      }
      const dprk = this.dprk.get(placeKey(p.text.replace(PORT_WORDS, ' ')));
      if (dprk) return { ...empty, status: 'resolved', country: dprk.country, dprk, how: `${dprk.kind} ${dprk.name}` };
      const c = !p.marker && !this.uaRegionKeys.has(placeKey(p.text)) ? countryOf(p.text) : undefined;
      if (c) country = c;
      else {
        phrases.push(p);
        detail = true;
      }
    }
    if (!country || country === 'ua' || country === 'ru') {
      const ua = this.resolveUkraine(phrases, parsed.postalCodes, opts.date);
      const claimed = (u: ResolvedUnit) => CLAIMED.some((c) => this.ukraine().isWithin(u.unit.code, c));
      if (ua && (country !== 'ru' || ua.units.every(claimed))) return { ...ua, input, country: 'ua' };
      // an address in Ukraine whose place we cannot find may be in occupied territory: not a clear
      if (country === 'ua' && detail) return { ...empty, status: 'unresolved', country, how: 'in Ukraine, but no territorial unit matched' };
    }
    if (country) return { ...empty, status: 'resolved', country, how: `country ${country.toUpperCase()}` };
    return { ...empty, status: 'unresolved', how: 'no country, Ukrainian unit or DPRK port matched' };
  }

  private resolvedUnit(input: string, code: string, date: string, how: string): PlaceResult {
    const r = this.describe(this.ukraine().units.get(code)!, date, false);
    return { input, status: 'resolved', country: 'ua', units: [r], territories: r.territories, partialTerritories: r.partialTerritories, how };
  }

  // ---- Ukraine ----

  private resolveUkraine(phrases: Phrase[], postalCodes: string[], date: string): Omit<PlaceResult, 'input' | 'country'> | undefined {
    const idx = this.ukraine();
    const codes = (units: Unit[]) => units.map((u) => u.code);
    const oblasts = phrases.filter((p) => p.marker === 'oblast').flatMap((p) => codes(idx.find(p.text, ['O']).units));
    const postal = postalCodes.map((c) => idx.postalLookup(c));
    const postalUnits = new Set(postal.flatMap((p) => p.units));
    const postalOblasts = postal.map((p) => p.oblast).filter((o): o is string => !!o);
    const raions = phrases.filter((p) => p.marker === 'raion').flatMap((p) => idx.find(p.text, ['P', 'B'], oblasts).units);
    const hromadas = phrases.filter((p) => p.marker === 'hromada').flatMap((p) => codes(idx.find(p.text, ['H'], oblasts).units));
    const raionCodes = raions.filter((u) => u.category === 'P').map((u) => u.code);
    const within = hromadas.length ? hromadas : raionCodes.length ? raionCodes : oblasts;

    // settlements: each unmarked or city/village phrase, then word windows of longer phrases
    type Found = { phrase: Phrase; units: Unit[]; tier: string; ngca: boolean };
    const found: Found[] = [];
    for (const p of phrases) {
      if (p.marker && p.marker !== 'city' && p.marker !== 'village') continue;
      const cats: Category[] = p.marker === 'village' ? ['X', 'C'] : p.marker === 'city' ? ['M', 'K', 'X'] : SETTLEMENT;
      for (const text of [p.text, ...windows(p.text)]) {
        let r = idx.find(text, cats, within);
        if (!r.units.length && !within.length && postalOblasts.length) r = idx.find(text, cats, postalOblasts);
        if (r.units.length) {
          found.push({ phrase: { ...p, text }, units: r.units, tier: r.tier, ngca: r.aliasKinds.has('ngca') });
          break;
        }
      }
    }
    let pick = this.pickSettlement(found, idx);
    let how = pick ? `settlement "${pick.phrase.text}" (${pick.tier} name match)` : '';
    let candidates = pick?.units ?? [];
    if (candidates.length > 1 && postalUnits.size) {
      const byPostal = candidates.filter((u) => postalUnits.has(u.code));
      if (byPostal.length) (candidates = byPostal), (how += ', postal code');
    }
    if (candidates.length > 1 && !oblasts.length && postalOblasts.length) {
      const byPrefix = candidates.filter((u) => postalOblasts.includes(idx.oblastOf(u.code)));
      if (byPrefix.length) (candidates = byPrefix), (how += ', postal code region');
    }
    if (candidates.length > 1 && pick?.phrase.marker !== 'village') {
      // "Запорожье" is the city of Zaporizhzhia, not one of the villages of the same name
      const cities = candidates.filter((u) => u.category === 'M' || u.category === 'K' || u.category === 'O');
      if (cities.length === 1) (candidates = cities), (how += ', the city preferred over villages of the same name');
    }
    if (candidates.length === 1) {
      // a city district named in a raion phrase ("Кировский р-н, г. Макеевка")
      const district = raions.find((u) => u.category === 'B' && u.parent === candidates[0].code);
      if (district) (candidates = [district]), (how += `, district ${district.name}`);
    }
    if (!candidates.length) {
      if (postalUnits.size) (candidates = [...postalUnits].map((c) => idx.units.get(c)!)), (how = `postal code ${postalCodes.join(', ')}`);
      else if (hromadas.length) (candidates = hromadas.map((c) => idx.units.get(c)!)), (how = 'hromada');
      else if (raionCodes.length) (candidates = raionCodes.map((c) => idx.units.get(c)!)), (how = 'raion');
      else if (oblasts.length) (candidates = oblasts.map((c) => idx.units.get(c)!)), (how = 'oblast');
    }
    if (!candidates.length) return undefined;
    const resolved = candidates.map((u) => this.describe(u, date, !!pick?.ngca));
    const signature = (r: ResolvedUnit) => `${r.occupation.status}|${r.territories.sort().join()}|${r.partialTerritories.sort().join()}`;
    const alike = resolved.every((r) => signature(r) === signature(resolved[0]));
    if (resolved.length > 1) how += `; ${resolved.length} units fit${alike ? ', all with the same status' : ''}`;
    return {
      status: resolved.length === 1 || alike ? 'resolved' : 'ambiguous',
      units: resolved,
      territories: alike ? resolved[0].territories : [],
      partialTerritories: alike ? resolved[0].partialTerritories : [],
      how,
    };
  }

  /** Several phrases named settlements: "Makiivka, Donetsk" means the city of Makiivka in Donetsk oblast. */
  private pickSettlement<T extends { phrase: Phrase; units: Unit[]; tier: string }>(found: T[], idx: UkraineIndex): T | undefined {
    if (found.length <= 1) return found[0];
    const remaining = found.filter((f) => {
      const asOblast = idx.find(f.phrase.text, ['O']).units.map((u) => u.code);
      const others = found.filter((o) => o !== f);
      return !(asOblast.length && others.some((o) => o.units.some((u) => asOblast.includes(idx.oblastOf(u.code)))));
    });
    const pool = remaining.length ? remaining : found;
    for (const f of pool) {
      const inOblast = found.filter((o) => o !== f).flatMap((o) => idx.find(o.phrase.text, ['O']).units.map((u) => u.code));
      if (inOblast.length) {
        const units = f.units.filter((u) => inOblast.includes(idx.oblastOf(u.code)));
        if (units.length) f.units = units;
      }
    }
    return pool.find((f) => f.tier === 'exact' && f.phrase.marker) ?? pool.find((f) => f.tier === 'exact') ?? pool.find((f) => f.phrase.marker) ?? pool[0];
  }

  private describe(unit: Unit, date: string, ngca: boolean): ResolvedUnit {
    const idx = this.ukraine();
    const occupation: Occupation = ngca
      ? { status: 'occupied', note: 'named as the so-called DNR/LNR: the non-government-controlled area of the oblast' }
      : idx.occupation(unit.code, date);
    const territories: string[] = [];
    const partialTerritories: string[] = [];
    for (const t of this.tables.territories.values()) {
      const inside = t.katotth.includes('*') || t.katotth.some((k) => idx.isWithin(unit.code, k));
      if (!inside) continue;
      if (t.scope === 'whole' || occupation.status === 'occupied') territories.push(t.id);
      else if (occupation.status === 'partial') partialTerritories.push(t.id);
    }
    const chain = idx.chain(unit.code);
    const named = (u: Unit) => `${u.name}${u.category === 'O' && /Республіка/.test(u.name) ? '' : CATEGORY_SUFFIX[u.category] ?? ''}`;
    const path = [`${kmuLatin(named(chain[0]))} (${named(chain[0])})`, ...chain.slice(1).map((u) => kmuLatin(named(u)))].join(', ');
    return { unit, path, occupation, territories, partialTerritories };
  }
}

const CATEGORY_SUFFIX: Partial<Record<Category, string>> = { O: ' область', P: ' район', H: ' громада', B: ' район' };

/** Word windows of a phrase, longest first ("Makiivka Donetsk" → "Makiivka", "Donetsk"). */
function windows(text: string): string[] {
  const w = text.split(/\s+/);
  if (w.length < 2) return [];
  const out: string[] = [];
  for (let n = Math.min(3, w.length - 1); n >= 1; n--) for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n).join(' '));
  return out;
}

/** A country for a phrase, guarding against two-letter words that happen to be ISO codes ("in", "de"). */
function countryOf(text: string): string | undefined {
  const t = text.trim();
  if (t.length <= 3 && t !== t.toUpperCase()) return undefined;
  return countryCode(t);
}
