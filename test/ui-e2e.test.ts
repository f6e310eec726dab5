// The analyst UI end to end, in real headless Chromium against the real `interdict serve`: UN list imported,
// API key entered, portfolio uploaded through the page, monitoring run → alerts; one alert decided false
// positive from the keyboard with a reason → the decision is in the audit trail; OFAC imported and re-run →
// only the new OFAC hits alert and the decided one stays quiet; list diff, dashboard, printable report (and
// its PDF). Screenshots go to test-output/ui/ (or $INTERDICT_TEST_OUTPUT) for review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer as netServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runImport } from '../src/cli/commands/lists.js';
import { KeyStore } from '../src/api/keys.js';
import { openSql } from '../src/store/sql.js';
import { listFile, tempHome } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CLI = join(process.cwd(), 'dist', 'src', 'cli', 'main.js');
const WEB_INDEX = join(process.cwd(), 'dist', 'web', 'index.html');
const OUT = process.env.INTERDICT_TEST_OUTPUT ?? join(process.cwd(), 'test-output', 'ui');
const UN_VERSION = '2026-02-27-66b392a4';

const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} not found: install Debian's chromium (apt-get install chromium) to run the analyst-UI tests`;

/** `interdict import`, in this process (what the command runs, without paying for a node start each time). */
async function importList(...parts: string[]): Promise<void> {
  const { results } = await runImport([listFile(...parts)], { json: true });
  assert.equal(results[0]?.status, 'imported');
}

async function createKey(name: string): Promise<string> {
  const sql = await openSql('');
  try {
    return (await (await KeyStore.open(sql)).create(name, 'analyst')).key;
  } finally {
    await sql.close();
  }
}

async function freePort(): Promise<number> {
  const srv = netServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as { port: number }).port;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

