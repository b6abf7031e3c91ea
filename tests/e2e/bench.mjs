// `cargo xtask bench`: sizes and timings of the release build in headless
// Chromium. Every timing is the median and the minimum of RUNS runs, each in
// a fresh browser context; times are read inside the page
// (performance.now(), from the navigation's start), so the test driver's own
// latency is not in them. It prints a table and writes JSON; nothing here
// asserts a time.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';

const BASE = process.env.USERDESK_URL ?? 'http://127.0.0.1:8090';
const RUNS = 7;
const WATCHED = {
  loginForm: 'input[name="username"]',
  firstRow: '.table tbody tr',
  firstVirtualRow: '.vtable tbody tr:not(.vtable__spacer)',
};
const SERVERS = JSON.stringify({
  admin: { target: { mode: 'server', base_url: '/api/admin' }, version: '1.0' },
  profiles: { mode: 'server', base_url: '/api/profiles' },
  erp: { mode: 'server', base_url: '/api/erp' },
  websupport: { mode: 'server', base_url: '/api/websupport' },
});

/** Records, in the page, when each watched selector first appears (and the
 * frame after), when a form is submitted, and the wasm instance. */
function watch(watched) {
  window.__seen = {};
  window.__painted = {};
  addEventListener('TrunkApplicationStarted', (event) => { window.__wasm = event.detail.wasm; });
  addEventListener('submit', () => { window.__submitted = performance.now(); }, true);
  new MutationObserver(() => {
    for (const [name, selector] of Object.entries(watched)) {
      if (window.__seen[name] === undefined && document.querySelector(selector)) {
        window.__seen[name] = performance.now();
        requestAnimationFrame(() => { window.__painted[name] = performance.now(); });
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

async function freshPage(browser, { servers = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 850 } });
  const page = await context.newPage();
  if (servers) {
    await page.addInitScript((choice) => {
      if (!localStorage.getItem('userdesk.connections')) localStorage.setItem('userdesk.connections', choice);
    }, SERVERS);
  }
  await page.addInitScript(watch, WATCHED);
  return page;
}

const seen = (page, name) => page.waitForFunction((n) => window.__painted[n], name).then((h) => h.jsonValue());
const at = (page, expression) => page.evaluate(expression);

async function adminSignIn(page) {
  await page.goto(`${BASE}/admin/login`);
  const form = await seen(page, 'loginForm');
  await page.locator('input[name="username"]').fill('admin1');
  await page.locator('input[name="password"]').fill('admin1pass');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const row = await seen(page, 'firstRow');
  return { form, signIn: row - (await at(page, () => window.__submitted)) };
}

/** One run of the console's start, sign-in and users list. */
async function consoleRun(browser, servers) {
  const page = await freshPage(browser, { servers });
  const { form, signIn } = await adminSignIn(page);
  await page.goto(`${BASE}/admin/users`);
  const usersRow = await seen(page, 'firstRow');
  const client = await page.context().newCDPSession(page);
  const { usedSize } = await client.send('Runtime.getHeapUsage');
  const wasm = await at(page, () => window.__wasm?.memory?.buffer?.byteLength ?? 0);
  await page.context().close();
  return { form, signIn, usersRow, heap: usedSize, wasm };
}

/** One run of the 10,001-user Websupport list in Demo. */
async function bigListRun(browser) {
  const page = await freshPage(browser);
  await page.goto(`${BASE}/websupport/login`);
  await page.locator('input[name="api_key"]').fill('demo-websupport-key');
  await page.locator('input[name="secret"]').fill('demo-websupport-secret');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const painted = await seen(page, 'firstVirtualRow');
  const data = await at(page, () => performance.getEntriesByName('userdesk:list-data')[0]?.startTime ?? NaN);
  await page.locator('.vtable').evaluate((box) => { box.scrollTop = box.scrollHeight / 2; });
  await page.waitForTimeout(200);
  const rows = await page.locator('.vtable tbody tr:not(.vtable__spacer)').count();
  // Each keystroke: the input event and Leptos' update of the list, until
  // the next task runs (a MessageChannel task: after every microtask, with
  // no timer clamping); the frame that paints it is not counted.
  const keystrokes = await page.evaluate(async () => {
    const input = document.querySelector('input[name="q"]');
    const frame = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });
    const times = [];
    let typed = '';
    for (const letter of 'customer09') {
      typed += letter;
      const start = performance.now();
      input.value = typed;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      times.push(performance.now() - start);
    }
    return times;
  });
  const client = await page.context().newCDPSession(page);
  const { usedSize } = await client.send('Runtime.getHeapUsage');
  await page.context().close();
  return { dataToRows: painted - data, rows, keystrokes, heap: usedSize };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const runs = { demo: [], http: [], big: [] };
for (let run = 0; run < RUNS; run += 1) {
  runs.demo.push(await consoleRun(browser, false));
  runs.http.push(await consoleRun(browser, true));
  runs.big.push(await bigListRun(browser));
}
await browser.close();

const metric = (label, unit, values) => ({ label, unit, median: median(values), min: Math.min(...values), max: Math.max(...values) });
const metrics = {
  first_load_brotli: metric('Server mode first load (brotli)', 'B', [Number(process.env.BENCH_FIRST_LOAD_BROTLI ?? NaN)]),
  server_brotli: metric('Server mode, every page (brotli)', 'B', [Number(process.env.BENCH_SERVER_BROTLI ?? NaN)]),
  demo_brotli: metric('Demo adds (brotli)', 'B', [Number(process.env.BENCH_DEMO_BROTLI ?? NaN)]),
  login_form: metric('navigation → login form visible', 'ms', runs.demo.map((r) => r.form)),
  sign_in: metric('sign-in → first page ready (Demo)', 'ms', runs.demo.map((r) => r.signIn)),
  users_row_demo: metric('signed-in navigation → first users row, Demo', 'ms', runs.demo.map((r) => r.usersRow)),
  users_row_http: metric('signed-in navigation → first users row, HTTP', 'ms', runs.http.map((r) => r.usersRow)),
  js_heap: metric('JS heap after the users list (Demo)', 'B', runs.demo.map((r) => r.heap)),
  wasm_memory: metric('wasm memory after the users list (Demo)', 'B', runs.demo.map((r) => r.wasm)),
  big_data_to_rows: metric('10,001 users: data → first rows painted', 'ms', runs.big.map((r) => r.dataToRows)),
  big_dom_rows: metric('10,001 users: DOM rows while scrolled', 'rows', runs.big.map((r) => r.rows)),
  big_keystroke: metric('10,001 users: one search keystroke → list updated', 'ms', runs.big.flatMap((r) => r.keystrokes)),
  big_heap: metric('10,001 users: JS heap', 'B', runs.big.map((r) => r.heap)),
};

let before = null;
if (process.env.BENCH_COMPARE) before = JSON.parse(readFileSync(process.env.BENCH_COMPARE, 'utf8')).metrics;
const shown = (value, unit) => (unit === 'ms' ? value.toFixed(1) : Math.round(value).toLocaleString('en'));
const rows = [['figure', 'median', 'min', 'max', 'unit', ...(before ? ['before', 'change'] : [])]];
for (const [key, m] of Object.entries(metrics)) {
  const row = [m.label, shown(m.median, m.unit), shown(m.min, m.unit), shown(m.max, m.unit), m.unit];
  if (before) {
    const old = before[key]?.median;
    row.push(old === undefined ? '—' : shown(old, m.unit));
    row.push(old === undefined || old === 0 ? '—' : `${(((m.median - old) / old) * 100).toFixed(1)} %`);
  }
  rows.push(row);
}
const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
for (const row of rows) {
  console.log(row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  '));
}
const report = { date: new Date().toISOString(), runs: RUNS, metrics };
writeFileSync(process.env.BENCH_OUT ?? 'bench.json', `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nWrote ${process.env.BENCH_OUT ?? 'bench.json'}.`);
