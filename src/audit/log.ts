// The audit trail: every import, update, screening run, alert, decision, key change and setting change
// is appended to `audit_log` with a hash chained to the previous row, so an examiner can check years
// later that nobody rewrote history (`interdict audit verify`).
import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import { migrateSql, withSql, type Params, type Sql } from '../store/sql.js';

const MIGRATIONS = [
  `CREATE TABLE audit_log (
     seq INTEGER PRIMARY KEY,
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     subject TEXT,
     details TEXT NOT NULL,
     list_versions TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL
   )`,
  // the chain's head, written in the same transaction as each row: deleting the newest rows shows up too
  `CREATE TABLE audit_head (id INTEGER PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL)`,
];

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
  /** The list versions in force when it happened: dataset → version label. */
  list_versions: Record<string, string>;
  prev_hash: string;
  hash: string;
}

export interface AuditEvent {
  action: string;
  subject?: string | null;
  /** An object, or its JSON text (the API's events reach the audit writer thread as text: see src/api/audit.ts). */
  details?: Record<string, unknown> | string;
  list_versions?: Record<string, string>;
  /** Key name for API calls; the OS user otherwise. */
  actor?: string;
}

const GENESIS = '0'.repeat(64);
/** Rows per INSERT: a statement per row cost the API's audit writer more than hashing the row. */
const INSERT_ROWS = 50;
const COLUMNS = 9;
const ROW_PLACEHOLDERS = ',(?, ?, ?, ?, ?, ?, ?, ?, ?)';

export function defaultActor(): string {
  try {
    return `os:${userInfo().username}`;
  } catch {
    return 'os:unknown';
  }
}

/** Object keys as JSON strings: the same few dozen names recur in every event. */
const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 1000;

function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    // keys of clients' property maps are unbounded: only the first thousand are kept
    if (quotedKeys.size < MAX_QUOTED_KEYS) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/**
 * JSON with sorted keys at every level, so the hash does not depend on key order. Built in one string
 * without intermediate arrays: it runs for every API screening (the output must never change, or stored
 * hashes stop verifying).
 */
function canonical(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonical(value[i]);
    return out + ']';
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    let out = '{';
    for (const k of Object.keys(o).sort()) {
      if (o[k] === undefined) continue;
      out += (out.length > 1 ? ',' : '') + quoteKey(k) + ':' + canonical(o[k]);
    }
    return out + '}';
  }
  return JSON.stringify(value ?? null);
}

/** `versions`: canonical(e.list_versions), when the caller has it already. */
export function entryHash(e: Omit<AuditEntry, 'hash'>, versions = canonical(e.list_versions)): string {
  // canonical([seq, at, actor, action, subject, details, list_versions]), its last element given
  const body = `${canonical([e.seq, e.at, e.actor, e.action, e.subject, e.details]).slice(0, -1)},${versions}]`;
  return createHash('sha256').update(`${e.prev_hash}\n${body}`).digest('hex');
}

interface Row {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details: string;
  list_versions: string;
  prev_hash: string;
  hash: string;
}

function fromRow(r: Row): AuditEntry {
  return { ...r, seq: Number(r.seq), details: JSON.parse(r.details), list_versions: JSON.parse(r.list_versions) };
}

export class AuditLog {
  private constructor(private readonly sql: Sql) {}

  static async open(sql: Sql): Promise<AuditLog> {
    await migrateSql(sql, 'audit', MIGRATIONS);
    return new AuditLog(sql);
  }

  /**
   * Append one event; serialised across processes and servers so the chain never forks. Pass `within` to
   * append inside a caller's transaction, so the event and the change it records commit together.
   */
  async append(event: AuditEvent, within: Sql = this.sql): Promise<AuditEntry> {
    return (await this.appendMany([event], within))[0];
  }