async function startServer(env: NodeJS.ProcessEnv): Promise<{ url: string; proc: ChildProcess; log: () => string }> {
  const port = await freePort();
  let output = '';
  const proc = spawn(process.execPath, [CLI, 'serve', '--host', '127.0.0.1', '--port', String(port), '--log-level', 'info', '--poll-interval', '600'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout!.on('data', (d) => (output += d));
  proc.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`interdict serve exited (${proc.exitCode}): ${output}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return { url, proc, log: () => output };
    if (Date.now() > deadline) throw new Error(`interdict serve did not answer within 20 s: ${output}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function stopServer(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The UI is built by `npm run build`; build it here when a plain `tsc` left it out. */
function ensureWebBuilt(): void {
  if (existsSync(WEB_INDEX)) return;
  const r = spawnSync(process.execPath, [join(process.cwd(), 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web'], { encoding: 'utf8' });
  assert.equal(r.status, 0, `vite build failed: ${r.stderr}`);
}

const started = Date.now();
/** Screenshots for review; each logs how far the story got and when (visible with --test-reporter=spec). */
const mark = (what: string) => console.log(`${((Date.now() - started) / 1000).toFixed(1)}s ${what}`);
const shot = (page: Page, name: string) => {
  mark(name);
  return page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
};

async function runMonitoring(page: Page, runId: number): Promise<void> {
  await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
  await page.getByRole('button', { name: 'Run monitoring now' }).click();
  await page.locator(`tr[data-run="${runId}"][data-status="finished"]`).waitFor({ timeout: 30_000 });
}

test('analyst UI in Chromium: upload, monitor, decide, audit; OFAC re-run alerts only new hits', { skip, timeout: 120_000 }, async () => {
  ensureWebBuilt();
  mkdirSync(OUT, { recursive: true });
  const home = tempHome();
  // the whole story on the embedded store (the work store on PostgreSQL is covered by story.test.ts)
  process.env.INTERDICT_DATABASE_URL = '';
  const env = { ...process.env, INTERDICT_HOME: home.dir, INTERDICT_DATABASE_URL: '' };
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  try {
    await importList('un', 'consolidated.xml');
    mark('UN imported');
    const key = await createKey('ui-analyst');
    // the server and the browser start side by side
    const launching = chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    launching.catch(() => undefined); // a launch failure is reported where it is awaited
    server = await startServer(env).catch(async (err) => {
      await (await launching).close();
      throw err;
    });
    browser = await launching;
    const { url } = server;
    const api = async (path: string, init: RequestInit = {}) => fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, ...(init.headers ?? {}) } });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    mark('server and browser up');
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    // no key yet: the app says so and points at the key field
    await page.goto(`${url}/alerts`);
    await page.getByTestId('auth-banner').getByText('An API key is needed').waitFor();
    await shot(page, '01-needs-key');
    await page.getByLabel('API key', { exact: true }).fill(key);
    await page.getByRole('button', { name: 'Use key' }).click();
    await page.getByText('No open alerts').waitFor();
    assert.equal(await page.getByTestId('auth-banner').count(), 0, 'the banner goes once a valid key is in');

    // upload a portfolio through the page
    const csv = join(home.dir, 'customers.csv');
    writeFileSync(
      csv,
      [
        'id,name,schema,date_of_birth,nationality,country',
        'C1,Ri Won Ho,Person,1964-07-17,KP,',
        'C2,Korea Mining Development Trading Corporation,Company,,,KP',
        'C3,Maria Schneider,Person,1980-02-03,DE,',
        'C4,Gazprombank Joint Stock Company,Company,,,RU',
      ].join('\n') + '\n',
    );
    await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
    await page.locator('#portfolio-file').setInputFiles(csv);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByTestId('upload-result').getByText('4 added, 0 updated, 0 unchanged').waitFor();
    await page.getByRole('cell', { name: 'Gazprombank Joint Stock Company' }).waitFor();

    // monitoring run 1 against the UN list
    await runMonitoring(page, 1);
    await shot(page, '02-portfolio-run-1');

    // the queue: UN hits for C1 and C2, sorted by risk; nothing for the unlisted customers
    await page.getByRole('link', { name: 'Alerts', exact: true }).click();
    const rows = page.locator('table.queue tbody tr');
    await rows.first().waitFor();
    const queueText = await page.locator('table.queue').innerText();
    assert.match(queueText, /RI WON HO/);
    assert.match(queueText, /KOREA MINING DEVELOPMENT TRADING CORPORATION/);
    assert.doesNotMatch(queueText, /Maria Schneider|Gazprombank/);
    assert.match(queueText, new RegExp(UN_VERSION));
    await shot(page, '03-queue-after-un');

    // keyboard: j moves through the queue to Ri Won Ho, f opens the decision form with the reason focused
    let found = false;
    for (let i = 0; i < (await rows.count()) + 1 && !found; i++) {
      await page.keyboard.press('j');
      found = /Ri Won Ho/.test(await page.locator('table.queue tbody tr:focus').innerText().catch(() => ''));
    }
    assert.ok(found, 'j reaches the Ri Won Ho alert with visible focus');
    await page.keyboard.press('f');
    await page.waitForURL(/\/alerts\/\d+\?decide=false_positive/);
    const alertId = Number(/\/alerts\/(\d+)/.exec(page.url())![1]);
    await page.locator('#reason:focus').waitFor();
    // the customer record beside the listed party, as listed in the UN version
    const listed = page.getByRole('article', { name: 'Listed party' });
    await listed.getByText('381310014').first().waitFor();
    assert.match(await page.getByTestId('list-version').innerText(), new RegExp(`${UN_VERSION}[\\s\\S]*published 2026-02-27`));
    assert.match(await listed.innerText(), /Sanction[\s\S]*DPRK/);
    assert.match(await page.getByRole('article', { name: 'Customer record' }).innerText(), /1964-07-17/);
    assert.match(await page.locator('table.why').innerText(), /name_match/);
    // a decision without a reason is refused, in the page and by the API
    await page.keyboard.press('Control+Enter');
    await page.getByText('A reason is required').waitFor();
    const blank = await api(`/v1/alerts/${alertId}/decision`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ decision: 'false_positive', reason: '  ' }) });
    assert.equal(blank.status, 422);
    assert.match(((await blank.json()) as { detail: string }).detail, /reason is required/);
    const reason = 'Different person: customer born in Kaesong, passport 108210124 differs';
    await page.locator('#reason').fill(reason);
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('decision-saved').waitFor();
    await page.getByTestId('current-decision').getByText(reason).waitFor();
    await shot(page, '04-alert-decided');

    // the audit trail shows the decision, by the key's name, and the chain verifies
    await page.getByRole('link', { name: 'Audit trail', exact: true }).click();
    const decideRow = page.locator('tr[data-action="alert.decide"]');
    await decideRow.waitFor();
    const decideText = await decideRow.innerText();
    assert.match(decideText, /ui-analyst/);
    assert.match(decideText, /false_positive/);
    assert.match(decideText, new RegExp(reason));
    assert.match(decideText, new RegExp(UN_VERSION));
    await page.getByTestId('verify').getByText('Hash chain intact').waitFor();
    await shot(page, '05-audit');

    // OFAC consolidated list imported, run again: only new OFAC hits alert; the decided UN hit stays quiet
    await importList('ofac', 'cons-xml-2026-01-08', 'consolidated.xml');
    await runMonitoring(page, 2);
    const run2 = (await (await api('/v1/monitor/runs/2')).json()) as { alerts_created: number; list_versions: Record<string, string> };
    assert.ok(run2.alerts_created > 0, 'OFAC brings new hits');
    assert.ok(run2.list_versions.us_ofac_cons, 'run 2 screened against the OFAC list');
    const all = (await (await api('/v1/alerts?limit=1000')).json()) as { results: Array<{ id: number; entity: string; run_id: number; status: string; record: string }> };
    const fresh = all.results.filter((a) => a.run_id === 2);
    assert.equal(fresh.length, run2.alerts_created);
    assert.ok(fresh.every((a) => a.entity.startsWith('ofac-')), `only OFAC hits are new: ${JSON.stringify(fresh)}`);
    assert.ok(fresh.some((a) => a.record === 'C4'), 'Gazprombank is on the OFAC consolidated list');
    await page.getByRole('link', { name: 'Alerts', exact: true }).click();
    await page.locator('table.queue').getByText(/GAZPROMBANK/i).first().waitFor();
    await shot(page, '06-queue-after-ofac');
    await page.getByLabel('Status', { exact: true }).selectOption('decided');
    await page.waitForURL(/status=decided/);
    await page.locator(`table.queue tr[data-alert="${alertId}"]`).waitFor();
    assert.equal(await page.locator('table.queue tbody tr').count(), 1, 'the decided false positive is the only decided alert, not re-raised');

    // lists: an older OFAC consolidated publication, then the diff between the two versions
    await importList('ofac', 'cons-csv-2025-12-19');
    await page.getByRole('link', { name: 'Lists', exact: true }).click();
    await page.getByLabel('List', { exact: true }).selectOption('us_ofac_cons');
    const diff = page.getByTestId('diff');
    await diff.waitFor({ timeout: 40_000 }); // once the server's index is built (the page retries until then)
    assert.match(await diff.innerText(), /From 2025-12-19-\w+ \(published 2025-12-19\) to 2026-01-08-\w+ \(published 2026-01-08\)/);
    await shot(page, '07-lists-diff');

    // dashboard charts
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.getByTestId('chart-decisions').getByText('False positive', { exact: true }).waitFor();
    assert.equal(await page.getByTestId('chart-per-day').locator('rect').count(), 30);
    await shot(page, '08-dashboard');

    // the printable report of C1: what was screened, against which versions, the hits and the decision
    await page.goto(`${url}/reports/C1`);
    const report = page.frameLocator('iframe.report');
    await report.getByText('Screening report: Ri Won Ho').waitFor();
    const reportText = await report.locator('body').innerText();
    assert.match(reportText, new RegExp(UN_VERSION));
    assert.match(reportText, /False positive/);
    assert.match(reportText, new RegExp(reason));
    assert.match(reportText, /hash chain intact/);
    await shot(page, '09-report');
    const html = await (await api('/v1/reports/C1')).text();
    const printPage = await browser.newPage();
    await printPage.setContent(html);
    const pdf = await printPage.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(OUT, 'report-C1.pdf'), pdf);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.ok(pdf.length > 10_000, `a real PDF (${pdf.length} bytes)`);

    assert.deepEqual(pageErrors, [], 'no script errors in the page');
  } catch (err) {
    if (page) await shot(page, 'failure').catch(() => undefined);
    if (server) console.log(server.log().split('\n').filter((l) => !/"reqId"/.test(l)).slice(-30).join('\n'));
    throw err;
  } finally {
    await browser?.close();
    if (server) await stopServer(server.proc);
    home.cleanup();
  }
});
