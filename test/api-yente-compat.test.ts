// Over real HTTP: what existing yente clients send or expect beyond the documented examples (yente 5.5, FastAPI
// with pydantic): `total` counting every match, the query echo with its `id`, a body without a Content-Type,
// booleans spelled as Python clients send them, yente's algorithm names, the search's `filter`, `filter_op`,
// `sort` and `target`, and the identifiers and genders facets.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, startApi, type Api } from './api-helpers.js';
import { listFile } from './helpers.js';

const TWINS = 7;
/** An FtM file: several parties of one name (distinct birth dates), so a query matches more of them than a page holds. */
function twinsFile(dir: string): string {
  const lines = Array.from({ length: TWINS }, (_, i) => ({
    id: `twin-${i}`,
    schema: 'Person',
    properties: { name: ['Quillon Barstrade'], birthDate: [`19${50 + i}-03-0${1 + (i % 9)}`], gender: [i % 2 ? 'female' : 'male'], topics: ['sanction'] },
    datasets: ['test_twins'],
    referents: [],
    target: true,
  }));
  const file = join(dir, 'twins.ftm.json');
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return file;
}

/** A party whose name is markup: previews must show it as text. */
function markupFile(dir: string): string {
  const file = join(dir, 'markup.ftm.json');
  const party = { id: 'markup-1', schema: 'Company', properties: { name: ['Zyx <script>alert(1)</script> & "Co"'] }, datasets: ['test_markup'], referents: [], target: true };
  writeFileSync(file, JSON.stringify(party) + '\n');
  return file;
}

interface Party {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  first_seen: string;
  last_change: string;
}

let api: Api;
let dir: string;
/** Every party the server lists, read through unfiltered search pages: the reference the filters are checked against. */
let everyone: Party[];
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'interdict-compat-'));
  api = await startApi([listFile('un', 'consolidated.xml'), twinsFile(dir), markupFile(dir)]);
  everyone = [];
  for (let offset = 0; ; offset += 500) {
    const page = await call(`${api.url}/search/default?limit=500&offset=${offset}&facets=schema`);
    everyone.push(...page.body.results);
    if (page.body.results.length < 500) break;
  }
});
after(async () => {
  await api?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const QUILLON = { schema: 'Person', properties: { name: ['Quillon Barstrade'] } };
const match = (body: unknown, query = '') => call(`${api.url}/match/default${query}`, { body });
const search = async (query: string) => {
  const r = await call(`${api.url}/search/default?${query}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body as { results: Party[]; total: { value: number; relation: string }; facets: Record<string, { label: string; values: Array<{ name: string; count: number }> }> };
};
const ids = (parties: Party[]) => parties.map((p) => p.id).sort();

describe('POST /match as yente answers it', () => {
  it('total counts every candidate that matched, beyond the limit too, as an exact count', async () => {
    const r = await match({ queries: { q: QUILLON } }, '?limit=2');
    assert.equal(r.status, 200);
    const resp = r.body.responses.q;
    assert.equal(resp.results.length, 2);
    assert.deepEqual(resp.total, { value: TWINS, relation: 'eq' });
    const all = await match({ queries: { q: QUILLON } }, '?limit=50');
    assert.equal(all.body.responses.q.results.filter((x: { match: boolean }) => x.match).length, TWINS);
    // a threshold above every score: results at or above the cutoff are returned, none counts as a match
    const strict = await match({ queries: { q: { schema: 'Person', properties: { name: ['Quillon Barstrad'] } } } }, '?threshold=0.999&cutoff=0.5');
    assert.ok(strict.body.responses.q.results.length > 0);
    assert.deepEqual(strict.body.responses.q.total, { value: 0, relation: 'eq' });
  });

  it('echoes the query with its id, null when the example had none', async () => {
    const r = await match({ queries: { a: QUILLON, b: { ...QUILLON, id: 'client-17' } } });
    assert.deepEqual(r.body.responses.a.query, { id: null, ...QUILLON });
    assert.deepEqual(r.body.responses.b.query, { id: 'client-17', ...QUILLON });
  });

  it('reads a body sent without a Content-Type as JSON (as FastAPI does); other media types stay 415', async () => {
    const raw = JSON.stringify({ queries: { q: QUILLON } });
    const r = await fetch(`${api.url}/match/default`, { method: 'POST', body: new Blob([raw]) });
    assert.equal(r.headers.get('content-type')?.startsWith('application/json'), true);
    assert.equal(r.status, 200, await r.clone().text());
    assert.equal(((await r.json()) as { responses: Record<string, { total: { value: number } }> }).responses.q.total.value, TWINS);
    const text = await call(`${api.url}/match/default`, { raw, headers: { 'content-type': 'text/plain' } });
    assert.equal(text.status, 415);
  });

  it('answers a path with a trailing slash as the path without (FastAPI redirects it)', async () => {
    const r = await call(`${api.url}/match/default/`, { body: { queries: { q: QUILLON } } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.responses.q.total.value, TWINS);
    assert.equal((await call(`${api.url}/catalog/`)).status, 200);
  });

  it("accepts yente's algorithm names", async () => {
    for (const algorithm of ['logic-v1', 'logic-v2', 'regression-v1', 'name-based', 'name-qualified', 'best']) {
      const r = await match({ queries: { q: QUILLON } }, `?algorithm=${algorithm}`);
      assert.equal(r.status, 200, `${algorithm}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.responses.q.total.value, TWINS);
    }
    const algorithms = await call(`${api.url}/algorithms`);
    const names = algorithms.body.algorithms.map((a: { name: string }) => a.name);
    for (const name of ['logic-v1', 'regression-v1']) assert.ok(names.includes(name), `GET /algorithms lists ${name}`);
  });

});

