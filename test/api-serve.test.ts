// `interdict serve` as an operator runs it: a child process on a random port, open on loopback with a
// warning, and a graceful stop: on SIGTERM requests in flight are answered, then it exits 0.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { call, importFiles, waitReady } from './api-helpers.js';
import { listFile, tempHome } from './helpers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('interdict serve', () => {
  it('finishes requests in flight on SIGTERM, then exits 0', async () => {
    const home = tempHome();
    try {
      await importFiles([listFile('un', 'consolidated.xml')]);
      const child = spawn(process.execPath, [join(process.cwd(), 'dist', 'src', 'cli', 'main.js'), 'serve', '--port', '0', '--rate-limit', '0'], {
        env: process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const logs: Array<{ msg?: string; level?: number }> = [];
      const url = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).on('line', (line) => {
          const entry = JSON.parse(line);
          logs.push(entry);
          const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(entry.msg ?? '');
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`serve exited early (${code})`)));
      });
      await waitReady(url);
      assert.ok(logs.some((l) => /no API keys exist/.test(l.msg ?? '')), 'running open is logged as a warning');
      const batch = { queries: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`q${i}`, { schema: 'Person', properties: { name: [`Kim ${i}`] } }])) };
      const received = () => logs.filter((l) => l.msg === 'incoming request').length;
      const before = received();
      const inFlight = Array.from({ length: 4 }, () => call(`${url}/match/default`, { body: batch }));
      while (received() < before + 4) await sleep(5); // every request has reached the server
      child.kill('SIGTERM');
      const answers = await Promise.all(inFlight);
      assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 200]);
      assert.equal(Object.keys(answers[0].body.responses).length, 20);
      assert.equal(await exited, 0);
      assert.ok(logs.some((l) => l.msg === 'stopped'));
      await assert.rejects(fetch(`${url}/healthz`), 'no longer accepting connections');
    } finally {
      home.cleanup();
    }
  });
});
