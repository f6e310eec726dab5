// Ukraine's territorial units (KATOTTH codifier), their names in Ukrainian, Russian and Latin letters,
// postal codes, and whether each is occupied on a given date (the official list of temporarily
// occupied territories, with start and end dates). Built once from the shared rules data on first use.
import { join } from 'node:path';
import { rulesDataDir } from '../../config.js';
import { csvTextRows, readCsvObjects, readReference } from '../csvtext.js';
import type { PlaceAlias } from '../tables.js';
import { placeKey, similar, skeleton } from './keys.js';

/** KATOTTH categories: O oblast/ARC, K city with special status, P raion, H hromada, M city, X selyshche, C village, B city district. */
export type Category = 'O' | 'K' | 'P' | 'H' | 'M' | 'X' | 'C' | 'B';

export interface Unit {
  code: string;
  category: Category;
  name: string;
  parent?: string;
  /** Population from OSM, when known (ranks same-name candidates). */
  population?: number;
}

export interface Period {
  start: string;
  end?: string;
}

/** One row of section II of the official list (temporarily occupied territories). */
export interface Listing {
  code: string;
  name: string;
  periods: Period[];
  /** Units named after "за винятком" (except): not covered by this row. */
  excepted: Set<string>;
  /** Units of which only a part is excepted ("частина м. Золоте"). */
  partlyExcepted: Set<string>;
  /** The row lists only part of its unit ("частина м. Золотого (Золоте – 5)"). */
  partOnly: boolean;
}

export interface Occupation {
  status: 'occupied' | 'not_occupied' | 'partial';
  /** The listing row that decided, if any. */
  listing?: Listing;
  period?: Period;
  note: string;
}

interface NameRef {
  code: string;
  key: string;
  source: 'official' | 'osm' | 'old' | 'alias';
  /** For aliases: region/oblast/city/ngca. */
  aliasKind?: string;
}

export const OCCUPIED_LIST_DATE = '2025-05-07';
const LIST_FILE = 'ua-minre-perelik-2025-05-07.csv';
const CODIFIER_FILE = 'ua-katotth-kodifikator-2025-05-16.csv';
const OSM_FILE = 'ua-osm-name-places.csv';

export class UkraineIndex {
  readonly units = new Map<string, Unit>();
  readonly children = new Map<string, string[]>();
  private readonly byKey = new Map<string, NameRef[]>();
  private readonly bySkeleton = new Map<string, NameRef[]>();
  /** 5-digit postal code → units whose OSM postal range contains it. */
  private readonly postal = new Map<string, Set<string>>();
  /** First two digits of a postal code → oblast code (majority of the OSM places using it). */
  private readonly postalPrefix = new Map<string, string>();
  readonly listings = new Map<string, Listing>();
  readonly loadMs: number;

  constructor(dataDir: string, aliases: PlaceAlias[]) {
    const t0 = performance.now();
    this.loadCodifier(join(dataDir, CODIFIER_FILE));
    this.loadOsm(join(dataDir, OSM_FILE));
    // ISO 3166-2 codes ("UA-43") are looked up by the resolver as written, not as names
    for (const a of aliases) if (a.country === 'ua' && this.units.has(a.katotth) && !/\d/.test(a.name)) this.addName(a.name, { code: a.katotth, source: 'alias', aliasKind: a.kind });
    this.loadOccupiedList(join(dataDir, LIST_FILE));
    this.loadMs = Math.round(performance.now() - t0);
  }

  // ---- loading ----

  private loadCodifier(file: string): void {
    const lines = readReference(file).split('\n');
    for (let i = 1; i < lines.length; i++) {
      const f = lines[i].split(';');
      if (f.length < 7) continue;
      // the unit's code is its deepest filled level; the level above it is the parent
      let level = 4;
      while (level > 0 && !f[level]) level--;
      const code = f[level];
      const unit: Unit = { code, category: f[5] as Category, name: f[6].trim(), parent: level > 0 ? f[level - 1] : undefined };
      this.units.set(code, unit);
      if (unit.parent) {
        const list = this.children.get(unit.parent) ?? [];
        list.push(code);
        this.children.set(unit.parent, list);
      }
      this.addName(unit.name, { code, source: 'official' });
    }
  }

