// `npm run eval`: how well Interdict matches names, on the labelled data in ../shared/eval and on
// cross-script pairs taken from the lists themselves. Writes docs/EVALUATION.md.
// Rules (../shared/eval/README.md): figures per set, never tuned to individual rows.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sharedDir } from '../src/config.js';
import type { Entity } from '../src/model/entity.js';
import { compare, DEFAULT_THRESHOLD, prepareEntity, queryFromRecord, Screener, type QueryRecord } from '../src/match/index.js';
import { cleanText } from '../src/text/index.js';
import { bestF1, metricsAt, type Labelled, type Metrics } from './metrics.js';
import { sharedListStore } from './shared-lists.js';

const out: string[] = [];
const say = (line = '') => {
  out.push(line);
  console.log(line);
};
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const f3 = (x: number) => x.toFixed(3);

/** Scripts of the letters in a text ("Latin", "Hebrew", "Han"...), most frequent first. */
const SCRIPTS = ['Latin', 'Cyrillic', 'Arabic', 'Hebrew', 'Han', 'Hangul', 'Hiragana', 'Katakana', 'Myanmar', 'Georgian', 'Armenian', 'Greek', 'Thai', 'Devanagari'];
const SCRIPT_RE = SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'gu')] as const);
function scriptsOf(text: string): string[] {
  const counts = SCRIPT_RE.map(([s, re]) => [s, text.match(re)?.length ?? 0] as const).filter(([, n]) => n > 0);
  const names = counts.sort((a, b) => b[1] - a[1]).map(([s]) => (s === 'Hiragana' || s === 'Katakana' ? 'Japanese' : s));
  return [...new Set(names)];
}
function pairScript(a: string, b: string): string {
  const s = new Set([scriptsOf(a)[0] ?? 'Other', scriptsOf(b)[0] ?? 'Other']);
  return [...s].sort((x, y) => (x === 'Latin' ? 1 : y === 'Latin' ? -1 : x.localeCompare(y))).join('–');
}

function csv(file: string): Array<Record<string, string>> {
  return parse(readFileSync(file), { columns: true, skip_empty_lines: true, comment: '#', relax_column_count: true }) as Array<Record<string, string>>;
}

function metricsRow(label: string, m: Metrics): string {
  return `| ${label} | ${m.n} | ${m.positives} | ${f3(m.precision)} | ${f3(m.recall)} | ${f3(m.f1)} |`;
}

// ---------------------------------------------------------------------------------------------------------
// Labelled pairs

interface PairRow extends Labelled {
  category: string;
  script: string;
  name1: string;
  name2: string;
}

function scorePairs(file: string): PairRow[] {
  return csv(file).map((r) => {
    const { score } = compare(r.name1, r.name2, { schema: r.schema || 'LegalEntity' });
    return { score, label: r.is_match === 'true', category: r.category, script: pairScript(r.name1, r.name2), name1: r.name1, name2: r.name2 };
  });
}

