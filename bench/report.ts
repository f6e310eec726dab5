// Keep dated benchmark figures in docs/*.md: each benchmark owns one "## Section" and replaces only it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export function replaceSection(file: string, title: string, body: string, header = '# Benchmarks\n'): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : header;
  const heading = `## ${title}`;
  const start = text.indexOf(`${heading}\n`);
  const section = `${heading}\n\n${body.trim()}\n\n`;
  if (start < 0) {
    writeFileSync(file, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const next = text.indexOf('\n## ', start + heading.length);
  writeFileSync(file, text.slice(0, start) + section + (next < 0 ? '' : text.slice(next + 1)));
}

export function machine(): string {
  return `Node ${process.version}, ${process.platform}/${process.arch}`;
}

/**
 * How fast this host runs right now: a fixed piece of single-threaded work (typed-array arithmetic, string keys in
 * a Map), median of three, in ms (lower is faster). The shared hosts these benchmarks run on swing by 30–70 %
 * within the hour, so each report gives this figure at its start and end: figures of two reports compare only
 * with it beside them. (On 2026-11-30 it read 221–248 ms while the engine screened 3,000–3,400 records/s.)
 */
export function hostSpeedMs(): number {
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const a = new Float64Array(1 << 16);
    let sum = 0;
    for (let r = 0; r < 400; r++) {
      for (let i = 0; i < a.length; i++) {
        a[i] = a[(i * 7919) & 0xffff] * 0.5 + i;
        sum += a[i];
      }
    }
    const m = new Map<string, number>();
    for (let i = 0; i < 300_000; i++) m.set(`k${i % 50_000}`, i);
    if (sum < 0 || m.size !== 50_000) throw new Error('host speed probe miscomputed');
    times.push(performance.now() - start);
  }
  return Math.round(times.sort((x, y) => x - y)[1]);
}
