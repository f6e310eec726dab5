// Party check: every party (and every worker's employer) through the matching engine, across the active
// lists; vessels also by IMO number. A strong match or an identifier match blocks, a weaker one reviews.
import { caption, values, type Entity } from '../../model/entity.js';
import { cleanText } from '../../text/index.js';
import type { PartyMatch, PartyQuery, TxParty } from '../types.js';
import { addHit, addRuleHit, ruleById, subject, type CheckContext } from './context.js';

export interface PartySubject {
  path: string;
  query: PartyQuery;
}

/** The parties to screen: the parties themselves and the employers named on worker records. */
export function partySubjects(ctx: CheckContext): PartySubject[] {
  const out: PartySubject[] = ctx.tx.parties.filter((p) => p.name || p.imoNumber || p.idNumber).map((p, i) => ({ path: subject(`parties[${i}]`, partyLabel(p)), query: partyQuery(p) }));
  const seen = new Set(ctx.tx.parties.map((p) => p.name && nameKey(p.name)));
  ctx.tx.workers.forEach((w, i) => {
    if (!w.employer || seen.has(nameKey(w.employer))) return;
    seen.add(nameKey(w.employer));
    out.push({ path: subject(`workers[${i}].employer`, w.employer), query: { schema: 'LegalEntity', properties: { name: [w.employer] } } });
  });
  return out;
}

export async function partyCheck(ctx: CheckContext): Promise<void> {
  for (const s of partySubjects(ctx)) await screenParty(ctx, s.path, s.query);
}

/** Screen one party and add its hits; returns the block-level matches (used by the ownership check). */
export async function screenParty(ctx: CheckContext, path: string, query: PartyQuery): Promise<PartyMatch[]> {
  if (!ctx.screener) {
    addRuleHit(ctx, 'party', ruleById(ctx, 'POLICY-PARTY-UNSCREENED'), path, 'No list screening is available to this check: the party was not screened against the sanctions lists');
    return [];
  }
  const matches = (await ctx.screener(query, { limit: 5 })).filter((m) => m.match).slice(0, 3);
  const blocking: PartyMatch[] = [];
  for (const m of matches) {
    const byIdentifier = identifierMatch(query, m.entity);
    const severity = byIdentifier || m.score >= ctx.partyBlockScore ? 'block' : 'review';
    if (severity === 'block') blocking.push(m);
    const name = query.properties.name?.[0] ?? query.properties.imoNumber?.[0] ?? '';
    const why = byIdentifier ? `same ${byIdentifier}` : `score ${m.score.toFixed(2)}${severity === 'review' ? ' (possible match: review)' : ''}`;
    addHit(ctx, {
      check: 'party',
      subject: path,
      rule: 'PARTY-LISTED',
      citation: listingCitation(m.entity),
      severity,
      detail: `${name ? `"${name}" matches ` : 'Matches '}listed ${m.entity.schema} "${caption(m.entity)}" (${why}).${explain(m.explanations)}`,
      entity: m.entity.id,
      verification: 'verified',
    });
    if (severity === 'block' && name) ctx.listed.set(nameKey(name), { entity: m.entity.id, citation: listingCitation(m.entity) });
  }
  return blocking;
}

function partyQuery(p: TxParty): PartyQuery {
  const properties: Record<string, string[]> = { ...p.properties };
  const add = (prop: string, v?: string) => v && (properties[prop] = [...(properties[prop] ?? []), v]);
  add('name', p.name);
  add('country', p.country);
  add('address', p.address);
  add('imoNumber', p.imoNumber);
  add(p.schema === 'Vessel' ? 'registrationNumber' : 'idNumber', p.idNumber);
  return { schema: p.schema, properties };
}

/** IMO number (vessels) or ID number equal on both sides. */
function identifierMatch(query: PartyQuery, entity: Entity): string | undefined {
  const digits = (s: string) => s.replace(/\D/g, '');
  for (const prop of ['imoNumber', 'idNumber', 'registrationNumber']) {
    const mine = (query.properties[prop] ?? []).map(digits).filter((d) => d.length >= 6);
    const theirs = values(entity, prop).map(digits);
    if (mine.some((d) => theirs.includes(d))) return prop === 'imoNumber' ? 'IMO number' : prop;
  }
  return undefined;
}

/** "Listed on un_sc_sanctions (DPRK)" from the entity's datasets and programmes. */
function listingCitation(entity: Entity): string {
  const programs = [...values(entity, 'program'), ...values(entity, 'programId')];
  return `Listed on ${entity.datasets.join(', ')}${programs.length ? ` (${[...new Set(programs)].slice(0, 3).join('; ')})` : ''}`;
}

function explain(explanations: unknown): string {
  if (!explanations) return '';
  if (Array.isArray(explanations)) {
    const text = explanations.map((e) => (typeof e === 'string' ? e : (e as { detail?: string; text?: string })?.detail ?? (e as { text?: string })?.text ?? '')).filter(Boolean);
    return text.length ? ` ${text.slice(0, 3).join('; ')}.` : '';
  }
  return typeof explanations === 'string' ? ` ${explanations}` : '';
}

function partyLabel(p: TxParty): string {
  return [p.role && `${p.role}`, p.name ?? (p.imoNumber ? `IMO ${p.imoNumber}` : p.idNumber)].filter(Boolean).join(' ');
}

export function nameKey(name: string): string {
  return cleanText(name);
}
