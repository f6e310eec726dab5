// Where Interdict keeps its state and where the shared reference data lives.
// Every path goes through here so tests can point the whole program at temp folders.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

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
