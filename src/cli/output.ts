// Small helpers every command shares: JSON output, tables, errors with exit codes, progress on a terminal.
import cliProgress from 'cli-progress';
import { SourceError } from '../sources/types.js';

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Plain aligned table for humans. */
export function printTable(rows: Array<Record<string, unknown>>, columns: string[]): void {
  const cells = rows.map((r) => columns.map((c) => (r[c] === null || r[c] === undefined ? '' : String(r[c]))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  console.log(line(columns));
  for (const r of cells) console.log(line(r));
}

/** A user-facing failure: printed without a stack trace, with an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function reportError(err: unknown): number {
  if (err instanceof CliError) {
    console.error(`interdict: ${err.message}`);
    return err.exitCode;
  }
  if (err instanceof SourceError) {
    console.error(`interdict: ${err.message}`);
    return 1;
  }
  const e = err as Error;
  console.error(`interdict: ${e?.message ?? String(err)}`);
  if (process.env.INTERDICT_DEBUG) console.error(e?.stack);
  return 1;
}

/** A command-line integer of at least `min`, or a usage error. */
export function integer(value: string, flag: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new CliError(`${flag} must be an integer ≥ ${min} (got ${value})`, 2);
  return n;
}

/** A progress bar on stderr when it is a terminal; silent otherwise (pipes, CI, --json). */
export function progress(label: string, total?: number): { update(n: number, total?: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {value}${total ? '/{total}' : ''} {eta_formatted}`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 0, 0);
  return {
    update(n: number, t?: number) {
      if (t !== undefined) bar.setTotal(t);
      else if (!total) bar.setTotal(Math.max(n, 1));
      bar.update(n);
    },
    stop() {
      bar.stop();
    },
  };
}
