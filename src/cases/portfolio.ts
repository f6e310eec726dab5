// A customer portfolio under watch: records with a stable `id` and the batch-screening fields.
// Re-adding a record updates it; its content hash tells monitoring whether the record changed.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { migrateSql, type Sql } from '../store/sql.js';
import { CASE_MIGRATIONS } from './schema.js';

export type PortfolioFields = Record<string, string>;

export interface PortfolioRecord {
  id: string;
  fields: PortfolioFields;
  hash: string;
  added_at: string;
  updated_at: string;
}

/** Fields that screening reads; everything else in a row is kept but does not change the hash. */
export const SCREENING_FIELDS = [
  'name', 'full_name', 'first_name', 'middle_name', 'last_name', 'schema', 'gender', 'date_of_birth',
  'place_of_birth', 'nationality', 'country', 'id_number', 'imo_number', 'address',
];

export function recordHash(fields: PortfolioFields): string {
  const relevant = SCREENING_FIELDS.filter((f) => fields[f]).map((f) => [f, fields[f].trim()]);
  return createHash('sha256').update(JSON.stringify(relevant)).digest('hex').slice(0, 32);
}

export class PortfolioError extends Error {}

/** Parse a CSV (header row) or JSON-lines portfolio file; every row needs an `id` and a name. */
export async function readPortfolioFile(file: string): Promise<PortfolioFields[]> {
  return parsePortfolio(await readFile(file, 'utf8'), file);
}

/** Parse portfolio text (an uploaded file); `file` names it in errors and, by its extension, picks JSON lines. */
export function parsePortfolio(content: string, file: string): PortfolioFields[] {
  const text = content.replace(/^\uFEFF/, '');
  let rows: Array<Record<string, unknown>>;
  if (/\.jsonl?$/i.test(file) || text.trimStart().startsWith('{')) {
    rows = text
      .split(/\r?\n/)
      .map((line, i) => [line, i] as const)
      .filter(([line]) => line.trim())
      .map(([line, i]) => {
        try {
          return JSON.parse(line) as Record<string, unknown>;
        } catch {
          throw new PortfolioError(`${file}: line ${i + 1} is not valid JSON`);
        }
      });
  } else {
    try {
      rows = parse(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, relax_column_count: true, trim: true });
    } catch (err) {
      throw new PortfolioError(`${file}: malformed CSV: ${(err as Error).message}`);
    }
  }
  return rows.map((row, i) => {
    const fields: PortfolioFields = {};
    for (const [k, v] of Object.entries(row)) if (v !== null && v !== undefined && String(v).trim()) fields[k.toLowerCase()] = String(v).trim();
    if (!fields.id) throw new PortfolioError(`${file}: row ${i + 1} has no id (a stable customer id is required)`);
    if (!fields.name && !fields.full_name && !fields.first_name && !fields.last_name) throw new PortfolioError(`${file}: row ${i + 1} (id ${fields.id}) has no name`);
    return fields;
  });
}

export class Portfolio {
  private constructor(private readonly sql: Sql) {}

  static async open(sql: Sql): Promise<Portfolio> {
    await migrateSql(sql, 'cases', CASE_MIGRATIONS);
    return new Portfolio(sql);
  }

  /** Add or update records; returns how many were added, updated (content changed) and unchanged. */
  async upsert(rows: PortfolioFields[]): Promise<{ added: number; updated: number; unchanged: number }> {
    const counts = { added: 0, updated: 0, unchanged: 0 };
    const seen = new Set<string>();
    for (const r of rows) {
      if (seen.has(r.id)) throw new PortfolioError(`duplicate record id ${r.id} in the same file`);
      seen.add(r.id);
    }
    await this.sql.transaction(async (tx) => {
      const now = new Date().toISOString();
      for (const fields of rows) {
        const hash = recordHash(fields);
        const prev = await tx.get<{ hash: string; fields: string }>('SELECT hash, fields FROM portfolio_records WHERE id = ?', [fields.id]);
        if (!prev) {
          await tx.run('INSERT INTO portfolio_records (id, fields, hash, added_at, updated_at) VALUES (?, ?, ?, ?, ?)', [fields.id, JSON.stringify(fields), hash, now, now]);
          counts.added++;
        } else if (prev.hash !== hash || prev.fields !== JSON.stringify(fields)) {
          await tx.run('UPDATE portfolio_records SET fields = ?, hash = ?, updated_at = ? WHERE id = ?', [JSON.stringify(fields), hash, now, fields.id]);
          if (prev.hash !== hash) counts.updated++;
          else counts.unchanged++;
        } else counts.unchanged++;
      }
    });
    return counts;
  }

  async get(id: string): Promise<PortfolioRecord | undefined> {
    const r = await this.sql.get<Omit<PortfolioRecord, 'fields'> & { fields: string }>('SELECT * FROM portfolio_records WHERE id = ?', [id]);
    return r && { ...r, fields: JSON.parse(r.fields) };
  }

  async all(): Promise<PortfolioRecord[]> {
    const rows = await this.sql.all<Omit<PortfolioRecord, 'fields'> & { fields: string }>('SELECT * FROM portfolio_records ORDER BY id');
    return rows.map((r) => ({ ...r, fields: JSON.parse(r.fields) }));
  }

  async count(): Promise<number> {
    return Number((await this.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM portfolio_records'))?.n ?? 0);
  }
}
