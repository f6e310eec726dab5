// Where Interdict keeps its state and where the shared reference data lives.
// Every path goes through here so tests can point the whole program at temp folders.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** $INTERDICT_HOME (default ~/.interdict): the SQLite store and settings. */
export function interdictHome(): string {
  return process.env.INTERDICT_HOME ? resolve(process.env.INTERDICT_HOME) : join(homedir(), '.interdict');
}

/** The embedded store file. */
export function databasePath(): string {
  return join(interdictHome(), 'interdict.db');
}

/** $INTERDICT_SHARED (default ../shared beside the project root): official list files, rules, evaluation data. */
export function sharedDir(): string {
  return resolve(process.env.INTERDICT_SHARED ?? join(process.cwd(), '..', 'shared'));
}

export function sharedListsDir(): string {
  return join(sharedDir(), 'data', 'lists');
}

/** $INTERDICT_RULES_DATA (default <shared>/data/rules): trade-rule reference data (HS, CHPL, KATOTTH, occupied list). */
export function rulesDataDir(): string {
  return process.env.INTERDICT_RULES_DATA ? resolve(process.env.INTERDICT_RULES_DATA) : join(sharedDir(), 'data', 'rules');
}

/** $INTERDICT_RULE_TABLES (default data/rules in the project): the curated rule tables with citations. */
export function ruleTablesDir(): string {
  if (process.env.INTERDICT_RULE_TABLES) return resolve(process.env.INTERDICT_RULE_TABLES);
  // compiled to dist/src/config.js: the project root is two levels up
  return fileURLToPath(new URL('../../data/rules/', import.meta.url));
}
