// Worked cases end to end: a transaction in, a decision and hits with their legal basis out.
// Parties are screened against real lists in rules-party.test.ts; here the transactions carry none,
// or the check runs without a screener (parties then get a "not screened" review).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkTransaction, TransactionError, type CheckResult } from '../src/rules/index.js';

const DATE = '2026-06-01';
const rules = (r: CheckResult, severity?: string) => r.hits.filter((h) => !severity || h.severity === severity).map((h) => h.rule);

test('seed story: a Russian employer contracting DPRK workers for a site in Donetsk oblast → block on labour and place', async () => {
  const r = await checkTransaction({
    date: DATE,
    workers: [
      { name: 'Kim Chol', nationality: 'KP', employer: 'ООО СтройИнвест', worksite: 'вул. Леніна 12, Макіївка, Донецька обл.', permitIssued: '2025-04-01' },
      { name: 'Ri Myong Su', nationality: 'КНДР', employer: 'ООО СтройИнвест', worksite: 'г. Макеевка, ул. Ленина, д. 12' },
    ],
  });
  assert.equal(r.decision, 'block');
  const blocking = rules(r, 'block');
  assert.ok(blocking.includes('KP-UN-2397-8'), 'repatriation deadline passed');
  assert.ok(blocking.includes('KP-UN-2375-17'), 'new work authorization');
  assert.ok(blocking.includes('UA-NGCA-EU-263'));
  assert.ok(blocking.includes('UA-DNR-LNR-US-14065'));
  const labour = r.hits.find((h) => h.rule === 'KP-UN-2397-8')!;
  assert.equal(labour.check, 'labour');
  assert.equal(labour.citation, 'UNSCR 2397 (2017) para 8');
  const place = r.hits.find((h) => h.rule === 'UA-NGCA-EU-263' && h.subject.startsWith('workers[0]'))!;
  assert.match(place.detail, /Makiivka/);
  assert.match(place.detail, /since 2014-04-07/);
  // the second worker has no permit date: the new-authorization rule can only be a review for him
  const second = r.hits.find((h) => h.rule === 'KP-UN-2375-17' && h.subject.startsWith('workers[1]'))!;
  assert.equal(second.severity, 'review');
  // the employer is screened as a party: no screener here, so it is flagged as not screened
  assert.ok(r.hits.some((h) => h.rule === 'POLICY-PARTY-UNSCREENED' && h.subject.includes('employer')));
});

test('DPRK workers before the repatriation deadline and before the new-permit ban → review, not block', async () => {
  const r = await checkTransaction({ date: '2018-06-01', workers: [{ nationality: 'North Korea', worksite: 'Vladivostok, Russia', permitIssued: '2016-05-01' }] });
  assert.equal(r.decision, 'review');
  const repatriation = r.hits.find((h) => h.rule === 'KP-UN-2397-8')!;
  assert.equal(repatriation.severity, 'review');
  assert.match(repatriation.detail, /wind-down/i);
  assert.ok(!rules(r).includes('KP-UN-2375-17'), 'a permit from 2016 is not a new authorization');
});

test('machinery (HS 8429) to the DPRK → block', async () => {
  const r = await checkTransaction({
    date: DATE,
    goods: [{ hs: '8429.52', description: 'hydraulic excavator', origin: 'CN', value: 120000, currency: 'USD' }],
    route: { origin: 'CN', via: ['KG'], destination: 'KP', ports: ['Nampo'] },
  });
  assert.equal(r.decision, 'block');
  const goods = r.hits.filter((h) => h.check === 'goods' && h.severity === 'block').map((h) => h.rule);
  assert.deepEqual(goods.sort(), ['KP-EU-16p', 'KP-UN-2397-7']);
  assert.ok(r.hits.some((h) => h.check === 'place' && h.subject === 'route.ports[0]: Nampo' && h.rule === 'KP-US-EAR-746.4'));
});

test('goods originating in Crimea → block', async () => {
  const r = await checkTransaction({ date: DATE, goods: [{ hs: '8504 23', description: 'power transformer', origin: 'Сімферополь' }], route: { destination: 'DE' } });
  assert.equal(r.decision, 'block');
  const origin = r.hits.find((h) => h.rule === 'UA-CRIMEA-EU-2')!;
  assert.equal(origin.check, 'goods');
  assert.equal(origin.severity, 'block');
  assert.ok(rules(r, 'block').includes('UA-CRIMEA-EU-692'));
  assert.ok(rules(r, 'block').includes('UA-CRIMEA-US-13685'));
  // before the EU ban, only the occupied-list fallback remains: review
  const early = await checkTransaction({ date: '2014-05-01', goods: [{ hs: '8504', origin: 'Simferopol' }] });
  assert.equal(early.decision, 'review');
  assert.deepEqual(rules(early), ['UA-OCCUPIED-LIST']);
});

