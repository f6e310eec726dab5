// `interdict update` against a local HTTP server that serves the shared files, a truncated file and a 500.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { saveSettings } from '../src/settings.js';
import { updateDataset } from '../src/cli/commands/update.js';
import { openListStore } from '../src/cli/commands/lists.js';
import { listFile, tempHome } from './helpers.js';

const UN = readFileSync(listFile('un', 'consolidated.xml'));
const UN_ETAG = `"${createHash('sha1').update(UN).digest('hex')}"`;

async function publisher(): Promise<{ server: Server; base: string; hits: Record<string, number> }> {
  const hits: Record<string, number> = {};
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    hits[url] = (hits[url] ?? 0) + 1;
    if (url === '/un/consolidated.xml') {
      if (req.headers['if-none-match'] === UN_ETAG) return res.writeHead(304).end();
      return res.writeHead(200, { etag: UN_ETAG, 'content-type': 'application/xml' }).end(UN);
    }
    if (url === '/truncated/consolidated.xml') return res.writeHead(200).end(UN.subarray(0, 700_000));
    if (url === '/partial/consolidated.xml') {
      // promise the whole file, send a third, then drop the connection
      res.writeHead(200, { 'content-length': String(UN.length) });
      res.write(UN.subarray(0, 600_000));
      return setTimeout(() => res.destroy(), 20);
    }
    if (url === '/error/consolidated.xml') return res.writeHead(500).end('internal error');
    res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

const fast = { retries: 1, backoffMs: 5, timeoutMs: 5000 };

test('update downloads, imports, then asks "changed since?" and keeps the version on every kind of failure', async () => {
  const home = tempHome();
  const { server, base, hits } = await publisher();
  try {
    const use = (path: string) => saveSettings({ sources: { un_sc_sanctions: { urls: [`${base}${path}`] } } });

    use('/un/consolidated.xml');
    const first = await updateDataset('un_sc_sanctions', fast);
    assert.equal(first.status, 'imported', first.error);
    assert.equal(first.version?.entities, 1003);
    const active = first.version!.version;

    const second = await updateDataset('un_sc_sanctions', fast);
    assert.equal(second.status, 'unchanged', 'a 304 answer imports nothing');
    assert.equal(hits['/un/consolidated.xml'], 2);

    for (const [path, reason] of [
      ['/truncated/consolidated.xml', /malformed XML|truncated|consolidated\.xml/],
      ['/partial/consolidated.xml', /partial|terminated|socket|fetch failed/i],
      ['/error/consolidated.xml', /HTTP 500/],
      ['/missing/consolidated.xml', /HTTP 404/],
    ] as const) {
      use(path);
      const outcome = await updateDataset('un_sc_sanctions', fast);
      assert.equal(outcome.status, 'failed', path);
      assert.match(outcome.error ?? '', reason, path);
      assert.match(outcome.error ?? '', /current version kept/);
      const store = openListStore();
      assert.equal(store.activeVersions().find((v) => v.dataset === 'un_sc_sanctions')?.version, active, `${path} leaves the active version`);
      assert.equal(store.versions('un_sc_sanctions').length, 1);
    }
    assert.equal(hits['/error/consolidated.xml'], 2, 'a 500 is retried');
    assert.equal(hits['/missing/consolidated.xml'], 1, 'a 404 is not retried');
  } finally {
    server.close();
    home.cleanup();
  }
});
