// Party and ownership checks against real lists (UN consolidated list, OFAC SDN of 2023-12-28) through
// the matching engine, and the OFAC 50 % rule on the examples of OFAC FAQ 401.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Screener } from '../src/match/index.js';
import { checkTransaction, type PartyScreener } from '../src/rules/index.js';
import { applyFiftyPercentRule, type Edge } from '../src/rules/checks/ownership.js';
import { unXml } from '../src/sources/formats/un-xml.js';
import { ofacSdnCsv } from '../src/sources/formats/ofac-csv.js';
import { listFile, readAll } from './helpers.js';

const DATE = '2026-06-01';
const KOMID = 'Korea Mining Development Trading Corporation'; // UN KPe.001, OFAC SDN

let screener: PartyScreener | undefined;
async function realScreener(): Promise<PartyScreener> {
  if (!screener) {
    const un = await readAll(unXml, [listFile('un', 'consolidated.xml')]);
    const ofac = await readAll(ofacSdnCsv, ['sdn', 'add', 'alt'].map((f) => listFile('ofac', 'sdn-csv-2023-12-28', `${f}.csv`)));
    const s = Screener.fromEntities([...un.entities, ...ofac.entities]);
    screener = (query, opts) => s.screen(query, { limit: opts?.limit });
  }
  return screener;
}

test('a listed buyer blocks, with the listed entity id and the list as citation', async () => {
  const r = await checkTransaction({ date: DATE, parties: [{ role: 'buyer', schema: 'Company', name: KOMID }], goods: [{ hs: '0901' }], route: { origin: 'BR', destination: 'CN' } }, { screener: await realScreener() });
  assert.equal(r.decision, 'block');
  const un = r.hits.find((h) => h.check === 'party' && h.entity === 'un-KPe.001');
  assert.ok(un, JSON.stringify(r.hits.map((h) => h.entity)));
  assert.equal(un.severity, 'block');
  assert.equal(un.rule, 'PARTY-LISTED');
  assert.match(un.citation, /un_sc_sanctions/);
});

test('a vessel is found by its IMO number under another name', async () => {
  // IMO 7937317 is the DPRK cargo ship CHONG CHON GANG on the OFAC SDN list
  const r = await checkTransaction({ date: DATE, parties: [{ role: 'carrier', schema: 'Vessel', name: 'Ocean Star', imoNumber: 'IMO 7937317' }] }, { screener: await realScreener() });
  const hit = r.hits.find((h) => h.check === 'party')!;
  assert.equal(hit.severity, 'block');
  assert.match(hit.detail, /CHONG CHON GANG/);
  assert.match(hit.detail, /same IMO number/);
});

test('unlisted parties pass; the seed story still blocks on labour and place', async () => {
  const r = await checkTransaction(
    {
      date: DATE,
      parties: [{ role: 'employer', schema: 'Company', name: 'ООО Донбасстройинвест-Юг', country: 'RU', address: 'Ростов-на-Дону, Россия' }],
      workers: [{ name: 'Kim Chol', nationality: 'KP', employer: 'ООО Донбасстройинвест-Юг', worksite: 'Макеевка, Донецкая обл.', permitIssued: '2025-04-01' }],
    },
    { screener: await realScreener() },
  );
  assert.equal(r.decision, 'block');
  assert.ok(!r.hits.some((h) => h.check === 'party' && h.severity === 'block'), JSON.stringify(r.hits.filter((h) => h.check === 'party')));
  assert.ok(!r.hits.some((h) => h.rule === 'POLICY-PARTY-UNSCREENED'));
  assert.deepEqual([...new Set(r.hits.filter((h) => h.severity === 'block').map((h) => h.check))].sort(), ['labour', 'place']);
});

