// Place check: every place the transaction names (locations, party addresses and countries, goods
// origins, route points and ports, worksites) → occupied territory of Ukraine on the date, a country
// under embargo, a DPRK port or border crossing; or a review when the place cannot be resolved.
import { countryName } from '../../model/countries.js';
import { activeRules, addRuleHit, describePlace, geo, partyGeo, ruleById, type CheckContext, type Geo } from './context.js';

/** Every place in the transaction, with the path it sits at. */
export function transactionPlaces(ctx: CheckContext): Geo[] {
  const { tx } = ctx;
  const out: Geo[] = [];
  tx.locations.forEach((l, i) => out.push(geo(ctx, `locations[${i}]${l.role ? ` (${l.role})` : ''}`, l.address)));
  tx.parties.forEach((p, i) => {
    const g = partyGeo(ctx, p, i);
    if (g) out.push(g);
  });
  tx.goods.forEach((g, i) => g.origin && out.push(geo(ctx, `goods[${i}].origin`, g.origin)));
  if (tx.route.origin) out.push(geo(ctx, 'route.origin', tx.route.origin));
  tx.route.via.forEach((v, i) => out.push(geo(ctx, `route.via[${i}]`, v)));
  if (tx.route.destination) out.push(geo(ctx, 'route.destination', tx.route.destination));
  tx.route.ports.forEach((p, i) => out.push(geo(ctx, `route.ports[${i}]`, p)));
  tx.workers.forEach((w, i) => w.worksite && out.push(geo(ctx, `workers[${i}].worksite`, w.worksite)));
  return out;
}

export function placeCheck(ctx: CheckContext): void {
  const territoryRules = activeRules(ctx, ['territory']);
  const embargoRules = activeRules(ctx, ['embargo']);
  const crossingRules = activeRules(ctx, ['crossing']);
  for (const g of transactionPlaces(ctx)) {
    const place = g.place;
    if (place.status === 'unresolved') {
      addRuleHit(ctx, 'place', ruleById(ctx, 'POLICY-PLACE-UNRESOLVED'), g.subject, `Could not resolve place "${g.text}" to a country, a Ukrainian territorial unit or a known DPRK port or crossing`);
      continue;
    }
    if (place.status === 'ambiguous') {
      const options = place.units
        .slice(0, 6)
        .map((u) => `${u.path}: ${u.occupation.status.replace('_', ' ')}`)
        .join('; ');
      addRuleHit(ctx, 'place', ruleById(ctx, 'POLICY-PLACE-AMBIGUOUS'), g.subject, `"${g.text}" fits ${place.units.length} places with different status on ${ctx.tx.date}: ${options}${place.units.length > 6 ? '; ...' : ''}`);
      continue;
    }
    if (place.dprk?.kind === 'crossing') {
      for (const rule of crossingRules) addRuleHit(ctx, 'place', rule, g.subject, `${describePlace(place)}: a DPRK border crossing`);
    }
    if (place.country) {
      for (const rule of embargoRules.filter((r) => r.countries?.includes(place.country!))) {
        const where = place.dprk ? `${describePlace(place)} is in ${countryName(place.country)}` : `${countryName(place.country)} (${place.country.toUpperCase()})`;
        addRuleHit(ctx, 'place', rule, g.subject, `${where}: the country is under this embargo`);
      }
    }
    territoryHits(ctx, g, territoryRules);
  }
}

function territoryHits(ctx: CheckContext, g: Geo, rules: ReturnType<typeof activeRules>): void {
  const place = g.place;
  const where = describePlace(place);
  const occupation = place.units[0]?.occupation;
  const status = occupation ? `: ${occupation.note}` : '';
  const named = rules.filter((r) => !r.fallback && r.territories?.some((t) => place.territories.includes(t)));
  for (const rule of named) {
    addRuleHit(ctx, 'place', rule, g.subject, `${where} lies in ${territoryNames(ctx, rule.territories!, place.territories)} on ${ctx.tx.date}${status}`);
  }
  if (!named.length) {
    for (const rule of rules.filter((r) => r.fallback && r.territories?.some((t) => place.territories.includes(t)))) {
      addRuleHit(ctx, 'place', rule, g.subject, `${where}${status}; no sanctions regime in the tables names this territory on ${ctx.tx.date}`);
    }
  }
  const partial = [...new Set(place.partialTerritories)].filter((t) => t !== 'ua-occupied');
  if (!place.territories.length && place.partialTerritories.length) {
    const names = partial.length ? territoryNames(ctx, partial, partial) : 'occupied territory';
    addRuleHit(ctx, 'place', ruleById(ctx, 'POLICY-PLACE-PARTIAL'), g.subject, `${where} lies only partly in ${names} on ${ctx.tx.date}${status}; give the settlement`);
  }
}

function territoryNames(ctx: CheckContext, ids: string[], present: string[]): string {
  return ids
    .filter((t) => present.includes(t))
    .map((t) => `"${ctx.tables.territories.get(t)?.name ?? t}"`)
    .join(' and ');
}
