// An entity (listed party or screening query) turned into what matching compares: names in every Latin
// rendering, tokenised and classified; birth dates, countries, gender and identifiers normalised.
// Listed parties are prepared once when the Screener is built; a query once per screening.
import type { Entity } from '../model/entity.js';
import { isA } from '../model/schema.js';
import { countryCode } from '../model/countries.js';
import { cleanText, latinVariants, nameKind, nameParts, phoneticKey, spellingKey } from '../text/index.js';
import { finishLatin } from '../text/normalize.js';
import { splitAnnotations } from './annotations.js';
import { letterMask, tokenKind, type TokenKind } from './tokens.js';

/** Where a name came from: weak aliases count for less. */
export type NameSource = 'name' | 'alias' | 'previousName' | 'weakAlias';

export interface PreparedName {
  /** As written. */
  original: string;
  source: NameSource;
  /** Company, organisation or vessel name (generic words and territories are told apart). */
  organisation: boolean;
  /** A vessel's (or aircraft's) name: numbers are part of it, on one side only they make another ship. */
  vessel: boolean;
  /** This Latin rendering (cleaned, lower-case ASCII). */
  latin: string;
  /** True when `latin` is a transliteration (the original is not plain Latin). */
  transliterated: boolean;
  /** Core tokens: legal forms and numbers removed. */
  tokens: string[];
  kinds: TokenKind[];
  phonetic: string[];
  /** What each token is (shared by every name using the token): romanization and consonant keys. */
  infos: TokenInfo[];
  /** Written in Hebrew or Arabic script, which leave vowels out: its renderings guess them. */
  abjad: boolean;
  /** Letter-set bit masks of the tokens (a quick bound before edit distances). */
  masks: number[];
  /** Token lengths and first character codes: the quick bounds read these, not the strings. */
  lengths: number[];
  firsts: number[];
  /** A number per distinct token (never reused), so a query can remember token-pair scores without building keys. */
  ids: number[];
  /** Tokens without spaces, in written order: catches "AbdulRahman" vs "Abdul Rahman". */
  joined: string;
  numbers: string[];
  legalForms: string[];
  /** Countries whose law has the name's national legal form, if it has one (see `findLegalForms`). */
  formCountries: string[] | undefined;
  /** Per token, 1 when it was written abbreviated with a dot ("Com.", "Comm."); undefined when none was. */
  abbreviated: Uint8Array | undefined;
  /**
   * Listed names only, set when indexed (`markComparable`): names with the same number compare alike
   * against any query name (same tokens, numbers and flags), so one score serves every party carrying it.
   */
  comparable?: number;
}

export interface PreparedEntity {
  schema: string;
  names: PreparedName[];
  /** ISO prefixes: YYYY, YYYY-MM or YYYY-MM-DD. */
  birthDates: string[];
  /** ISO alpha-2 lower-case codes from nationality, citizenship, country, jurisdiction. */
  countries: string[];
  gender: string | undefined;
  /** Identifier property → normalised values. */
  identifiers: Map<string, string[]>;
}

export const NAME_PROPS: readonly NameSource[] = ['name', 'alias', 'previousName', 'weakAlias'];

/** Identifier properties, by how specific they are: a match on any of them is evidence. */
export const STRONG_ID_PROPS = ['imoNumber', 'mmsi', 'innCode', 'ogrnCode', 'swiftBic', 'leiCode'] as const;
export const ID_PROPS = [...STRONG_ID_PROPS, 'passportNumber', 'idNumber', 'taxNumber', 'registrationNumber', 'vatCode', 'callSign'] as const;

const COUNTRY_PROPS = ['nationality', 'citizenship', 'country', 'jurisdiction'];

/** Longest name we look at: anything longer is noise or an attack, not a name. */
export const MAX_NAME_CHARS = 300;
const MAX_TOKENS = 24;

/** Upper-case alphanumerics: "AB 123-456" and "ab123456" are the same passport number; "IMO 9123456" is 9123456. */
export function normalizeIdentifier(value: string): string {
  return value.normalize('NFKC').toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '').replace(/^IMO(?=\d{7}$)/, '');
}