function groupTable(rows: PairRow[], key: (r: PairRow) => string, title: string): void {
  const groups = new Map<string, PairRow[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  say(`| ${title} | pairs | matches | precision | recall | F1 |`);
  say('|---|---:|---:|---:|---:|---:|');
  for (const [g, rs] of [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) {
    say(metricsRow(g, metricsAt(rs, DEFAULT_THRESHOLD)));
  }
}

function reportPairs(): { f1: Record<string, number> } {
  const f1: Record<string, number> = {};
  const dir = join(sharedDir(), 'eval', 'pairs');
  say('## Labelled name pairs');
  say();
  say(`\`compare(name1, name2, {schema})\` with the default algorithm; a pair is predicted a match at score ≥ ${DEFAULT_THRESHOLD} (default threshold).`);
  say();
  for (const file of ['watchman-cascade-name-pairs.csv', 'watchman-cascade-name-pairs-2.csv']) {
    const rows = scorePairs(join(dir, file));
    const atDefault = metricsAt(rows, DEFAULT_THRESHOLD);
    const best = bestF1(rows);
    f1[file] = atDefault.f1;
    say(`### ${file}`);
    say();
    say('| threshold | pairs | TP | FP | FN | precision | recall | F1 |');
    say('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const [label, m] of [[`default ${DEFAULT_THRESHOLD}`, atDefault], [`best-F1 ${f3(best.threshold)}`, best]] as const) {
      say(`| ${label} | ${m.n} | ${m.tp} | ${m.fp} | ${m.fn} | ${f3(m.precision)} | ${f3(m.recall)} | ${f3(m.f1)} |`);
    }
    say();
    say('Per script (at the default threshold):');
    say();
    groupTable(rows, (r) => r.script, 'script');
    say();
    say('<details><summary>Per category (at the default threshold)</summary>');
    say();
    groupTable(rows, (r) => `${r.category} (${r.label ? 'match' : 'non-match'})`, 'category');
    say();
    say('</details>');
    say();
  }
  // cross-script: all positives, so recall (and the score distribution) is what there is
  // no header row: the column names sit in a comment ("# Format: Query,Expected Match,Min Score,Description")
  const crossRows = parse(readFileSync(join(dir, 'watchman-cross-script-pairs.csv')), { comment: '#', skip_empty_lines: true, relax_column_count: true }) as string[][];
  const cross = crossRows.map(([query, expected]) => {
    const { score } = compare(query, expected, { schema: 'Person' });
    return { query, expected, score, script: scriptsOf(query)[0] ?? 'Other' };
  });
  say('### watchman-cross-script-pairs.csv (all positive)');
  say();
  const found = cross.filter((r) => r.score >= DEFAULT_THRESHOLD).length;
  say(`Recall at ${DEFAULT_THRESHOLD}: ${found}/${cross.length} (${pct(found / cross.length)}).`);
  say();
  say('| query | expected | script | score |');
  say('|---|---|---|---:|');
  for (const r of cross) say(`| ${r.query} | ${r.expected} | ${r.script} | ${f3(r.score)} |`);
  say();
  return { f1 };
}

// ---------------------------------------------------------------------------------------------------------
// Whole-record screening

function nameKey(s: string): string {
  return cleanText(s).replace(/\s+/g, '');
}

/** UN parties a positive row stands for: those with a name equal to the row's full name (spacing aside). */
function expectedIds(row: Record<string, string>, byName: Map<string, string[]>): string[] {
  return byName.get(nameKey(row.full_name)) ?? [];
}

function reportPositives(un: Entity[]): { recall: number; recallAt10: number } {
  const screener = Screener.fromEntities(un);
  const byName = new Map<string, string[]>();
  for (const e of un) for (const p of ['name', 'alias', 'weakAlias', 'previousName']) for (const n of e.properties[p] ?? []) {
    const k = nameKey(n);
    byName.set(k, [...new Set([...(byName.get(k) ?? []), e.id])]);
  }
  const rows = csv(join(sharedDir(), 'eval', 'screening', 'yente-positives-un-untreated.csv'));
  let matched = 0;
  let at10 = 0;
  let unknown = 0;
  const misses: string[] = [];
  for (const row of rows) {
    const expected = expectedIds(row, byName);
    if (!expected.length) unknown++;
    const results = screener.screen(queryFromRecord(row as QueryRecord), { cutoff: 0, limit: 10 });
    const hit = results.find((r) => expected.includes(r.entity.id));
    if (hit) at10++;
    if (hit?.match) matched++;
    else if (misses.length < 15) misses.push(`| ${row.full_name} | ${row.date_of_birth} | ${hit ? f3(hit.score) : 'not in top 10'} | ${hit ? hit.explanations.map((e) => `${e.feature} ${e.weight}: ${e.detail}`).join('; ') : ''} |`);
  }
  say('## Screening: UN positives');
  say();
  say(`${rows.length} people of the UN Security Council list (\`yente-positives-un-untreated.csv\`), each screened as a record (name, birth date, nationality...) against the UN list alone (${un.length} parties). The expected party is the one whose name equals the row's; ${unknown} rows have no such name and count as misses.`);
  say();
  say(`| measure | value |`);
  say('|---|---:|');
  say(`| recall (expected party returned with match: true, threshold ${DEFAULT_THRESHOLD}) | ${matched}/${rows.length} = ${pct(matched / rows.length)} |`);
  say(`| recall@10 (expected party among the first 10 results, any score) | ${at10}/${rows.length} = ${pct(at10 / rows.length)} |`);
  say();
  if (misses.length) {
    say('Misses (first 15):');
    say();
    say('| name | birth date | score | why |');
    say('|---|---|---:|---|');
    for (const m of misses) say(m);
    say();
  }
  return { recall: matched / rows.length, recallAt10: at10 / rows.length };
}

function reportNegatives(all: Entity[], screener: Screener): { fpRate: number; perSecond: number } {
  const rows = csv(join(sharedDir(), 'eval', 'screening', 'yente-negatives-global.csv'));
  const queries = rows.map((r) => queryFromRecord(r as QueryRecord));
  const start = performance.now();
  let flagged = 0;
  const examples: string[] = [];
  const byScript = new Map<string, { n: number; flagged: number }>();
  for (const q of queries) {
    const results = screener.screen(q);
    const script = scriptsOf(q.properties.name?.[0] ?? '')[0] ?? 'Other';
    const s = byScript.get(script) ?? { n: 0, flagged: 0 };
    s.n++;
    const hit = results.find((r) => r.match);
    if (hit) {
      flagged++;
      s.flagged++;
      if (examples.length < 20) {
        examples.push(`| ${q.properties.name?.[0]} | ${q.properties.birthDate?.[0] ?? ''} ${q.properties.nationality?.[0] ?? ''} | ${hit.entity.id} | ${f3(hit.score)} | ${hit.explanations.map((e) => `${e.feature} ${e.weight}: ${e.detail}`).join('; ')} |`);
      }
    }
    byScript.set(script, s);
  }
  const seconds = (performance.now() - start) / 1000;
  say('## Screening: synthetic negatives');
  say();
  say(`${rows.length} synthetic people on no list (\`yente-negatives-global.csv\`), screened as records against every shared list (${all.length} listed parties, active versions). Every row with a \`match: true\` result is a false positive.`);
  say();
  say('| measure | value |');
  say('|---|---:|');
  say(`| rows flagged (threshold ${DEFAULT_THRESHOLD}) | ${flagged}/${rows.length} = ${pct(flagged / rows.length)} |`);
  say(`| screenings per second (one core, this run, explanations included) | ${(rows.length / seconds).toFixed(0)} |`);
  say();
  say('| query script | rows | flagged |');
  say('|---|---:|---:|');
  for (const [script, s] of [...byScript].sort((a, b) => b[1].n - a[1].n)) say(`| ${script} | ${s.n} | ${s.flagged} (${pct(s.flagged / s.n)}) |`);
  say();
  if (examples.length) {
    say('<details><summary>First false positives</summary>');
    say();
    say('| query | born / nationality | listed | score | why |');
    say('|---|---|---|---:|---|');
    for (const e of examples) say(e);
    say();
    say('</details>');
    say();
  }
  return { fpRate: flagged / rows.length, perSecond: rows.length / seconds };
}

// ---------------------------------------------------------------------------------------------------------
// Cross-script pairs taken from the lists: a party's name in its own script, screened against the same
// list with every non-Latin name removed, must find the party through its Latin names.

const NON_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

function reportListCrossScript(entities: Entity[], label: string): { recall: number; n: number } {
  const latinOnly: Entity[] = [];
  const queries: Array<{ id: string; schema: string; name: string }> = [];
  for (const e of entities) {
    const props: Record<string, string[]> = { ...e.properties };
    let hasLatin = false;
    for (const p of ['name', 'alias', 'weakAlias', 'previousName']) {
      const vals = e.properties[p] ?? [];
      for (const v of vals) if (NON_LATIN.test(v)) queries.push({ id: e.id, schema: e.schema, name: v });
      props[p] = vals.filter((v) => !NON_LATIN.test(v));
      if (props[p].length && p !== 'weakAlias') hasLatin = true;
    }
    if (hasLatin) latinOnly.push({ ...e, properties: props });
  }
  const screener = Screener.fromEntities(latinOnly);
  const usable = queries.filter((q) => screener.entity(q.id));
  const byScript = new Map<string, { n: number; found: number; top10: number }>();
  const misses: string[] = [];
  for (const q of usable) {
    const results = screener.screenPrepared(prepareEntity({ schema: q.schema, properties: { name: [q.name] } }), { cutoff: 0, limit: 10 });
    const hit = results.find((r) => r.entity.id === q.id);
    const script = scriptsOf(q.name)[0] ?? 'Other';
    const s = byScript.get(script) ?? { n: 0, found: 0, top10: 0 };
    s.n++;
    if (hit) s.top10++;
    if (hit?.match) s.found++;
    else if (misses.length < 10) misses.push(`| ${q.name} | ${screener.entity(q.id)?.properties.name?.[0]} | ${hit ? f3(hit.score) : 'not in top 10'} |`);
    byScript.set(script, s);
  }
  const found = [...byScript.values()].reduce((a, s) => a + s.found, 0);
  say(`### ${label}`);
  say();
  say(`${usable.length} names written in a non-Latin script, each screened against ${screener.size} parties whose non-Latin names were removed: the same party must come back through its Latin names.`);
  say();
  say('| script | names | match (≥ threshold) | in top 10 |');
  say('|---|---:|---:|---:|');
  for (const [script, s] of [...byScript].sort((a, b) => b[1].n - a[1].n)) say(`| ${script} | ${s.n} | ${s.found} (${pct(s.found / s.n)}) | ${s.top10} (${pct(s.top10 / s.n)}) |`);
  say();
  if (misses.length) {
    say('| non-Latin name (miss) | Latin name | score |');
    say('|---|---|---:|');
    for (const m of misses) say(m);
    say();
  }
  return { recall: usable.length ? found / usable.length : 0, n: usable.length };
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = new Date();
  const store = await sharedListStore('', (l) => console.error(l));
  const all = [...store.activeEntities()];
  const datasets = store.activeVersions().map((v) => `${v.dataset} ${v.version} (${v.targets})`);
  say('# Evaluation');
  say();
  say(`Run ${started.toISOString().slice(0, 10)} by \`npm run eval\` (eval/run.ts), default algorithm, threshold ${DEFAULT_THRESHOLD}. Data: \`../shared/eval\` (see its README; never used for tuning individual rows) and the shared lists, active versions: ${datasets.join(', ')}.`);
  say();
  const pairs = reportPairs();
  const un = all.filter((e) => e.datasets.includes('un_sc_sanctions'));
  const positives = reportPositives(un);
  const screener = Screener.fromEntities(all);
  const negatives = reportNegatives(all, screener);
  say('## Cross-script pairs from the lists');
  say();
  const crossUn = reportListCrossScript(un, 'UN: original-script names');
  const gb = all.filter((e) => e.datasets.some((d) => d.startsWith('gb_')));
  const crossGb = gb.length ? reportListCrossScript(gb, 'UK: non-Latin names of a group') : undefined;
  if (!crossGb) say('UK list not in the store (no loader registered yet): not measured.\n');
  say('## Summary');
  say();
  say('| measure | target | result |');
  say('|---|---|---:|');
  say(`| F1, cascade pairs (default threshold) | ≥ 0.85 | ${f3(pairs.f1['watchman-cascade-name-pairs.csv'])} |`);
  say(`| F1, cascade pairs 2 (default threshold) | — | ${f3(pairs.f1['watchman-cascade-name-pairs-2.csv'])} |`);
  say(`| UN positives recall | ≥ 0.99 | ${f3(positives.recall)} |`);
  say(`| UN positives recall@10 | — | ${f3(positives.recallAt10)} |`);
  say(`| negatives flagged | ≤ 2 % | ${pct(negatives.fpRate)} |`);
  say(`| screenings per second (negatives, all lists) | — | ${negatives.perSecond.toFixed(0)} |`);
  say(`| list cross-script recall, UN (${crossUn.n} names) | — | ${f3(crossUn.recall)} |`);
  if (crossGb) say(`| list cross-script recall, UK (${crossGb.n} names) | — | ${f3(crossGb.recall)} |`);
  say();
  // the hand-kept history of changes and figures (eval/history.md) follows the generated figures
  const history = readFileSync(join('eval', 'history.md'), 'utf8').trimEnd();
  out.push(history, '');
  mkdirSync('docs', { recursive: true });
  writeFileSync(join('docs', 'EVALUATION.md'), out.join('\n'));
  console.error('wrote docs/EVALUATION.md');
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
