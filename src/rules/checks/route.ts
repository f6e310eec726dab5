// Route check: high-priority (CHPL) goods sent to a third country for a Russian or Belarusian consignee,
// buyer or end user ("diversion risk"), or routed through Russia or Belarus. Embargoed countries and
// DPRK ports on the route are the place check's job.
import { formatHs, rulePatternsCover, suggestHs } from '../hs.js';
import { activeRules, addRuleHit, describePlace, geo, isDestinationParty, partyGeo, subject, type CheckContext, type Geo } from './context.js';

export function routeCheck(ctx: CheckContext): void {
  const { tx } = ctx;
  const diversion = activeRules(ctx, ['diversion']);
  const transit = activeRules(ctx, ['transit']);
  if (!diversion.length && !transit.length) return;
  const destination = tx.route.destination ? geo(ctx, 'route.destination', tx.route.destination) : undefined;
  const buyers: Geo[] = [];
  tx.parties.forEach((p, i) => {
    const g = isDestinationParty(p) && partyGeo(ctx, p, i);
    if (g) buyers.push(g);
  });
  const via = tx.route.via.map((v, i) => geo(ctx, `route.via[${i}]`, v));

  tx.goods.forEach((item, i) => {
    const code = item.hs ?? (item.description ? suggestHs(item.description, 1)[0]?.code : undefined);
    if (!code) return;
    const label = subject(`goods[${i}]`, [item.hsRaw, item.description].filter(Boolean).join(' '));
    const uncertain = item.hs ? undefined : `HS ${code} is only suggested from the description`;
    for (const rule of diversion) {
      const cover = rulePatternsCover(rule.hs ?? [], code);
      if (cover.coverage === 'none') continue;
      // a third country: the destination is known and is not itself Russia or Belarus
      const dest = destination?.place.country;
      if (!dest || rule.countries!.includes(dest)) continue;
      const buyer = buyers.find((b) => b.place.country && rule.countries!.includes(b.place.country));
      if (!buyer) continue;
      addRuleHit(
        ctx,
        'route',
        rule,
        label,
        `HS ${formatHs(code)} (${cover.matched}) shipped to ${dest.toUpperCase()} for ${buyer.subject.split(':')[0]} in ${describePlace(buyer.place)}: diversion risk`,
        { uncertain },
      );
    }
    for (const rule of transit) {
      const cover = rulePatternsCover(rule.hs ?? [], code);
      if (cover.coverage === 'none') continue;
      const through = via.find((v) => v.place.country && rule.countries!.includes(v.place.country));
      if (!through) continue;
      addRuleHit(ctx, 'route', rule, label, `HS ${formatHs(code)} (${cover.matched}) routed through ${describePlace(through.place)} [${through.subject}]`, { uncertain });
    }
  });
}