  private loadOsm(file: string): void {
    const [header, ...rows] = csvTextRows(readReference(file));
    const col = (name: string) => header.indexOf(name);
    const [cKatotth, cName, cNameUk, cPopulation, cPostal, cOld, cOldUk] = ['katotth', 'name', 'name:uk', 'population', 'postal_code', 'old_name', 'old_name:uk'].map(col);
    const prefixVotes = new Map<string, Map<string, number>>();
    for (const r of rows) {
      const unit = this.units.get(r[cKatotth]);
      if (!unit) continue;
      if (/^\d+$/.test(r[cPopulation] ?? '')) unit.population = Number(r[cPopulation]);
      for (const n of [r[cName], r[cNameUk]]) if (n) this.addName(n, { code: unit.code, source: 'osm' });
      for (const cell of [r[cOld], r[cOldUk]]) if (cell) for (const n of cell.split(';')) if (n.trim()) this.addName(n, { code: unit.code, source: 'old' });
      const codes = postalCodes(r[cPostal]);
      const oblast = codes.length ? this.oblastOf(unit.code) : '';
      for (const code of codes) {
        const set = this.postal.get(code) ?? new Set();
        set.add(unit.code);
        this.postal.set(code, set);
        const votes = prefixVotes.get(code.slice(0, 2)) ?? new Map<string, number>();
        votes.set(oblast, (votes.get(oblast) ?? 0) + 1);
        prefixVotes.set(code.slice(0, 2), votes);
      }
    }
    for (const [prefix, votes] of prefixVotes) {
      const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
      this.postalPrefix.set(prefix, best[0]);
    }
  }

  private loadOccupiedList(file: string): void {
    for (const r of readCsvObjects(file)) {
      if (r.list_section !== 'II') continue;
      const code = r.katotth_norm;
      const starts = dates(r.start_date);
      const ends = dates(r.end_date);
      const listing: Listing = {
        code,
        name: r.name_uk.replace(/\s+/g, ' ').trim(),
        periods: starts.map((start, i) => ({ start, end: ends[i] })),
        excepted: new Set(),
        partlyExcepted: new Set(),
        partOnly: /^\s*частина(\s|$)/u.test(r.name_uk),
      };
      this.parseExceptions(listing);
      this.listings.set(code, listing);
    }
  }

  /** "Маріупольський район за винятком с. Заїченко, м. Маріуполь, с. Пікузи" → the codes of those three. */
  private parseExceptions(listing: Listing): void {
    const idx = listing.name.indexOf('за винятком');
    if (idx < 0) return;
    const items = listing.name.slice(idx + 'за винятком'.length).split(/,|\sта\s/);
    for (const item of items) {
      const partial = /частина/.test(item);
      const name = item
        .replace(/\(.*?\)/g, '')
        .replace(/частина/g, '')
        .replace(/^\s*(с-ще|с-ща|смт|с\.|м\.|селище|село|місто)\s*/u, '')
        .replace(/^\s*(с-ще|с-ща|смт|с\.|м\.)\s*/u, '')
        .trim();
      if (!name) continue;
      const key = placeKey(name);
      for (const code of this.descendants(listing.code)) {
        const u = this.units.get(code)!;
        if (placeKey(u.name) !== key || !['M', 'X', 'C'].includes(u.category)) continue;
        (partial ? listing.partlyExcepted : listing.excepted).add(code);
      }
    }
  }

