// Goods check: each item's HS code (or a code suggested from its description) × where it comes from and
// where it goes × the transaction date → the goods rules that apply.
import { formatHs, hsDescription, hsKnown, rulePatternsCover, suggestHs } from '../hs.js';
import type { Rule, TxGoods } from '../types.js';
import {
  activeRules,
  addRuleHit,
  describePlace,
  geo,
  geoMatchesRule,
  isDestinationParty,
  isSourceParty,
  partyGeo,
  ruleById,
  subject,
  type CheckContext,
  type Geo,
} from './context.js';

const DESTINATION_LOCATION = /destination|delivery|deliver|end.?use|install|site|discharge|consignee|unloading/i;
const ORIGIN_LOCATION = /origin|manufactur|production|factory|plant|mine|farm/i;
const SUPPLY_LOCATION = /loading|pick.?up|shipment|dispatch|warehouse|seller|supplier|shipper/i;

/** Where goods go and where they come from, as the goods rules read it. */
export interface TradeGeos {
  /**
   * Where the goods go: the route's destination when given (a Russian consignee behind a third-country
   * destination is the route check's diversion risk), else the consignee, buyer and end-user addresses.
   */
  destinations: Geo[];
  /** Every place the goods are for: destination, destination parties, delivery and installation sites (territory rules: "for use in"). */
  uses: Geo[];
  /** Where the goods originate (origin rules: EU Reg 692/2014 Art 2, 2022/263 Art 2). */
  origins(item: TxGoods, index: number): Geo[];
  /** Where the goods are procured from, whether or not originating there (DPRK import bans). */
  supplies(item: TxGoods, index: number): Geo[];
}

export function tradeGeos(ctx: CheckContext): TradeGeos {
  const { tx } = ctx;
  const routeDestination = tx.route.destination ? geo(ctx, 'route.destination', tx.route.destination) : undefined;
  const destinations: Geo[] = routeDestination ? [routeDestination] : [];
  const sources: Geo[] = [];
  tx.parties.forEach((p, i) => {
    const g = (isDestinationParty(p) || isSourceParty(p)) && partyGeo(ctx, p, i);
    if (g) (isDestinationParty(p) ? destinations : sources).push(g);
  });
  const originLocations: Geo[] = [];
  tx.locations.forEach((l, i) => {
    const path = `locations[${i}]`;
    if (l.role && DESTINATION_LOCATION.test(l.role)) destinations.push(geo(ctx, path, l.address));
    else if (l.role && ORIGIN_LOCATION.test(l.role)) originLocations.push(geo(ctx, path, l.address));
    else if (l.role && SUPPLY_LOCATION.test(l.role)) sources.push(geo(ctx, path, l.address));
  });
  const routeOrigin = tx.route.origin ? geo(ctx, 'route.origin', tx.route.origin) : undefined;
  const origins = (item: TxGoods, index: number): Geo[] => {
    const own = item.origin ? geo(ctx, `goods[${index}].origin`, item.origin) : routeOrigin;
    return [...(own ? [own] : []), ...originLocations];
  };
  return {
    destinations: routeDestination ? [routeDestination] : destinations,
    uses: destinations,
    origins,
    supplies: (item, index) => [...origins(item, index), ...(routeOrigin ? [routeOrigin] : []), ...sources],
  };
}

export function goodsCheck(ctx: CheckContext, geos = tradeGeos(ctx)): void {
  const rules = activeRules(ctx, ['goods']);
  ctx.tx.goods.forEach((item, i) => {
    const code = classify(ctx, item, i);
    if (!code) return;
    for (const rule of rules) {
      const cover = rulePatternsCover(rule.hs ?? [], code.code);
      if (cover.coverage === 'none') continue;
      const match = matchingGeo(rule, geos, item, i);
      if (!match) continue;
      const what = `HS ${formatHs(code.code)}${hsDescription(code.code) ? ` (${shorten(hsDescription(code.code))})` : ''}`;
      const detail = `${what} ${DIRECTION_TEXT[rule.direction] ?? 'to or from'} ${describePlace(match.geo.place)} [${match.geo.subject}], covered by ${cover.matched}`;
      const partial =
        cover.coverage === 'partial'
          ? `the rule covers only part of HS ${formatHs(code.code)} (${cover.matched}): check the exact goods`
          : match.partial
            ? 'the place is only partly in the territory'
            : undefined;
      addRuleHit(ctx, 'goods', rule, subject(`goods[${i}]`, itemLabel(item)), detail, { partial, uncertain: code.suggested ? `HS ${code.code} is only suggested from the description` : undefined });
    }
  });
}

const DIRECTION_TEXT: Record<string, string> = {
  export_to: 'exported to',
  import_from: 'procured from',
  import_originating: 'originating in',
};

/** The code to check: as given, or suggested from the description (review). */
function classify(ctx: CheckContext, item: TxGoods, i: number): { code: string; suggested: boolean } | undefined {
  const path = subject(`goods[${i}]`, itemLabel(item));
  const unclassified = ruleById(ctx, 'POLICY-HS-UNCLASSIFIED');
  if (item.hs) {
    if (!hsKnown(item.hs)) addRuleHit(ctx, 'goods', unclassified, path, `Could not classify: HS ${item.hsRaw ?? item.hs} is not a code of the HS 2022 nomenclature`);
    return { code: item.hs, suggested: false };
  }
  if (!item.description) {
    addRuleHit(ctx, 'goods', unclassified, path, 'Could not classify: no HS code and no description');
    return undefined;
  }
  const suggestions = suggestHs(item.description);
  if (!suggestions.length) {
    addRuleHit(ctx, 'goods', unclassified, path, `Could not classify: no HS code, and the description "${item.description}" matches no HS 2022 heading`);
    return undefined;
  }
  const list = suggestions.map((s) => `${formatHs(s.code)} ${shorten(s.description)} (${s.score})`).join('; ');
  addRuleHit(ctx, 'goods', ruleById(ctx, 'POLICY-HS-SUGGESTED'), path, `No HS code given; the description suggests ${list}. Rules are checked against ${formatHs(suggestions[0].code)}`);
  return { code: suggestions[0].code, suggested: true };
}

function matchingGeo(rule: Rule, geos: TradeGeos, item: TxGoods, i: number): { geo: Geo; partial: boolean } | undefined {
  const candidates: Geo[] = [];
  if (rule.direction === 'export_to' || rule.direction === 'both' || rule.direction === 'any') candidates.push(...(rule.territories?.length ? geos.uses : geos.destinations));
  if (rule.direction === 'import_originating') candidates.push(...geos.origins(item, i));
  if (rule.direction === 'import_from' || rule.direction === 'both' || rule.direction === 'any') candidates.push(...geos.supplies(item, i));
  let partial: Geo | undefined;
  for (const g of candidates) {
    const m = geoMatchesRule(g, rule);
    if (m === 'yes') return { geo: g, partial: false };
    if (m === 'partial') partial ??= g;
  }
  return partial ? { geo: partial, partial: true } : undefined;
}

function itemLabel(item: TxGoods): string {
  return [item.hsRaw, item.description].filter(Boolean).join(' ');
}

function shorten(s: string): string {
  return s.length > 90 ? `${s.slice(0, 87)}...` : s;
}
