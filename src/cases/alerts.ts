// Alerts: one per (portfolio record, listed entity) hit that is new or changed; analysts decide them with
// a reason. A decision is remembered against the record's and the entity's content, so a false positive
// stays quiet until either changes (the "good-guy list").
import { AuditLog } from '../audit/log.js';
import { migrateSql, type Sql } from '../store/sql.js';
import { CASE_MIGRATIONS } from './schema.js';

export type AlertStatus = 'open' | 'escalated' | 'decided' | 'superseded';
export type Decision = 'true_match' | 'false_positive' | 'escalate';
export const DECISIONS: Decision[] = ['true_match', 'false_positive', 'escalate'];

export interface Alert {
  id: number;
  record: string;
  entity: string;
  dataset: string;
  score: number;
  status: AlertStatus;
  created: string;
  list_version: string;
  run_id: number;
  caption: string;
  schema: string;
  explanations: unknown[];
  record_hash: string;
  entity_hash: string;
  decision: Decision | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

/** An alert as lists show it (API): without its explanations and hashes, with the record's display name. */
export type AlertSummary = Omit<Alert, 'explanations' | 'record_hash' | 'entity_hash'> & { record_name: string | null };

interface AlertRow {
  id: number;
  record_id: string;
  entity_id: string;
  dataset: string;
  score: number;
  status: AlertStatus;
  created_at: string;
  run_id: number;
  list_version: string;
  record_hash: string;
  entity_hash: string;
  caption: string;
  schema: string;
  explanations: string;
  decision: Decision | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

function fromRow(r: AlertRow): Alert {
  return {
    id: Number(r.id),
    record: r.record_id,
    entity: r.entity_id,
    dataset: r.dataset,
    score: Number(r.score),
    status: r.status,
    created: r.created_at,
    list_version: r.list_version,
    run_id: Number(r.run_id),
    caption: r.caption,
    schema: r.schema,
    explanations: JSON.parse(r.explanations),
    record_hash: r.record_hash,
    entity_hash: r.entity_hash,
    decision: r.decision,
    reason: r.reason,
    decided_by: r.decided_by,
    decided_at: r.decided_at,
  };
}

export interface AlertFilter {
  status?: AlertStatus;
  dataset?: string;
  minScore?: number;
  record?: string;
  limit?: number;
  offset?: number;
}

/** What raising an alert takes (the rest an alert gets when stored: id, status, dates, decision). */
export type NewAlert = Pick<Alert, 'record' | 'entity' | 'dataset' | 'score' | 'run_id' | 'list_version' | 'record_hash' | 'entity_hash' | 'caption' | 'schema' | 'explanations'>;

export class AlertError extends Error {}

export class Alerts {
  private constructor(
    private readonly sql: Sql,
    private readonly audit: AuditLog,
  ) {}

  static async open(sql: Sql): Promise<Alerts> {
    await migrateSql(sql, 'cases', CASE_MIGRATIONS);
    return new Alerts(sql, await AuditLog.open(sql));
  }

  /** Sorted by risk: highest score first, then newest. */
  async list(filter: AlertFilter = {}): Promise<Alert[]> {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (filter.status) (where.push('status = ?'), params.push(filter.status));
    else where.push("status <> 'superseded'");
    if (filter.dataset) (where.push('dataset = ?'), params.push(filter.dataset));
    if (filter.minScore !== undefined) (where.push('score >= ?'), params.push(filter.minScore));
    if (filter.record) (where.push('record_id = ?'), params.push(filter.record));
    const sql = `SELECT * FROM alerts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY score DESC, id DESC LIMIT ? OFFSET ?`;
    return (await this.sql.all<AlertRow>(sql, [...params, filter.limit ?? 1000, filter.offset ?? 0])).map(fromRow);
  }

  async get(id: number): Promise<Alert | undefined> {
    const r = await this.sql.get<AlertRow>('SELECT * FROM alerts WHERE id = ?', [id]);
    return r && fromRow(r);
  }

  /** The newest alert for a record/entity pair (any status). */
  async latest(record: string, entity: string): Promise<Alert | undefined> {
    const r = await this.sql.get<AlertRow>('SELECT * FROM alerts WHERE record_id = ? AND entity_id = ? ORDER BY id DESC LIMIT 1', [record, entity]);
    return r && fromRow(r);
  }

