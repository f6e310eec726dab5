// Entities and scored results in the exact JSON shape yente returns, so existing clients parse them unchanged.
import { caption, type Entity } from '../model/entity.js';
import type { ScreenResult } from '../match/index.js';

/** A property value: a string, or (for `/entities?nested=true`) an adjacent entity in full. */
export type PropertyValue = string | EntityResponse;

export interface EntityResponse {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, PropertyValue[]>;
  datasets: string[];
  referents: string[];
  target: boolean;
  first_seen: string | null;
  last_seen: string | null;
  last_change: string | null;
}

/** nomenklatura's FtResult: one feature's value and the sentence explaining it. */
export interface FeatureExplanation {
  score: number;
  detail: string | null;
  /** Our addition: the feature's weight in the algorithm (negative for penalties). */
  weight: number;
}

export interface ScoredEntityResponse extends EntityResponse {
  score: number;
  match: boolean;
  /** Deprecated in yente 5 but still sent: feature → value. */
  features: Record<string, number>;
  explanations: Record<string, FeatureExplanation>;
}

export function entityResponse(e: Entity, properties: Record<string, PropertyValue[]> = e.properties): EntityResponse {
  return {
    id: e.id,
    caption: caption(e),
    schema: e.schema,
    properties,
    datasets: e.datasets,
    referents: e.referents ?? [],
    target: e.target,
    first_seen: e.first_seen ?? null,
    last_seen: e.last_seen ?? null,
    last_change: e.last_change ?? null,
  };
}

export function scoredResponse(r: ScreenResult): ScoredEntityResponse {
  const explanations: Record<string, FeatureExplanation> = {};
  for (const x of r.explanations) explanations[x.feature] = { score: x.score, detail: x.detail || null, weight: x.weight };
  return { ...entityResponse(r.entity), score: r.score, match: r.match, features: r.features, explanations };
}
