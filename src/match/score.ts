// One query against one listed party: run an algorithm's features, combine, explain.
import type { Algorithm } from './algorithms.js';
import { featureInput, type FeatureInput } from './features.js';
import type { PreparedEntity } from './prepare.js';

type Spec = Algorithm['features'][string];

/** Why a result scored as it did, one line per feature that fired. */
export interface Explanation {
  feature: string;
  /** The feature's value in [0, 1]. */
  score: number;
  /** Its weight in the algorithm (negative for penalties). */
  weight: number;
  detail: string;
}

export interface Scored {
  score: number;
  /** Feature → value, as yente's `features` map. */
  features: Record<string, number>;
  explanations: Explanation[];
}

/** Score a prepared query against a prepared listed party. */
export function scorePrepared(q: PreparedEntity, c: PreparedEntity, algorithm: Algorithm, explain = true): Scored {
  return scoreInput(featureInput(q, c, algorithm.names, explain), algorithm);
}

/** Score from a feature input already computed (its name comparisons reused, e.g. to explain a quiet first pass). */
export function scoreInput(input: FeatureInput, algorithm: Algorithm): Scored {
  const explain = input.explain;
  const features: Record<string, number> = {};
  const explanations: Explanation[] = [];
  let main = 0;
  let qualifiers = 0;
  for (const [feature, spec] of featureList(algorithm)) {
    const r = spec.fn(input);
    if (r.score <= 0) continue;
    features[feature] = round(r.score);
    if (explain) explanations.push({ feature, score: round(r.score), weight: spec.weight, detail: r.detail });
    if (spec.qualifier) qualifiers += r.score * spec.weight;
    else main = Math.max(main, r.score * spec.weight);
  }
  const score = combine(main, qualifiers);
  explanations.sort((a, b) => Math.abs(b.score * b.weight) - Math.abs(a.score * a.weight));
  return { score: round(score), features, explanations };
}

/**
 * Only the score of `scoreInput` (features without explanation, weightless features skipped, nothing
 * allocated): the quiet first pass over every candidate, most of which are never returned. Main evidence first:
 * without any, qualifiers cannot make a score (`combine`), so most candidates (found through a word of another
 * name) skip them.
 */
export function quietScore(input: FeatureInput, algorithm: Algorithm): number {
  const { main: mainFeatures, qualifiers: qualifierFeatures } = weightedFeatures(algorithm);
  let main = 0;
  for (const spec of mainFeatures) {
    const r = spec.fn(input);
    if (r.score > 0) main = Math.max(main, r.score * spec.weight);
  }
  if (main <= 0) return 0;
  let qualifiers = 0;
  for (const spec of qualifierFeatures) {
    const r = spec.fn(input);
    if (r.score > 0) qualifiers += r.score * spec.weight;
  }
  return round(combine(main, qualifiers));
}

/**
 * The strongest main evidence plus the qualifiers, clamped to [0, 1] (one rule for both passes). Qualifiers
 * only qualify evidence: they never turn "no name in common" into a score.
 */
function combine(main: number, qualifiers: number): number {
  return main > 0 ? Math.min(1, Math.max(0, main + qualifiers)) : 0;
}

const weighted = new WeakMap<Algorithm, { main: Spec[]; qualifiers: Spec[] }>();
/** An algorithm's features that carry weight, main evidence apart from qualifiers. */
function weightedFeatures(a: Algorithm): { main: Spec[]; qualifiers: Spec[] } {
  let split = weighted.get(a);
  if (!split) {
    const specs = featureList(a).map(([, spec]) => spec).filter((spec) => spec.weight !== 0);
    weighted.set(a, (split = { main: specs.filter((s) => !s.qualifier), qualifiers: specs.filter((s) => s.qualifier) }));
  }
  return split;
}

const lists = new WeakMap<Algorithm, Array<[string, Spec]>>();
function featureList(a: Algorithm): Array<[string, Spec]> {
  let list = lists.get(a);
  if (!list) lists.set(a, (list = Object.entries(a.features)));
  return list;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
