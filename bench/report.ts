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
