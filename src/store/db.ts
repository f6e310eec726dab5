// The embedded store: one SQLite file at $INTERDICT_HOME/interdict.db (better-sqlite3 12).
// WAL mode so the server reads while an import writes, and so a killed import leaves no half version.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { databasePath } from '../config.js';

export type Db = Database.Database;

/** The list store's schema migrations, applied in order. Append only: never edit one that shipped. */
const LIST_MIGRATIONS: string[] = [
  `CREATE TABLE list_versions (
     id INTEGER PRIMARY KEY,
     dataset TEXT NOT NULL,
     format TEXT NOT NULL,
     published TEXT,
     published_source TEXT NOT NULL,
     sha256 TEXT NOT NULL,
     files TEXT NOT NULL,
     entities INTEGER NOT NULL,
     targets INTEGER NOT NULL,
     counts TEXT NOT NULL,
     imported_at TEXT NOT NULL,
     UNIQUE (dataset, sha256)
   );
   CREATE TABLE entities (
     version_id INTEGER NOT NULL REFERENCES list_versions(id) ON DELETE CASCADE,
     id TEXT NOT NULL,
     schema TEXT NOT NULL,
     caption TEXT NOT NULL,
     target INTEGER NOT NULL,
     hash TEXT NOT NULL,
     data TEXT NOT NULL,
     PRIMARY KEY (version_id, id)
   ) WITHOUT ROWID;
   CREATE TABLE downloads (
     url TEXT PRIMARY KEY,
     etag TEXT,
     last_modified TEXT,
     sha256 TEXT,
     fetched_at TEXT NOT NULL
   );`,
];

export function openDb(file = databasePath()): Db {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  // 8 KiB pages for a new store (an existing one keeps its own): an entity row is ~0.5 KB, and with 4 KiB pages
  // importing every shared list took ~10% more SQLite CPU and a 20% larger file
  db.pragma('page_size = 8192');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  migrate(db, 'lists', LIST_MIGRATIONS);
  return db;
}

/**
 * Which migration steps each module has applied: one table for the list store (here, synchronous) and the
 * work stores (`migrateSql`, asynchronous, SQLite or PostgreSQL), so both read the same record.
 */
export const MIGRATIONS_TABLE_DDL = 'CREATE TABLE IF NOT EXISTS schema_migrations (module TEXT NOT NULL, step INTEGER NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (module, step))';

/**
 * Apply a module's migrations once each. Every module (lists, cases, audit, keys) owns a named, append-only
 * list, so the order modules are loaded in never matters.
 */
export function migrate(db: Db, module: string, migrations: string[]): void {
  db.exec(MIGRATIONS_TABLE_DDL);
  const done = new Set(
    (db.prepare('SELECT step FROM schema_migrations WHERE module = ?').all(module) as Array<{ step: number }>).map((r) => r.step),
  );
  migrations.forEach((sql, step) => {
    if (done.has(step)) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(module, step, new Date().toISOString());
    })();
  });
}
