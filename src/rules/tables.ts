// The curated rule tables (data/rules/ in the project): loaded once, checked field by field so a typo in a
// table fails loudly with the file and rule id instead of silently never matching.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ruleTablesDir } from '../config.js';
import { parseHsPattern } from './hs.js';
import type { Rule, RuleKind, Territory, Verification } from './types.js';

export class RuleTableError extends Error {}

export interface PlaceAlias {
  name: string;
  /** KATOTTH code for Ukrainian places; empty for places outside Ukraine. */
  katotth: string;
  country: string;
  /** region/oblast/city/ngca (Ukraine), port/city/crossing (DPRK). */
  kind: string;
  lang: string;
  note: string;
}

export interface RuleTables {
  rules: Rule[];
  territories: Map<string, Territory>;
  aliases: PlaceAlias[];
  dir: string;
}

const KINDS: RuleKind[] = ['goods', 'territory', 'embargo', 'crossing', 'labour', 'diversion', 'transit', 'ownership', 'party', 'policy'];
const DIRECTIONS = ['export_to', 'import_from', 'import_originating', 'both', 'any'];
const VERIFICATION: Verification[] = ['verified', 'secondary', 'unverified'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

let cached: RuleTables | undefined;

/** The rule tables from `$INTERDICT_RULE_TABLES` (default data/rules), cached per directory. */
export function loadRuleTables(dir = ruleTablesDir()): RuleTables {
  if (cached && cached.dir === dir) return cached;
  const territories = loadTerritories(join(dir, 'territories.json'));
  const rules: Rule[] = [];
  const regimeDir = join(dir, 'regimes');
  for (const file of readdirSync(regimeDir).filter((f) => f.endsWith('.json')).sort()) {
    const doc = JSON.parse(readFileSync(join(regimeDir, file), 'utf8')) as { rules?: unknown[] };
    if (!Array.isArray(doc.rules)) throw new RuleTableError(`${file}: expected {"rules": [...]}`);
    for (const raw of doc.rules) rules.push(checkRule(raw as Rule, file, territories));
  }
  const ids = new Set<string>();
  for (const r of rules) {
    if (ids.has(r.id)) throw new RuleTableError(`${r.file}: duplicate rule id ${r.id}`);
    ids.add(r.id);
  }
  cached = { rules, territories, aliases: loadAliases(join(dir, 'place-aliases.csv')), dir };
  return cached;
}

function checkRule(r: Rule, file: string, territories: Map<string, Territory>): Rule {
  const where = `${file}: rule ${r.id ?? '(no id)'}`;
  const fail = (msg: string) => {
    throw new RuleTableError(`${where}: ${msg}`);
  };
  for (const f of ['id', 'regime', 'authority', 'instrument', 'provision', 'title'] as const) {
    if (typeof r[f] !== 'string' || !r[f]) fail(`${f} must be a non-empty string`);
  }
  if (!KINDS.includes(r.kind)) fail(`kind must be one of ${KINDS.join(', ')}`);
  if (!DIRECTIONS.includes(r.direction)) fail(`direction must be one of ${DIRECTIONS.join(', ')}`);
  if (!VERIFICATION.includes(r.verification)) fail(`verification must be one of ${VERIFICATION.join(', ')}`);
  if (r.severity !== undefined && r.severity !== 'review' && r.severity !== 'block') fail('severity must be review or block');
  for (const d of [r.validFrom, r.validTo, r.windDown?.contractsBefore, r.windDown?.until]) {
    if (d !== undefined && d !== null && !DATE.test(d)) fail(`bad date ${d} (expected YYYY-MM-DD)`);
  }
  if (!Array.isArray(r.exceptions) || !Array.isArray(r.sources)) fail('exceptions and sources must be arrays');
  for (const c of r.countries ?? []) if (!/^[a-z]{2}$/.test(c)) fail(`country ${c} must be ISO alpha-2 lower case`);
  for (const t of r.territories ?? []) if (!territories.has(t)) fail(`unknown territory ${t}`);
  for (const p of r.hs ?? []) {
    try {
      parseHsPattern(p);
    } catch (err) {
      fail((err as Error).message);
    }
  }
  if (r.kind === 'labour' && r.labourBasis !== 'permit' && r.labourBasis !== 'presence') fail('labour rules need labourBasis "permit" or "presence"');
  if ((r.kind === 'goods' || r.kind === 'diversion' || r.kind === 'transit') && !r.hs?.length) fail(`${r.kind} rules need hs codes`);
  if (['goods', 'embargo', 'labour', 'diversion', 'transit', 'crossing'].includes(r.kind) && !r.countries?.length && !r.territories?.length) {
    fail('needs countries or territories');
  }
  return { ...r, file };
}

function loadTerritories(file: string): Map<string, Territory> {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { territories: Territory[] };
  const map = new Map<string, Territory>();
  for (const t of doc.territories) {
    if (t.scope !== 'whole' && t.scope !== 'occupied') throw new RuleTableError(`territories.json: ${t.id}: scope must be whole or occupied`);
    map.set(t.id, t);
  }
  return map;
}

function loadAliases(file: string): PlaceAlias[] {
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as PlaceAlias[];
  for (const [i, a] of rows.entries()) {
    if (!a.name || !/^[a-z]{2}$/.test(a.country)) throw new RuleTableError(`place-aliases.csv line ${i + 2}: name and country (alpha-2) are required`);
    if (a.country === 'ua' && !/^UA\d{17}$/.test(a.katotth)) throw new RuleTableError(`place-aliases.csv line ${i + 2}: Ukrainian alias needs a KATOTTH code`);
  }
  return rows;
}

/** "UNSCR 2397 (2017) para 7" — how a hit cites a rule. */
export function citation(rule: Rule): string {
  return rule.kind === 'policy' ? `${rule.instrument}: ${rule.provision}` : `${rule.instrument} ${rule.provision}`.trim();
}

/** Is the rule in force on `date` (ISO)? */
export function inForce(rule: Rule, date: string): boolean {
  if (rule.validFrom && date < rule.validFrom) return false;
  if (rule.validTo && date > rule.validTo) return false;
  return true;
}

/** Rules of some kinds, optionally restricted to a set of authorities (e.g. only EU and UN). */
export function rulesOfKind(tables: RuleTables, kinds: RuleKind[], authorities?: string[]): Rule[] {
  const auth = authorities?.map((a) => a.toLowerCase());
  const allowed = (r: Rule) => !auth || r.authority === 'Interdict' || r.authority.toLowerCase().split('/').some((a) => auth.includes(a));
  return tables.rules.filter((r) => kinds.includes(r.kind) && allowed(r));
}
