// Case work over HTTP, for the analyst UI and for integrations: the alert queue and decisions, the
// monitored portfolio and monitoring runs, dashboard statistics, the audit trail and the per-record
// screening report. Everything is recorded under the caller's API key name (`anonymous` when open).
import { Worker } from 'node:worker_threads';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AuditLog } from '../../audit/log.js';
import { AlertError, Alerts, DECISIONS, type Alert, type AlertStatus, type AlertSummary, type Decision } from '../../cases/alerts.js';
import { Monitor } from '../../cases/monitor.js';
import { parsePortfolio, PortfolioError, type PortfolioRecord } from '../../cases/portfolio.js';
import { databasePath } from '../../config.js';
import type { ListStore } from '../../store/lists.js';
import type { Sql } from '../../store/sql.js';
import { ApiError } from '../errors.js';
import { listedEntity } from './entity-view.js';
import type { MonitorJobInit, MonitorJobMessage } from './monitor-worker.js';
import { screeningReport } from './report.js';

export interface CaseRoutesOptions {
  /** The list store (alert detail reads the listed party as it stood in the alert's list version). */
  store: ListStore;
  /** The work store: portfolio, alerts, runs, audit. */
  sql: Sql;
  /** The work store's URL for the monitoring worker ('' or undefined: the embedded SQLite file). */
  databaseUrl?: string;
  /** Largest portfolio upload (bytes). */
  uploadLimit?: number;
  /** Match threshold for monitoring runs (default: the engine's). */
  threshold?: number;
}

type Schema = Record<string, unknown>;
const str: Schema = { type: 'string' };
const nullableStr: Schema = { type: ['string', 'null'] };
const int: Schema = { type: 'integer' };
const num: Schema = { type: 'number' };
const anyObject: Schema = { type: 'object', additionalProperties: true };
const obj = (properties: Record<string, Schema>, required: string[] = Object.keys(properties)): Schema => ({ type: 'object', properties, required });
const errors = { '4xx': { $ref: 'ErrorResponse#' }, '5xx': { $ref: 'ErrorResponse#' } };
const tags = ['Case work'];
const STATUSES: AlertStatus[] = ['open', 'escalated', 'decided', 'superseded'];

const alertSummary = obj({
  id: int,
  record: str,
  record_name: nullableStr,
  entity: str,
  caption: str,
  schema: str,
  dataset: str,
  score: num,
  status: { type: 'string', enum: STATUSES },
  created: str,
  list_version: str,
  run_id: int,
  decision: { type: ['string', 'null'], enum: [...DECISIONS, null] },
  reason: nullableStr,
  decided_by: nullableStr,
  decided_at: nullableStr,
});

const runSchema = obj({
  id: int,
  started_at: str,
  finished_at: nullableStr,
  status: { type: 'string', enum: ['running', 'finished', 'failed'] },
  records_total: int,
  records_done: int,
  alerts_created: int,
  list_versions: { type: 'object', additionalProperties: str },
  actor: str,
  error: nullableStr,
});

const page = (limitDefault: number, max: number): Record<string, Schema> => ({
  limit: { type: 'integer', minimum: 1, maximum: max, default: limitDefault },
  offset: { type: 'integer', minimum: 0, default: 0 },
});
const idParam = obj({ id: { type: 'integer', minimum: 1 } });

/** The caller as the audit trail names it. */
export const actorOf = (request: FastifyRequest): string => request.principal?.name ?? 'anonymous';

function summary(a: Alert, names: Map<string, string | null>): AlertSummary {
  const { explanations: _x, record_hash: _r, entity_hash: _e, ...rest } = a;
  return { ...rest, record_name: names.get(a.record) ?? null };
}

/** A display name for a portfolio record (its name, or its name parts). */
export function recordName(r: PortfolioRecord | undefined): string | null {
  if (!r) return null;
  const f = r.fields;
  return f.name ?? f.full_name ?? ([f.first_name, f.middle_name, f.last_name].filter(Boolean).join(' ') || null);
}

