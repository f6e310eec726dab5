// Several screening workers behind one server: a /match batch is shared out among them and still answered
// query by query, in order, exactly as each query is answered on its own.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, startApi, type Api } from './api-helpers.js';
import { splitEvenly } from '../src/api/pool.js';
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
  });
});