/** A date in any common form → ISO prefix (YYYY, YYYY-MM, YYYY-MM-DD), undefined when not a date. */
export function normalizeDate(value: string): string | undefined {
  const v = value.trim();
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(v);
  if (m) return isoDate(m[1], m[2], m[3]);
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(v); // day first, as lists outside the US write it
  if (m) return isoDate(m[3], m[2], m[1]);
  m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/.exec(v);
  if (m) {
    const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
    if (month > 0) return isoDate(m[3], String(month), m[1]);
  }
  m = /\b(1[89]\d\d|20\d\d)\b/.exec(v);
  return m ? m[1] : undefined;
}
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoDate(y: string, mo?: string, d?: string): string | undefined {
  const year = Number(y);
  if (year < 1800 || year > 2100) return undefined;
  if (!mo || Number(mo) < 1 || Number(mo) > 12) return y;
  const mm = mo.padStart(2, '0');
  if (!d || Number(d) < 1 || Number(d) > 31) return `${y}-${mm}`;
  return `${y}-${mm}-${d.padStart(2, '0')}`;
}

export function isOrganisation(schema: string): boolean {
  return !isA(schema, 'Person');
}

export function isVessel(schema: string): boolean {
  return isA(schema, 'Vessel') || isA(schema, 'Airplane');
}

/**
 * "K.I.M J.O.N.G U.N" and "K I M  J O N G" write a name letter by letter to slip past screening: once a
 * name has a run of three or more single letters joined by one separator, every such run becomes a word.
 * (Plain initials, "N.K. Bansal", stay initials.)
 */
const LETTER_RUN = /(?<![\p{L}\p{N}])\p{L}([.\-_·•* ])\p{L}(?![\p{L}\p{N}])(?:\1\p{L}(?![\p{L}\p{N}]))*/gu;
const LONG_RUN = /(?<![\p{L}\p{N}])\p{L}([.\-_·•* ])\p{L}(?![\p{L}\p{N}])\1\p{L}(?![\p{L}\p{N}])/u;
export function joinSpelledOut(text: string): string {
  if (!LONG_RUN.test(text)) return text;
  return text.replace(/\s{2,}/g, ' \u0000 ').replace(LETTER_RUN, (run, sep: string) => run.split(sep).join('')).replace(/ ?\u0000 ?/g, ' ');
}

/** Runs of 3+ single-letter tokens left after cleaning are initials run together: join them. */
function joinLetterRuns(tokens: string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 3) out.push(run.join(''));
    else out.push(...run);
    run = [];
  };
  for (const t of tokens) {
    if (t.length === 1 && /[a-z]/.test(t)) run.push(t);
    else {
      flush();
      out.push(t);
    }
  }
  flush();
  return out;
}

// English number words and Roman numerals that vessel and company names use as numbers ("Sino Iron II").
const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', first: '1', second: '2', third: '3',
  ii: '2', iii: '3', iv: '4', vi: '6', vii: '7', viii: '8', ix: '9', xi: '11', xii: '12',
};

/**
 * What a token is, shared by every name that uses it. The keys only some comparisons read are computed
 * on first use: most listed words are never compared by spelling or consonants, and an index build meets
 * a hundred thousand of them.
 */
export class TokenInfo {
  private spellingValue: string | undefined;
  private consonantsValue: string | undefined;
  private orgKindValue: TokenKind | undefined;

  constructor(
    readonly token: string,
    /** A number per distinct token (never reused), so a query can remember token-pair scores without building keys. */
    readonly id: number,
    readonly personKind: TokenKind,
    readonly phonetic: string,
    /** Letter-set bit mask (a quick bound before edit distances). */
    readonly mask: number,
  ) {}

  /** The kind in an organisation's name (generic business words, countries). */
  get orgKind(): TokenKind {
    return (this.orgKindValue ??= tokenKind(this.token, true));
  }

  /** Romanization conventions folded (`spellingKey`): Rabinovich and Rabinowitz share one. */
  get spelling(): string {
    return (this.spellingValue ??= spellingKey(this.token));
  }

  /** The spelling without vowels: what Hebrew and Arabic write ("kst" for Keshet and קשת). */
  get consonants(): string {
    return (this.consonantsValue ??= this.spelling.replace(VOWELS, ''));
  }
}

// What a token is, once per distinct token: names repeat their words (100k distinct in 500k uses), and
// kinds and phonetic keys cost. Bounded, so a long-running server does not grow it forever.
const tokenInfos = new Map<string, TokenInfo>();
const VOWELS = /[aeiouy]/g;
let nextTokenId = 0;
const MAX_TOKEN_INFOS = 300_000;

function tokenInfo(token: string): TokenInfo {
  let info = tokenInfos.get(token);
  if (!info) {
    if (tokenInfos.size >= MAX_TOKEN_INFOS) tokenInfos.clear();
    info = new TokenInfo(token, nextTokenId++, tokenKind(token, false), token.length > 1 ? phoneticKey(token) : token, letterMask(token));
    tokenInfos.set(token, info);
  }
  return info;
}

