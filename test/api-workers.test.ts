// Several screening workers behind one server: a /match batch is shared out among them and still answered
// query by query, in order, exactly as each query is answered on its own; workers stuck on a job are replaced.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, startApi, type Api } from './api-helpers.js';
import { ScreeningPool, splitEvenly } from '../src/api/pool.js';
import { ApiError } from '../src/api/errors.js';
import { databasePath } from '../src/config.js';
import { DEFAULT_ALGORITHM } from '../src/match/index.js';
import { openDb } from '../src/store/db.js';
import { ListStore } from '../src/store/lists.js';
import { listFile } from './helpers.js';

let api: Api;
before(async () => {
  api = await startApi([listFile('un', 'consolidated.xml')], { workers: 2 });
});
after(async () => {
  await api?.close();
});

describe('a server with two screening workers', () => {
  it('splits a batch into near-equal parts in order', () => {
    assert.deepEqual(splitEvenly([1, 2, 3, 4, 5, 6, 7], 2), [
      [1, 2, 3, 4],
      [5, 6, 7],
    ]);
    assert.deepEqual(splitEvenly([1, 2, 3], 3), [[1], [2], [3]]);
    assert.deepEqual(splitEvenly([1], 2), [[1]]);
    assert.deepEqual(splitEvenly(['a', 'b', 'c', 'd', 'e'], 4), [['a', 'b'], ['c'], ['d'], ['e']]);
  });

  it('answers a batch shared out among its workers as each query is answered alone', async () => {
    const names = ['Ri Won Ho', 'Kim Jong Un', 'Ким Чен Ын', '김정은', 'John Doe', 'Pak Chol Min', 'Korea Mining Development Trading Corporation'];
    const queries = Object.fromEntries(names.map((name, i) => [`q${i}`, { schema: i === names.length - 1 ? 'Company' : 'Person', properties: { name: [name] } }]));
    const batch = await call(`${api.url}/match/default`, { body: { queries } });
    assert.equal(batch.status, 200);
    assert.deepEqual(Object.keys(batch.body.responses), Object.keys(queries));
    assert.equal(batch.body.responses.q0.results[0].id, 'un-KPi.033');
    assert.ok(batch.body.responses.q6.results[0].match, 'the UN-listed company is found');
    for (const [key, query] of Object.entries(queries)) {
      const alone = await call(`${api.url}/match/default`, { body: { queries: { [key]: query } } });
      assert.deepEqual(batch.body.responses[key], alone.body.responses[key], key);
    }
    const metrics = await call(`${api.url}/metrics`);
    assert.match(metrics.body, /interdict_screening_workers 2\n/);
    assert.match(metrics.body, /interdict_screening_jobs_in_flight 0\n/);
  });
});

describe('a screening pool whose workers hold a job too long', () => {
  it('stops and replaces them, fails their jobs with 503, and goes on answering', async () => {
    // the store of the server above: the UN list
    const store = new ListStore(openDb());
    const versions = store.activeVersionIds();
    store.db.close();
    const errors: string[] = [];
    const log = { info: () => undefined, warn: () => undefined, error: (_obj: object, msg: string) => void errors.push(msg) };
    const pool = new ScreeningPool({ dbPath: databasePath(), workers: 2, jobTimeoutMs: 1000, log });
    const options = { limit: 5, threshold: 0.7, cutoff: 0.7, algorithm: DEFAULT_ALGORITHM, datasets: ['un_sc_sanctions'], excludeSchema: [], excludeIds: [], topics: [] };
    try {
      await pool.load(versions);
      // 100 queries of 50 long Arabic names each: about 0.1 s a query, so each worker's half runs past the timeout
      const words = 'محمد عبد الله الرحمن علي حسن حسين أحمد خالد عمر يوسف إبراهيم'.split(' ');
      const heavy = Array.from({ length: 100 }, (_, q) => ({
        schema: 'Person',
        properties: { name: Array.from({ length: 50 }, (_, i) => Array.from({ length: 12 }, (_, k) => words[(q + i * 7 + k * 3) % words.length]).join(' ')) },
      }));
      await assert.rejects(pool.run({ op: 'match', queries: heavy, options }), (err: ApiError) => err.statusCode === 503 && /worker stopped/.test(err.detail));
      assert.ok(errors.filter((m) => /timed out; replacing its worker/.test(m)).length >= 1, errors.join('; '));
      // the replacements build their index, then answer as before
      const normal = [{ schema: 'Person', properties: { name: ['Ri Won Ho'] } }];
      const deadline = Date.now() + 30_000;
      for (;;) {
        const answer = await pool.run({ op: 'match', queries: normal, options }).catch((err: ApiError) => err);
        if (!(answer instanceof ApiError)) {
          assert.equal(answer.value[0].results[0]?.id, 'un-KPi.033', 'Ri Won Ho is found on the UN list');
          break;
        }
        assert.equal(answer.statusCode, 503, answer.detail);
        assert.ok(Date.now() < deadline, 'no worker answered within 30 s of the replacements');
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(errors.filter((m) => /died; replacing it/.test(m)).length, 2, errors.join('; '));
    } finally {
      await pool.close();
    }
  });
});
