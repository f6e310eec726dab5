// Scoring algorithms: which features count and how much. ONE table per algorithm; all tuning happens here.
// As in yente's logic-v2: the score is the strongest piece of evidence (a name, an identifier), then
// qualifiers (birth date, country, gender...) move it up or down; the result is clamped to [0, 1].
import { YENTE_FEATURE_NAMES } from './yente-features.js';
import * as F from './features.js';
import type { NameWeights } from './names.js';
import { TokenKind } from './tokens.js';

export interface FeatureSpec {
  fn: F.FeatureFn;
  weight: number;
  /** Qualifiers add their weighted value to the best main feature instead of competing with it. */
  qualifier?: boolean;
}

export interface Algorithm {
  name: string;
  description: string;
  features: Record<string, FeatureSpec>;
  names: NameWeights;
  /** The parameters `/match` accepts in `config` (yente's algorithm config); none when absent. */
  config?: Record<string, ConfigVar>;
}

/**
 * One algorithm parameter a request may set (yente's ConfigVar): a number within bounds that sets one
 * name-comparison knob. Its default is read from the algorithm's own `names`, so the table never repeats
 * a value.
 */
export interface ConfigVar {
  type: 'float';
  description: string;
  min: number;
  max: number;
  /** The parameter's value in these name weights. */
  get(names: NameWeights): number;
  /** These name weights with the parameter set. */
  set(names: NameWeights, value: number): NameWeights;
}

const KIND_WEIGHTS: number[] = [];
KIND_WEIGHTS[TokenKind.Normal] = 1;
KIND_WEIGHTS[TokenKind.Generic] = 0.6;
KIND_WEIGHTS[TokenKind.Particle] = 0.3;
KIND_WEIGHTS[TokenKind.Initial] = 0.5;
KIND_WEIGHTS[TokenKind.Affiliation] = 2;

const NAME_WEIGHTS: NameWeights = {
  kind: KIND_WEIGHTS,
  extraQuery: 0.8,
  extraCandidate: 0.2,
  initial: 0.8,
  singleTokenCap: 0.6,
  phonetic: 0.7,
  numberMismatch: 0.5,
  abbreviation: 0.85,
  spelling: 0.9,
  abjad: 0.8,
};

/** A plain NameWeights field as a parameter. */
function nameVar(field: Exclude<keyof NameWeights, 'kind'>, description: string, min: number, max: number): ConfigVar {
  return { type: 'float', description, min, max, get: (w) => w[field], set: (w, value) => ({ ...w, [field]: value }) };
}

/** A token kind's weight as a parameter (an ordinary name part weighs 1). */
function kindVar(kind: TokenKind, description: string): ConfigVar {
  return {
    type: 'float',
    description,
    min: 0,
    max: 10,
    get: (w) => w.kind[kind],
    set: (w, value) => {
      const weights = [...w.kind];
      weights[kind] = value;
      return { ...w, kind: weights };
    },
  };
}

/**
 * The name-comparison parameters of `/match`'s `config`. Where yente's logic-v2 has a parameter of the same
 * meaning its name is kept (nm_number_mismatch, nm_extra_query_name, nm_extra_result_name); the others are
 * ours. yente's nm_family_name_weight, nm_fuzzy_cutoff_factor and nm_name_property have no counterpart here.
 */
