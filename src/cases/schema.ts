// Tables of the case-work store (portfolios, monitoring runs, alerts), portable between SQLite and PostgreSQL.
export const CASE_MIGRATIONS = [
  `CREATE TABLE portfolio_records (
     id TEXT PRIMARY KEY,
     fields TEXT NOT NULL,
     hash TEXT NOT NULL,
     added_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   )`,
  `CREATE TABLE monitor_runs (
     id INTEGER PRIMARY KEY,
     started_at TEXT NOT NULL,
     finished_at TEXT,
     status TEXT NOT NULL,
     records_total INTEGER NOT NULL,
     records_done INTEGER NOT NULL,
     alerts_created INTEGER NOT NULL,
     list_versions TEXT NOT NULL,
     actor TEXT NOT NULL,
     error TEXT
   )`,
  `CREATE TABLE alerts (
     id INTEGER PRIMARY KEY,
     record_id TEXT NOT NULL,
     entity_id TEXT NOT NULL,
     dataset TEXT NOT NULL,
     score REAL NOT NULL,
     status TEXT NOT NULL,
     created_at TEXT NOT NULL,
     run_id INTEGER NOT NULL,
     list_version TEXT NOT NULL,
     record_hash TEXT NOT NULL,
     entity_hash TEXT NOT NULL,
     caption TEXT NOT NULL,
     schema TEXT NOT NULL,
     explanations TEXT NOT NULL,
     decision TEXT,
     reason TEXT,
     decided_by TEXT,
     decided_at TEXT
   )`,
  `CREATE INDEX alerts_record_entity ON alerts (record_id, entity_id)`,
  `CREATE INDEX alerts_status ON alerts (status, score)`,
];
