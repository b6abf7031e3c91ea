// What a real deployment hits: the deployment config, a refused app key,
// sign-in redirects, one profile per user, numeric filters, paging past the
// end and odd list answers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN_API, APP_KEY, BASE, clearFaults, freshPage, injectFault, launch, resetServer, serveConfig,
  serverCall, signIn, signedInPage, useServer,
} from './harness.mjs';

const SERVER_CONFIG = { admin: { mode: 'server', base_url: ADMIN_API, version: '1.0', app_key: APP_KEY } };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await resetServer(); await browser?.close(); });

const title = (page) => page.locator('h1.page__title').first();

describe('deployment config', () => {
  test('config.json picks the server, across a reload and in a new tab, with no typing', async () => {
    await resetServer();
    await serveConfig(SERVER_CONFIG);
    // Only the server has this role, so seeing it proves where the calls go.
    assert.equal((await serverCall('POST', '/roles', {
      name: 'ONLY_ON_SERVER', is_admin_role: false, login_lockout_policy: false, login_max_attempts: 5,
      login_timeframe: 600, login_ban_time: 1800, login_ban_by_ip: false, password_policy: false,
      password_reuse_history: 0, password_reset_days: 0, priority: 50,
    })).status, 201);
    const page = await freshPage(browser);
    await page.goto(`${BASE}/admin/login`);
    await page.locator('.connection__target', { hasText: ADMIN_API }).waitFor();
    await signIn(page);
    await page.waitForURL(`${BASE}/admin/roles`);
    await page.getByRole('cell', { name: 'ONLY_ON_SERVER' }).waitFor();

    await page.reload();
    await page.getByRole('cell', { name: 'ONLY_ON_SERVER' }).waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0, 'no password asked after a reload');

    const tab = await page.context().newPage();
    tab.pageErrors = [];
    tab.on('pageerror', (error) => tab.pageErrors.push(error.message));
    await signIn(tab);
    await tab.waitForURL(`${BASE}/admin/roles`);
    await tab.getByRole('cell', { name: 'ONLY_ON_SERVER' }).waitFor();

    // A choice under Connections overrides the deployment; "Use the deployment's settings" restores it.
    await tab.goto(`${BASE}/settings`);
    await tab.getByText("use the deployment's settings (config.json)").waitFor();
    await tab.locator('input[name="admin.mode"][value="demo"]').check();
    await tab.getByRole('button', { name: 'Save connections' }).click();
    await tab.locator('.connection__target', { hasText: 'Demo' }).waitFor();
    await tab.getByRole('button', { name: "Use the deployment's settings" }).click();
    await tab.locator('.connection__target', { hasText: ADMIN_API }).waitFor();
    assert.deepEqual([...page.pageErrors, ...tab.pageErrors], []);
    await page.context().close();
  });

  test('a malformed config.json gets a banner naming the problem, and Demo still works', async () => {
    await resetServer();
    await serveConfig('{"admin": {"mode": "server", "base_url": "/api/admin",');
    const page = await freshPage(browser);
    await signIn(page);
    const banner = page.getByRole('alert').filter({ hasText: 'The deployment config could not be used' });
    await banner.waitFor();
    assert.match(await banner.innerText(), /not valid JSON \(line 1, column \d+\)/);
    await page.waitForURL(`${BASE}/admin/roles`);
    await page.locator('.connection__target', { hasText: 'Demo' }).waitFor();

    await serveConfig({ admn: { mode: 'server', base_url: ADMIN_API } });
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'unknown key “admn”' }).waitFor();
    await page.context().close();
  });

  test('a refused app key says so and points to Connections, never asking for the password', async () => {
    await resetServer();
    await serveConfig({ admin: { ...SERVER_CONFIG.admin, app_key: 'x'.repeat(32) } });
    const page = await freshPage(browser);
    await signIn(page);
    const refused = page.getByRole('alert').filter({ hasText: "refused this console's application key" });
    await refused.waitFor();
    await refused.getByRole('link', { name: 'Open Connections' }).waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0);

    // Signed in with a good key, then the key is changed to a refused one.
    await resetServer();
    await serveConfig(SERVER_CONFIG);
    await signIn(page);
    await page.waitForURL(`${BASE}/admin/roles`);
    await page.goto(`${BASE}/settings`);
    await page.locator('input[name="app_key"]').fill('y'.repeat(32));
    await page.getByRole('button', { name: 'Save connections' }).click();
    await page.getByText('Connection settings saved.').waitFor();
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: "refused this console's application key" });
    await alert.waitFor();
    await alert.getByRole('link', { name: 'Open Connections' }).waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0, 'no password dialog for a bad app key');
    assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 0);

    // The typed key lives for the tab: a reload keeps it.
    await page.reload();
    await page.getByRole('alert').filter({ hasText: "refused this console's application key" }).waitFor();
    await page.context().close();
  });

  test("choosing Demo works whatever key the deployment names for its server", async () => {
    await resetServer();
    // The server's own key, which Demo does not know.
    await serveConfig({ admin: { ...SERVER_CONFIG.admin, app_key: 'z'.repeat(32) } });
    const page = await freshPage(browser);
    await page.goto(`${BASE}/settings`);
    await page.locator('input[name="admin.mode"][value="demo"]').check();
    // Demo's own key is shown, and the server's key field is not sent to Demo.
    await page.getByText('Demo uses its own application key').waitFor();
    await page.getByText('y84pSJ7PA4E9Lnj936ptdqj9jmGCmtTx').waitFor();
    assert.equal(await page.locator('input[name="app_key"]').count(), 0);
    await page.getByRole('button', { name: 'Save connections' }).click();
    await page.getByText('Connection settings saved.').waitFor();
    await signIn(page);
    await page.waitForURL(`${BASE}/admin/roles`);
    assert.equal(await page.getByText('The server rejected the application key').count(), 0);
    // Back to the server, the deployment's key is still the one used.
    await page.goto(`${BASE}/settings`);
    await page.locator('input[name="admin.mode"][value="server"]').check();
    assert.equal(await page.locator('input[name="app_key"]').inputValue(), 'z'.repeat(32));
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
    // The next tests start without this deployment config.
    await resetServer();
  });
});

