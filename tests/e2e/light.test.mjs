// A light console: the Demo simulator is a worker of its own, downloaded
// only when some API is in Demo mode.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN_API, APP_KEY, BASE, ERP_API, PROFILES_API, WEBSUPPORT_API, freshPage, launch, resetServer,
  serveConfig, signIn,
} from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await resetServer(); await browser?.close(); });

const EVERY_API_ON_A_SERVER = {
  admin: { mode: 'server', base_url: ADMIN_API, version: '1.0', app_key: APP_KEY },
  websupport: { mode: 'server', base_url: WEBSUPPORT_API },
  profiles: { mode: 'server', base_url: PROFILES_API },
  erp: { mode: 'server', base_url: ERP_API },
};

/** Every URL the page and its workers fetch. */
function record(page) {
  const urls = [];
  page.context().on('request', (request) => urls.push(request.url()));
  return urls;
}

const simulatorFiles = (urls) => urls.filter((url) => url.includes('userdesk-sim-worker'));

describe('the Demo simulator', () => {
  test('a console whose APIs are all servers downloads none of it', async () => {
    await resetServer();
    await serveConfig(EVERY_API_ON_A_SERVER);
    const page = await freshPage(browser);
    const urls = record(page);
    await page.goto(`${BASE}/admin/login`);
    await page.locator('.connection__target', { hasText: ADMIN_API }).waitFor();
    await signIn(page);
    await page.waitForURL(`${BASE}/admin/roles`);
    await page.locator('tbody tr').first().waitFor();
    await page.goto(`${BASE}/settings`);
    await page.getByRole('heading', { name: 'Connections' }).waitFor();
    assert.ok(urls.some((url) => url.includes('_bg.wasm')), 'the console itself loaded');
    assert.deepEqual(simulatorFiles(urls), []);
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
    await resetServer();
  });

  test('Demo mode starts it, and its changes survive a reload', async () => {
    await resetServer();
    const page = await freshPage(browser);
    const urls = record(page);
    await page.goto(`${BASE}/admin/login`);
    await signIn(page);
    await page.waitForURL(`${BASE}/admin/roles`);
    assert.deepEqual(
      simulatorFiles(urls).map((url) => new URL(url).pathname).sort(),
      ['/userdesk-sim-worker.js', '/userdesk-sim-worker_bg.wasm', '/userdesk-sim-worker_loader.js'],
    );
    await page.getByRole('link', { name: 'New role' }).click();
    await page.locator('input[name="name"]').fill('MADE_IN_THE_WORKER');
    await page.getByRole('button', { name: 'Create role' }).click();
    await page.getByText('Role MADE_IN_THE_WORKER created.').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'MADE_IN_THE_WORKER' }).waitFor();
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
});

const partsFetched = (urls) => urls
  .filter((url) => url.includes('/userdesk-part-'))
  .map((url) => new URL(url).pathname.replace(/^\/userdesk-part-(\w+?)-[0-9a-f]+\.wasm$/, '$1'));

describe('pages that download on first use', () => {
  test('the start page downloads no part; a sign-in page downloads its own and fetches the pages ahead', async () => {
    await resetServer();
    await serveConfig(EVERY_API_ON_A_SERVER);
    const page = await freshPage(browser);
    const urls = record(page);
    await page.goto(`${BASE}/`);
    await page.getByRole('heading', { name: 'Connections' }).waitFor();
    assert.deepEqual(partsFetched(urls), [], 'the start page is in the first load');
    const pagesAhead = page.waitForResponse((response) => response.url().includes('/userdesk-part-split_pages-'));
    await page.goto(`${BASE}/admin/login`);
    await page.locator('input[name="username"]').waitFor();
    assert.ok(partsFetched(urls).includes('split_sign_in'), 'the sign-in part');
    assert.equal((await pagesAhead).status(), 200, 'the pages part, fetched while the user types');
    await page.locator('input[name="username"]').fill('admin1');
    await page.locator('input[name="password"]').fill('admin1pass');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${BASE}/admin/roles`);
    await page.locator('tbody tr').first().waitFor();
    assert.equal(partsFetched(urls).filter((part) => part === 'split_pages').length, 1, 'fetched once');
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
    await resetServer();
  });

  test('a part that fails to download says so, keeps the console, and Try again brings the page', async () => {
    await resetServer();
    const page = await freshPage(browser);
    await page.route('**/userdesk-part-*', (route) => route.abort('internetdisconnected'));
    await page.goto(`${BASE}/admin/login`);
    const alert = page.getByRole('alert').filter({ hasText: 'This page could not be downloaded' });
    await alert.waitFor();
    assert.ok(await page.getByRole('link', { name: 'Roles' }).isVisible(), 'the menu stays');
    await page.unroute('**/userdesk-part-*');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.locator('input[name="username"]').waitFor();
    assert.equal(await alert.count(), 0);
    // The splitter's loader logs each failed fetch; nothing else went wrong.
    assert.deepEqual(page.pageErrors.filter((error) => !error.includes('Failed to fetch')), []);
    assert.ok(page.pageErrors.length > 0, 'the failed fetch was logged');
    await page.context().close();
  });
});