/** Written in another script than Latin (so its Latin renderings are transliterations). */
const NOT_LATIN = /[^\p{Script=Latin}\p{N}\p{P}\p{S}\p{Z}\p{M}\p{Cf}\p{Cc}]/u;
const NON_ASCII = /[^\x00-\x7f]/;
const ABJAD = /[\p{Script=Hebrew}\p{Script=Arabic}]/u;

/**
 * Every prepared name is made here, its fields always in this order and all present (`comparable` too,
 * set later when indexed): one object shape, so the comparison loops stay monomorphic. A copy made with
 * spread syntax would have another shape.
 */
function makeName(n: PreparedName): PreparedName {
  return {
    original: n.original,
    source: n.source,
    organisation: n.organisation,
    vessel: n.vessel,
    latin: n.latin,
    transliterated: n.transliterated,
    tokens: n.tokens,
    kinds: n.kinds,
    phonetic: n.phonetic,
    infos: n.infos,
    abjad: n.abjad,
    masks: n.masks,
    lengths: n.lengths,
    firsts: n.firsts,
    ids: n.ids,
    joined: n.joined,
    numbers: n.numbers,
    legalForms: n.legalForms,
    formCountries: n.formCountries,
    abbreviated: n.abbreviated,
    comparable: n.comparable,
  };
}

function prepareLatin(original: string, transliterated: boolean, latin: string, source: NameSource, schema: string): PreparedName | undefined {
  const organisation = isOrganisation(schema);
  const parts = nameParts(latin, schema);
  let core = joinLetterRuns(parts.core).slice(0, MAX_TOKENS);
  const numbers = [...parts.numbers];
  if (organisation && core.length > 1) {
    // number words count as numbers in object and company names, never in people's names ("Ali Sani I")
    const kept = core.filter((t, i) => {
      const n = NUMBER_WORDS[t] ?? (t === 'i' || t === 'v' || t === 'x' ? (i === core.length - 1 ? { i: '1', v: '5', x: '10' }[t] : undefined) : undefined);
      if (n) numbers.push(n);
      return !n;
    });
    if (kept.length) core = kept;
  }
  if (core.length === 0 && numbers.length === 0) return undefined;
  const parsed: ParsedName = {
    latin,
    tokens: core,
    numbers: [...new Set(numbers.map((n) => n.replace(/^0+(?=\d)/, '')))],
    legalForms: parts.legalForms,
    formCountries: parts.formCountries,
    abbreviated: organisation && !transliterated ? abbreviatedTokens(original, core) : undefined,
  };
  return finishName(original, transliterated, source, schema, parsed);
}

/**
 * What parsing a Latin rendering finds (the costly part of preparing a name, kept by `NameCache` files);
 * `finishName` derives the rest.
 */
export interface ParsedName {
  latin: string;
  tokens: string[];
  numbers: string[];
  legalForms: string[];
  formCountries: string[] | undefined;
  abbreviated: Uint8Array | undefined;
}

/** A prepared name from its parsed rendering: token keys, kinds, bounds. */
function finishName(original: string, transliterated: boolean, source: NameSource, schema: string, p: ParsedName): PreparedName {
  const organisation = isOrganisation(schema);
  const core = p.tokens;
  const infos = core.map((t) => tokenInfo(t));
  return makeName({
    original,
    source,
    organisation,
    vessel: isVessel(schema),
    latin: p.latin,
    transliterated,
    tokens: core,
    kinds: infos.map((i) => (organisation ? i.orgKind : i.personKind)),
    phonetic: infos.map((i) => i.phonetic),
    infos,
    abjad: transliterated && ABJAD.test(original),
    masks: infos.map((i) => i.mask),
    lengths: core.map((t) => t.length),
    firsts: core.map((t) => t.charCodeAt(0)),
    ids: infos.map((i) => i.id),
    joined: core.join(''),
    numbers: p.numbers,
    legalForms: p.legalForms,
    formCountries: p.formCountries,
    abbreviated: p.abbreviated,
    comparable: undefined,
  });
}

/** Written in another script than Latin: its Latin renderings are transliterations. */
function isTransliterated(written: string): boolean {
  return NON_ASCII.test(written) && NOT_LATIN.test(written);
}

/** A word of two or more letters followed by a dot ("Ind. e Com. Ltda", "Mgmt."), not a dotted run ("S.A."). */
const DOTTED_WORD = /(\p{L}{2,})\.(?!\p{L})/gu;

