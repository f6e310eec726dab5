// The trade-compliance engine: one transaction in, one decision out, every hit with its legal basis.
// Rules are data (data/rules/, with citations); reference data (HS 2022, CHPL, KATOTTH, the occupied
// list) is read at runtime from the shared rules folder (config.rulesDataDir()).
import { goodsCheck, tradeGeos } from './checks/goods.js';
import { labourCheck } from './checks/labour.js';
import { ownershipCheck } from './checks/ownership.js';
import { partyCheck } from './checks/party.js';
import { placeCheck } from './checks/place.js';
import { routeCheck } from './checks/route.js';
import type { CheckContext } from './checks/context.js';
import { parseTransaction, today } from './input.js';
import { PlaceResolver } from './places/resolve.js';
import { loadRuleTables, type RuleTables } from './tables.js';
import type { CheckResult, Decision, Hit, PartyScreener, Transaction } from './types.js';

export type { CheckResult, Decision, Hit, PartyMatch, PartyQuery, PartyScreener, Rule, Transaction } from './types.js';
export { TransactionError, parseTransaction } from './input.js';
export { loadRuleTables, citation } from './tables.js';

export interface CheckDeps {
  /** The matching engine (`Screener.screen` bound to the active lists). Without it, parties get a review hit. */
  screener?: PartyScreener;
  tables?: RuleTables;
  places?: PlaceResolver;
  /** Only rules of these authorities (e.g. ["UN", "EU"]); default all. Interdict policy rules always apply. */
  authorities?: string[];
  /** Match score from which a listed-party match blocks rather than reviews (default 0.95). */
  partyBlockScore?: number;
  /** Date used when the transaction has none (default today, UTC). */
  today?: string;
}

let defaultPlaces: { tables: RuleTables; places: PlaceResolver } | undefined;

/** The place resolver for the default tables: shared across calls so the Ukraine index loads once. */
function placesFor(tables: RuleTables): PlaceResolver {
  if (!defaultPlaces || defaultPlaces.tables !== tables) defaultPlaces = { tables, places: new PlaceResolver(tables) };
  return defaultPlaces.places;
}

/**
 * Check a transaction (raw JSON or already parsed). Throws TransactionError for a malformed transaction.
 * The decision is the most severe hit; no hit means clear.
 */
export async function checkTransaction(input: unknown, deps: CheckDeps = {}): Promise<CheckResult> {
  const tables = deps.tables ?? loadRuleTables();
  const tx: Transaction = parseTransaction(input, deps.today ?? today());
  const ctx: CheckContext = {
    tx,
    tables,
    places: deps.places ?? placesFor(tables),
    screener: deps.screener,
    authorities: deps.authorities,
    partyBlockScore: deps.partyBlockScore ?? 0.95,
    hits: [],
    listed: new Map(),
  };
  await partyCheck(ctx);
  await ownershipCheck(ctx);
  goodsCheck(ctx, tradeGeos(ctx));
  placeCheck(ctx);
  labourCheck(ctx);
  routeCheck(ctx);
  return { decision: decide(ctx.hits), hits: sortHits(ctx.hits) };
}

export function decide(hits: Hit[]): Decision {
  if (hits.some((h) => h.severity === 'block')) return 'block';
  return hits.length ? 'review' : 'clear';
}

const CHECK_ORDER = ['party', 'ownership', 'labour', 'goods', 'place', 'route'];

function sortHits(hits: Hit[]): Hit[] {
  return [...hits].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1) || CHECK_ORDER.indexOf(a.check) - CHECK_ORDER.indexOf(b.check));
}
