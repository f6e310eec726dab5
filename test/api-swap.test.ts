// Hot swap under load, over real HTTP: requests keep flowing while `interdict import` adds a second list
// in another process; not one fails, and the new list's parties appear once the new index is swapped in.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, importInChild, startApi } from './api-helpers.js';
import { listFile, readAll } from './helpers.js';
import { FORMATS } from '../src/sources/registry.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Names of listed parties in the Canadian list that the UN list does not have. */
async function canadianNames(): Promise<string[]> {
  const format = FORMATS.find((f) => f.dataset === 'ca_dfatd_sema_sanctions')!;
  const { entities } = await readAll(format, [listFile('ca', 'sema-lmes.xml')]);
  return entities.filter((e) => e.target && e.schema === 'Person' && e.properties.name?.[0]).map((e) => e.properties.name[0]).slice(0, 40);
}

describe('hot swap under load', () => {
  it('imports a second list while requests flow: zero failed requests, new parties served after the swap', async () => {
    const names = await canadianNames();
    assert.ok(names.length >= 20);
    const api = await startApi([listFile('un', 'consolidated.xml')], { pollIntervalMs: 250 });
    try {
      const statuses = new Map<number, number>();
      let canadianHits = 0;
      let requests = 0;
      let running = true;
      const batch = { queries: Object.fromEntries(names.slice(0, 10).map((n, i) => [`c${i}`, { schema: 'Person', properties: { name: [n] } }])) };
      const loop = async (worker: number) => {
        for (let i = worker; running; i++) {
          // mostly single queries, every fifth a 10-query batch so long requests are in flight at the swap
          const body = i % 5 === 0 ? batch : { queries: { q: { schema: 'Person', properties: { name: [i % 2 ? names[i % names.length] : 'Ri Won Ho'] } } } };
          const r = await call(`${api.url}/match/default`, { body });
          requests++;
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          if (r.status === 200) {
            for (const resp of Object.values(r.body.responses) as Array<{ results: Array<{ datasets: string[] }> }>) {
              if (resp.results.some((x) => x.datasets.includes('ca_dfatd_sema_sanctions'))) canadianHits++;
            }
          }
        }
      };
      const loops = Array.from({ length: 4 }, (_, w) => loop(w));
      await sleep(500);
      assert.equal(canadianHits, 0, 'no Canadian party before the import');
      const imported = await importInChild([listFile('ca', 'sema-lmes.xml')]);
      assert.equal(imported.code, 0, imported.stderr);
      // the poller notices, a new index is built beside the serving one, then swapped in
      const deadline = Date.now() + 30_000;
      while (!(await call(`${api.url}/readyz`)).body.index?.versions.ca_dfatd_sema_sanctions) {
        assert.ok(Date.now() < deadline, 'the new list was not picked up within 30 s');
        await sleep(100);
      }
      const hitsAtSwap = canadianHits;
      await sleep(1000);
      running = false;
      await Promise.all(loops);

      assert.deepEqual([...statuses.keys()], [200], `non-200 answers: ${JSON.stringify([...statuses])}`);
      assert.ok(requests > 50, `only ${requests} requests were made`);
      assert.ok(canadianHits > hitsAtSwap, 'Canadian parties are matched after the swap');
      const ready = await call(`${api.url}/readyz`);
      assert.equal(ready.body.index.generation, 2);
      assert.match(ready.body.index.versions.un_sc_sanctions, /^2026-02-27-/);
      const top = await call(`${api.url}/match/default`, { body: { queries: { q: { schema: 'Person', properties: { name: [names[0]] } } } } });
      assert.ok(top.body.responses.q.results.some((x: { datasets: string[] }) => x.datasets.includes('ca_dfatd_sema_sanctions')));
      const catalog = await call(`${api.url}/catalog`);
      assert.ok(catalog.body.current.includes('ca_dfatd_sema_sanctions'));
      assert.equal(catalog.body.index_stale, false);
      const metrics = await call(`${api.url}/metrics`);
      assert.match(metrics.body, /interdict_index_swaps_total 1/);
    } finally {
      await api.close();
    }
  });
});