const NAME_CONFIG: Record<string, ConfigVar> = {
  nm_number_mismatch: {
    type: 'float',
    description: 'Penalty for names that carry different numbers ("Bank 1" vs "Bank 2"): the name score is multiplied by 1 minus this (as yente).',
    min: 0,
    max: 1,
    get: (w) => Math.round((1 - w.numberMismatch) * 1e9) / 1e9,
    set: (w, value) => ({ ...w, numberMismatch: 1 - value }),
  },
  nm_extra_query_name: nameVar('extraQuery', 'Weight of query name parts not matched to the result, relative to the part\'s own weight (as yente).', 0, 10),
  nm_extra_result_name: nameVar('extraCandidate', 'Weight of result name parts not matched to the query, relative to the part\'s own weight (as yente).', 0, 10),
  nm_initial_score: nameVar('initial', 'Score of an initial against a name it begins ("J" ~ "John").', 0, 1),
  nm_single_token_cap: nameVar('singleTokenCap', 'Highest name score when only one distinctive part of a multi-part listed name matched.', 0, 1),
  nm_phonetic_floor: nameVar('phonetic', 'Lowest score of two long name parts that sound alike when one side was transliterated.', 0, 1),
  nm_spelling_score: nameVar('spelling', 'Score of two name parts that are one spelling under another romanization (Rabinovich ~ Rabinowitz, Zhelvinsky ~ Jelvinskiy).', 0, 1),
  nm_abjad_score: nameVar('abjad', 'Score of two name parts with the same consonants when one is written in Hebrew or Arabic script, which leaves vowels out.', 0, 1),
  nm_abbreviation_score: nameVar('abbreviation', 'Score of a word written abbreviated with a dot against the word it abbreviates ("Com." ~ "Comercio").', 0, 1),
  nm_generic_weight: kindVar(TokenKind.Generic, 'Weight of a generic business word (trading, group, bank...) relative to an ordinary name part (1).'),
  nm_particle_weight: kindVar(TokenKind.Particle, 'Weight of a particle or connector (al, bin, de, van, and...) relative to an ordinary name part (1).'),
  nm_initial_weight: kindVar(TokenKind.Initial, 'Weight of an initial relative to an ordinary name part (1).'),
  nm_affiliation_weight: kindVar(
    TokenKind.Affiliation,
    'Weight of a word that makes an organisation another member of its group (a country: "... do Brasil"; "Holdings") relative to an ordinary name part (1).',
  ),
};

export const INTERDICT_V1: Algorithm = {
  name: 'interdict-v1',
  description: 'Names (any script, order-independent, typo-tolerant), identifiers, then birth date, country and gender as qualifiers (modelled on yente logic-v2).',
  names: NAME_WEIGHTS,
  config: NAME_CONFIG,
  features: {
    name_match: { fn: F.nameMatch, weight: 1 },
    strong_identifier_match: { fn: F.strongIdentifierMatch, weight: 0.95 },
    identifier_match: { fn: F.identifierMatch, weight: 0.85 },
    weak_alias_match: { fn: F.weakAliasMatch, weight: 0.8 },
    numbers_mismatch: { fn: F.numbersMismatch, weight: 0, qualifier: true },
    dob_match: { fn: F.dobMatch, weight: 0, qualifier: true },
    dob_year_disjoint: { fn: F.dobYearDisjoint, weight: -0.15, qualifier: true },
    dob_day_disjoint: { fn: F.dobDayDisjoint, weight: -0.1, qualifier: true },
    country_match: { fn: F.countryMatch, weight: 0.02, qualifier: true },
    country_mismatch: { fn: F.countryMismatch, weight: -0.2, qualifier: true },
    gender_mismatch: { fn: F.genderMismatch, weight: -0.2, qualifier: true },
    identifier_mismatch: { fn: F.identifierMismatch, weight: -0.1, qualifier: true },
    legal_form_mismatch: { fn: F.legalFormMismatch, weight: -0.05, qualifier: true },
    // another legal person of the same name: at most a candidate to review, never a match by name alone
    legal_form_country_mismatch: { fn: F.legalFormCountryMismatch, weight: -0.35, qualifier: true },
    vessel_vs_company: { fn: F.vesselVsCompany, weight: -0.35, qualifier: true },
    former_names_only: { fn: F.formerNamesOnly, weight: -0.35, qualifier: true },
  },
};

