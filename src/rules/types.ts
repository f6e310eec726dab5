// Shapes shared by the trade-compliance engine: rules (data in data/rules/), transactions, hits.
import type { Entity } from '../model/entity.js';

/** How well a rule's claim is sourced (RESEARCH-NOTES tags). Unverified rules give review, never block. */
export type Verification = 'verified' | 'secondary' | 'unverified';
export type Severity = 'review' | 'block';
export type Decision = 'clear' | Severity;

/** Which check evaluates a rule. */
export type RuleKind = 'goods' | 'territory' | 'embargo' | 'crossing' | 'labour' | 'diversion' | 'transit' | 'ownership' | 'party' | 'policy';

/**
 * export_to: goods sent to (a person in, or for use in) the country/territory.
 * import_from: goods procured from the country, whether or not originating there (shipped from it or sold by a party in it).
 * import_originating: goods originating there (origin = where wholly obtained or last substantially transformed).
 */
export type Direction = 'export_to' | 'import_from' | 'import_originating' | 'both' | 'any';

export interface WindDown {
  /** Contracts concluded before this date... */
  contractsBefore: string;
  /** ...could still be executed until this date (inclusive): a hit in that window is review, not block. */
  until: string;
}

export interface Rule {
  id: string;
  regime: string;
  authority: string;
  instrument: string;
  provision: string;
  title: string;
  kind: RuleKind;
  direction: Direction;
  /** ISO alpha-2, lower case. */
  countries?: string[];
  /** Territory ids from data/rules/territories.json. */
  territories?: string[];
  /** HS patterns: "72" chapter, "8401-8418" range, "ex7207" part of a code, "chpl" / "chpl:1" the CHPL, "all". */
  hs?: string[];
  exceptions: string[];
  validFrom: string | null;
  validTo?: string | null;
  windDown?: WindDown;
  /** Rule-level ceiling: "review" rules never block. Default block. */
  severity?: Severity;
  verification: Verification;
  caveats?: string[];
  sources: string[];
  derivedFrom?: string;
  /**
   * Labour rules: "permit" applies to work authorizations issued on or after validFrom (a new permit);
   * "presence" to any DPRK national earning income abroad on the transaction date.
   */
  labourBasis?: 'permit' | 'presence';
  /** Ownership rules: percentage threshold. */
  threshold?: number;
  /** Territory rule that applies only when no other territory rule matched the place. */
  fallback?: boolean;
  /** The table file the rule came from (set by the loader). */
  file?: string;
}

export interface Territory {
  id: string;
  name: string;
  /** KATOTTH codes of the units that make up the territory; "*" = all of Ukraine. */
  katotth: string[];
  scope: 'whole' | 'occupied';
  source: string;
}

export interface Hit {
  check: 'party' | 'goods' | 'place' | 'labour' | 'ownership' | 'route';
  /** The part of the transaction the hit is about, as a path with its value: `goods[0]: 8429.52`. */
  subject: string;
  rule: string;
  citation: string;
  severity: Severity;
  detail: string;
  /** Listed entity id (party and ownership hits). */
  entity?: string;
  verification?: Verification;
}

export interface CheckResult {
  decision: Decision;
  hits: Hit[];
}

// ---- the transaction as validated (see input.ts): every field optional ----

export interface TxParty {
  /** The party's id in the request (FtM Ownership entities may refer to it). */
  id?: string;
  role?: string;
  schema: string;
  name?: string;
  country?: string;
  address?: string;
  imoNumber?: string;
  idNumber?: string;
  /** Further FtM properties of the schema, passed to the screener. */
  properties: Record<string, string[]>;
}

export interface TxGoods {
  /** Digits only, 2-10. */
  hs?: string;
  /** As written. */
  hsRaw?: string;
  description?: string;
  origin?: string;
  value?: number;
  currency?: string;
}

export interface TxRoute {
  origin?: string;
  via: string[];
  destination?: string;
  ports: string[];
}

export interface TxLocation {
  role?: string;
  address: string;
}

export interface TxWorker {
  name?: string;
  nationality?: string;
  employer?: string;
  worksite?: string;
  permitIssued?: string;
}

export interface TxOwnership {
  owner: string;
  owned: string;
  /** 0-100; undefined when the source does not say. */
  percentage?: number;
}

export interface Transaction {
  /** ISO date the transaction is checked for. */
  date: string;
  parties: TxParty[];
  goods: TxGoods[];
  route: TxRoute;
  locations: TxLocation[];
  workers: TxWorker[];
  ownership: TxOwnership[];
}

// ---- party screening (the matching engine, injected) ----

export interface PartyQuery {
  schema: string;
  properties: Record<string, string[]>;
}

export interface PartyMatch {
  entity: Entity;
  score: number;
  match: boolean;
  explanations?: unknown;
}

/** The matcher as the rules engine sees it: `Screener.screen` or anything with the same contract. */
export type PartyScreener = (query: PartyQuery, opts?: { limit?: number; threshold?: number }) => Promise<PartyMatch[]> | PartyMatch[];
