// What every check shares: the transaction, the rule tables, the place resolver, the hit list, and the
// one place where a rule's severity is decided (verification, partial coverage, wind-downs).
import { countryCode } from '../../model/countries.js';
import type { PlaceResolver, PlaceResult } from '../places/resolve.js';
import { citation, inForce, rulesOfKind, type RuleTables } from '../tables.js';
import type { Hit, PartyScreener, Rule, RuleKind, Severity, Transaction, TxParty } from '../types.js';

export interface CheckContext {
  tx: Transaction;
  tables: RuleTables;
  places: PlaceResolver;
  screener?: PartyScreener;
  /** Restrict to rules of these authorities (UN, EU, US...); Interdict policy rules always apply. */
  authorities?: string[];
  /** Score from which a list match blocks (below it, a match is review). */
  partyBlockScore: number;
  hits: Hit[];
  /** Normalised names of parties found listed (block-level), for the ownership check. */
  listed: Map<string, { entity: string; citation: string }>;
}

/** Rules of some kinds in force on the transaction date. */
export function activeRules(ctx: CheckContext, kinds: RuleKind[]): Rule[] {
  return rulesOfKind(ctx.tables, kinds, ctx.authorities).filter((r) => inForce(r, ctx.tx.date));
}

export function ruleById(ctx: CheckContext, id: string): Rule {
  const rule = ctx.tables.rules.find((r) => r.id === id);
  if (!rule) throw new Error(`rule ${id} missing from the rule tables`);
  return rule;
}

export interface SeverityInput {
  /** Only part of the goods or place is covered ("ex" code, broader code, partly occupied unit). */
  partial?: string;
  /** Anything else that makes the hit uncertain (a suggested HS code, an unknown permit date). */
  uncertain?: string;
}

/**
 * The severity of a rule's hit: the rule's own ceiling, lowered to review when the rule is unverified,
 * only partly covers the subject, falls in a wind-down window, or rests on uncertain data.
 */
export function severityFor(rule: Rule, date: string, input: SeverityInput = {}): { severity: Severity; notes: string[] } {
  let severity: Severity = rule.severity ?? 'block';
  const notes: string[] = [];
  if (rule.verification === 'unverified') {
    severity = 'review';
    notes.push('unverified rule: review only');
  }
  if (input.partial) {
    severity = 'review';
    notes.push(input.partial);
  }
  if (input.uncertain) {
    severity = 'review';
    notes.push(input.uncertain);
  }
  if (rule.windDown && date <= rule.windDown.until) {
    severity = 'review';
    notes.push(`wind-down: contracts concluded before ${rule.windDown.contractsBefore} could be executed until ${rule.windDown.until}`);
  }
  return { severity, notes };
}

/** Add a hit for a rule (once per rule and subject). */
export function addRuleHit(ctx: CheckContext, check: Hit['check'], rule: Rule, subject: string, detail: string, input: SeverityInput = {}, entity?: string): void {
  const { severity, notes } = severityFor(rule, ctx.tx.date, input);
  const parts = [detail];
  if (rule.exceptions.length) parts.push(`Exceptions: ${rule.exceptions.join('; ')}`);
  if (notes.length) parts.push(capitalise(notes.join('; ')));
  addHit(ctx, { check, subject, rule: rule.id, citation: citation(rule), severity, detail: parts.map(sentence).join(' '), entity, verification: rule.verification });
}

export function addHit(ctx: CheckContext, hit: Hit): void {
  if (ctx.hits.some((h) => h.rule === hit.rule && h.subject === hit.subject && h.entity === hit.entity)) return;
  ctx.hits.push(hit);
}

/** `goods[0]: 8429.52 hydraulic excavator` — a path and what it holds, shortened. */
export function subject(path: string, value?: string): string {
  if (!value) return path;
  const v = value.replace(/\s+/g, ' ').trim();
  return `${path}: ${v.length > 80 ? `${v.slice(0, 77)}...` : v}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?)]$/.test(t) ? t : `${t}.`;
}

// ---- parties by role, places of parties ----

const DESTINATION_ROLES = ['consignee', 'buyer', 'end_user', 'importer', 'notify', 'purchaser', 'receiver', 'ultimate_consignee', 'customer'];
const SOURCE_ROLES = ['consignor', 'seller', 'shipper', 'exporter', 'supplier', 'manufacturer', 'vendor', 'producer'];

export function roleOf(p: TxParty): string {
  return (p.role ?? '').toLowerCase().replace(/[\s-]+/g, '_').replace(/^enduser$/, 'end_user');
}

export function isDestinationParty(p: TxParty): boolean {
  return DESTINATION_ROLES.includes(roleOf(p));
}

export function isSourceParty(p: TxParty): boolean {
  return SOURCE_ROLES.includes(roleOf(p));
}

export interface Geo {
  subject: string;
  text: string;
  place: PlaceResult;
}

/** Resolve a place text on the transaction date. */
export function geo(ctx: CheckContext, path: string, text: string, countryHint?: string): Geo {
  return { subject: subject(path, text), text, place: ctx.places.resolve(text, { date: ctx.tx.date, countryHint }) };
}

/** A party's place: its address (with its country as a hint), else its country field (which may name a region: "Crimea"). */
export function partyGeo(ctx: CheckContext, p: TxParty, index: number): Geo | undefined {
  const path = `parties[${index}]`;
  if (p.address) {
    const hint = p.country ? ctx.places.resolve(p.country, { date: ctx.tx.date }).country ?? countryCode(p.country) : undefined;
    return geo(ctx, `${path}.address`, p.country ? `${p.address}, ${p.country}` : p.address, hint);
  }
  if (p.country) return geo(ctx, `${path}.country`, p.country);
  return undefined;
}

/** Is the geo in one of the rule's countries or territories? `partial`: it may be (partly occupied unit). */
export function geoMatchesRule(g: Geo, rule: Rule): 'yes' | 'partial' | 'no' {
  const place = g.place;
  if (place.status === 'unresolved') return 'no';
  if (rule.countries?.length && place.country && rule.countries.includes(place.country)) return 'yes';
  if (rule.territories?.length) {
    if (rule.territories.some((t) => place.territories.includes(t))) return 'yes';
    if (rule.territories.some((t) => place.partialTerritories.includes(t))) return 'partial';
  }
  return 'no';
}

/** "Makiivka (Donetsk oblast...)" or "KP" — how a hit names a resolved place. */
export function describePlace(place: PlaceResult): string {
  if (place.dprk) return `${place.dprk.name} (${place.dprk.kind}${place.dprk.note ? `: ${place.dprk.note}` : ''})`;
  if (place.units.length === 1) return `${place.units[0].path}; KATOTTH ${place.units[0].unit.code}`;
  if (place.units.length > 1) return `${place.units.length} places named alike (${place.units.slice(0, 3).map((u) => u.path).join('; ')}${place.units.length > 3 ? '; ...' : ''})`;
  return place.country ? place.country.toUpperCase() : place.input;
}