describe('GET /catalog and /algorithms carry the fields yente 5.5 models require', () => {
  it("publisher with country and country_label, thing_count; every feature's url a string", async () => {
    const catalog = await call(`${api.url}/catalog`);
    const un = catalog.body.datasets.find((d: { name: string }) => d.name === 'un_sc_sanctions');
    assert.deepEqual(un.publisher, { name: 'United Nations Security Council', url: null, country: null, country_label: null });
    const ofac = catalog.body.datasets.find((d: { name: string }) => d.name === 'us_ofac_sdn');
    assert.equal(ofac.publisher.country, 'us');
    assert.match(ofac.publisher.country_label, /United States/);
    assert.equal(un.thing_count, un.target_count);
    assert.equal(un.thing_count, everyone.filter((p) => p.datasets.includes('un_sc_sanctions')).length);
    const algorithms = await call(`${api.url}/algorithms`);
    for (const a of algorithms.body.algorithms) for (const f of Object.values(a.features) as Array<{ url: unknown }>) assert.equal(typeof f.url, 'string');
  });
});

describe('POST /updatez, as yente', () => {
  it('checks for new list versions: at once, or with sync=True once the index serves them', async () => {
    for (const query of ['', '?sync=True', '?token=secret&sync=false']) {
      const r = await call(`${api.url}/updatez${query}`, { method: 'POST' });
      assert.equal(r.status, 200, `${query}: ${JSON.stringify(r.body)}`);
      assert.deepEqual(r.body, { status: 'ok' });
    }
    assert.equal((await call(`${api.url}/readyz`)).status, 200, 'still serving');
  });
});

describe('booleans as Python clients send them', () => {
  it('nested=False, 0, no, off leave adjacent records out; True, 1, yes, on nest them; anything else is 422', async () => {
    const nested = async (value: string) => {
      const r = await call(`${api.url}/entities/un-KPi.033?nested=${value}`);
      assert.equal(r.status, 200, `${value}: ${JSON.stringify(r.body)}`);
      return typeof r.body.properties.sanctions?.[0] === 'object';
    };
    for (const value of ['False', 'false', '0', 'no', 'OFF', 'f']) assert.equal(await nested(value), false, value);
    for (const value of ['True', 'true', '1', 'yes', 'On', 't']) assert.equal(await nested(value), true, value);
    const bad = await call(`${api.url}/entities/un-KPi.033?nested=maybe`);
    assert.equal(bad.status, 422);
    assert.match(JSON.stringify(bad.body.detail), /nested/);
    assert.equal((await call(`${api.url}/search/default?q=ri+won+ho&fuzzy=False&simple=True`)).status, 200);
  });
});

