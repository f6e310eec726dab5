// What a name is made of, once its Latin rendering is cleaned: the distinctive words, legal forms
// (to one class), numbers (which must agree between two names), particles (al, bin, van der, de la)
// and initials (which the scorer down-weights), vessel-type prefixes (dropped). Abbreviations of
// business words are expanded to one form ("Intl" → "international", "Hldgs" → "holdings").
import { isA } from '../model/schema.js';
import { findLegalForms, type LegalClass } from './legal.js';

/** What a name is made of, once legal forms, particles and numbers are recognised. */
export interface NameParts {
  /**
   * Distinctive tokens in written order: cleaned, abbreviations expanded, legal forms, vessel prefixes
   * and numbers removed. Particles and initials stay in place (listed again below, so the scorer can
   * down-weight them).
   */
  core: string[];
  /**
   * Legal-form classes found (LegalClass: 'llc', 'jsc', 'plc', 'corp', 'partnership', 'freezone', 'sole',
   * 'state', 'coop', 'nonprofit'): ООО, OOO, LLC, TOV, Ltd, GmbH all give 'llc'. Compare with `legalFormsAgree`.
   */
  legalForms: string[];
  /** Countries whose law has the name's national legal form (GmbH: de at ch li lu); undefined for none or English forms. */
  formCountries: string[] | undefined;
  /** Numbers in the name (must agree between two names), digits only, as written. */
  numbers: string[];
  /** The core tokens that are particles (al, el, bin, ibn, abu, van, der, de, la, von, da, dos, mac...). */
  particles: string[];
  /** The core tokens that are a single letter (initials). */
  initials: string[];
  /** Vessel-type prefixes removed (mv, mt, fv, ss...). */
  prefixes: string[];
}

/** Particles of personal and company names in the languages lists use. */
export const PARTICLES: ReadonlySet<string> = new Set(
  (
    'al el ul ad ar as at az an ash adh ath bin ibn bint binti ben bent ould wuld abu abou bou um umm ' +
    'de da di du do dos das des del della dello dei degli der den van von vom te ten ter la le les los las lo y e i ' +
    'zu zum zur af av mac mc of the and et und'
  ).split(' '),
);

export function isParticle(token: string): boolean {
  return PARTICLES.has(token);
}

/** Abbreviations of business words on lists and trade documents → the word, one form each. */
const ABBREVIATIONS: Record<string, string> = {
  comp: 'company', cmpy: 'company', grp: 'group', tech: 'technology', techn: 'technology', technol: 'technology',
  intl: 'international', intnl: 'international', internat: 'international', internatl: 'international',
  corp: 'corporation', srvcs: 'services', svcs: 'services', srvc: 'services', svc: 'services', servs: 'services',
  mfg: 'manufacturing', mfrs: 'manufacturers', mfr: 'manufacturer', ind: 'industries', inds: 'industries', indus: 'industries',
  indust: 'industries', trdg: 'trading', trad: 'trading', ent: 'enterprises', entps: 'enterprises', entp: 'enterprise',
  enterp: 'enterprises', hldgs: 'holdings', hldg: 'holding', hldngs: 'holdings', hlds: 'holdings', mgmt: 'management',
  mgt: 'management', devt: 'development', natl: 'national', assn: 'association', assoc: 'association',
  associates: 'association', // "& Assoc." stands for either: one form for both
  gebr: 'gebruder', hnos: 'hermanos',
  bros: 'brothers', engg: 'engineering', engr: 'engineering', constr: 'construction',
  const: 'construction', dist: 'distribution', distr: 'distribution', distrib: 'distribution', transp: 'transport',
  elec: 'electric', chem: 'chemical', pharm: 'pharmaceutical', pharma: 'pharmaceutical', mktg: 'marketing',
  univ: 'university', inst: 'institute', dept: 'department', govt: 'government', ctr: 'center', cntr: 'center',
  centre: 'center', invest: 'investment', invt: 'investment', shpg: 'shipping',
  agcy: 'agency', agy: 'agency', equip: 'equipment', prod: 'products', prods: 'products', coop: 'cooperative',
};