  /**
   * Create an alert unless the same record and the same entity content were already alerted (whatever the
   * decision). An open alert for older content is superseded by the new one.
   */
  async raise(a: NewAlert, actor?: string): Promise<Alert | undefined> {
    return this.sql.transaction(async (tx) => {
      const prev = await tx.get<AlertRow>('SELECT * FROM alerts WHERE record_id = ? AND entity_id = ? ORDER BY id DESC LIMIT 1', [a.record, a.entity]);
      if (prev && prev.record_hash === a.record_hash && prev.entity_hash === a.entity_hash) return undefined;
      if (prev && (prev.status === 'open' || prev.status === 'escalated')) await tx.run("UPDATE alerts SET status = 'superseded' WHERE id = ?", [prev.id]);
      const created = new Date().toISOString();
      const next = Number((await tx.get<{ n: number }>('SELECT COALESCE(MAX(id), 0) + 1 AS n FROM alerts'))!.n);
      await tx.run(
        `INSERT INTO alerts (id, record_id, entity_id, dataset, score, status, created_at, run_id, list_version, record_hash, entity_hash, caption, schema, explanations)
         VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?)`,
        [next, a.record, a.entity, a.dataset, a.score, created, a.run_id, a.list_version, a.record_hash, a.entity_hash, a.caption, a.schema, JSON.stringify(a.explanations)],
      );
      const reasonForNew = !prev ? 'new hit' : prev.entity_hash !== a.entity_hash ? 'listed entity changed' : 'record changed';
      await this.audit.append({
        action: 'alert.create',
        subject: `alert-${next}`,
        actor,
        details: { record: a.record, entity: a.entity, score: a.score, why: reasonForNew, supersedes: prev ? Number(prev.id) : null },
        list_versions: { [a.dataset]: a.list_version },
      }, tx);
      return fromRow((await tx.get<AlertRow>('SELECT * FROM alerts WHERE id = ?', [next]))!);
    }, 'alerts');
  }

  /** Record an analyst's decision; the reason is required and goes into the audit trail. */
  async decide(id: number, decision: Decision, reason: string, actor: string): Promise<Alert> {
    if (!DECISIONS.includes(decision)) throw new AlertError(`decision must be one of ${DECISIONS.join(', ')}`);
    if (!reason || !reason.trim()) throw new AlertError('a reason is required for every decision');
    const alert = await this.get(id);
    if (!alert) throw new AlertError(`no alert ${id}`);
    if (alert.status === 'superseded') throw new AlertError(`alert ${id} was superseded by a newer alert for the same record and entity`);
    const status: AlertStatus = decision === 'escalate' ? 'escalated' : 'decided';
    const at = new Date().toISOString();
    await this.sql.transaction(async (tx) => {
      await tx.run('UPDATE alerts SET status = ?, decision = ?, reason = ?, decided_by = ?, decided_at = ? WHERE id = ?', [status, decision, reason.trim(), actor, at, id]);
      await this.audit.append({
        action: 'alert.decide',
        subject: `alert-${id}`,
        actor,
        details: { decision, reason: reason.trim(), record: alert.record, entity: alert.entity, previous: alert.decision },
        list_versions: { [alert.dataset]: alert.list_version },
      }, tx);
    }, 'alerts');
    return (await this.get(id))!;
  }

  /** Alerts per creation day and decisions per outcome, for the dashboard chart. */
  async stats(): Promise<{ perDay: Array<{ day: string; alerts: number }>; decisions: Array<{ decision: string; n: number }> }> {
    const perDay = await this.sql.all<{ day: string; alerts: number }>('SELECT SUBSTR(created_at, 1, 10) AS day, COUNT(*) AS alerts FROM alerts GROUP BY SUBSTR(created_at, 1, 10) ORDER BY day');
    const decisions = await this.sql.all<{ decision: string; n: number }>("SELECT COALESCE(decision, 'undecided') AS decision, COUNT(*) AS n FROM alerts WHERE status <> 'superseded' GROUP BY COALESCE(decision, 'undecided') ORDER BY decision");
    return { perDay: perDay.map((r) => ({ day: r.day, alerts: Number(r.alerts) })), decisions: decisions.map((r) => ({ decision: r.decision, n: Number(r.n) })) };
  }
}