test('high-priority electronics (8542.31) to Kyrgyzstan for a Russian consignee → review (diversion risk)', async () => {
  const r = await checkTransaction({
    date: DATE,
    goods: [{ hs: '8542.31', description: 'microcontrollers' }],
    route: { origin: 'DE', destination: 'KG' },
    parties: [{ role: 'consignee', schema: 'Company', name: 'OOO Tekhnopark', country: 'Russia', address: 'Moscow' }],
  });
  assert.equal(r.decision, 'review');
  const d = r.hits.find((h) => h.rule === 'RU-CHPL-DIVERSION')!;
  assert.equal(d.check, 'route');
  assert.match(d.detail, /diversion risk/);
  assert.match(d.detail, /tier 1/);
  // shipped to Russia itself, the same goods block
  const direct = await checkTransaction({ date: DATE, goods: [{ hs: '854231' }], route: { destination: 'RU' } });
  assert.equal(direct.decision, 'block');
  assert.deepEqual(rules(direct, 'block'), ['RU-CHPL-EXPORT']);
  // and routed through Russia to a third country, they are reviewed
  const transit = await checkTransaction({ date: DATE, goods: [{ hs: '854231' }], route: { origin: 'DE', via: ['RU'], destination: 'KZ' } });
  assert.deepEqual(rules(transit), ['RU-CHPL-TRANSIT']);
});

test('textiles (HS 61) from the DPRK → block; in 2016, before the textile ban, only the luxury-goods review', async () => {
  const r = await checkTransaction({ date: DATE, goods: [{ hs: '61', description: 'knitted apparel' }], route: { origin: 'KP', destination: 'CN' } });
  assert.equal(r.decision, 'block');
  assert.ok(rules(r, 'block').includes('KP-UN-2375-16'));
  assert.ok(rules(r, 'block').includes('KP-EU-16h'));
  const luxury = r.hits.find((h) => h.rule === 'KP-EU-10')!;
  assert.equal(luxury.severity, 'review', 'garments are "ex" luxury goods (value-conditioned)');
  const early = await checkTransaction({ date: '2016-01-15', goods: [{ hs: '6109' }], route: { origin: 'KP', destination: 'CN' }, });
  assert.ok(!rules(early).includes('KP-UN-2375-16'));
  assert.ok(!rules(early).includes('KP-EU-16h'));
});

test('a clean shipment (coffee, Brazil → Germany) → clear', async () => {
  const r = await checkTransaction({ date: DATE, goods: [{ hs: '0901', description: 'coffee', origin: 'BR', value: 50000, currency: 'EUR' }], route: { origin: 'Brazil', destination: 'Deutschland' } });
  assert.deepEqual(r, { decision: 'clear', hits: [] });
});

test('a location in government-controlled Ukraine (Lviv) → clear; occupied Melitopol → block', async () => {
  const lviv = await checkTransaction({ date: DATE, locations: [{ role: 'worksite', address: 'вул. Городоцька 10, Львів, 79000' }] });
  assert.deepEqual(lviv, { decision: 'clear', hits: [] });
  const zp = await checkTransaction({ date: DATE, locations: [{ role: 'delivery', address: 'г. Запорожье' }] });
  assert.equal(zp.decision, 'clear');
  const melitopol = await checkTransaction({ date: DATE, locations: [{ role: 'delivery', address: 'Мелитополь, Запорожская обл.' }] });
  assert.equal(melitopol.decision, 'block');
  assert.deepEqual(rules(melitopol), ['UA-NGCA-EU-263-KZ']);
});

test('unknown HS code and unresolvable places → review, never a silent clear', async () => {
  const r = await checkTransaction({ date: DATE, goods: [{ hs: '7700' }], route: { origin: 'BR', destination: 'DE' } });
  assert.equal(r.decision, 'review');
  assert.match(r.hits[0].detail, /could not classify/i);
  const nothing = await checkTransaction({ date: DATE, goods: [{ value: 10 }] });
  assert.deepEqual(rules(nothing), ['POLICY-HS-UNCLASSIFIED']);
  const place = await checkTransaction({ date: DATE, locations: [{ address: 'Somewhere-upon-Nowhere' }] });
  assert.equal(place.decision, 'review');
  assert.equal(place.hits[0].rule, 'POLICY-PLACE-UNRESOLVED');
  const ambiguous = await checkTransaction({ date: DATE, locations: [{ address: 'с. Петрівка' }] });
  assert.deepEqual(rules(ambiguous), ['POLICY-PLACE-AMBIGUOUS']);
});

test('no HS code: a code is suggested from the description and the rules are checked against it (review)', async () => {
  const r = await checkTransaction({ date: DATE, goods: [{ description: 'hydraulic excavator' }], route: { destination: 'KP' } });
  const suggestion = r.hits.find((h) => h.rule === 'POLICY-HS-SUGGESTED')!;
  assert.match(suggestion.detail, /8429/);
  const banned = r.hits.find((h) => h.rule === 'KP-UN-2397-7')!;
  assert.equal(banned.severity, 'review', 'a suggested code cannot block');
});

