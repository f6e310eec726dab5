// API keys: shown once at creation, stored only as a SHA-256 hash (the keys are 256-bit random, so a
// slow password hash would add nothing). Roles: analyst (screen, read, decide) and admin (everything).
import { createHash, randomBytes } from 'node:crypto';
import { migrateSql, type Sql } from '../store/sql.js';

export type Role = 'analyst' | 'admin';
export const ROLES: Role[] = ['analyst', 'admin'];

const MIGRATIONS = [
  `CREATE TABLE api_keys (
     name TEXT PRIMARY KEY,
     role TEXT NOT NULL,
     hash TEXT NOT NULL UNIQUE,
     prefix TEXT NOT NULL,
     created_at TEXT NOT NULL,
     revoked_at TEXT
   )`,
];

export interface ApiKey {
  name: string;
  role: Role;
  prefix: string;
  created_at: string;
  revoked_at: string | null;
}

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export class KeyStore {
  private constructor(private readonly sql: Sql) {}

  static async open(sql: Sql): Promise<KeyStore> {
    await migrateSql(sql, 'keys', MIGRATIONS);
    return new KeyStore(sql);
  }

  /** Create a key; returns the secret, which is never stored or shown again. */
  async create(name: string, role: Role): Promise<{ key: string; record: ApiKey }> {
    if (!/^[A-Za-z0-9_.@-]{1,64}$/.test(name)) throw new Error('key name: 1–64 letters, digits, _ . @ -');
    if (!ROLES.includes(role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
    const existing = await this.sql.get<ApiKey>('SELECT * FROM api_keys WHERE name = ?', [name]);
    if (existing && !existing.revoked_at) throw new Error(`a key named ${name} exists; revoke it first`);
    const key = `idk_${randomBytes(32).toString('base64url')}`;
    const record: ApiKey = { name, role, prefix: key.slice(0, 8), created_at: new Date().toISOString(), revoked_at: null };
    await this.sql.transaction(async (tx) => {
      await tx.run('DELETE FROM api_keys WHERE name = ?', [name]);
      await tx.run('INSERT INTO api_keys (name, role, hash, prefix, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)', [name, role, hashKey(key), record.prefix, record.created_at]);
    });
    return { key, record };
  }

  async list(): Promise<ApiKey[]> {
    return this.sql.all<ApiKey>('SELECT name, role, prefix, created_at, revoked_at FROM api_keys ORDER BY name');
  }

  async revoke(name: string): Promise<boolean> {
    const r = await this.sql.run('UPDATE api_keys SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL', [new Date().toISOString(), name]);
    return r.changes > 0;
  }

  /** Whether any usable key exists: with none, the server runs open (loopback only). */
  async anyActive(): Promise<boolean> {
    return !!(await this.sql.get('SELECT 1 AS x FROM api_keys WHERE revoked_at IS NULL LIMIT 1'));
  }

  /** The key record for a presented secret, if valid and not revoked. */
  async authenticate(secret: string): Promise<ApiKey | undefined> {
    return this.sql.get<ApiKey>('SELECT name, role, prefix, created_at, revoked_at FROM api_keys WHERE hash = ? AND revoked_at IS NULL', [hashKey(secret)]);
  }
}
