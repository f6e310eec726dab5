// One queue for a generation's screening threads: every job is posted to every thread and the first to claim
// it runs it. The threads here are plain records of what they were posted, claiming through the same shared
// table the worker threads use; the HTTP pool runs over real threads in api-workers, api-swap and api-serve.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { CLAIM_SLOTS, ClaimTable, SharedJobs } from '../src/api/shared-jobs.js';

interface Thread {
  no: number;
  posted: number[];
}

const thread = (no: number): Thread => ({ no, posted: [] });
const post = (t: Thread, id: number) => t.posted.push(id);
const options = {
  timeoutMs: 60_000,
  onStuck: () => assert.fail('no job is stuck here'),
  unclaimed: () => new Error('nobody took it'),
  full: () => new Error('table full'),
};

test('a job is posted to every thread of its group (to the first alone when none is busy), run by the first to claim it, and answered by id', async () => {
  const claims = new ClaimTable();
  const jobs = new SharedJobs<string, Thread>(claims);
  const a = thread(1);
  const b = thread(2);
  const threads = () => [a, b];
  const busy = jobs.offer<string>('g1', threads, post, options);
  assert.deepEqual([a.posted.length, b.posted.length], [1, 0], 'nothing in flight: the first thread alone is woken');
  assert.equal(claims.claim(a.posted[0], a.no), true);
  const first = jobs.offer<string>('g1', threads, post, options);
  const second = jobs.offer<string>('g1', threads, post, options);
  assert.equal(jobs.outstanding('g1'), 3);
  const [, one, two] = a.posted;
  assert.deepEqual(b.posted, [one, two], 'a job in flight: every thread is offered the next ones');
  // a is busy; b is free first and takes both; a reaches them later and must skip them
  assert.equal(claims.claim(one, b.no), true);
  assert.equal(claims.claim(two, b.no), true);
  assert.equal(claims.claim(one, a.no), false);
  assert.equal(claims.owner(one), b.no);
  assert.equal(claims.owner(a.posted[0]), a.no);
  // answers in any order
  await new Promise((r) => setTimeout(r, 5));
  const settled = jobs.settle(two, { ok: true, value: 'second' });
  assert.equal(settled?.group, 'g1');
  assert.ok(settled.elapsedMs >= 3 && settled.elapsedMs < 10_000, `the round trip is measured from the offer (${settled.elapsedMs} ms)`);
  assert.equal(jobs.settle(one, { ok: false, error: new Error('bad input') })?.group, 'g1');
  assert.equal(jobs.settle(a.posted[0], { ok: true, value: 'busy' })?.group, 'g1');
  assert.equal(await second, 'second');
  await assert.rejects(first, /bad input/);
  assert.equal(await busy, 'busy');
  assert.equal(jobs.outstanding('g1'), 0);
  // an answer nobody waits for (a duplicate, a job already failed) changes nothing
  assert.equal(jobs.settle(one, { ok: true, value: 'late' }), undefined);
});

test('a stopped thread fails the jobs it took; the ones nobody took wait for the others, or fail with no thread left', async () => {
  const claims = new ClaimTable();
  const jobs = new SharedJobs<string, Thread>(claims);
  const a = thread(1);
  const b = thread(2);
  let live = [a, b];
  const taken = jobs.offer('g', () => live, post, options);
  const waiting = jobs.offer('g', () => live, post, options);
  assert.deepEqual(b.posted, [a.posted[1]]);
  const third = thread(3);
  const other = jobs.offer('h', () => [third], post, options);
  assert.equal(claims.claim(a.posted[0], a.no), true);
  live = [b];
  jobs.failThread('g', a, new Error('a stopped'), false);
  await assert.rejects(taken, /a stopped/);
  assert.equal(jobs.outstanding('g'), 1);
  // b is still there: the job nobody took is b's to take
  assert.equal(claims.claim(a.posted[1], b.no), true);
  jobs.settle(a.posted[1], { ok: true, value: 'by b' });
  assert.equal(await waiting, 'by b');
  // a job posted to one thread alone (none was busy) fails with it, though others are left
  const c = thread(4);
  live = [b, c];
  const alone = jobs.offer('g', () => live, post, options);
  assert.equal(c.posted.length, 0);
  jobs.failThread('g', b, new Error('b stopped'), false);
  await assert.rejects(alone, /b stopped/);
  // with no thread left, a job nobody took fails at once and can no longer be claimed
  const busy = jobs.offer('g', () => live, post, options);
  const orphan = jobs.offer('g', () => live, post, options);
  const orphanId = c.posted[c.posted.length - 1];
  claims.claim(c.posted[0], c.no);
  live = [];
  jobs.failThread('g', c, new Error('c stopped'), true);
  await assert.rejects(busy, /c stopped/);
  await assert.rejects(orphan, /c stopped/);
  assert.equal(claims.claim(orphanId, c.no), false);
  // another group is not touched
  assert.equal(jobs.outstanding('h'), 1);
  jobs.failThread('h', third, new Error('shutdown'), true);
  await assert.rejects(other, /shutdown/);
  assert.equal(jobs.outstanding('h'), 0);
});

