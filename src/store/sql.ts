// The shared work store — portfolios, alerts, decisions, API keys and the audit trail — on embedded
// SQLite by default, or PostgreSQL when INTERDICT_DATABASE_URL=postgres://... so several servers and
// workers share it. Lists themselves stay in each instance's embedded store: they are public data,
// re-importable byte for byte, and their version labels (date + sha256) are the same everywhere.
import pg from 'pg';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';
import { MIGRATIONS_TABLE_DDL, openDb } from './db.js';

export type Params = Array<string | number | null>;

export interface Sql {
  readonly dialect: 'sqlite' | 'postgres';
  all<T>(sql: string, params?: Params): Promise<T[]>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  run(sql: string, params?: Params): Promise<{ changes: number }>;
  exec(sql: string): Promise<void>;
  /** Run `fn` in one transaction; `lock` names a serialisation point (e.g. the audit chain's tail). */
  transaction<T>(fn: (tx: Sql) => Promise<T>, lock?: string): Promise<T>;
  close(): Promise<void>;
}

/** Statements are written once with `?` placeholders; PostgreSQL wants `$1, $2...`. */
function toPg(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

/** Most distinct statements kept prepared per connection (the code's SQL is fixed text, so a few dozen in practice). */
const MAX_STATEMENTS = 500;
const statementCache = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement from the connection's cache: preparing costs more than running a small statement
 * (the audit writer appends thousands of rows a second through the same three), so each text is compiled once.
 */
function prepared(db: Db, sql: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    if (cache.size >= MAX_STATEMENTS) cache.clear();
    cache.set(sql, (stmt = db.prepare(sql)));
  }
  return stmt;
}

class SqliteSql implements Sql {
  readonly dialect = 'sqlite' as const;
  /** One transaction at a time per connection: async callers queue here instead of interleaving. */
  private queue: Promise<unknown> = Promise.resolve();
  constructor(
    readonly db: Db,
    private readonly nested = false,
  ) {}
  async all<T>(sql: string, params: Params = []): Promise<T[]> {
    return prepared(this.db, sql).all(...params) as T[];
  }
  async get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return prepared(this.db, sql).get(...params) as T | undefined;
  }
  async run(sql: string, params: Params = []): Promise<{ changes: number }> {
    return { changes: prepared(this.db, sql).run(...params).changes };
  }
  async exec(sql: string): Promise<void> {
    this.db.exec(sql);
  }
  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    if (this.nested) return fn(this);
    const run = async () => {
      // BEGIN IMMEDIATE takes the write lock up front: other processes appending to the chain wait here
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(new SqliteSql(this.db, true));
        this.db.exec('COMMIT');
        return out;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
  async close(): Promise<void> {
    await this.queue;
    this.db.close();
  }
}

class PgClientSql implements Sql {
  readonly dialect = 'postgres' as const;
  constructor(private readonly client: pg.PoolClient) {}
  async all<T>(sql: string, params: Params = []): Promise<T[]> {
    return (await this.client.query(toPg(sql), params)).rows as T[];
  }
  async get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  async run(sql: string, params: Params = []): Promise<{ changes: number }> {
    return { changes: (await this.client.query(toPg(sql), params)).rowCount ?? 0 };
  }
  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }
  async transaction<T>(fn: (tx: Sql) => Promise<T>, lock?: string): Promise<T> {
    // already inside a transaction: only add the serialisation point, held until that transaction ends
    if (lock) await this.client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lock]);
    return fn(this);
  }
  async close(): Promise<void> {}
}

class PgSql implements Sql {
  readonly dialect = 'postgres' as const;
  constructor(readonly pool: pg.Pool) {}
  async all<T>(sql: string, params: Params = []): Promise<T[]> {
    return (await this.pool.query(toPg(sql), params)).rows as T[];
  }
  async get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  async run(sql: string, params: Params = []): Promise<{ changes: number }> {
    return { changes: (await this.pool.query(toPg(sql), params)).rowCount ?? 0 };
  }
  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }
  async transaction<T>(fn: (tx: Sql) => Promise<T>, lock?: string): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // a transaction-scoped advisory lock serialises writers across every server sharing the database
      if (lock) await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lock]);
      const out = await fn(new PgClientSql(client));
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }
  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Open the work store: PostgreSQL when a URL is given (or INTERDICT_DATABASE_URL is set), else the embedded SQLite file. */
export async function openSql(url = process.env.INTERDICT_DATABASE_URL): Promise<Sql> {
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 8 });
    pool.on('error', () => {}); // an idle client's network error must not crash the process; queries report it
    await pool.query('SELECT 1');
    return new PgSql(pool);
  }
  if (url) throw new Error(`INTERDICT_DATABASE_URL must start with postgres:// (got ${url.split(':')[0]}:)`);
  return new SqliteSql(openDb());
}

/** Apply a module's migrations once each, on either database. Statements must be portable SQL. */
export async function migrateSql(sql: Sql, module: string, migrations: string[]): Promise<void> {
  await sql.exec(MIGRATIONS_TABLE_DDL);
  await sql.transaction(async (tx) => {
    const done = new Set((await tx.all<{ step: number }>('SELECT step FROM schema_migrations WHERE module = ?', [module])).map((r) => Number(r.step)));
    for (let step = 0; step < migrations.length; step++) {
      if (done.has(step)) continue;
      await tx.exec(migrations[step]);
      await tx.run('INSERT INTO schema_migrations (module, step, applied_at) VALUES (?, ?, ?)', [module, step, new Date().toISOString()]);
    }
  }, `migrate:${module}`);
}

/** Run `fn` with a work-store connection that is closed afterwards (one-shot CLI commands). */
export async function withSql<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
  const sql = await openSql();
  try {
    return await fn(sql);
  } finally {
    await sql.close();
  }
}