  private addName(name: string, partial: Omit<NameRef, 'key'>): void {
    // most OSM names repeat the official one: skip them before computing anything
    if (partial.source !== 'official' && partial.source !== 'alias' && name === this.units.get(partial.code)?.name) return;
    const key = placeKey(name);
    if (!key) return;
    const same = this.byKey.get(key);
    if (same && partial.source !== 'alias' && same.some((r) => r.code === partial.code)) return;
    const ref: NameRef = { code: partial.code, source: partial.source, aliasKind: partial.aliasKind, key };
    push(this.byKey, key, ref);
    const sk = skeleton(key);
    if (sk.length >= 3) push(this.bySkeleton, sk, ref);
  }

  // ---- queries ----

  /** The unit and its ancestors, most specific first. */
  chain(code: string): Unit[] {
    const out: Unit[] = [];
    for (let u = this.units.get(code); u; u = u.parent ? this.units.get(u.parent) : undefined) out.push(u);
    return out;
  }

  oblastOf(code: string): string {
    let u = this.units.get(code);
    while (u?.parent) u = this.units.get(u.parent);
    return u?.code ?? code;
  }

  isWithin(code: string, ancestor: string): boolean {
    for (let u = this.units.get(code); u; u = u.parent ? this.units.get(u.parent) : undefined) if (u.code === ancestor) return true;
    return false;
  }

  *descendants(code: string): Generator<string> {
    for (const child of this.children.get(code) ?? []) {
      yield child;
      yield* this.descendants(child);
    }
  }

  /**
   * Units a name may refer to: exact key first, then the consonant skeleton. `categories` restricts the
   * kind of unit (settlements, raions...); `within` keeps only units inside one of the given units.
   */
  find(name: string, categories: Category[], within?: string[]): { units: Unit[]; tier: 'exact' | 'skeleton' | 'none'; aliasKinds: Set<string> } {
    const key = placeKey(name);
    for (const [tier, refs] of [
      ['exact', this.byKey.get(key)],
      ['skeleton', this.bySkeleton.get(skeleton(key))],
    ] as const) {
      const aliasKinds = new Set<string>();
      const found = new Map<string, Unit>();
      for (const ref of refs ?? []) {
        // a skeleton match must still look alike: Макеевка ~ Макіївка, but Bishkek is not Бишки
        if (tier === 'skeleton' && !similar(key, ref.key)) continue;
        const u = this.units.get(ref.code)!;
        const aliasOk = ref.source === 'alias' && aliasAllows(ref.aliasKind, categories);
        if (!categories.includes(u.category) && !aliasOk) continue;
        if (ref.source === 'alias' && !aliasOk) continue;
        if (within?.length && !within.some((w) => this.isWithin(u.code, w))) continue;
        if (ref.aliasKind) aliasKinds.add(ref.aliasKind);
        found.set(u.code, u);
      }
      if (found.size) return { units: [...found.values()], tier, aliasKinds };
    }
    return { units: [], tier: 'none', aliasKinds: new Set() };
  }

  /** Units whose postal range contains the code, and the oblast its first two digits point to. */
  postalLookup(code: string): { units: string[]; oblast?: string } {
    return { units: [...(this.postal.get(code) ?? [])], oblast: this.postalPrefix.get(code.slice(0, 2)) };
  }

