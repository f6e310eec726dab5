// The yente-compatible endpoints over real HTTP: request and response shapes as yente 5 documents them,
// query cleaning, filters, search, nested entities, catalog, algorithms, probes, docs and metrics; and
// our /v1 extensions (screen with a decision, lists, diff after a second version arrives).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, importFiles, startApi, unWithoutFirstIndividual, type Api } from './api-helpers.js';
import { decide } from '../src/api/decision.js';
import { fixture, listFile } from './helpers.js';

const ENTITY_FIELDS = ['id', 'caption', 'schema', 'properties', 'datasets', 'referents', 'target', 'first_seen', 'last_seen', 'last_change'];
const RI_WON_HO = { schema: 'Person', properties: { name: ['Ri Won Ho'], birthDate: ['1964-07-17'], nationality: ['North Korea'] } };

let api: Api;
before(async () => {
  // the UN list, and a small FtM file (another dataset, with referents and an address record)
  api = await startApi([listFile('un', 'consolidated.xml'), fixture('ftm', 'sample.ftm.json')]);
});
after(async () => {
  await api?.close();
});

const match = (body: unknown, query = '', dataset = 'default') => call(`${api.url}/match/${dataset}${query}`, { body });

describe('POST /match/{dataset}', () => {
  it("answers yente's documented example: one response per key, with status, results, total and the query", async () => {
    const r = await match({
      queries: {
        entity1: { schema: 'Person', properties: { name: ['John Doe'], birthDate: ['1975-04-21'], nationality: ['us'] } },
        entity2: { schema: 'Company', properties: { name: ['Brilliant Amazing Limited'], jurisdiction: ['hk'], registrationNumber: ['84BA99810'] } },
      },
    });
    assert.equal(r.status, 200);
    assert.deepEqual(Object.keys(r.body).sort(), ['limit', 'responses']);
    assert.equal(r.body.limit, 5);
    assert.equal(r.headers.get('x-batch-size'), '2');
    assert.deepEqual(Object.keys(r.body.responses).sort(), ['entity1', 'entity2']);
    for (const key of ['entity1', 'entity2']) {
      const resp = r.body.responses[key];
      assert.equal(resp.status, 200);
      assert.ok(Array.isArray(resp.results));
      assert.deepEqual(Object.keys(resp.total).sort(), ['relation', 'value']);
      assert.equal(typeof resp.query.schema, 'string');
    }
    // echoed as yente's pydantic model does: `id` is always there, null when the example had none
    assert.deepEqual(r.body.responses.entity2.query, {
      id: null,
      schema: 'Company',
      properties: { name: ['Brilliant Amazing Limited'], jurisdiction: ['hk'], registrationNumber: ['84BA99810'] },
    });
  });

  it('finds a listed party and returns every yente result field, cleaned query echoed', async () => {
    const r = await match({ queries: { q: RI_WON_HO } });
    assert.equal(r.status, 200);
    const resp = r.body.responses.q;
    const top = resp.results[0];
    assert.equal(top.id, 'un-KPi.033');
    for (const f of [...ENTITY_FIELDS, 'score', 'match', 'explanations', 'features']) assert.ok(f in top, `result lacks ${f}`);
    assert.equal(top.schema, 'Person');
    assert.equal(top.caption, 'RI WON HO');
    assert.deepEqual(top.datasets, ['un_sc_sanctions']);
    assert.equal(top.target, true);
    assert.equal(top.match, true);
    assert.ok(top.score >= 0.9 && top.score <= 1);
    assert.equal(typeof top.explanations.name_match.score, 'number');
    assert.match(top.explanations.name_match.detail, /Ri Won Ho/i);
    assert.equal(top.features.name_match, top.explanations.name_match.score);
    assert.ok(resp.total.value >= 1);
    // country names become codes in the echoed query, as yente's cleaning does
    assert.deepEqual(resp.query, { id: null, schema: 'Person', properties: { name: ['Ri Won Ho'], birthDate: ['1964-07-17'], nationality: ['kp'] } });
  });

  it('accepts a property as a string, cleans dates, drops unknown properties and builds the name from its parts', async () => {
    const r = await match({
      queries: {
        q: { schema: 'Person', properties: { firstName: 'Won Ho', lastName: ['Ri'], birthDate: '17.07.1964', shoeSize: ['44'], gender: 'M', nationality: 'Atlantis' } },
      },
    });
    assert.equal(r.status, 200);
    const q = r.body.responses.q.query;
    assert.deepEqual(q.properties, { firstName: ['Won Ho'], lastName: ['Ri'], birthDate: ['1964-07-17'], gender: ['male'], name: ['Won Ho Ri'] });
    assert.equal(r.body.responses.q.results[0]?.id, 'un-KPi.033');
  });

  it('applies limit, threshold and the deprecated cutoff as yente 5 does', async () => {
    const q = { queries: { q: { schema: 'Person', properties: { name: ['Kim'] } } } };
    const loose = await match(q, '?cutoff=0.1&threshold=0.9&limit=50');
    const results = loose.body.responses.q.results as Array<{ score: number; match: boolean }>;
    assert.ok(results.length > 1, 'a low cutoff returns near misses');
    assert.ok(results.some((x) => !x.match), 'near misses are not matches');
    for (const x of results) assert.equal(x.match, x.score >= 0.9);
    assert.equal(loose.body.responses.q.total.value, results.filter((x) => x.match).length);
    // without a cutoff only results at or above the threshold come back
    const strict = await match(q, '?threshold=0.9&limit=50');
    for (const x of strict.body.responses.q.results) assert.ok(x.score >= 0.9);
    const one = await match(q, '?cutoff=0.1&limit=1');
    assert.equal(one.body.responses.q.results.length, 1);
    assert.equal(one.body.limit, 1);
  });

  it('filters by dataset, schema, entity id, topic and change date', async () => {
    const body = { queries: { q: RI_WON_HO } };
    const ids = async (query: string, dataset = 'default') => ((await match(body, query, dataset)).body.responses.q.results as Array<{ id: string }>).map((x) => x.id);
    assert.ok((await ids('', 'un_sc_sanctions')).includes('un-KPi.033'));
    assert.ok((await ids('', 'sanctions')).includes('un-KPi.033'));
    // `default` covers every loaded list, also one imported from an FtM file
    const vtb = { queries: { q: { schema: 'Company', properties: { name: ['Banco VTB Africa'] } } } };
    for (const dataset of ['default', 'ftm_sample']) assert.equal((await match(vtb, '', dataset)).body.responses.q.results[0]?.id, 'sample-company-vtb-africa', dataset);
    assert.deepEqual((await match(vtb, '', 'sanctions')).body.responses.q.results, []);
    assert.deepEqual(await ids('?include_dataset=us_ofac_sdn'), []);
    assert.deepEqual(await ids('?exclude_dataset=un_sc_sanctions'), []);
    assert.ok(!(await ids('?exclude_entity_ids=un-KPi.033')).includes('un-KPi.033'));
    assert.deepEqual(await ids('?exclude_schema=Person'), []);
    assert.ok((await ids('?topics=sanction')).includes('un-KPi.033'));
    assert.deepEqual(await ids('?topics=debarment'), []);
    assert.deepEqual(await ids('?changed_since=2999-01-01'), []);
    assert.ok((await ids('?changed_since=2000-01-01T00:00:00')).includes('un-KPi.033'));
  });
});