describe('GET /search with yente filters, operator, sort and target', () => {
  it('filter=field:value on a property, a type group and a record field, checked against every listed party', async () => {
    const born1964 = everyone.filter((p) => (p.properties.birthDate ?? []).some((d) => d.startsWith('1964')));
    assert.ok(born1964.length > 1);
    assert.deepEqual(ids((await search('filter=properties.birthDate:1964&limit=500')).results), ids(born1964));

    const female = everyone.filter((p) => (p.properties.gender ?? []).includes('female'));
    assert.ok(female.length > 0);
    assert.deepEqual(ids((await search('filter=genders:female&limit=500')).results), ids(female));

    const twins = await search('filter=datasets:test_twins&filter=schema:Person&limit=500');
    assert.equal(twins.total.value, TWINS);
    // an empty value filters nothing, as yente drops empty values
    assert.equal((await search('filter=datasets:test_twins&filter=properties.birthDate:')).total.value, TWINS);
    // several values of one field: any of them (OR, yente's default)
    const bornIn = (p: Party, year: string) => (p.properties.birthDate ?? []).some((d) => d.startsWith(year));
    const either = await search('filter=properties.birthDate:1950&filter=properties.birthDate:1951&limit=500');
    assert.deepEqual(ids(either.results), ids(everyone.filter((p) => bornIn(p, '1950') || bornIn(p, '1951'))));
    assert.ok(ids(either.results).includes('twin-0') && ids(either.results).includes('twin-1'));
  });

  it('filter_op=AND asks for every value of a field; countries, topics and datasets follow it too', async () => {
    const bornIn = (p: Party, year: string) => (p.properties.birthDate ?? []).some((d) => d.startsWith(year));
    const both = await search('filter=properties.birthDate:1950&filter=properties.birthDate:1951&filter_op=AND&limit=500');
    assert.deepEqual(ids(both.results), ids(everyone.filter((p) => bornIn(p, '1950') && bornIn(p, '1951'))));
    assert.ok(!ids(both.results).includes('twin-0'));
    const kp = everyone.filter((p) => (p.properties.nationality ?? []).includes('kp') || (p.properties.country ?? []).includes('kp'));
    const or = await search('countries=kp&countries=ir&limit=500');
    const and = await search('countries=kp&countries=ir&filter_op=AND&limit=500');
    assert.ok(or.total.value >= kp.length && and.total.value < or.total.value, `OR ${or.total.value}, AND ${and.total.value}, kp ${kp.length}`);
    const datasetsAnd = await search('datasets=un_sc_sanctions&datasets=test_twins&filter_op=AND');
    assert.equal(datasetsAnd.total.value, 0, 'no party is on both lists');
  });

  it('sort=field:asc|desc before paging, missing values last; _score accepted', async () => {
    const desc = await search('filter=datasets:test_twins&sort=properties.birthDate:desc');
    assert.deepEqual(
      desc.results.map((p) => p.id),
      Array.from({ length: TWINS }, (_, i) => `twin-${TWINS - 1 - i}`),
    );
    const byCaption = await search('q=ri+won+ho&sort=caption&sort=_score&limit=20');
    const captions = byCaption.results.map((p) => p.caption);
    assert.deepEqual(captions, [...captions].sort());
    const page = await search('filter=datasets:test_twins&sort=properties.birthDate:asc&limit=2&offset=2');
    assert.deepEqual(page.results.map((p) => p.id), ['twin-2', 'twin-3']);
  });

  it('target=true keeps every listed party; target=false finds none (only listed parties are searched)', async () => {
    assert.equal((await search('target=true&limit=1')).total.value, everyone.length);
    assert.equal((await search('target=False&limit=1')).total.value, 0);
  });

  it('identifiers and genders facets', async () => {
    const r = await search('filter=datasets:test_twins&facets=genders&facets=identifiers');
    assert.deepEqual(Object.keys(r.facets).sort(), ['genders', 'identifiers']);
    const genders = Object.fromEntries(r.facets.genders.values.map((v) => [v.name, v.count]));
    assert.deepEqual(genders, { male: Math.ceil(TWINS / 2), female: Math.floor(TWINS / 2) });
    const withIds = await search('q=ri+won+ho&facets=identifiers&limit=1');
    assert.ok(Array.isArray(withIds.facets.identifiers.values));
  });

  it('a malformed filter, an unknown field or sort key: 400 saying what is accepted', async () => {
    for (const [query, detail] of [
      ['filter=birthDate1964', /Invalid filter: "birthDate1964" \(expected field:value\)/],
      ['filter=bogus:1', /unknown field "bogus".*properties\.<name>/],
      ['filter=properties.nope:1', /unknown field "properties\.nope"/],
      ['sort=bogus', /Invalid sort field/],
      ['sort=caption:sideways', /Invalid sort order/],
    ] as const) {
      const r = await call(`${api.url}/search/default?${query}`);
      assert.equal(r.status, 400, `${query}: ${JSON.stringify(r.body)}`);
      assert.match(r.body.detail, detail);
    }
    assert.equal((await call(`${api.url}/search/default?filter_op=XOR`)).status, 422);
  });
});

