// `interdict screen` and `interdict compare` from the shell, on the UN list imported into a temp store:
// batch files with bad rows go on, one output line per input row in order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectLists } from '../src/sources/detect.js';
import { openDb } from '../src/store/db.js';
import { ListStore } from '../src/store/lists.js';
import { importList } from '../src/store/import.js';
import { parse } from 'csv-parse/sync';
import { listFile, sharedFile, tempHome } from './helpers.js';

const home = tempHome();
const { lists } = await detectLists([listFile('un', 'consolidated.xml')]);
await importList(new ListStore(openDb()), lists[0]);
const cli = join(process.cwd(), 'dist', 'src', 'cli', 'main.js');
const env = { ...process.env, INTERDICT_HOME: home.dir };

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test.after(() => home.cleanup());

test('screen one name: JSON with explanations', () => {
  const json = JSON.parse(execFileSync(process.execPath, [cli, 'screen', 'Kim Yong Chol', '--schema', 'Person', '--birth-date', '1962-02-18', '--json', '--limit', '3'], { env, encoding: 'utf8' }));
  assert.equal(json.results[0].id, 'un-KPi.024');
  assert.equal(json.results[0].match, true);
  assert.ok(json.results[0].explanations[0].detail.includes('KIM YONG CHOL'));
  assert.ok(json.results.length <= 3);
});

test('batch CSV: one line per row in order, bad rows carry an error and the batch goes on', () => {
  const input = join(home.dir, 'in.csv');
  const output = join(home.dir, 'out.jsonl');
  const rows = [
    'id,full_name,date_of_birth,nationality',
    'c1,KIM YONG CHOL,1962-02-18,North Korea',
    'c2,   ,,',
    `c3,${'A'.repeat(10000)},,`,
    'c4,"Ivan\u0007Petrov",,',
    'c5,Zyxwv Qwertyuiop,1990-01-01,France',
    'c6,Yong Chol Kim,,',
  ];
  writeFileSync(input, rows.join('\n') + '\n');
  const r = run(['screen', '--file', input, '--out', output]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /screened 6 rows.* 2 with a match, 3 rejected/);
  const lines = readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.row), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(lines.map((l) => l.id), ['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
  assert.equal(lines[0].results[0].id, 'un-KPi.024');
  assert.equal(lines[0].results[0].match, true);
  assert.ok(lines[0].results.every((x: { score: number }, i: number, a: Array<{ score: number }>) => i === 0 || a[i - 1].score >= x.score), 'by descending score');
  assert.match(lines[1].error, /empty/);
  assert.match(lines[2].error, /characters long/);
  assert.match(lines[3].error, /control characters/);
  assert.equal(lines[4].error, undefined);
  assert.equal(lines[4].results.some((x: { match: boolean }) => x.match), false);
  assert.equal(lines[5].results[0].id, 'un-KPi.024');
});

test('batch JSONL with a broken line; CSV without a name column is refused whole', () => {
  const input = join(home.dir, 'in.jsonl');
  const output = join(home.dir, 'out2.jsonl');
  writeFileSync(input, '{"id": 1, "name": "KIM YONG CHOL", "schema": "Person"}\n{not json\n{"id": 3, "first_name": "Yong Chol", "last_name": "Kim"}\n');
  assert.equal(run(['screen', '--file', input, '--out', output]).status, 0);
  const lines = readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 3);
  assert.equal(lines[0].results[0].id, 'un-KPi.024');
  assert.match(lines[1].error, /not valid JSON/);
  assert.equal(lines[2].results[0].id, 'un-KPi.024');
  const noName = join(home.dir, 'noname.csv');
  writeFileSync(noName, 'customer,city\nx,Paris\n');
  const r = run(['screen', '--file', noName, '--out', join(home.dir, 'out3.jsonl')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no name column/);
});

test('batch on worker threads: the same output, line for line, as on one thread', () => {
  // listed people (in several scripts), synthetic customers and bad rows, over several chunks of rows
  const positives = parse(readFileSync(sharedFile('eval', 'screening', 'yente-positives-un-untreated.csv')), { columns: true }) as Array<Record<string, string>>;
  const negatives = parse(readFileSync(sharedFile('eval', 'screening', 'yente-negatives-global.csv')), { columns: true }) as Array<Record<string, string>>;
  const columns = Object.keys(negatives[0]);
  const cell = (v: string | undefined) => `"${(v ?? '').replace(/"/g, '""')}"`;
  const lines = [columns.join(',')];
  for (let i = 0; i < 900; i++) {
    const r = i % 3 === 0 ? positives[i % positives.length] : negatives[i];
    lines.push(i % 97 === 0 ? ',,,,,,,' : columns.map((c) => cell(r[c])).join(','));
  }
  const input = join(home.dir, 'many.csv');
  writeFileSync(input, lines.join('\n') + '\n');
  const one = join(home.dir, 'many-1.jsonl');
  const three = join(home.dir, 'many-3.jsonl');
  const r1 = run(['screen', '--file', input, '--out', one]);
  assert.equal(r1.status, 0, r1.stderr);
  const r3 = run(['screen', '--file', input, '--out', three, '--workers', '3']);
  assert.equal(r3.status, 0, r3.stderr);
  assert.match(r3.stderr, /screened 900 rows .* on 3 threads/);
  const out = readFileSync(three, 'utf8');
  assert.equal(out, readFileSync(one, 'utf8'));
  const parsed = out.trim().split('\n').map((l) => JSON.parse(l) as { row: number; error?: string; results: Array<{ match: boolean }> });
  assert.deepEqual(parsed.map((l) => l.row), Array.from({ length: 900 }, (_, i) => i + 1));
  assert.ok(parsed.filter((l) => l.results.some((x) => x.match)).length > 200, 'the listed people are found');
  assert.equal(parsed.filter((l) => l.error).length, 10);
  assert.equal(run(['screen', '--file', input, '--out', three, '--workers', '0']).status, 2);
});

test('compare a CSV of pairs: input columns plus score and match, in order', () => {
  const input = join(home.dir, 'pairs.csv');
  const output = join(home.dir, 'pairs-out.csv');
  writeFileSync(input, 'name1,name2,schema\nVladimir Putin,"PUTIN, Vladimir",Person\n"",Nobody,\nSino Iron I,Sino Iron II,Vessel\n');
  assert.equal(run(['compare', '--file', input, '--out', output]).status, 0);
  const out = readFileSync(output, 'utf8').trim().split('\n');
  assert.equal(out[0], 'name1,name2,schema,score,match');
  assert.match(out[1], /^Vladimir Putin,"PUTIN, Vladimir",Person,1,true$/);
  assert.match(out[2], /error: name is empty/);
  assert.match(out[3], /^Sino Iron I,Sino Iron II,Vessel,0\.\d+,false$/);
});