describe('GET /search, /entities', () => {
  it('searches names with yente paging, totals and facets', async () => {
    const r = await call(`${api.url}/search/default?q=ri+won+ho&limit=3`);
    assert.equal(r.status, 200);
    assert.deepEqual(Object.keys(r.body).sort(), ['facets', 'limit', 'offset', 'results', 'total']);
    assert.equal(r.body.results[0].id, 'un-KPi.033');
    for (const f of ENTITY_FIELDS) assert.ok(f in r.body.results[0]);
    assert.ok(r.body.results.length <= 3);
    assert.ok(r.body.facets.countries.values.some((v: { name: string; label: string }) => v.name === 'kp' && /Korea/.test(v.label)));
    const orgs = await call(`${api.url}/search/default?q=ri+won+ho&schema=Organization`);
    assert.ok(orgs.body.results.every((e: { schema: string }) => e.schema !== 'Person'));
  });

  it('lists every party in scope for an empty query, with filters and offset', async () => {
    const all = await call(`${api.url}/search/un_sc_sanctions?limit=5`);
    assert.equal(all.body.total.value, 1003); // SOURCES.md: 730 individuals + 273 entities
    const page2 = await call(`${api.url}/search/un_sc_sanctions?limit=5&offset=5`);
    assert.equal(page2.body.offset, 5);
    assert.notEqual(page2.body.results[0].id, all.body.results[0].id);
    const kp = await call(`${api.url}/search/un_sc_sanctions?countries=kp&schema=Person&limit=500`);
    assert.ok(kp.body.total.value > 10 && kp.body.total.value < 1003);
    assert.ok(kp.body.results.every((e: { id: string }) => e.id.startsWith('un-KP')));
  });

  it('nests the sanction record under the party, and serves it on its own', async () => {
    const r = await call(`${api.url}/entities/un-KPi.033`);
    assert.equal(r.status, 200);
    for (const f of ENTITY_FIELDS) assert.ok(f in r.body);
    const sanction = r.body.properties.sanctions?.[0];
    assert.equal(sanction?.schema, 'Sanction');
    assert.equal(sanction.properties.entity, undefined, 'the link back to the party is dropped');
    assert.deepEqual(sanction.properties.unscId, ['KPi.033']);
    const flat = await call(`${api.url}/entities/un-KPi.033?nested=false`);
    assert.equal(flat.body.properties.sanctions, undefined);
    const alone = await call(`${api.url}/entities/${encodeURIComponent(sanction.id)}`);
    assert.equal(alone.status, 200);
    assert.equal(alone.body.target, false);
    assert.equal((await call(`${api.url}/entities/un-nobody`)).status, 404);
  });

  it('nests records the party points at, and redirects a merged id to the canonical one', async () => {
    const r = await call(`${api.url}/entities/sample-company-vtb-africa`);
    assert.equal(r.status, 200);
    const address = r.body.properties.addressEntity[0];
    assert.equal(address.schema, 'Address');
    assert.equal(typeof address.caption, 'string');
    const moved = await call(`${api.url}/entities/au-dfat-2`);
    assert.equal(moved.status, 308);
    assert.equal(moved.headers.get('location'), '/entities/sample-person-akhund');
  });

  it("pages adjacent records by property, as yente's /entities/{id}/adjacent", async () => {
    const nested = (await call(`${api.url}/entities/un-KPi.033`)).body;
    const r = await call(`${api.url}/entities/un-KPi.033/adjacent`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(Object.keys(r.body).sort(), ['adjacent', 'entity']);
    assert.equal(r.body.entity.id, 'un-KPi.033');
    assert.equal(r.body.entity.properties.sanctions, undefined, 'the entity itself is not nested');
    const sanctions = r.body.adjacent.sanctions;
    assert.deepEqual(sanctions.total, { value: nested.properties.sanctions.length, relation: 'eq' });
    assert.deepEqual(sanctions.results, nested.properties.sanctions.slice(0, 10));
    assert.equal(sanctions.limit, 10);
    assert.equal(sanctions.offset, 0);
    const byProp = await call(`${api.url}/entities/un-KPi.033/adjacent/sanctions?limit=1&offset=0`);
    assert.equal(byProp.status, 200);
    assert.deepEqual(byProp.body, { results: nested.properties.sanctions.slice(0, 1), total: sanctions.total, limit: 1, offset: 0 });
    const beyond = await call(`${api.url}/entities/un-KPi.033/adjacent/sanctions?offset=${sanctions.total.value}`);
    assert.deepEqual(beyond.body.results, []);
    // records the party points at, as nested
    const vtb = await call(`${api.url}/entities/sample-company-vtb-africa/adjacent/addressEntity`);
    assert.equal(vtb.body.results[0].schema, 'Address');
    // an entity property the party has no record for: an empty page; a property that holds no entities, or none of its schema: 404
    assert.deepEqual((await call(`${api.url}/entities/un-KPi.033/adjacent/ownershipOwner`)).body.total, { value: 0, relation: 'eq' });
    for (const prop of ['name', 'nope']) {
      const bad = await call(`${api.url}/entities/un-KPi.033/adjacent/${prop}`);
      assert.equal(bad.status, 404);
      assert.equal(bad.body.detail, 'No such property!');
    }
    assert.equal((await call(`${api.url}/entities/un-nobody/adjacent`)).body.detail, 'No such entity!');
    const moved = await call(`${api.url}/entities/au-dfat-2/adjacent`);
    assert.equal(moved.status, 308);
    assert.equal(moved.headers.get('location'), '/entities/sample-person-akhund/adjacent');
  });
});

describe('catalog, algorithms, probes, docs, metrics', () => {
  it('describes datasets, collections and the indexed versions', async () => {
    const r = await call(`${api.url}/catalog`);
    assert.equal(r.status, 200);
    const un = r.body.datasets.find((d: { name: string }) => d.name === 'un_sc_sanctions');
    assert.equal(un.load, true);
    assert.match(un.version, /^2026-02-27-[0-9a-f]{8}$/);
    assert.equal(un.index_version, un.version);
    assert.equal(un.index_current, true);
    assert.equal(un.target_count, 1003);
    assert.equal(un.versions.length, 1);
    const def = r.body.datasets.find((d: { name: string }) => d.name === 'default');
    assert.ok(def.children.includes('un_sc_sanctions') && def.children.includes('ftm_sample'));
    assert.equal(r.body.datasets.find((d: { name: string }) => d.name === 'ftm_sample').index_current, true);
    assert.ok(r.body.current.includes('un_sc_sanctions'));
    assert.deepEqual(r.body.outdated, []);
    assert.equal(r.body.index_stale, false);
  });

  it('lists algorithms with default and best, and their feature weights', async () => {
    const r = await call(`${api.url}/algorithms`);
    assert.equal(r.status, 200);
    const names = r.body.algorithms.map((a: { name: string }) => a.name);
    assert.ok(names.includes(r.body.default) && names.includes(r.body.best) && names.includes('logic-v2'));
    const a = r.body.algorithms[0];
    assert.equal(typeof a.features.name_match.coefficient, 'number');
    assert.deepEqual(a.docs.features, a.features);
  });

  it('answers probes and publishes OpenAPI, docs and Prometheus metrics', async () => {
    const health = await call(`${api.url}/healthz`, { headers: { origin: 'https://elsewhere.example' } });
    assert.deepEqual(health.body, { status: 'ok' });
    assert.equal(health.headers.get('access-control-allow-origin'), null, 'no CORS by default');
    const ready = await call(`${api.url}/readyz`);
    assert.equal(ready.body.status, 'ok');
    assert.match(ready.body.index.versions.un_sc_sanctions, /^2026-02-27-/);
    const spec = await call(`${api.url}/openapi.json`);
    assert.equal(spec.status, 200);
    assert.match(spec.body.openapi, /^3\./);
    for (const p of ['/match/{dataset}', '/search/{dataset}', '/entities/{entity_id}', '/catalog', '/algorithms', '/v1/screen', '/v1/lists', '/v1/lists/{dataset}/diff']) assert.ok(spec.body.paths[p], `OpenAPI lacks ${p}`);
    assert.ok(spec.body.components.schemas.ScoredEntityResponse);
    const docs = await fetch(`${api.url}/docs/static/index.html`);
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /swagger/i);
    const metrics = await call(`${api.url}/metrics`);
    assert.equal(metrics.status, 200);
    assert.match(metrics.body, /interdict_http_requests_total\{method="POST",route="\/match\/:dataset",status="200"\} \d+/);
    assert.match(metrics.body, /interdict_index_entities \d+/);
    assert.match(metrics.body, /interdict_screening_workers 1\n/);
    assert.match(metrics.body, /interdict_screening_jobs_in_flight 0\n/);
    // every answered job is timed twice: waiting for a screening thread, and on one (the suite has sent dozens)
    const count = (name: string) => Number(new RegExp(`^${name}_count (\\d+)$`, 'm').exec(metrics.body)?.[1]);
    assert.ok(count('interdict_screening_job_run_seconds') >= 10, 'jobs timed on their thread');
    assert.equal(count('interdict_screening_job_wait_seconds'), count('interdict_screening_job_run_seconds'));
    assert.ok(Number(/^interdict_screening_job_run_seconds_sum (\S+)$/m.exec(metrics.body)?.[1]) > 0);
    assert.match(metrics.body, /interdict_list_parties\{dataset="un_sc_sanctions"\} 1003/);
    assert.match(metrics.body, /interdict_list_version_info\{dataset="un_sc_sanctions",version="2026-02-27-[0-9a-f]{8}",published="2026-02-27/);
    assert.match(metrics.body, /interdict_http_request_duration_seconds_bucket/);
  });
});

describe('/v1 extensions', () => {
  it('screens a batch-style record and decides block for a listed party, clear for an unknown one', async () => {
    const hit = await call(`${api.url}/v1/screen`, { body: { id: 'cust-1', first_name: 'Won Ho', last_name: 'Ri', date_of_birth: '1964-07-17', nationality: 'North Korea' } });
    assert.equal(hit.status, 200);
    assert.equal(hit.body.id, 'cust-1');
    assert.equal(hit.body.results[0].id, 'un-KPi.033');
    assert.equal(hit.body.decision, 'block');
    assert.deepEqual(hit.body.bands, { review: 0.7, block: 0.95 });
    assert.match(hit.body.list_versions.un_sc_sanctions, /^2026-02-27-/);
    assert.equal(hit.body.query.schema, 'Person');
    const none = await call(`${api.url}/v1/screen`, { body: { name: 'Quentin Zzyzx-Unlisted' } });
    assert.equal(none.body.decision, 'clear');
    assert.deepEqual(none.body.results, []);
  });

  it('decides by score bands', () => {
    const bands = { review: 0.7, block: 0.95 };
    assert.equal(decide(undefined, bands).decision, 'clear');
    assert.equal(decide(0.69, bands).decision, 'clear');
    assert.equal(decide(0.7, bands).decision, 'review');
    assert.equal(decide(0.949, bands).decision, 'review');
    assert.equal(decide(0.95, bands).decision, 'block');
    assert.equal(decide(0.8, { review: 0.7, block: 0.5 }).decision, 'block', 'a block band below the review band is raised to it');
  });

  it('rejects records it cannot screen', async () => {
    assert.equal((await call(`${api.url}/v1/screen`, { body: { nationality: 'ru' } })).status, 400);
    const typo = await call(`${api.url}/v1/screen`, { body: { nmae: 'Ri Won Ho' } });
    assert.equal(typo.status, 422);
    assert.match(JSON.stringify(typo.body.detail), /nmae/);
  });

  it('shows list versions; a second version is picked up and diffed', async () => {
    const lists = await call(`${api.url}/v1/lists`);
    const un = lists.body.lists.find((l: { dataset: string }) => l.dataset === 'un_sc_sanctions');
    assert.equal(un.served, un.active.version);
    assert.equal(un.active.targets, 1003);
    const single = await call(`${api.url}/v1/lists/un_sc_sanctions/diff`);
    assert.equal(single.status, 400);

    const dir = mkdtempSync(join(tmpdir(), 'interdict-un2-'));
    try {
      const { file, removedRef } = unWithoutFirstIndividual(dir);
      await importFiles([file]);
      const refresh = await call(`${api.url}/v1/refresh`, { method: 'POST' });
      assert.equal(refresh.status, 200);
      assert.equal(refresh.body.changed, true);
      assert.match(refresh.body.index.versions.un_sc_sanctions, /^2026-03-15-/);
      const diff = await call(`${api.url}/v1/lists/un_sc_sanctions/diff`);
      assert.equal(diff.status, 200);
      assert.deepEqual(diff.body.removed.map((x: { id: string }) => x.id), [`un-${removedRef}`]);
      assert.deepEqual(diff.body.added, []);
      assert.match(diff.body.old.version, /^2026-02-27-/);
      const byRef = await call(`${api.url}/v1/lists/un_sc_sanctions/diff?old=2026-02-27&new=2026-03-15`);
      assert.deepEqual(byRef.body.removed, diff.body.removed);
      assert.equal((await call(`${api.url}/v1/lists/un_sc_sanctions/diff?old=1999-01-01`)).status, 404);
      assert.equal((await call(`${api.url}/entities/un-${removedRef}`)).status, 404, 'the removed party is no longer served');
      const catalog = await call(`${api.url}/catalog`);
      assert.equal(catalog.body.datasets.find((d: { name: string }) => d.name === 'un_sc_sanctions').versions.length, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
