// Prometheus metrics: requests and latency per route, the index (parties, build time, swaps), list
// versions served, screening threads and their jobs in flight, audit backlog, plus Node's process metrics.
// One registry per server, so tests can run several servers in one process.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { FastifyInstance } from 'fastify';
import type { Generation, ScreeningLoad } from './pool.js';
import type { ListStore } from '../store/lists.js';

export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({ name: 'interdict_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers: [this.registry] });
  private readonly latency = new Histogram({
    name: 'interdict_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [this.registry],
  });
  // a request's time on a screening thread, apart from its time waiting for one: when the wait grows while the work
  // does not, the threads are too few for the load (2026-11-30, 2 threads at 64 connections: waiting 9 ms on average,
  // work 0.5 ms)
  private readonly jobWait = new Histogram({
    name: 'interdict_screening_job_wait_seconds',
    help: 'Time a screening job waited for a screening thread, and crossing between threads (its round trip less the thread\'s own time)',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1, 10],
    registers: [this.registry],
  });
  private readonly jobRun = new Histogram({
    name: 'interdict_screening_job_run_seconds',
    help: 'Time a screening thread spent on a job (screening the queries of a /match, a search, an entity)',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1, 10],
    registers: [this.registry],
  });
  readonly queries = new Counter({ name: 'interdict_screening_queries_total', help: 'Queries screened (a /match batch counts each query)', labelNames: ['route'], registers: [this.registry] });
  private readonly indexEntities = new Gauge({ name: 'interdict_index_entities', help: 'Listed parties in the serving index', registers: [this.registry] });
  private readonly indexVocabulary = new Gauge({ name: 'interdict_index_tokens', help: 'Distinct name tokens in the serving index', registers: [this.registry] });
  private readonly indexBuild = new Gauge({ name: 'interdict_index_build_seconds', help: 'Time the serving index took to build', registers: [this.registry] });
  private readonly indexGeneration = new Gauge({ name: 'interdict_index_generation', help: 'Index generation serving requests (increases with every hot swap)', registers: [this.registry] });
  private readonly swaps = new Counter({ name: 'interdict_index_swaps_total', help: 'Hot swaps of the index after a list change', registers: [this.registry] });
  private readonly listVersion = new Gauge({ name: 'interdict_list_version_info', help: 'List versions in the serving index (value 1)', labelNames: ['dataset', 'version', 'published'], registers: [this.registry] });
  private readonly listParties = new Gauge({ name: 'interdict_list_parties', help: 'Listed parties per dataset in the serving index', labelNames: ['dataset'], registers: [this.registry] });

  constructor(auditBacklog: () => number, screening: () => ScreeningLoad) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({ name: 'interdict_audit_backlog', help: 'Audit events not yet written', registers: [this.registry], collect() { this.set(auditBacklog()); } });
    new Gauge({ name: 'interdict_screening_workers', help: 'Screening threads of the serving index', registers: [this.registry], collect() { this.set(screening().workers); } });
    // more jobs than threads means requests are queueing: the latency to watch under load
    new Gauge({ name: 'interdict_screening_jobs_in_flight', help: 'Screening jobs of the serving index waiting for a thread or running', registers: [this.registry], collect() { this.set(screening().inFlight); } });
  }

  /** Count and time every request under its route pattern (not its URL: ids would explode the labels). */
  install(app: FastifyInstance): void {
    app.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? 'unmatched';
      this.requests.inc({ method: request.method, route, status: reply.statusCode });
      this.latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
      done();
    });
  }

  /** One answered screening job: its round trip from the HTTP thread and the screening thread's own time (ms). */
  onAnswer(roundTripMs: number, workerMs: number): void {
    this.jobRun.observe(workerMs / 1000);
    this.jobWait.observe(Math.max(0, roundTripMs - workerMs) / 1000);
  }

  onSwap(gen: Generation, store: ListStore, previous: Generation | undefined): void {
    this.indexEntities.set(gen.info.entities);
    this.indexVocabulary.set(gen.info.vocabulary);
    this.indexBuild.set(gen.info.buildMs / 1000);
    this.indexGeneration.set(gen.id);
    if (previous) this.swaps.inc();
    this.listVersion.reset();
    this.listParties.reset();
    for (const v of store.versions().filter((v) => [...gen.versions.values()].includes(v.id))) {
      this.listVersion.set({ dataset: v.dataset, version: v.version, published: v.published ?? '' }, 1);
      this.listParties.set({ dataset: v.dataset }, v.targets);
    }
  }
}
