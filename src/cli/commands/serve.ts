// `interdict serve`: the HTTP API (yente-compatible /match, /search, /entities... and /v1 extensions).
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { createServer, DEFAULT_OPTIONS, normalizeOrigin, type ServeOptions } from '../../api/server.js';
import { CliError, integer } from '../output.js';

interface ServeFlags {
  host: string;
  port: string;
  workers: string;
  pollInterval: string;
  rateLimit: string;
  bodyLimit: string;
  insecureOpen?: boolean;
  publicDocs?: boolean;
  cors?: string;
  logLevel: string;
}

/** `--cors a,b`: the allowed origins, each checked. */
function corsOrigins(value: string | undefined): string[] {
  if (value === undefined) return [];
  const origins = value.split(',').map((o) => o.trim()).filter(Boolean);
  if (origins.length === 0) throw new CliError('--cors needs at least one origin (e.g. --cors https://app.example.com)', 2);
  try {
    return origins.map(normalizeOrigin);
  } catch (err) {
    throw new CliError(`--cors: ${(err as Error).message}`, 2);
  }
}

/**
 * Screening threads by default: one per core, up to 4. They share one queue (src/api/shared-jobs.ts), so on 2 cores
 * a second thread serves more requests at a lower p99 than one (docs/BENCHMARKS.md); each holds its own index
 * (~0.5 GB with every shared list).
 */
const DEFAULT_WORKERS = Math.max(1, Math.min(4, availableParallelism()));

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API (yente-compatible); picks up list imports without downtime')
    .option('--host <host>', 'address to listen on', DEFAULT_OPTIONS.host)
    .option('--port <port>', 'port (0 = any free port)', String(DEFAULT_OPTIONS.port))
    .option('--workers <n>', 'screening threads, each with its own index (~0.5 GB with every shared list); default one per core, up to 4', String(DEFAULT_WORKERS))
    .option('--poll-interval <seconds>', 'how often to check the store for new list versions', String(DEFAULT_OPTIONS.pollIntervalMs / 1000))
    .option('--rate-limit <n>', 'requests per minute per API key (0 = no limit)', String(DEFAULT_OPTIONS.rateLimit))
    .option('--body-limit <bytes>', 'largest request body', String(DEFAULT_OPTIONS.bodyLimit))
    .option('--insecure-open', 'allow serving a non-loopback address without API keys')
    .option('--public-docs', 'serve /docs and /openapi.json without an API key')
    .option('--cors <origins>', 'let web pages of these origins call the API (comma-separated, e.g. https://app.example.com; * = any); off by default')
    .option('--log-level <level>', 'fatal, error, warn, info, debug', 'info')
    .action(async (flags: ServeFlags) => {
      const pollSeconds = Number(flags.pollInterval);
      if (!(pollSeconds > 0)) throw new CliError(`--poll-interval must be a positive number of seconds (got ${flags.pollInterval})`, 2);
      const options: Partial<ServeOptions> = {
        host: flags.host,
        port: integer(flags.port, '--port', 0),
        workers: integer(flags.workers, '--workers', 1),
        pollIntervalMs: pollSeconds * 1000,
        rateLimit: integer(flags.rateLimit, '--rate-limit', 0),
        bodyLimit: integer(flags.bodyLimit, '--body-limit', 1024),
        insecureOpen: !!flags.insecureOpen,
        publicDocs: !!flags.publicDocs,
        corsOrigins: corsOrigins(flags.cors),
        logger: { level: flags.logLevel },
      };
      const server = await createServer(options).catch((err: Error) => {
        throw new CliError(err.message);
      });
      await server.start();
      stopOnSignals(server.close, server.app.log);
    });
}

/** SIGTERM/SIGINT: stop accepting, finish requests in flight, close the stores; a second signal exits at once. */
function stopOnSignals(close: () => Promise<void>, log: { info(msg: string): void; error(obj: object, msg: string): void }): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      log.info(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log.info(`${signal}: finishing requests in flight, then stopping`);
    close().then(
      () => {
        log.info('stopped');
        process.exitCode = 0;
      },
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
