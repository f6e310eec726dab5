// POST /v1/screen/transaction over real HTTP: the seed story blocks with every hit cited, a clean shipment
// clears, a listed buyer is found by the server's own screening pool, malformed input is a 422 naming the field.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, startApi, type Api } from './api-helpers.js';

let api: Api;
before(async () => {
  api = await startApi();
});
after(async () => {
  await api?.close();
});

const check = (body: unknown) => call(`${api.url}/v1/screen/transaction`, { body });

describe('POST /v1/screen/transaction', () => {
  it('the seed story — a Russian employer, DPRK workers, a site in Makiivka — blocks on labour and place', async () => {
    const r = await check({
      date: '2026-06-01',
      parties: [{ role: 'employer', schema: 'Company', name: 'OOO Stroitel Donbass', country: 'RU' }],
      locations: [{ role: 'worksite', address: 'вул. Леніна 12, Макіївка, Донецька обл.' }],
      workers: [{ name: 'Pak Chol Min', nationality: 'KP', employer: 'OOO Stroitel Donbass', worksite: 'Makiivka', permitIssued: '2025-04-01' }],
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.decision, 'block');
    const checks = new Set(r.body.hits.map((h: { check: string }) => h.check));
    assert.ok(checks.has('labour') && checks.has('place'), JSON.stringify([...checks]));
    for (const h of r.body.hits) assert.ok(h.citation && h.rule && h.severity, JSON.stringify(h));
    assert.ok(r.body.list_versions.un_sc_sanctions, 'the answer names the list versions it used');
  });

  it('a listed buyer is found through the screening pool and blocks with the listed entity id', async () => {
    const r = await check({ date: '2026-06-01', parties: [{ role: 'buyer', schema: 'Company', name: 'Korea Mining Development Trading Corporation', country: 'KP' }] });
    assert.equal(r.status, 200);
    const party = r.body.hits.find((h: { check: string }) => h.check === 'party');
    assert.equal(party?.entity, 'un-KPe.001', JSON.stringify(r.body.hits));
  });

  it('a clean shipment clears', async () => {
    const r = await check({ date: '2026-06-01', goods: [{ hs: '0901.11', description: 'green coffee', origin: 'BR' }], route: { origin: 'BR', destination: 'DE' } });
    assert.equal(r.status, 200);
    assert.equal(r.body.decision, 'clear', JSON.stringify(r.body.hits));
  });

  it('a malformed transaction is a 422 naming the field, never a 500', async () => {
    const r = await check({ goods: [{ hs: 'eighty-four' }] });
    assert.equal(r.status, 422);
    assert.match(r.body.detail, /goods\[0\]\.hs/);
    const notObject = await call(`${api.url}/v1/screen/transaction`, { raw: '[1,2,3]', headers: { 'content-type': 'application/json' } });
    assert.ok(notObject.status >= 400 && notObject.status < 500, String(notObject.status));
  });
});
