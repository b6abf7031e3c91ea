// A server may leave out a key it has no value for. With the simulator
// over HTTP leaving out every `null` key of every answer, every list still
// shows every row, and every record page still opens.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, PROFILES_TOKEN, freshPage, launch, resetServer, signedInPage, spaGo,
  useProfilesServer, useServer, useWebsupportServer, websupportSignIn,
} from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await resetServer(); await browser?.close(); });

const ADMIN_LISTS = [
  '/admin/administrators', '/admin/app-keys', '/admin/roles', '/admin/users', '/admin/user-profiles',
  '/admin/terms', '/admin/countries', '/admin/regions', '/admin/logins', '/admin/password-resets',
  '/admin/notifications',
];

async function omitNulls(on) {
  const response = await fetch(`${BASE}/__sim/omit-nulls`, { method: 'PUT', body: String(on) });
  assert.equal(response.status, 204);
}

/** Rows each list shows once it has loaded. */
async function rowsOf(page, routes) {
  const rows = {};
  for (const route of routes) {
    await spaGo(page, route);
    await page.locator('tbody tr, .empty-state').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('.list__refreshing'));
    rows[route] = await page.locator('tbody tr').count();
    assert.equal(await page.getByText(/could not be read/).count(), 0, `${route}: no row left out`);
  }
  return rows;
}

test('Admin lists: every row shows when answers leave out their null keys', async () => {
  await resetServer();
  const page = await signedInPage(browser, useServer);
  const full = await rowsOf(page, ADMIN_LISTS);
  await omitNulls(true);
  const sparse = await rowsOf(page, ADMIN_LISTS);
  assert.deepEqual(sparse, full);
  for (const [route, count] of Object.entries(full)) assert.ok(count > 0, `${route} has rows`);
  // A record page opens too.
  await spaGo(page, '/admin/users/2');
  await page.locator('input[name="username"]').waitFor();
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('Profiles and Websupport lists: every row shows without null keys', async () => {
  await resetServer();
  const page = await freshPage(browser);
  await useProfilesServer(page);
  await useWebsupportServer(page);
  await page.goto(`${BASE}/profiles/login`);
  await page.locator('input[name="token"]').fill(PROFILES_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${BASE}/profiles/profiles`);
  const full = await rowsOf(page, ['/profiles/profiles']);
  await omitNulls(true);
  assert.deepEqual(await rowsOf(page, ['/profiles/profiles']), full);

  await websupportSignIn(page);
  await page.getByText('10,001 users').waitFor();
  assert.equal(await page.getByText(/could not be read/).count(), 0);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});