/** Background monitoring runs started by this server: at most one at a time. */
class RunManager {
  private readonly running = new Map<number, Worker>();

  constructor(private readonly opts: CaseRoutesOptions) {}

  get active(): number[] {
    return [...this.running.keys()];
  }

  /** Start a run in a worker; resolves with its id once the run row exists. */
  start(actor: string, log: FastifyInstance['log']): Promise<number> {
    if (this.running.size) throw new ApiError(409, `Monitoring run ${this.active[0]} is still running; wait for it to finish`);
    const init: MonitorJobInit = { dbPath: databasePath(), databaseUrl: this.opts.databaseUrl ?? '', actor, threshold: this.opts.threshold };
    const worker = new Worker(new URL('./monitor-worker.js', import.meta.url), { workerData: init });
    return new Promise((resolve, reject) => {
      let started = false;
      worker.on('message', (m: MonitorJobMessage) => {
        if (m.kind === 'started') {
          started = true;
          this.running.set(m.runId, worker);
          resolve(m.runId);
        } else if (m.kind === 'failed') {
          if (!started) reject(new ApiError(409, m.message));
          else log.error({ run: m.runId, error: m.message }, 'monitoring run failed');
        } else log.info({ run: m.runId, alerts: m.alerts }, 'monitoring run finished');
      });
      worker.on('error', (err) => {
        log.error({ err }, 'monitoring worker crashed');
        if (!started) reject(err);
      });
      worker.on('exit', () => {
        for (const [id, w] of this.running) if (w === worker) this.running.delete(id);
        if (!started) reject(new ApiError(500, 'Monitoring worker stopped before the run started'));
      });
    });
  }

  /** Server shutdown: stop running workers and mark their runs failed (never left "running" forever). */
  async stop(sql: Sql): Promise<void> {
    for (const [id, worker] of this.running) {
      await worker.terminate();
      await sql
        .run("UPDATE monitor_runs SET status = 'failed', finished_at = ?, error = ? WHERE id = ? AND status = 'running'", [new Date().toISOString(), 'server stopped during the run', id])
        .catch(() => undefined);
    }
    this.running.clear();
  }
}