test('ownership: entities owned 50 % or more through blocked entities are blocked, with the path', async () => {
  const r = await checkTransaction(
    {
      date: DATE,
      parties: [{ role: 'seller', schema: 'Company', name: 'Harbour Logistics Holding LLC', country: 'AE' }],
      ownership: [
        { owner: KOMID, owned: 'Sunrise Mineral Holdings Ltd', percentage: 50 },
        { owner: 'Sunrise Mineral Holdings Ltd', owned: 'Harbour Logistics Holding LLC', percentage: 60 },
        // FAQ 401: ownership counts only through blocked entities. KOMID's 40 % does not block Alpha, so
        // Alpha's 100 % of Beta does not block Beta.
        { owner: KOMID, owned: 'Alpha Pacific Investments Ltd', percentage: 40 },
        { owner: 'Alpha Pacific Investments Ltd', owned: 'Beta Coastal Shipping Ltd', percentage: 100 },
      ],
    },
    { screener: await realScreener() },
  );
  assert.equal(r.decision, 'block');
  const blocked = r.hits.filter((h) => h.rule === 'OWN-OFAC-50');
  assert.deepEqual(blocked.map((h) => h.subject).sort(), ['ownership: Harbour Logistics Holding LLC', 'ownership: Sunrise Mineral Holdings Ltd']);
  const harbour = blocked.find((h) => h.subject.includes('Harbour'))!;
  assert.match(harbour.detail, /Sunrise Mineral Holdings Ltd \(blocked because .*Korea Mining Development Trading Corporation .*owns 50 % of Sunrise.*\) owns 60 % of Harbour/);
  assert.ok(harbour.entity, 'the listed entity at the root of the chain');
  assert.ok(!r.hits.some((h) => h.subject.includes('Beta Coastal') && h.rule === 'OWN-OFAC-50'));
  const alpha = r.hits.find((h) => h.rule === 'OWN-OFAC-398')!;
  assert.equal(alpha.severity, 'review');
  assert.match(alpha.subject, /Alpha Pacific/);
});

test('ownership sent as FtM Ownership entities referring to parties by id', async () => {
  const r = await checkTransaction(
    {
      date: DATE,
      parties: [
        { id: 'p1', role: 'shareholder', schema: 'Company', name: KOMID },
        { id: 'p2', role: 'seller', schema: 'Company', name: 'Sunrise Mineral Holdings Ltd' },
      ],
      ownership: [{ schema: 'Ownership', properties: { owner: ['p1'], asset: ['p2'], percentage: ['75'] } }],
    },
    { screener: await realScreener() },
  );
  const hit = r.hits.find((h) => h.rule === 'OWN-OFAC-50')!;
  assert.equal(hit.subject, 'ownership: Sunrise Mineral Holdings Ltd');
  assert.match(hit.detail, /owns 75 % of Sunrise/);
});

// ---- the 50 % rule itself, on OFAC FAQ 401's examples ----

const X = { entity: 'x', citation: 'Listed on test' };
const edges = (...list: Array<[string, string, number?]>): Edge[] => list.map(([owner, owned, percentage], index) => ({ owner, owned, percentage, index }));

test('FAQ 401 example 1: X 50 % of A, A 50 % of B → A and B blocked', () => {
  const r = applyFiftyPercentRule(edges(['X', 'A', 50], ['A', 'B', 50]), new Map([['x', X]]));
  assert.deepEqual([...r.blocked.keys()].sort(), ['A', 'B', 'X']);
});

test('FAQ 401 example 2: X 50 % of A and B; A and B 25 % each of C → C blocked in the aggregate', () => {
  const r = applyFiftyPercentRule(edges(['X', 'A', 50], ['X', 'B', 50], ['A', 'C', 25], ['B', 'C', 25]), new Map([['x', X]]));
  const c = r.blocked.get('C');
  assert.equal(c?.kind, 'owned');
  assert.equal(c?.kind === 'owned' && c.total, 50);
});

test('FAQ 401 example 3: X 50 % of A and 10 % of B; A 40 % of B → B blocked (10 + 40)', () => {
  const r = applyFiftyPercentRule(edges(['X', 'A', 50], ['X', 'B', 10], ['A', 'B', 40]), new Map([['x', X]]));
  assert.ok(r.blocked.has('B'));
});

test('indirect ownership through an entity that is not blocked does not count', () => {
  const r = applyFiftyPercentRule(edges(['X', 'A', 40], ['A', 'B', 100], ['X', 'C', 49.9]), new Map([['x', X]]));
  assert.deepEqual([...r.blocked.keys()], ['X']);
  assert.equal(r.minority.get('A')?.total, 40);
  assert.equal(r.minority.get('C')?.total, 49.9);
  assert.ok(!r.minority.has('B'), 'B has no blocked owner at all');
});

test('two different blocked persons aggregate; unknown shares are reported', () => {
  const Y = { entity: 'y', citation: 'Listed on test' };
  const r = applyFiftyPercentRule(edges(['X', 'A', 30], ['Y', 'A', 20], ['X', 'D']), new Map([['x', X], ['y', Y]]));
  assert.ok(r.blocked.has('A'));
  assert.deepEqual(r.unknownShares.map((e) => e.owned), ['D']);
});