describe('signing in', () => {
  test('next only ever leads to a page on this site', async () => {
    const page = await freshPage(browser);
    const payloads = [
      '/\\evil.example/x', '/\t/evil.example/x', '/\n/evil.example', '//evil.example/x',
      'javascript:alert(1)', 'https://evil.example/', '/%5Cevil.example', '/%2F%2Fevil.example',
      '%2F%2Fevil.example', '/%09/evil.example',
    ];
    for (const payload of payloads) {
      await page.goto(`${BASE}/admin/login?next=${encodeURIComponent(payload)}`);
      await page.locator('input[name="username"]').fill('admin1');
      await page.locator('input[name="password"]').fill('admin1pass');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${BASE}/admin/roles`);
      assert.equal(new URL(page.url()).origin, new URL(BASE).origin, payload);
    }
    await page.goto(`${BASE}/admin/login?next=${encodeURIComponent('/admin/users?status=1')}`);
    await page.locator('input[name="username"]').fill('admin1');
    await page.locator('input[name="password"]').fill('admin1pass');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${BASE}/admin/users?status=1`);
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  test('signing out and back in shows a working page, not the sign-in form again', async () => {
    const page = await signedInPage(browser, async () => {});
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/admin\/login/);
    await page.locator('input[name="username"]').fill('admin1');
    await page.locator('input[name="password"]').fill('admin1pass');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/login'));
    await page.locator('tbody tr').first().waitFor();
    assert.notEqual(await title(page).innerText(), 'Sign in to the Admin API');
    assert.equal(await page.getByText('You are signed in as').count(), 0);
    await page.context().close();
  });

  test('a seeded user (403 after the credentials) is told the likely causes', async () => {
    const page = await freshPage(browser);
    await signIn(page, 'user3', 'user3Pass!');
    await page.getByText(/password has expired.*no admin role/).waitFor();
    await page.context().close();
  });
});

describe('lists and forms against a real server', () => {
  test('the profile picker offers only users without a profile', async () => {
    await resetServer();
    const page = await signedInPage(browser, useServer);
    await page.goto(`${BASE}/admin/user-profiles/new`);
    const picker = page.locator('select[name="user_id"]');
    await picker.locator('option[value="9"]').waitFor({ state: 'attached' });
    assert.equal(await picker.locator('option[value="2"]').count(), 0, 'user 2 already has a profile');
    // A user is also found by exact username (GET /user/{username}), beyond what the picker loaded.
    const byName = page.getByLabel('Or type an exact username');
    await byName.fill('nosuchuser');
    await byName.press('Enter');
    await page.getByText('There is no user named “nosuchuser”.').waitFor();
    assert.equal(page.url(), `${BASE}/admin/user-profiles/new`, 'Enter finds, it does not submit');
    await byName.fill('user2');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByText('This user already has a profile').first().waitFor();
    assert.notEqual(await picker.inputValue(), '2', 'a taken user is not chosen');
    await byName.fill('user9');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForFunction(() => document.querySelector('select[name="user_id"]').value === '9');
    // "One profile per user" is checked against the chosen user's own record:
    // another client gives user 9 a profile meanwhile.
    assert.equal((await serverCall('POST', '/user_profiles', {
      user_id: 9, first_name: 'Meanwhile', last_name: 'Elsewhere', joined_at: '2020-01-01T00:00:00+0000', status: 1,
    })).status, 201);
    await page.locator('input[name="first_name"]').fill('Nine');
    await page.locator('input[name="last_name"]').fill('Profile');
    const reads = [];
    page.on('request', (request) => { if (request.url().includes('/user/9?')) reads.push(request.url()); });
    await page.getByRole('button', { name: 'Create profile' }).click();
    await page.getByText('This user already has a profile').first().waitFor();
    assert.equal(reads.length, 1, 'the chosen user was read before sending');
    // On an existing profile its own user stays selectable.
    await page.goto(`${BASE}/admin/user-profiles/2`);
    await page.locator('select[name="user_id"] option[value="2"]').waitFor({ state: 'attached' });
    assert.equal(await page.locator('select[name="user_id"]').inputValue(), '2');
    await page.context().close();
  });

  test('numeric filters refuse letters; garbage in the URL is dropped', async () => {
    await resetServer();
    const page = await signedInPage(browser, useServer);
    const sentToServer = [];
    page.on('request', (r) => { if (r.url().includes('/api/admin/')) sentToServer.push(r.url()); });
    await page.goto(`${BASE}/admin/users?status=abc&role=1x`);
    await page.locator('tbody tr').first().waitFor();
    assert.ok(sentToServer.every((url) => !url.includes('status=abc') && !url.includes('role=1x')), sentToServer.join('\n'));

    await page.goto(`${BASE}/admin/logins`);
    await page.locator('tbody tr').first().waitFor();
    const before = sentToServer.length;
    const userId = page.locator('input[name="user_id"]');
    await userId.fill('abc');
    await userId.press('Enter');
    await page.getByText('Enter a whole number, such as 12.').waitFor();
    assert.equal(await userId.getAttribute('aria-invalid'), 'true');
    assert.equal(await userId.inputValue(), 'abc', 'what was typed stays');
    assert.equal(sentToServer.length, before, 'nothing was sent');
    await userId.fill('1');
    await userId.press('Enter');
    await page.waitForURL(/user_id=1/);
    await page.context().close();
  });

  test('past the last page says so and links to the last page known', async () => {
    await resetServer();
    const page = await signedInPage(browser, useServer);
    await page.goto(`${BASE}/admin/users?page=3`);
    await page.locator('tbody tr').first().waitFor();
    await page.goto(`${BASE}/admin/users?page=99`);
    await page.getByText('No rows on page 99').waitFor();
    assert.equal(await page.getByText(/Page 99 of/).count(), 0);
    await page.getByRole('button', { name: /Go to page \d+/ }).click();
    await page.waitForFunction(() => !location.search.includes('page=99'));
    await page.locator('tbody tr').first().waitFor();
    await page.context().close();
  });

  test('an oversized answer renders one page; a malformed record leaves the others', async () => {
    await resetServer();
    const page = await signedInPage(browser, useServer);
    const item = (id) => ({
      id, application: `App ${id}`, key: 'k'.repeat(32), status: 1,
      created_at: '2019-10-23T15:03:37+0000', status_changed_at: '2019-10-23T15:03:37+0000',
      updated_at: '2019-10-23T15:03:37+0000',
    });
    const huge = { page: 1, limit: 10, total: 50000, app_keys: Array.from({ length: 50000 }, (_, n) => item(n + 1)) };
    await injectFault({ path: '/app_keys/', method: 'GET', kind: 'canned', status: 200, body: JSON.stringify(huge) });
    await page.goto(`${BASE}/admin/app-keys`);
    await page.getByText('The server sent 50000 rows for a page of 10; only the first 10 are shown.').waitFor();
    assert.equal(await page.locator('tbody tr').count(), 10);

    // A row without its id, or with a wrong type, cannot be shown; a row
    // missing keys a server may leave out still is.
    const sparse = { id: 2, application: 'Sparse' };
    const mixed = {
      page: 1, limit: 10, total: 5,
      app_keys: [item(1), { application: 'no id' }, sparse, { ...item(4), application: { name: 'x' } }, item(5)],
    };
    await injectFault({ path: '/app_keys/', method: 'GET', kind: 'canned', status: 200, body: JSON.stringify(mixed) });
    await page.reload();
    await page.getByText('2 rows could not be read and are not shown.').waitFor();
    assert.equal(await page.locator('tbody tr').count(), 3);
    await page.getByRole('link', { name: 'Sparse' }).waitFor();
    await clearFaults();
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });

  test('a record answer without its id is an unexpected answer, with Try again', async () => {
    await resetServer();
    const page = await signedInPage(browser, useServer);
    const blank = {
      app_key: { id: null, application: null, key: null, status: null, created_at: null, status_changed_at: null, updated_at: null },
    };
    await injectFault({ path: '/app_key/1', method: 'GET', kind: 'canned', status: 200, body: JSON.stringify(blank) });
    await page.goto(`${BASE}/admin/app-keys/1`);
    await page.getByText("The server sent an unexpected answer: the app key has no “id”").waitFor();
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: /./ }).first().waitFor();
    await page.locator('input[name="application"]').waitFor();
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
});

describe('leaving during an automatic retry', () => {
  test('answering Leave cancels the retry a 429 had planned: nothing is created later', async () => {
    await resetServer();
    const page = await freshPage(browser);
    await page.clock.install();
    await useServer(page);
    await signIn(page);
    await page.waitForURL(`${BASE}/admin/roles`);
    await page.goto(`${BASE}/admin/terms/new`);
    await page.locator('input[name="version"]').fill('LEFT1');
    await page.locator('input[name="publish_date"]').fill('2024-05-06T07:08:09');
    await page.locator('textarea[name="text"]').fill('Typed, then left during the wait.');
    await injectFault({ path: '/terms_of_services', method: 'POST', kind: '429', times: 1 });
    await page.getByRole('button', { name: 'Create version' }).click();
    await page.getByText(/Retrying in 1 s/).first().waitFor();
    // Leave while the retry waits.
    await page.getByRole('link', { name: 'Roles', exact: true }).click();
    const question = page.getByRole('dialog', { name: 'Leave without saving?' });
    await question.getByRole('button', { name: 'Leave' }).click();
    await page.waitForURL(`${BASE}/admin/roles`);
    const posts = [];
    page.on('request', (request) => { if (request.method() === 'POST' && request.url().includes('/terms_of_services')) posts.push(request.url()); });
    await page.clock.runFor(35_000);
    await page.getByRole('heading', { name: 'Roles' }).waitFor();
    assert.deepEqual(posts, [], 'no retry after leaving');
    const listed = await (await serverCall('GET', '/terms_of_services/1/100')).text();
    assert.ok(!listed.includes('LEFT1'), 'the terms were never created');
    await clearFaults();
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
});