  /**
   * Occupied on `date`? The most specific listing on the unit's chain decides (a village's own row
   * overrides its raion's); units named in a row's "except" clause are not covered by it.
   */
  occupation(code: string, date: string): Occupation {
    const seen: string[] = [];
    let part: { listing: Listing; period?: Period } | undefined; // a row that lists only part of the unit
    for (const u of this.chain(code)) {
      const listing = this.listings.get(u.code);
      seen.push(u.code);
      if (!listing) continue;
      if (seen.some((c) => listing.excepted.has(c))) {
        return { status: 'not_occupied', listing, note: `excepted from the listing of ${listing.name}` };
      }
      const period = coveringPeriod(listing, date);
      if (listing.partOnly && !part) {
        // "частина м. Золотого (Золоте – 5)": the rest of the unit is decided by the rows above
        part = { listing, period };
        continue;
      }
      if (part || seen.some((c) => listing.partlyExcepted.has(c))) {
        const partCovered = !!part?.period;
        if (period && partCovered) return { status: 'occupied', listing, period, note: `listed as temporarily occupied (${listing.name}; ${part!.listing.name})` };
        if (period || partCovered) {
          const which = period ? listing : part!.listing;
          return { status: 'partial', listing: which, period: period ?? part?.period, note: `only part of it is listed as occupied on ${date} (${which.name})` };
        }
        return { status: 'not_occupied', listing, note: `not occupied on ${date} (${listing.name})` };
      }
      if (period) return { status: 'occupied', listing, period, note: `listed as temporarily occupied${period.end ? ` ${period.start} to ${period.end}` : ` since ${period.start}`}` };
      const last = listing.periods[listing.periods.length - 1];
      const when = last ? (date < last.start ? `occupied only from ${last.start}` : `occupied ${periodText(listing.periods)}, not on ${date}`) : 'no dates';
      return { status: 'not_occupied', listing, note: `${when} (${listing.name})` };
    }
    if (part) {
      return part.period
        ? { status: 'partial', listing: part.listing, period: part.period, note: `only part of it is listed as occupied (${part.listing.name})` }
        : { status: 'not_occupied', listing: part.listing, note: `not occupied on ${date} (${part.listing.name})` };
    }
    // not listed itself: is any part of it occupied on the date?
    const inside = this.occupiedPart(code, date);
    if (inside) return { status: 'partial', listing: inside, note: `contains occupied territory (${inside.name})` };
    return { status: 'not_occupied', note: 'not listed as occupied' };
  }

  /** A listing below the unit that is in force on the date (the unit is then only partly occupied). */
  private occupiedPart(code: string, date: string): Listing | undefined {
    for (const listing of this.listings.values()) {
      if (listing.code === code || !this.isWithin(listing.code, code)) continue;
      if (coveringPeriod(listing, date)) return listing;
    }
    return undefined;
  }
}

/** Alias kinds that stand for a category: an "oblast" alias only counts where an oblast is wanted. */
function aliasAllows(kind: string | undefined, categories: Category[]): boolean {
  switch (kind) {
    case 'oblast':
      return categories.includes('O');
    case 'region':
    case 'ngca':
      return categories.includes('O') || categories.includes('M');
    case 'city':
      return categories.includes('M') || categories.includes('K');
    default:
      return false;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** "86100-86180", "79000; 79001" → every 5-digit code (ranges expanded, capped for sanity). */
function postalCodes(text: string | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const part of text.split(/[;,]/)) {
    const m = /^\s*(\d{5})(?:\s*-\s*(\d{5}))?\s*$/.exec(part);
    if (!m) continue;
    const lo = Number(m[1]);
    const hi = m[2] ? Number(m[2]) : lo;
    if (hi < lo || hi - lo > 1000) continue;
    for (let n = lo; n <= hi; n++) out.push(String(n).padStart(5, '0'));
  }
  return out;
}

/** "25.02.2022 01.10.2022" → ISO dates; tolerates "12.11 2022" (a typo in the source). */
function dates(text: string | undefined): string[] {
  return [...(text ?? '').matchAll(/(\d{1,2})\.(\d{1,2})[.\s](\d{4})/g)].map((m) => `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`);
}

function coveringPeriod(listing: Listing, date: string): Period | undefined {
  return listing.periods.find((p) => p.start <= date && (!p.end || date <= p.end));
}

function periodText(periods: Period[]): string {
  return periods.map((p) => `${p.start} to ${p.end ?? 'now'}`).join(', ');
}

let index: UkraineIndex | undefined;
let indexKey = '';

/** The index for the current rules data directory, built on first use (about half a second) and cached. */
export function ukraineIndex(aliases: PlaceAlias[], dataDir = rulesDataDir()): UkraineIndex {
  if (!index || indexKey !== dataDir) {
    index = new UkraineIndex(dataDir, aliases);
    indexKey = dataDir;
  }
  return index;
}
