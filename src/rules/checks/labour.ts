// Labour check: a DPRK national earning income abroad is prohibited whoever the employer is (UNSCR 2375
// para 17 on new work authorizations, UNSCR 2397 para 8 on repatriation by 22 Dec 2019). The employer
// is screened as a party (party check) and the worksite as a place (place check).
import { countryCode, countryName } from '../../model/countries.js';
import type { TxWorker } from '../types.js';
import { activeRules, addRuleHit, geo, ruleById, subject, type CheckContext } from './context.js';

/** Demonyms and descriptions of nationality that country names do not cover. */
const NATIONALITY: Record<string, string> = {
  'north korean': 'kp',
  'korean (dprk)': 'kp',
  'korean dprk': 'kp',
  'dprk national': 'kp',
  'dprk citizen': 'kp',
  'гражданин кндр': 'kp',
  'громадянин кндр': 'kp',
  'северокореец': 'kp',
  'північнокореєць': 'kp',
  'russian': 'ru',
  'ukrainian': 'ua',
  'chinese': 'cn',
  'south korean': 'kr',
  'belarusian': 'by',
};

export function nationalityCode(text: string): string | undefined {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return NATIONALITY[t] ?? countryCode(text);
}

export function labourCheck(ctx: CheckContext): void {
  const rules = activeRules(ctx, ['labour']);
  ctx.tx.workers.forEach((w, i) => {
    const path = subject(`workers[${i}]`, workerLabel(w));
    if (!w.nationality) return;
    const nat = nationalityCode(w.nationality);
    if (!nat) {
      addRuleHit(ctx, 'labour', ruleById(ctx, 'POLICY-NATIONALITY-UNRESOLVED'), path, `Could not resolve nationality "${w.nationality}" to a country`);
      return;
    }
    // working in the DPRK is not "earning income abroad"; the worksite itself is screened as a place
    const site = w.worksite ? geo(ctx, `workers[${i}].worksite`, w.worksite).place : undefined;
    if (site?.country === nat) return;
    const where = w.worksite ? ` at ${w.worksite}` : '';
    for (const rule of rules.filter((r) => r.countries?.includes(nat))) {
      if (rule.labourBasis === 'permit') {
        if (w.permitIssued && rule.validFrom && w.permitIssued < rule.validFrom) continue;
        const when = w.permitIssued ? `work authorization issued ${w.permitIssued}` : 'work authorization date not given';
        addRuleHit(ctx, 'labour', rule, path, `${countryName(nat)} (${nat.toUpperCase()}) national working abroad${where}; ${when} (on or after ${rule.validFrom ?? 'the rule date'})${w.employer ? `; employer ${w.employer}` : ''}`, {
          uncertain: w.permitIssued ? undefined : 'the permit date is not given: a permit issued before the rule would not be new',
        });
      } else {
        addRuleHit(ctx, 'labour', rule, path, `${countryName(nat)} (${nat.toUpperCase()}) national earning income abroad${where} on ${ctx.tx.date}${w.employer ? `, employed by ${w.employer}` : ''}`);
      }
    }
  });
}

function workerLabel(w: TxWorker): string {
  return [w.name, w.nationality && `(${w.nationality})`].filter(Boolean).join(' ');
}
