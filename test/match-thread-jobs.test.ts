// Jobs for screening threads: the dispatch of batch screening. The threads here are plain records of what they
// were sent; the batch runs over real threads in its own tests (match-cli).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ThreadJobs } from '../src/match/thread-jobs.js';

interface Thread {
  name: string;
  sent: number[];
}

const thread = (name: string): Thread => ({ name, sent: [] });
const send = (t: Thread, id: number) => t.sent.push(id);

test('each job goes to the thread with the fewest unanswered, and answers come back by id', async () => {
  const jobs = new ThreadJobs<Thread>();
  const a = thread('a');
  const b = thread('b');
  const first = jobs.run<string>([a, b], send);
  const second = jobs.run<string>([a, b], send);
  const third = jobs.run<string>([a, b], send);
  assert.deepEqual([a.sent.length, b.sent.length], [2, 1]);
  assert.equal(jobs.inFlight(a), 2);
  // answers in any order
  assert.equal(jobs.settle(b.sent[0], { ok: true, value: 'second' }), b);
  assert.equal(jobs.settle(a.sent[1], { ok: false, error: new Error('bad input') }), a);
  assert.equal(jobs.settle(a.sent[0], { ok: true, value: 'first' }), a);
  assert.equal(await first, 'first');
  assert.equal(await second, 'second');
  await assert.rejects(third, /bad input/);
  assert.equal(jobs.inFlight(a), 0);
  // both idle: the first thread listed; with it busy, the other, whatever each has had before
  const busy = jobs.run<string>([a, b], send);
  assert.equal(a.sent.length, 3);
  const fourth = jobs.run<string>([a, b], send);
  assert.equal(b.sent.length, 2);
  jobs.settle(b.sent[1], { ok: true, value: 'fourth' });
  jobs.settle(a.sent[2], { ok: true, value: 'busy' });
  assert.equal(await busy, 'busy');
  assert.equal(await fourth, 'fourth');
  // an answer nobody waits for (a duplicate, or for a failed thread) changes nothing
  assert.equal(jobs.settle(999, { ok: true, value: 'late' }), undefined);
});

test('failAll fails every job of every thread; a late answer changes nothing', async () => {
  const jobs = new ThreadJobs<Thread>();
  const a = thread('a');
  const b = thread('b');
  const onA = jobs.run([a, b], send);
  const onB = jobs.run([a, b], send);
  const later = jobs.run([b], send);
  jobs.failAll(new Error('shutdown'));
  await assert.rejects(onA, /shutdown/);
  await assert.rejects(onB, /shutdown/);
  await assert.rejects(later, /shutdown/);
  assert.equal(jobs.inFlight(a), 0);
  assert.equal(jobs.inFlight(b), 0);
  assert.equal(jobs.settle(a.sent[0], { ok: true, value: 'too late' }), undefined);
});

test('a job that cannot be sent is rejected', async () => {
  const jobs = new ThreadJobs<Thread>();
  const a = thread('a');
  const broken = jobs.run([a], () => {
    throw new Error('port closed');
  });
  await assert.rejects(broken, /port closed/);
  assert.equal(jobs.inFlight(a), 0);
});
