// Admin API sign-in and roles, end to end, over HTTP and in Demo mode.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, MODES, freshPage, launch, resetServer, serverCall, signIn, signedInPage, useServer } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });


for (const [mode, connect] of Object.entries(MODES)) {
  describe(`roles ${mode}`, () => {
    test('sign in, create a role, find it in the list, edit it, delete it', async () => {
      const page = await signedInPage(browser, connect);
      await page.locator('tbody tr', { hasText: 'SUPER_ADMIN' }).waitFor();

      // Create.
      await page.getByRole('link', { name: 'New role' }).click();
      await page.locator('input[name="name"]').fill('E2E_AUDITOR');
      await page.locator('input[name="priority"]').fill('40');
      await page.locator('input[name="is_admin_role"]').check();
      await page.getByRole('button', { name: 'Create role' }).click();
      await page.getByText('Role E2E_AUDITOR created.').waitFor();
      await page.waitForURL(/\/admin\/roles\/\d+$/);

      // A reload keeps the session (sessionStorage) and the deep link (SPA fallback).
      await page.reload();
      await page.getByRole('heading', { name: 'E2E_AUDITOR' }).waitFor();

      // Find it in the list, filtered to administrator roles.
      await page.goto(`${BASE}/admin/roles?type=admin`);
      const row = page.locator('tbody tr', { hasText: 'E2E_AUDITOR' });
      await row.waitFor();
      assert.match(await row.innerText(), /Administrators\s+40/);
      assert.equal(await page.locator('tbody tr', { hasText: 'SERVICE' }).count(), 0);

      // Edit.
      await row.getByRole('link').click();
      await page.locator('input[name="name"]').fill('E2E_AUDITOR_2');
      await page.locator('input[name="login_ban_time"]').fill('7200');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Role E2E_AUDITOR_2 saved.').waitFor();
      await page.goto(`${BASE}/admin/roles?order_by=name.desc`);
      await page.locator('tbody tr', { hasText: 'E2E_AUDITOR_2' }).waitFor();
      assert.equal(await page.locator('tbody tr', { hasText: /E2E_AUDITOR$/ }).count(), 0);

      // Delete, after confirming.
      await page.locator('tbody tr', { hasText: 'E2E_AUDITOR_2' }).getByRole('link').click();
      await page.getByRole('button', { name: 'Delete role' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Delete role' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await page.getByText('Role E2E_AUDITOR_2 deleted.').waitFor();
      await page.waitForURL(`${BASE}/admin/roles`);
      await page.locator('tbody tr', { hasText: 'SUPER_ADMIN' }).waitFor();
      assert.equal(await page.locator('tbody tr', { hasText: 'E2E_AUDITOR' }).count(), 0);

      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });

    test('a role opens by its name, as the API reads /role/{name}; an unknown one is gone', async () => {
      const page = await signedInPage(browser, connect);
      await page.goto(`${BASE}/admin/roles/SUPER_ADMIN`);
      await page.getByRole('heading', { name: 'SUPER_ADMIN' }).waitFor();
      assert.equal(await page.locator('input[name="name"]').inputValue(), 'SUPER_ADMIN');
      await page.goto(`${BASE}/admin/roles/NO_SUCH_ROLE`);
      await page.getByText('This role no longer exists.').waitFor();
      await page.getByRole('link', { name: 'Back to Roles' }).waitFor();
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });

    test('a wrong password shows an error and keeps the username', async () => {
      const page = await freshPage(browser);
      await connect(page);
      await signIn(page, 'admin1', 'wrong-password');
      await page.getByText('The username or password is wrong.').waitFor();
      assert.equal(await page.locator('input[name="username"]').inputValue(), 'admin1');
      assert.equal(page.url(), `${BASE}/admin/login`);
      const token = await page.evaluate(() => sessionStorage.getItem('userdesk.admin.session'));
      assert.equal(token, null);
      await page.context().close();
    });
  });
}

test('a server uniqueness error lands on name', async () => {
  const page = await freshPage(browser);
  await resetServer();
  await useServer(page);
  await signIn(page);
  await page.locator('tbody tr', { hasText: 'SUPER_ADMIN' }).waitFor();
  await page.getByRole('link', { name: 'New role' }).click();
  await page.locator('input[name="name"]').fill('RACE_ROLE');

  // Another administrator takes the name first; this page cannot know.
  const created = await serverCall('POST', '/roles', {
    name: 'RACE_ROLE', is_admin_role: false, login_ban_by_ip: true, login_ban_time: 60,
    login_lockout_policy: true, login_max_attempts: 3, login_timeframe: 60, password_policy: false,
    password_reset_days: 30, password_reuse_history: 1, priority: 5,
  });
  assert.equal(created.status, 201);

  await page.getByRole('button', { name: 'Create role' }).click();
  const name = page.locator('input[name="name"]');
  await page.waitForFunction(() => document.querySelector('input[name="name"]')?.getAttribute('aria-invalid') === 'true');
  const messageId = (await name.getAttribute('aria-describedby')).split(' ').find((id) => id.endsWith('-message'));
  assert.match(await page.locator(`#${messageId}`).innerText(), /already exists/);
  assert.equal(await name.inputValue(), 'RACE_ROLE', 'the typed value stays');
  assert.equal(page.url(), `${BASE}/admin/roles/new`);
  await page.context().close();
});

test('signing out removes the session token and returns to sign-in', async () => {
  const page = await freshPage(browser);
  await signIn(page);
  await page.waitForURL(`${BASE}/admin/roles`);
  assert.notEqual(await page.evaluate(() => sessionStorage.getItem('userdesk.admin.session')), null);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/admin\/login/);
  await page.getByRole('heading', { name: 'Sign in to the Admin API' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('userdesk.admin.session')), null);
  await page.goto(`${BASE}/admin/roles`);
  await page.waitForURL(/\/admin\/login\?next=/);

  // Signing back in shows the page asked for, not the sign-in form again.
  await page.locator('input[name="username"]').fill('admin1');
  await page.locator('input[name="password"]').fill('admin1pass');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Roles' }).waitFor();
  await page.locator('tbody tr').first().waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Sign in to the Admin API' }).count(), 0);
  assert.equal(await page.getByText('You are signed in as').count(), 0);
  await page.context().close();
});

test('unknown routes show the not-found page', async () => {
  const page = await freshPage(browser);
  await page.goto(`${BASE}/no/such/page`);
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  await page.context().close();
});
