// `interdict check TX.json` (one transaction → decision and hits with their legal basis) and
// `interdict rules list|show` (the rule tables with citations, for review by a lawyer).
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Screener } from '../../match/index.js';
import { checkTransaction, loadRuleTables, parseTransaction, TransactionError, citation, type CheckResult, type PartyScreener, type Rule } from '../../rules/index.js';
import { CliError, printJson, printTable } from '../output.js';
import { openListStore } from './lists.js';

interface CheckFlags {
  json?: boolean;
  date?: string;
  authority?: string[];
}

/** Read and validate a transaction file ("-" = stdin). */
export function readTransaction(file: string, date?: string) {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as Error).message}`, 2);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new CliError(`${file}: not valid JSON: ${(err as Error).message}`, 2);
  }
  if (date && raw && typeof raw === 'object') (raw as Record<string, unknown>).date = date;
  try {
    return parseTransaction(raw);
  } catch (err) {
    if (err instanceof TransactionError) throw new CliError(`${file}: ${err.message}`, 2);
    throw err;
  }
}

/** The matcher over the active lists, when there is something to screen and lists to screen against. */
function storeScreener(needed: boolean): PartyScreener | undefined {
  if (!needed) return undefined;
  const store = openListStore();
  if (store.activeVersionIds().size === 0) {
    console.error('interdict: no lists in the store, parties are not screened (interdict import <files>)');
    return undefined;
  }
  const screener = Screener.fromStore(store);
  return (query, opts) => screener.screen(query, { limit: opts?.limit });
}

export async function runCheck(file: string, flags: CheckFlags): Promise<CheckResult> {
  const tx = readTransaction(file, flags.date);
  const needsScreening = tx.parties.length > 0 || tx.ownership.length > 0 || tx.workers.some((w) => w.employer);
  return checkTransaction(tx, { screener: storeScreener(needsScreening), authorities: flags.authority?.length ? flags.authority : undefined });
}

function printResult(result: CheckResult): void {
  console.log(`decision: ${result.decision.toUpperCase()} (${result.hits.length} hit${result.hits.length === 1 ? '' : 's'})`);
  result.hits.forEach((h, i) => {
    console.log(`\n${i + 1}. ${h.severity.toUpperCase()}  ${h.check}  ${h.rule}${h.verification && h.verification !== 'verified' ? ` [${h.verification}]` : ''}`);
    console.log(`   subject:  ${h.subject}`);
    console.log(`   citation: ${h.citation}`);
    if (h.entity) console.log(`   entity:   ${h.entity}`);
    console.log(`   ${h.detail}`);
  });
}

/** Rules of a regime: matches the regime name, the authority or a rule id prefix, case-insensitively. */
export function rulesOfRegime(rules: Rule[], regime?: string): Rule[] {
  if (!regime) return rules;
  const r = regime.toLowerCase();
  return rules.filter((rule) => rule.regime.toLowerCase() === r || rule.authority.toLowerCase() === r || rule.id.toLowerCase().startsWith(r) || rule.regime.toLowerCase().startsWith(r));
}

function scope(rule: Rule): string {
  const where = [...(rule.countries ?? []).map((c) => c.toUpperCase()), ...(rule.territories ?? [])].join(' ');
  const hs = rule.hs?.length ? ` HS ${rule.hs.length > 6 ? `${rule.hs.slice(0, 6).join(' ')} …(+${rule.hs.length - 6})` : rule.hs.join(' ')}` : '';
  return `${where}${hs}`;
}

export function registerCheckCommands(program: Command): void {
  program
    .command('check <file>')
    .description('check a transaction (JSON; "-" for stdin) against the trade rules: goods, places, labour, ownership, route and parties')
    .option('--json', 'print {"decision", "hits"} as JSON')
    .option('--date <date>', 'check as of this date (YYYY-MM-DD) instead of the transaction date')
    .option('--authority <names...>', 'only rules of these authorities (UN, EU, US, ...)')
    .action(async (file: string, flags: CheckFlags) => {
      const result = await runCheck(file, flags);
      if (flags.json) printJson(result);
      else printResult(result);
    });

  const rules = program.command('rules').description('the trade-rule tables (data/rules) with their citations');
  rules
    .command('list')
    .description('list the rules, optionally of one regime (DPRK, Russia, Ukraine-territories, Embargo, Ownership, Policy), authority (UN, EU, US) or id prefix')
    .option('--regime <regime>', 'regime, authority or rule id prefix')
    .option('--json', 'print the rules as JSON')
    .action((flags: { regime?: string; json?: boolean }) => {
      const tables = loadRuleTables();
      const selected = rulesOfRegime(tables.rules, flags.regime);
      if (flags.regime && !selected.length) throw new CliError(`no rules for regime "${flags.regime}" (regimes: ${[...new Set(tables.rules.map((r) => r.regime))].join(', ')})`, 2);
      if (flags.json) {
        printJson(selected.map(({ file, ...r }) => ({ ...r, citation: citation(r as Rule), table: `data/rules/regimes/${file}` })));
        return;
      }
      printTable(
        selected.map((r) => ({
          id: r.id,
          regime: r.regime,
          citation: citation(r),
          kind: `${r.kind}${r.direction !== 'any' ? ` ${r.direction}` : ''}`,
          scope: scope(r),
          from: r.validFrom ?? '',
          tag: r.verification,
          max: r.verification === 'unverified' ? 'review' : r.severity ?? 'block',
        })),
        ['id', 'regime', 'citation', 'kind', 'scope', 'from', 'tag', 'max'],
      );
      console.log(`\n${selected.length} rules. Full text: interdict rules show <id>, or --json.`);
    });
  rules
    .command('show <id>')
    .description('one rule in full: title, citation, goods, exceptions, dates, provenance')
    .action((id: string) => {
      const rule = loadRuleTables().rules.find((r) => r.id.toLowerCase() === id.toLowerCase());
      if (!rule) throw new CliError(`no rule ${id} (see: interdict rules list)`, 2);
      const lines: Array<[string, string | undefined]> = [
        ['id', rule.id],
        ['title', rule.title],
        ['citation', citation(rule)],
        ['regime', `${rule.regime} (${rule.authority})`],
        ['kind', `${rule.kind}, ${rule.direction}${rule.labourBasis ? `, ${rule.labourBasis}` : ''}`],
        ['countries', rule.countries?.map((c) => c.toUpperCase()).join(', ')],
        ['territories', rule.territories?.join(', ')],
        ['hs', rule.hs?.join(' ')],
        ['in force', `${rule.validFrom ?? '(no start date)'}${rule.validTo ? ` to ${rule.validTo}` : ''}`],
        ['wind-down', rule.windDown && `contracts before ${rule.windDown.contractsBefore}, executed until ${rule.windDown.until}`],
        ['exceptions', rule.exceptions.join('\n             ')],
        ['severity', rule.verification === 'unverified' ? 'review (unverified)' : rule.severity ?? 'block'],
        ['verification', rule.verification],
        ['caveats', rule.caveats?.join('\n             ')],
        ['sources', rule.sources.join('\n             ')],
        ['derived from', rule.derivedFrom],
        ['table', `data/rules/regimes/${rule.file}`],
      ];
      for (const [k, v] of lines) if (v) console.log(`${k.padEnd(12)} ${v}`);
    });
}