export async function registerCaseRoutes(app: FastifyInstance, opts: CaseRoutesOptions): Promise<void> {
  const { sql, store } = opts;
  const monitor = await Monitor.open(sql);
  const alerts: Alerts = monitor.alerts;
  const portfolio = monitor.portfolio;
  const audit = await AuditLog.open(sql);
  const runs = new RunManager(opts);
  const uploadLimit = opts.uploadLimit ?? 64 * 1024 * 1024;

  const names = async (ids: string[]) => new Map(await Promise.all([...new Set(ids)].map(async (id) => [id, recordName(await portfolio.get(id))] as const)));

  // encapsulated: the portfolio upload's text body parsers apply to these routes only
  await app.register(async (scope) => {
    scope.addContentTypeParser(['text/csv', 'application/x-ndjson', 'application/jsonl', 'application/jsonlines'], { parseAs: 'string', bodyLimit: uploadLimit }, (_req, body, done) => done(null, body));

    scope.get<{ Querystring: { status?: AlertStatus; dataset?: string; min_score?: number; record?: string; limit: number; offset: number } }>(
      '/v1/alerts',
      {
        schema: {
          summary: 'Alert queue, highest risk first',
          tags,
          querystring: obj({ status: { type: 'string', enum: STATUSES }, dataset: str, min_score: { type: 'number', minimum: 0, maximum: 1 }, record: str, ...page(100, 1000) }, []),
          response: { 200: obj({ results: { type: 'array', items: alertSummary }, limit: int, offset: int }), ...errors },
        },
      },
      async (request) => {
        const q = request.query;
        const list = await alerts.list({ status: q.status, dataset: q.dataset || undefined, minScore: q.min_score, record: q.record, limit: q.limit, offset: q.offset });
        const byRecord = await names(list.map((a) => a.record));
        return { results: list.map((a) => summary(a, byRecord)), limit: q.limit, offset: q.offset };
      },
    );

    scope.get<{ Params: { id: number } }>(
      '/v1/alerts/:id',
      { schema: { summary: 'One alert with the customer record and the listed party as listed', tags, params: idParam, response: { 200: anyObject, ...errors } } },
      async (request) => {
        const alert = await alerts.get(request.params.id);
        if (!alert) throw new ApiError(404, `No alert ${request.params.id}`);
        const record = await portfolio.get(alert.record);
        const history = [...(await alerts.list({ record: alert.record })), ...(await alerts.list({ record: alert.record, status: 'superseded' }))]
          .filter((a) => a.entity === alert.entity && a.id !== alert.id)
          .sort((a, b) => b.id - a.id)
          .map((a) => summary(a, new Map()));
        const { record_hash, entity_hash, ...rest } = alert;
        return {
          alert: { ...rest, record_name: recordName(record), record_changed: !!record && record.hash !== record_hash },
          record: record ?? null,
          listed: listedEntity(store, alert.dataset, alert.list_version, alert.entity) ?? null,
          history,
        };
      },
    );

    scope.post<{ Params: { id: number }; Body: { decision: Decision; reason: string } }>(
      '/v1/alerts/:id/decision',
      {
        schema: {
          summary: 'Decide an alert (a reason is required; recorded in the audit trail)',
          tags,
          params: idParam,
          body: obj({ decision: { type: 'string', enum: DECISIONS }, reason: { type: 'string', minLength: 1, maxLength: 10_000 } }),
          response: { 200: alertSummary, ...errors },
        },
      },
      async (request) => {
        const { decision, reason } = request.body;
        const alert = await alerts.decide(request.params.id, decision, reason, actorOf(request)).catch((err: Error) => {
          if (!(err instanceof AlertError)) throw err;
          if (/^no alert/.test(err.message)) throw new ApiError(404, `No alert ${request.params.id}`);
          throw new ApiError(/superseded/.test(err.message) ? 409 : 422, err.message);
        });
        return summary(alert, await names([alert.record]));
      },
    );

    scope.get<{ Querystring: { limit: number; offset: number; q?: string } }>(
      '/v1/portfolio',
      {
        schema: {
          summary: 'The monitored portfolio',
          tags,
          querystring: obj({ ...page(100, 1000), q: { type: 'string', description: 'Only records whose id or name contains this' } }, []),
          response: { 200: obj({ total: int, results: { type: 'array', items: anyObject }, limit: int, offset: int }), ...errors },
        },
      },
      async (request) => {
        const { limit, offset } = request.query;
        const q = request.query.q?.trim().toLowerCase();
        let all = await portfolio.all();
        if (q) all = all.filter((r) => r.id.toLowerCase().includes(q) || (recordName(r) ?? '').toLowerCase().includes(q));
        return { total: all.length, results: all.slice(offset, offset + limit), limit, offset };
      },
    );

    scope.post<{ Querystring: { format?: 'csv' | 'jsonl'; filename?: string }; Body: string }>(
      '/v1/portfolio',
      {
        bodyLimit: uploadLimit,
        schema: {
          summary: 'Add or update portfolio records: the body is a CSV file (text/csv, header row) or JSON lines (application/x-ndjson); each record needs a stable id',
          tags,
          querystring: obj({ format: { type: 'string', enum: ['csv', 'jsonl'] }, filename: { type: 'string', maxLength: 255 } }, []),
          response: { 200: obj({ added: int, updated: int, unchanged: int, total: int }), ...errors },
        },
      },
      async (request) => {
        if (typeof request.body !== 'string' || !request.body.trim()) throw new ApiError(400, 'Send the portfolio file as the request body (Content-Type text/csv or application/x-ndjson)');
        const type = request.headers['content-type'] ?? '';
        const jsonl = request.query.format === 'jsonl' || (request.query.format !== 'csv' && /json/.test(type));
        const name = request.query.filename || (jsonl ? 'upload.jsonl' : 'upload.csv');
        let counts;
        try {
          counts = await portfolio.upsert(parsePortfolio(request.body, jsonl && !/\.jsonl?$/i.test(name) ? `${name}.jsonl` : name));
        } catch (err) {
          if (err instanceof PortfolioError) throw new ApiError(422, err.message);
          throw err;
        }
        await audit.append({ action: 'portfolio.add', subject: name, actor: actorOf(request), details: counts });
        return { ...counts, total: await portfolio.count() };
      },
    );

    scope.post(
      '/v1/monitor/runs',
      { schema: { summary: 'Start a monitoring run in the background; poll GET /v1/monitor/runs/{id} for progress', tags, response: { 202: runSchema, ...errors } } },
      async (request, reply) => {
        const id = await runs.start(actorOf(request), request.log);
        reply.code(202);
        return (await monitor.getRun(id))!;
      },
    );

    scope.get<{ Querystring: { limit: number } }>(
      '/v1/monitor/runs',
      { schema: { summary: 'Recent monitoring runs, newest first', tags, querystring: obj({ limit: { type: 'integer', minimum: 1, maximum: 500, default: 20 } }, []), response: { 200: obj({ results: { type: 'array', items: runSchema } }), ...errors } } },
      async (request) => ({ results: await monitor.runs(request.query.limit) }),
    );

    scope.get<{ Params: { id: number } }>(
      '/v1/monitor/runs/:id',
      { schema: { summary: 'One monitoring run and its progress', tags, params: idParam, response: { 200: runSchema, ...errors } } },
      async (request) => {
        const run = await monitor.getRun(request.params.id);
        if (!run) throw new ApiError(404, `No monitoring run ${request.params.id}`);
        return run;
      },
    );

    scope.get(
      '/v1/stats',
      {
        schema: {
          summary: 'Alerts per day and decisions per outcome',
          tags,
          response: {
            200: obj({
              alerts_per_day: { type: 'array', items: obj({ day: str, alerts: int }) },
              decisions: { type: 'array', items: obj({ decision: str, n: int }) },
              open: int,
              escalated: int,
              portfolio: int,
            }),
            ...errors,
          },
        },
      },
      async () => {
        const [stats, open, escalated, size] = await Promise.all([
          alerts.stats(),
          sql.get<{ n: number }>("SELECT COUNT(*) AS n FROM alerts WHERE status = 'open'"),
          sql.get<{ n: number }>("SELECT COUNT(*) AS n FROM alerts WHERE status = 'escalated'"),
          portfolio.count(),
        ]);
        return { alerts_per_day: stats.perDay, decisions: stats.decisions, open: Number(open?.n ?? 0), escalated: Number(escalated?.n ?? 0), portfolio: size };
      },
    );

    scope.get<{ Querystring: { limit: number; offset: number } }>(
      '/v1/audit',
      { schema: { summary: 'The audit trail, newest first', tags, querystring: obj(page(100, 1000), []), response: { 200: obj({ results: { type: 'array', items: anyObject }, limit: int, offset: int }), ...errors } } },
      async (request) => ({ results: await audit.recent(request.query.limit, request.query.offset), limit: request.query.limit, offset: request.query.offset }),
    );

    scope.get(
      '/v1/audit/verify',
      { schema: { summary: 'Walk the hash chain: ok, or the first altered or missing row', tags, response: { 200: obj({ ok: { type: 'boolean' }, rows: int, seq: int, problem: str }, ['ok', 'rows']), ...errors } } },
      async () => audit.verify(),
    );

    scope.get<{ Params: { record_id: string } }>(
      '/v1/reports/:record_id',
      { schema: { summary: 'Printable screening report for one portfolio record (HTML; print or save as PDF from the browser)', tags, params: obj({ record_id: { type: 'string', minLength: 1 } }) } },
      async (request, reply) => {
        const record = await portfolio.get(request.params.record_id);
        if (!record) throw new ApiError(404, `No portfolio record ${request.params.record_id}`);
        const html = await screeningReport({ record, alerts, monitor, audit, store, actor: actorOf(request) });
        reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        return html;
      },
    );
  });

  app.addHook('onClose', async () => runs.stop(sql));
}