test('"ex" codes give review: statues (ex 9703) from the DPRK', async () => {
  const r = await checkTransaction({ date: DATE, goods: [{ hs: '9703.10' }], route: { origin: 'KP', destination: 'FR' } });
  const statues = r.hits.find((h) => h.rule === 'KP-EU-13')!;
  assert.equal(statues.severity, 'review');
  assert.match(statues.detail, /only part/);
});

test('authorities filter: only UN rules', async () => {
  const r = await checkTransaction({ date: DATE, goods: [{ hs: '8429' }], route: { destination: 'KP' } }, { authorities: ['UN'] });
  assert.ok(r.hits.every((h) => h.rule.startsWith('KP-UN') || h.rule.startsWith('POLICY')), rules(r).join());
});

test('malformed transactions fail with the field named', async () => {
  const cases: Array<[unknown, RegExp]> = [
    [{ goods: [{ hs: '84AB' }] }, /^goods\[0\]\.hs: expected digits/],
    [{ goods: [{ hs: '8' }] }, /^goods\[0\]\.hs: expected 2 to 10 digits/],
    [{ goods: [{ hs: 901 }] }, /^goods\[0\]\.hs: expected digits as a string/],
    [{ date: '01/06/2026' }, /^date: expected a date YYYY-MM-DD/],
    [{ date: '2026-02-30' }, /^date: not a calendar date/],
    [{ good: [] }, /^transaction\.good: unknown field/],
    [{ parties: [{ schema: 'Spaceship', name: 'x' }] }, /^parties\[0\]\.schema: unknown FtM schema/],
    [{ parties: [{ schema: 'Vessel', imoNumber: '12345' }] }, /^parties\[0\]\.imoNumber: expected a 7-digit IMO number/],
    [{ parties: [{ schema: 'Person', imoNumber: '9123456' }] }, /^parties\[0\]\.imoNumber: schema Person has no IMO number/],
    [{ parties: [{ name: 'Kim Jong Un', properties: { alias: Array.from({ length: 50 }, (_, i) => `Alias ${i}`) } }] }, /^parties\[0\]: 51 names in one query .*at most 50/],
    [{ route: { via: 'KG' } }, /^route\.via: expected an array/],
    [{ workers: [{ permitIssued: 'yesterday' }] }, /^workers\[0\]\.permitIssued: expected a date/],
    [{ ownership: [{ owner: 'A', owned: 'B', percentage: 150 }] }, /^ownership\[0\]\.percentage: expected a percentage/],
    [{ locations: [{ role: 'site' }] }, /^locations\[0\]\.address: required/],
    ['not an object', /^transaction: expected an object/],
  ];
  for (const [tx, message] of cases) {
    await assert.rejects(checkTransaction(tx), (err: unknown) => err instanceof TransactionError && message.test(err.message), `${JSON.stringify(tx)} → ${message}`);
  }
});

test('CLI: interdict check --json, errors naming the field, rules list and show', () => {
  const dir = mkdtempSync(join(tmpdir(), 'interdict-check-'));
  try {
    const env = { ...process.env, INTERDICT_HOME: dir };
    const tx = join(dir, 'tx.json');
    writeFileSync(tx, JSON.stringify({ date: DATE, goods: [{ hs: '8429.52' }], route: { origin: 'CN', destination: 'KP' } }));
    const out = JSON.parse(execFileSync('node', ['dist/src/cli/main.js', 'check', tx, '--json'], { env, encoding: 'utf8' }));
    assert.equal(out.decision, 'block');
    assert.ok(out.hits.some((h: { rule: string; citation: string }) => h.rule === 'KP-UN-2397-7' && h.citation === 'UNSCR 2397 (2017) para 7'));
    const human = execFileSync('node', ['dist/src/cli/main.js', 'check', tx], { env, encoding: 'utf8' });
    assert.match(human, /^decision: BLOCK/);

    writeFileSync(tx, JSON.stringify({ goods: [{ hs: '84AB' }] }));
    const bad = spawnSync('node', ['dist/src/cli/main.js', 'check', tx], { env, encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /goods\[0\]\.hs: expected digits/);

    const list = execFileSync('node', ['dist/src/cli/main.js', 'rules', 'list', '--regime', 'DPRK', '--json'], { env, encoding: 'utf8' });
    const dprk = JSON.parse(list) as Array<{ id: string; regime: string; citation: string; verification: string }>;
    assert.ok(dprk.length >= 40);
    assert.ok(dprk.every((r) => r.regime === 'DPRK' && r.citation && r.verification));
    const table = execFileSync('node', ['dist/src/cli/main.js', 'rules', 'list', '--regime', 'ukraine-territories'], { env, encoding: 'utf8' });
    assert.match(table, /UA-NGCA-EU-263 +Ukraine-territories +EU Reg 2022\/263 Arts 2-6/);
    const show = execFileSync('node', ['dist/src/cli/main.js', 'rules', 'show', 'KP-UN-2375-17'], { env, encoding: 'utf8' });
    assert.match(show, /citation +UNSCR 2375 \(2017\) para 17/);
    assert.match(show, /verification secondary/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