/** Contractions that cleaning splits in two: Italian "F.lli" (fratelli, brothers) → "f lli". */
const CONTRACTIONS: Record<string, string> = { 'f lli': 'fratelli' };

function expandContractions(tokens: string[]): string[] {
  if (!tokens.includes('lli')) return tokens; // the only second half in the table: most names pay one scan
  for (let i = 0; i + 1 < tokens.length; i++) {
    const word = CONTRACTIONS[`${tokens[i]} ${tokens[i + 1]}`];
    if (word) tokens = [...tokens.slice(0, i), word, ...tokens.slice(i + 2)];
  }
  return tokens;
}

/** Vessel-type prefixes (motor vessel, motor tanker, steam ship, fishing vessel, motor yacht...). */
const VESSEL_PREFIXES = new Set(['mv', 'm v', 'mt', 'm t', 'ss', 's s', 'fv', 'f v', 'my', 'm y', 'sv', 's v', 'rv', 'r v', 'ms', 'm s', 'mts', 'tb', 't b', 'mfv']);
/** Words that only introduce a number: "No. 5", "Nr 3". */
const NUMBER_LEAD = new Set(['no', 'nr', 'num', 'number', 'n']);

type Kind = 'person' | 'organisation' | 'vessel' | 'any';
const kindCache = new Map<string, Kind>();

/** What a schema's names are, for parsing them: a person's, an organisation's, a vessel's, or any. */
export function nameKind(schema: string): Kind {
  let kind = kindCache.get(schema);
  if (!kind) {
    if (isA(schema, 'Person')) kind = 'person';
    else if (isA(schema, 'Vessel') || isA(schema, 'Airplane')) kind = 'vessel';
    else if (isA(schema, 'Organization') || isA(schema, 'Company') || isA(schema, 'PublicBody')) kind = 'organisation';
    else kind = 'any';
    kindCache.set(schema, kind);
  }
  return kind;
}

const DIGITS = /^\d+$/;

function dropVesselPrefix(tokens: string[], prefixes: string[]): string[] {
  for (const len of [2, 1]) {
    if (tokens.length <= len) continue;
    const head = tokens.slice(0, len).join(' ');
    if (VESSEL_PREFIXES.has(head)) {
      prefixes.push(head.replace(' ', ''));
      return tokens.slice(len);
    }
  }
  return tokens;
}

/**
 * Parse a cleaned Latin name (a `latinVariants` output) for a schema: Person, Company, Organization,
 * Vessel... (anything else, e.g. LegalEntity, is treated cautiously: only unambiguous legal forms go).
 */
export function nameParts(latin: string, schema = 'LegalEntity'): NameParts {
  const kind = nameKind(schema);
  let tokens = latin.split(' ').filter(Boolean);
  const prefixes: string[] = [];
  if (kind === 'vessel') tokens = dropVesselPrefix(tokens, prefixes);
  if (kind !== 'person') tokens = expandContractions(tokens).map((t) => ABBREVIATIONS[t] ?? t);

  let legalForms: LegalClass[] = [];
  let formCountries: string[] | undefined;
  if (kind !== 'person') {
    const found = findLegalForms(tokens, kind === 'organisation' || kind === 'vessel');
    tokens = found.rest;
    legalForms = found.classes;
    formCountries = found.countries;
  }

  const core: string[] = [];
  const numbers: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (DIGITS.test(t)) numbers.push(t);
    else if (NUMBER_LEAD.has(t) && DIGITS.test(tokens[i + 1] ?? '') && kind !== 'person') continue;
    else core.push(t);
  }
  return {
    core,
    legalForms,
    formCountries,
    numbers,
    particles: core.filter((t) => PARTICLES.has(t)),
    initials: core.filter((t) => t.length === 1),
    prefixes,
  };
}