  /**
   * Append events in order in one transaction: the chain's head is read once and written once, each entry
   * linking to the one before it in memory (the API's audit writer appends in batches of hundreds).
   */
  async appendMany(events: AuditEvent[], within: Sql = this.sql): Promise<AuditEntry[]> {
    return within.transaction(async (tx) => {
      const head = await tx.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
      let seq = head ? Number(head.seq) : 0;
      let prevHash = head?.hash ?? GENESIS;
      const entries: AuditEntry[] = [];
      const values: Params = [];
      // the API's events of one index generation share one list_versions object (structured cloning keeps the
      // sharing within a batch): it is serialised once
      let versions: object | undefined;
      let versionsCanonical = '';
      let versionsJson = '';
      for (const event of events) {
        const base = {
          seq: ++seq,
          at: new Date().toISOString(),
          actor: event.actor ?? defaultActor(),
          action: event.action,
          subject: event.subject ?? null,
          details: typeof event.details === 'string' ? (JSON.parse(event.details) as Record<string, unknown>) : (event.details ?? {}),
          list_versions: event.list_versions ?? {},
          prev_hash: prevHash,
        };
        if (base.list_versions !== versions) {
          versions = base.list_versions;
          versionsCanonical = canonical(versions);
          versionsJson = JSON.stringify(versions);
        }
        const entry: AuditEntry = { ...base, hash: entryHash(base, versionsCanonical) };
        values.push(entry.seq, entry.at, entry.actor, entry.action, entry.subject, typeof event.details === 'string' ? event.details : JSON.stringify(entry.details), versionsJson, entry.prev_hash, entry.hash);
        entries.push(entry);
        prevHash = entry.hash;
      }
      for (let i = 0; i < entries.length; i += INSERT_ROWS) {
        const rows = Math.min(INSERT_ROWS, entries.length - i);
        await tx.run(`INSERT INTO audit_log (seq, at, actor, action, subject, details, list_versions, prev_hash, hash) VALUES ${ROW_PLACEHOLDERS.repeat(rows).slice(1)}`, values.slice(i * COLUMNS, (i + rows) * COLUMNS));
      }
      if (entries.length) {
        const updated = await tx.run('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1', [seq, prevHash]);
        if (updated.changes === 0) await tx.run('INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)', [seq, prevHash]);
      }
      return entries;
    }, 'audit_log');
  }

  async *entries(opts: { since?: number; limit?: number } = {}): AsyncGenerator<AuditEntry> {
    const page = 1000;
    let after = opts.since ?? 0;
    let left = opts.limit ?? Infinity;
    for (;;) {
      const rows = await this.sql.all<Row>('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?', [after, Math.min(page, left)]);
      for (const r of rows) yield fromRow(r);
      if (rows.length < page || (left -= rows.length) <= 0) return;
      after = Number(rows[rows.length - 1].seq);
    }
  }

  /** Newest first, for the UI. */
  async recent(limit = 100, offset = 0): Promise<AuditEntry[]> {
    return (await this.sql.all<Row>('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?', [limit, offset])).map(fromRow);
  }

  /** Walk the chain: the first altered, missing or re-ordered row, or ok. */
  async verify(): Promise<{ ok: true; rows: number } | { ok: false; rows: number; seq: number; problem: string }> {
    let expectedSeq = 1;
    let prevHash = GENESIS;
    let rows = 0;
    for await (const e of this.entries()) {
      rows++;
      if (e.seq !== expectedSeq) return { ok: false, rows, seq: expectedSeq, problem: `row ${expectedSeq} is missing (next row is ${e.seq})` };
      if (e.prev_hash !== prevHash) return { ok: false, rows, seq: e.seq, problem: `row ${e.seq} does not link to row ${e.seq - 1} (previous hash differs)` };
      const { hash, ...rest } = e;
      if (entryHash(rest) !== hash) return { ok: false, rows, seq: e.seq, problem: `row ${e.seq} was altered (its content does not match its hash)` };
      prevHash = hash;
      expectedSeq++;
    }
    const head = await this.sql.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1');
    if (head && (Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash)) {
      return { ok: false, rows, seq: Math.min(Number(head.seq), expectedSeq), problem: `the chain ends at row ${expectedSeq - 1} but row ${head.seq} was written: newest rows were removed or altered` };
    }
    return { ok: true, rows };
  }
}

/** Append one event through a short-lived connection (CLI commands that do not hold a work store open). */
export async function recordAudit(event: AuditEvent): Promise<void> {
  await withSql(async (sql) => {
    await (await AuditLog.open(sql)).append(event);
  });
}