/** Flags for the core tokens written abbreviated in the original; undefined when none was. */
function abbreviatedTokens(original: string, core: string[]): Uint8Array | undefined {
  if (!original.includes('.')) return undefined;
  let flags: Uint8Array | undefined;
  for (const m of original.matchAll(DOTTED_WORD)) {
    const i = core.indexOf(finishLatin(m[1]));
    if (i < 0) continue;
    flags ??= new Uint8Array(core.length);
    flags[i] = 1;
  }
  return flags;
}

/** A prepared name with the key that tells duplicates apart (same tokens, same numbers). */
interface KeyedName {
  key: string;
  name: PreparedName;
  /** A rendering of the written name itself (its source is the caller's), not of a former name beside it. */
  main: boolean;
}

/** One written name → prepared names: every Latin rendering of the name and of former names beside it. */
export function prepareName(raw: string, source: NameSource, schema: string): PreparedName[] {
  return prepareNameKeyed(raw, source, schema).map((k) => k.name);
}

/** The source of a former name written beside a name ("ex-", "f.k.a."). */
function besideSource(source: NameSource): NameSource {
  return source === 'weakAlias' ? 'weakAlias' : 'previousName';
}

function prepareNameKeyed(raw: string, source: NameSource, schema: string): KeyedName[] {
  const text = raw.length > MAX_NAME_CHARS ? raw.slice(0, MAX_NAME_CHARS) : raw;
  const { name, others } = splitAnnotations(text, isVessel(schema));
  const out: KeyedName[] = [];
  const seen = new Set<string>();
  const add = (written: string, src: NameSource, main: boolean) => {
    const transliterated = isTransliterated(written);
    for (const latin of latinVariants(joinSpelledOut(written))) {
      const p = prepareLatin(written, transliterated, latin, src, schema);
      if (!p) continue;
      const key = `${p.tokens.join(' ')}|${p.numbers.join(' ')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ key, name: p, main });
    }
  };
  add(name, source, true);
  for (const other of others) add(other, besideSource(source), false);
  // remarks may be part of the identity ("Al-Haramain Foundation (Union of the Comoros)"): keep the full text too
  if (!others.length && name !== text.trim()) add(text, source, true);
  return out;
}

/** Names of an entity, including first/last name parts joined when no full name is given. */
function writtenNames(props: Record<string, string[]>): Array<[string, NameSource]> {
  const out: Array<[string, NameSource]> = [];
  for (const source of NAME_PROPS) for (const v of props[source] ?? []) out.push([v, source]);
  const first = props.firstName ?? [];
  const last = props.lastName ?? [];
  if (first.length || last.length) {
    const middle = [...(props.middleName ?? []), ...(props.secondName ?? []), ...(props.fatherName ?? [])];
    const full = [first[0], ...middle, last[0]].filter(Boolean).join(' ');
    if (full) {
      const cleanFull = cleanText(full);
      if (!out.some(([v]) => v === full || cleanText(v) === cleanFull)) out.push([full, out.length ? 'alias' : 'name']);
    }
  }
  return out;
}

/**
 * One Latin rendering of a written name as a `NameCache` file keeps it (what parsing found; the rest is
 * derived again): [a rendering of the written name itself (1) or of a former name beside it (0), the text
 * it renders ('' for the written name as given), Latin rendering, tokens, numbers, legal forms, countries
 * of the legal form (0: none), abbreviated-token flags (0: none)].
 */
export type StoredName = [0 | 1, string, string, string[], string[], string[], string[] | 0, number[] | 0];

/**
 * Prepared names of written names, kept while many entities are prepared together: the same party is on
 * several lists under the same names. Prepared names are not changed once made (bar the comparable number an
 * index gives them, equal for equal names), so entities may share them. Can start from stored entries (a
 * file of an earlier build, see name-cache-file.ts): those are made into prepared names without parsing.
 */
export class NameCache {
  private readonly names = new Map<string, KeyedName[]>();
  private readonly stored: Map<string, StoredName[]>;
  /** Written names prepared afresh (not among the stored entries). */
  misses = 0;

  constructor(stored: Iterable<[string, StoredName[]]> = []) {
    this.stored = new Map(stored);
  }

  get(raw: string, source: NameSource, schema: string): KeyedName[] {
    // keyed by what parsing depends on (the kind of name, not the schema or the source): the same text is an
    // alias on one list and a name on another, a Company on one and an Organization on another
    const key = `${nameKind(schema)}\u0000${raw}`;
    let found = this.names.get(key);
    if (!found) {
      const kept = this.stored.get(key);
      if (kept) found = kept.map((k) => restoreName(k, raw, source, schema));
      else {
        found = prepareNameKeyed(raw, source, schema);
        this.misses++;
      }
      this.names.set(key, found);
    }
    return found.map((k) => {
      const label = k.main ? source : besideSource(source);
      if (k.name.source === label) return k;
      const name = makeName(k.name);
      name.source = label;
      return { ...k, name };
    });
  }

  /**
   * Entries to store: every written name used since this cache was made, then stored ones not used (names
   * of other datasets or of earlier list versions) while they are fewer than the used ones.
   */
  *entries(): Generator<[string, StoredName[]]> {
    for (const [key, keyed] of this.names) {
      const raw = key.slice(key.indexOf('\u0000') + 1);
      yield [key, keyed.map((k) => storedName(k, raw))];
    }
    const unused = [...this.stored.keys()].filter((key) => !this.names.has(key));
    if (unused.length <= this.names.size) for (const key of unused) yield [key, this.stored.get(key)!];
  }
}

function storedName(k: KeyedName, raw: string): StoredName {
  const n = k.name;
  return [k.main ? 1 : 0, n.original === raw ? '' : n.original, n.latin, n.tokens, n.numbers, n.legalForms, n.formCountries ?? 0, n.abbreviated ? [...n.abbreviated] : 0];
}

function restoreName(s: StoredName, raw: string, source: NameSource, schema: string): KeyedName {
  const [main, written, latin, tokens, numbers, legalForms, formCountries, abbreviated] = s;
  const original = written === '' ? raw : written;
  const parsed: ParsedName = { latin, tokens, numbers, legalForms, formCountries: formCountries || undefined, abbreviated: abbreviated ? Uint8Array.from(abbreviated) : undefined };
  const name = finishName(original, isTransliterated(original), main ? source : besideSource(source), schema, parsed);
  return { key: `${tokens.join(' ')}|${numbers.join(' ')}`, name, main: main === 1 };
}

/** Prepare an entity or a query (same shape: schema + properties). */
export function prepareEntity(entity: Pick<Entity, 'schema' | 'properties'>, cache?: NameCache): PreparedEntity {
  const props = entity.properties;
  const names: PreparedName[] = [];
  const seen = new Set<string>();
  for (const [written, source] of writtenNames(props)) {
    for (const { key, name } of cache ? cache.get(written, source, entity.schema) : prepareNameKeyed(written, source, entity.schema)) {
      // the same name under a stronger source wins (name before alias before weakAlias)
      if (seen.has(key)) continue;
      seen.add(key);
      names.push(name);
    }
  }
  const birthDates = props.birthDate?.length ? uniq(props.birthDate.map(normalizeDate)) : [];
  const countries: string[] = [];
  for (const prop of COUNTRY_PROPS) for (const v of props[prop] ?? []) countries.push(cachedCountryCode(v) as string);
  const gender = normalizeGender(props.gender?.[0]);
  const identifiers = new Map<string, string[]>();
  for (const prop of ID_PROPS) {
    if (!props[prop]?.length) continue;
    const vals = uniq(props[prop].map(normalizeIdentifier).filter((v) => v.length >= 4));
    if (vals.length) identifiers.set(prop, vals);
  }
  return { schema: entity.schema, names, birthDates, countries: uniq(countries), gender, identifiers };
}

// Country values repeat (a few hundred distinct in 100k); the lookup normalises text each time.
const countryCodes = new Map<string, string | undefined>();
function cachedCountryCode(value: string): string | undefined {
  if (countryCodes.has(value)) return countryCodes.get(value);
  const code = countryCode(value);
  if (countryCodes.size < 10_000) countryCodes.set(value, code);
  return code;
}

export function normalizeGender(value: string | undefined): string | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  if (v === 'm' || v === 'male' || v === 'man') return 'male';
  if (v === 'f' || v === 'female' || v === 'woman') return 'female';
  return undefined;
}

function uniq(values: Array<string | undefined>): string[] {
  return [...new Set(values.filter((v): v is string => !!v))];
}

// Comparable-name numbers: one per distinct (tokens, numbers, flags), shared by every index built in this
// process so that a number never means two things (the same party sits on several lists under one name).
const comparableNumbers = new Map<string, number>();

/** Give a listed name its comparable-name number (see `PreparedName.comparable`). */
export function markComparable(n: PreparedName): void {
  if (n.comparable !== undefined) return;
  const flags = `${+n.transliterated}${+n.organisation}${+n.vessel}${+n.abjad}`;
  const key = `${n.tokens.join(' ')}|${n.numbers.join(' ')}|${flags}|${n.abbreviated?.join('') ?? ''}`;
  let number = comparableNumbers.get(key);
  if (number === undefined) comparableNumbers.set(key, (number = comparableNumbers.size));
  n.comparable = number;
}