export const NAME_BASED: Algorithm = {
  name: 'name-based',
  description: 'Names only (any script, order-independent, typo-tolerant); numbers in names must agree.',
  names: NAME_WEIGHTS,
  config: NAME_CONFIG,
  features: {
    name_match: { fn: F.nameMatch, weight: 1 },
    weak_alias_match: { fn: F.weakAliasMatch, weight: 0.8 },
    numbers_mismatch: { fn: F.numbersMismatch, weight: 0, qualifier: true },
  },
};

// yente's algorithm names are accepted, so clients pinned to one work unchanged: the ones that weigh every
// property answer with ours, the name-only ones with name-based
const ALGORITHMS: Record<string, Algorithm> = {
  'interdict-v1': INTERDICT_V1,
  'logic-v2': INTERDICT_V1,
  'logic-v1': INTERDICT_V1,
  'regression-v1': INTERDICT_V1,
  best: INTERDICT_V1,
  'name-based': NAME_BASED,
  'name-qualified': NAME_BASED,
};

export const DEFAULT_ALGORITHM = 'interdict-v1';

export function algorithmNames(): string[] {
  return Object.keys(ALGORITHMS);
}

export function getAlgorithm(name: string | undefined): Algorithm {
  const a = ALGORITHMS[name ?? DEFAULT_ALGORITHM];
  if (!a) throw new RangeError(`unknown algorithm ${name} (known: ${algorithmNames().join(', ')})`);
  return a;
}

/** An algorithm by name (default when undefined), or the given one as it is. */
export function resolveAlgorithm(algorithm: string | Algorithm | undefined): Algorithm {
  return typeof algorithm === 'object' ? algorithm : getAlgorithm(algorithm);
}

const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);
const show = (v: unknown) => (typeof v === 'number' ? String(v) : JSON.stringify(v) ?? String(v));

/**
 * `base` with some feature weights and config parameters overridden (`/match`'s `weights` and `config`).
 * Pure: `base` is not changed; with nothing to override, `base` itself is returned. A config value of null
 * keeps the default (as yente); a numeric string is read as its number. A weight for a feature of yente's
 * algorithms that `base` does not compute is ignored (as yente does). Other unknown names, non-finite weights
 * and values out of bounds throw a RangeError saying what is accepted.
 */
export function withOverrides(base: Algorithm, weights?: Record<string, unknown> | null, config?: Record<string, unknown> | null): Algorithm {
  const weightEntries = Object.entries(weights ?? {});
  const configEntries = Object.entries(config ?? {});
  if (weightEntries.length === 0 && configEntries.length === 0) return base;
  const features = { ...base.features };
  for (const [feature, weight] of weightEntries) {
    if (typeof weight !== 'number' || !Number.isFinite(weight)) throw new RangeError(`Weight of ${feature} must be a finite number (got ${show(weight)})`);
    if (has(base.features, feature)) features[feature] = { ...base.features[feature], weight };
    // a feature of yente's algorithms this one does not compute: ignored, as yente ignores weights it has no feature for
    else if (!YENTE_FEATURE_NAMES.has(feature)) {
      throw new RangeError(`Unknown feature in weights: ${feature} for algorithm ${base.name} (known: ${Object.keys(base.features).join(', ')}; yente's other feature names are accepted and ignored)`);
    }
  }
  const vars = base.config ?? {};
  let names = base.names;
  for (const [key, raw] of configEntries) {
    if (!has(vars, key)) {
      const known = Object.keys(vars);
      throw new RangeError(`Invalid configuration parameter: ${key} for algorithm ${base.name} (known: ${known.length ? known.join(', ') : 'none'})`);
    }
    if (raw === null || raw === undefined) continue;
    const v = vars[key];
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isFinite(value) || value < v.min || value > v.max) throw new RangeError(`Configuration parameter ${key} must be a number from ${v.min} to ${v.max} (got ${show(raw)})`);
    names = v.set(names, value);
  }
  return { ...base, features, names };
}
