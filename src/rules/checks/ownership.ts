// Ownership check: the OFAC 50 Percent Rule over the ownership graph sent with the transaction. An
// entity owned 50 % or more in the aggregate by blocked persons is blocked; ownership counts through an
// intermediate entity only when that entity is itself blocked (OFAC FAQ 401): X owning 40 % of A, and A
// owning 100 % of B, does not block B, because A is not blocked.
import { ruleById, addRuleHit, type CheckContext } from './context.js';
import { nameKey, screenParty } from './party.js';

export interface Edge {
  owner: string;
  owned: string;
  percentage?: number;
  index: number;
}

type Reason = { kind: 'listed'; entity: string; citation: string } | { kind: 'owned'; total: number; from: Edge[] };

export interface OwnershipResult {
  /** Blocked nodes (by display name) and why. */
  blocked: Map<string, Reason>;
  /** Nodes with blocked ownership below the threshold: total percentage. */
  minority: Map<string, { total: number; from: Edge[] }>;
  /** Edges from blocked owners with no percentage. */
  unknownShares: Edge[];
}

/**
 * The fixed point of the 50 % rule: start from the listed nodes; an entity becomes blocked when the
 * shares held by blocked owners add up to `threshold` or more; repeat until nothing changes.
 */
export function applyFiftyPercentRule(edges: Edge[], listed: Map<string, { entity: string; citation: string }>, threshold = 50): OwnershipResult {
  const display = new Map<string, string>();
  for (const e of edges) for (const n of [e.owner, e.owned]) display.set(nameKey(n), display.get(nameKey(n)) ?? n);
  const blocked = new Map<string, Reason>();
  for (const [key, name] of display) {
    const l = listed.get(key);
    if (l) blocked.set(name, { kind: 'listed', ...l });
  }
  const isBlocked = (n: string) => blocked.has(display.get(nameKey(n))!);
  // one share per owner and owned entity (the largest, if the graph repeats an edge)
  const byOwned = new Map<string, Map<string, Edge>>();
  for (const e of edges) {
    const owned = display.get(nameKey(e.owned))!;
    const owners = byOwned.get(owned) ?? new Map<string, Edge>();
    const prev = owners.get(nameKey(e.owner));
    if (!prev || (e.percentage ?? 0) > (prev.percentage ?? 0)) owners.set(nameKey(e.owner), e);
    byOwned.set(owned, owners);
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const [owned, owners] of byOwned) {
      if (blocked.has(owned)) continue;
      const from = [...owners.values()].filter((e) => isBlocked(e.owner) && e.percentage !== undefined);
      const total = from.reduce((s, e) => s + e.percentage!, 0);
      if (total >= threshold - 1e-9) {
        blocked.set(owned, { kind: 'owned', total, from });
        changed = true;
      }
    }
  }
  const minority = new Map<string, { total: number; from: Edge[] }>();
  const unknownShares: Edge[] = [];
  for (const [owned, owners] of byOwned) {
    if (blocked.has(owned)) continue;
    const from = [...owners.values()].filter((e) => isBlocked(e.owner));
    unknownShares.push(...from.filter((e) => e.percentage === undefined));
    const known = from.filter((e) => e.percentage !== undefined);
    if (known.length) minority.set(owned, { total: known.reduce((s, e) => s + e.percentage!, 0), from: known });
  }
  return { blocked, minority, unknownShares };
}

export async function ownershipCheck(ctx: CheckContext): Promise<void> {
  // FtM Ownership entities refer to parties by id: use the party's name
  const byId = new Map(ctx.tx.parties.filter((p) => p.id && p.name).map((p) => [p.id!, p.name!]));
  const edges: Edge[] = ctx.tx.ownership.map((o, index) => ({ ...o, owner: byId.get(o.owner) ?? o.owner, owned: byId.get(o.owned) ?? o.owned, index }));
  if (!edges.length) return;
  // owners and owned entities that are not parties are screened too (parties were, by the party check)
  const names = new Map<string, string>();
  for (const e of edges) for (const [n, side] of [[e.owner, 'owner'], [e.owned, 'owned']] as const) if (!names.has(nameKey(n))) names.set(nameKey(n), `ownership[${e.index}].${side}`);
  const partyNames = new Set(ctx.tx.parties.map((p) => p.name && nameKey(p.name)));
  for (const [key, path] of names) {
    if (partyNames.has(key)) continue;
    const name = edges.flatMap((e) => [e.owner, e.owned]).find((n) => nameKey(n) === key)!;
    await screenParty(ctx, `${path}: ${name}`, { schema: 'LegalEntity', properties: { name: [name] } });
  }
  const rule50 = ruleById(ctx, 'OWN-OFAC-50');
  const caution = ruleById(ctx, 'OWN-OFAC-398');
  const result = applyFiftyPercentRule(edges, ctx.listed, rule50.threshold ?? 50);
  for (const [name, reason] of result.blocked) {
    if (reason.kind !== 'owned') continue;
    addRuleHit(ctx, 'ownership', rule50, `ownership: ${name}`, `${name} is blocked: ${explainBlocked(name, result.blocked, new Set())}`, {}, rootEntity(name, result.blocked));
  }
  for (const [name, m] of result.minority) {
    if (m.total < (caution.threshold ?? 25)) continue;
    addRuleHit(ctx, 'ownership', caution, `ownership: ${name}`, `Blocked persons own ${m.total} % of ${name} (${m.from.map((e) => `${e.owner} ${e.percentage} %`).join(', ')}), below 50 %`);
  }
  for (const e of result.unknownShares) {
    addRuleHit(ctx, 'ownership', caution, `ownership[${e.index}]: ${e.owned}`, `Blocked ${e.owner} owns an unknown share of ${e.owned}: give the percentage`, { uncertain: 'ownership percentage unknown' });
  }
}

/** "X (listed: ...) owns 50 % of A; A (blocked) owns 50 % of B" as one readable chain per contribution. */
function explainBlocked(name: string, blocked: Map<string, Reason>, seen: Set<string>): string {
  const reason = blocked.get(name);
  if (!reason || seen.has(name)) return name;
  if (reason.kind === 'listed') return `${name} is ${lowerFirst(reason.citation)}`;
  seen.add(name);
  const parts = reason.from.map((e) => {
    const owner = [...blocked.keys()].find((k) => nameKey(k) === nameKey(e.owner)) ?? e.owner;
    const ownerReason = blocked.get(owner);
    const why = ownerReason?.kind === 'listed' ? `${owner} (${lowerFirst(ownerReason.citation)})` : `${owner} (blocked because ${explainBlocked(owner, blocked, seen)})`;
    return `${why} owns ${e.percentage} % of ${name}`;
  });
  return `${parts.join('; ')}${reason.from.length > 1 ? `; together ${reason.total} %` : ''}`;
}

/** The listed entity at the root of the first ownership chain. */
function rootEntity(name: string, blocked: Map<string, Reason>, depth = 0): string | undefined {
  const reason = blocked.get(name);
  if (!reason || depth > 20) return undefined;
  if (reason.kind === 'listed') return reason.entity;
  for (const e of reason.from) {
    const owner = [...blocked.keys()].find((k) => nameKey(k) === nameKey(e.owner));
    const root = owner && rootEntity(owner, blocked, depth + 1);
    if (root) return root;
  }
  return undefined;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