describe('OpenRefine reconciliation at /reconcile/{dataset}, as yente serves it', () => {
  const service = () => `${api.url}/reconcile/default`;
  const form = (fields: Record<string, unknown>) =>
    call(service(), { raw: new URLSearchParams(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, JSON.stringify(v)]))).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

  it('serves a manifest pointing OpenRefine at its suggest and extend services', async () => {
    const r = await call(service());
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.versions, ['0.2']);
    assert.equal(r.body.suggest.entity.service_url, service());
    assert.equal(r.body.view.url, `${service()}/preview?id={{id}}`);
    assert.equal(r.body.preview.url, `${service()}/preview?id={{id}}`);
    assert.ok(r.body.defaultTypes.some((t: { id: string }) => t.id === 'Person'));
    assert.equal((await call(`${api.url}/reconcile/nope`)).status, 404);
  });

  it('answers form-encoded queries with scored candidates, screened as /match screens them', async () => {
    const r = await form({ queries: { a: { query: 'Quillon Barstrade', type: 'Person', limit: 3 }, b: { query: 'Ri Won Ho', properties: [{ pid: 'Person:birthDate', v: '1964-07-17' }] } } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.headers.get('x-batch-size'), '2');
    assert.equal(r.body.a.result.length, 3);
    for (const c of r.body.a.result) {
      assert.match(c.id, /^twin-/);
      assert.equal(c.name, 'Quillon Barstrade');
      assert.equal(c.match, true);
      assert.deepEqual(c.type.map((t: { id: string }) => t.id), ['Person']);
    }
    const viaMatch = await match({ queries: { q: { schema: 'Thing', properties: { name: ['Ri Won Ho'], birthDate: ['1964-07-17'] } } } }, '?cutoff=0&limit=5');
    const top = viaMatch.body.responses.q.results[0];
    assert.equal(r.body.b.result[0].id, top.id);
    assert.equal(r.body.b.result[0].score, top.score);
    // a JSON body works too
    const json = await call(service(), { body: { queries: { a: { query: 'Quillon Barstrade' } } } });
    assert.equal(json.body.a.result[0].name, 'Quillon Barstrade');
  });

  it('suggests parties, types and properties, proposes properties and extends rows with them', async () => {
    const entity = await call(`${service()}/suggest/entity?prefix=Quillon`);
    assert.equal(entity.status, 200);
    assert.ok(entity.body.result.length > 0 && entity.body.result.every((e: { name: string }) => e.name === 'Quillon Barstrade'));
    const type = await call(`${service()}/suggest/type?prefix=peop`);
    assert.deepEqual(type.body.result.map((t: { id: string }) => t.id), ['Person']);
    const prop = await call(`${service()}/suggest/property?prefix=birth`);
    assert.ok(prop.body.result.some((p: { id: string }) => p.id === 'Person:birthDate'));
    const proposed = await call(`${service()}/extend/property?type=Person`);
    assert.ok(proposed.body.properties.some((p: { id: string }) => p.id === 'nationality'));
    const ext = await form({ extend: { ids: ['un-KPi.033', 'twin-3', 'nobody'], properties: [{ id: 'nationality' }, { id: 'birthDate', settings: { limit: 1 } }, { id: 'nationality-raw' }] } });
    assert.equal(ext.status, 200, JSON.stringify(ext.body));
    assert.deepEqual(ext.body.rows['un-KPi.033'].nationality, [{ str: 'North Korea' }]);
    assert.deepEqual(ext.body.rows['twin-3'].birthDate, [{ str: '1953-03-04' }]);
    assert.deepEqual(ext.body.rows.nobody, {});
    assert.deepEqual(ext.body.meta.map((m: { id: string }) => m.id), ['nationality', 'birthDate']);
  });

  it('previews a candidate as a small HTML card, its text escaped', async () => {
    const r = await fetch(`${service()}/preview?id=un-KPi.033`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
    const html = await r.text();
    assert.match(html, /<h1>RI WON HO<\/h1>/);
    assert.match(html, /North Korea/);
    assert.match(html, /1964-07-17/);
    assert.doesNotMatch(html, /<script/i);
    const markup = await (await fetch(`${service()}/preview?id=markup-1`)).text();
    assert.match(markup, /Zyx &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;Co&quot;/);
    assert.doesNotMatch(markup, /<script/i);
    assert.equal((await call(`${service()}/preview?id=nobody`)).status, 404);
    assert.equal((await call(`${service()}/preview`)).status, 422);
  });

  it('bad requests: 400 with a detail, never a 500', async () => {
    const bad = await call(service(), { raw: 'queries=%7Bnot-json', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(bad.status, 400);
    assert.match(bad.body.detail, /queries is not valid JSON/);
    assert.equal((await call(service(), { raw: 'nothing=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status, 400);
    const many = await form({ queries: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, { query: 'x' }])) });
    assert.equal(many.status, 400);
    assert.match(many.body.detail, /Too many queries/);
    assert.equal((await form({ queries: { a: { query: 'x', type: 'Sanction' } } })).status, 400);
    assert.match((await form({ queries: { a: { query: 'x', properties: { pid: 'birthDate' } } } })).body.detail, /properties must be a list/);
    assert.equal((await form({ queries: { a: { query: 42, type: 7, limit: 'many' } } })).status, 400);
    assert.equal((await form({ extend: { ids: ['un-KPi.033'], properties: [null, 'nationality', { id: 'nationality', settings: { limit: 'x' } }] } })).status, 200);
    assert.equal((await form({ extend: { ids: 'un-KPi.033' } })).status, 400);
    // other routes still speak JSON only
    assert.equal((await call(`${api.url}/match/default`, { raw: 'queries=%7B%7D', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status, 415);
  });
});
