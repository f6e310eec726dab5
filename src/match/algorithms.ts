// Scoring algorithms: which features count and how much. ONE table per algorithm; all tuning happens here.
// As in yente's logic-v2: the score is the strongest piece of evidence (a name, an identifier), then
// qualifiers (birth date, country, gender...) move it up or down; the result is clamped to [0, 1].
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
}

const KIND_WEIGHTS: number[] = [];
KIND_WEIGHTS[TokenKind.Normal] = 1;
KIND_WEIGHTS[TokenKind.Generic] = 0.6;
KIND_WEIGHTS[TokenKind.Particle] = 0.3;
KIND_WEIGHTS[TokenKind.Initial] = 0.5;
KIND_WEIGHTS[TokenKind.Territory] = 1.5;

const NAME_WEIGHTS: NameWeights = {
  kind: KIND_WEIGHTS,
  extraQuery: 0.8,
  extraCandidate: 0.2,
  initial: 0.8,
  singleTokenCap: 0.6,
  phonetic: 0.7,
  numberMismatch: 0.5,
};

export const INTERDICT_V1: Algorithm = {
  name: 'interdict-v1',
  description: 'Names (any script, order-independent, typo-tolerant), identifiers, then birth date, country and gender as qualifiers (modelled on yente logic-v2).',
  names: NAME_WEIGHTS,
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
  },
};

export const NAME_BASED: Algorithm = {
  name: 'name-based',
  description: 'Names only (any script, order-independent, typo-tolerant); numbers in names must agree.',
  names: NAME_WEIGHTS,
  features: {
    name_match: { fn: F.nameMatch, weight: 1 },
    weak_alias_match: { fn: F.weakAliasMatch, weight: 0.8 },
    numbers_mismatch: { fn: F.numbersMismatch, weight: 0, qualifier: true },
  },
};

const ALGORITHMS: Record<string, Algorithm> = {
  'interdict-v1': INTERDICT_V1,
  'logic-v2': INTERDICT_V1,
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