test('a job nobody takes in time is withdrawn and fails; one held too long stops its thread; the group is reported idle each time', async () => {
  const claims = new ClaimTable();
  const idle: string[] = [];
  const jobs = new SharedJobs<string, Thread>(claims, (group) => idle.push(group));
  const a = thread(1);
  const stuck: Thread[] = [];
  const quick = { ...options, timeoutMs: 20, onStuck: (t: Thread) => stuck.push(t) };
  const untaken = jobs.offer('g', () => [a], post, quick);
  await assert.rejects(untaken, /nobody took it/);
  assert.equal(claims.claim(a.posted[0], a.no), false, 'a withdrawn job cannot be claimed any more');
  assert.deepEqual(idle, ['g'], 'a swapped-out generation waiting for its last job learns it is idle');
  const held = jobs.offer('g', () => [a], post, quick);
  claims.claim(a.posted[1], a.no);
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(stuck, [a]);
  // the pool stops the thread, which fails its jobs
  jobs.failThread('g', a, new Error('replaced'), true);
  await assert.rejects(held, /replaced/);
  assert.deepEqual(idle, ['g', 'g']);
});

test('the claim table refuses a job while the one offered in its slot is unanswered', async () => {
  const jobs = new SharedJobs<string, Thread>(new ClaimTable());
  const a = thread(1);
  const first = jobs.offer('g', () => [a], post, options);
  for (let i = 1; i < CLAIM_SLOTS; i++) void jobs.offer('g', () => [a], post, options).catch(() => undefined);
  await assert.rejects(jobs.offer('g', () => [a], post, options), /table full/);
  jobs.settle(a.posted[0], { ok: true, value: 'done' });
  assert.equal(await first, 'done');
  // its slot is free again
  const next = jobs.offer('g', () => [a], post, options);
  jobs.settle(a.posted[a.posted.length - 1], { ok: true, value: 'next' });
  assert.equal(await next, 'next');
  for (const id of a.posted) jobs.settle(id, { ok: true, value: 'end' });
  assert.equal(jobs.outstanding('g'), 0);
});

test('threads claim through shared memory: of two real threads racing for every job, exactly one takes each', async () => {
  const claims = new ClaimTable();
  const ids = Array.from({ length: 20_000 }, (_, i) => i + 1);
  for (const id of ids) claims.offer(id);
  // each thread tries every job in the same order, as both read the same messages
  const source = `
    const { workerData, parentPort } = require('node:worker_threads');
    const slots = new Int32Array(workerData.buffer);
    const won = [];
    for (let id = 1; id <= workerData.count; id++) if (Atomics.compareExchange(slots, id % ${CLAIM_SLOTS}, id, -workerData.no) === id) won.push(id);
    parentPort.postMessage(won);`;
  const race = (no: number) =>
    new Promise<number[]>((resolve, reject) => {
      const w = new Worker(source, { eval: true, workerData: { buffer: claims.buffer, no, count: ids.length } });
      w.once('message', resolve);
      w.once('error', reject);
    });
  const [one, two] = await Promise.all([race(1), race(2)]);
  assert.equal(one.length + two.length, ids.length);
  assert.deepEqual([...one, ...two].sort((x, y) => x - y), ids);
  for (const id of one) assert.equal(claims.owner(id), 1);
  for (const id of two) assert.equal(claims.owner(id), 2);
});
