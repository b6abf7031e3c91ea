// Administrators: filters, create, edit, sign in as the new one, delete.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, MODES, fillIn, launch, signIn, signedInPage } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });


const rowCount = (page, n) => page.waitForFunction((count) => document.querySelectorAll('tbody tr').length === count, n);

for (const [mode, connect] of Object.entries(MODES)) {
  describe(`administrators ${mode}`, () => {
    test('filter, create, edit, sign in as the new administrator, delete', async () => {
      const page = await signedInPage(browser, connect);
      await page.getByRole('link', { name: 'Administrators' }).click();
      await rowCount(page, 5);
      await page.locator('select[name="role"] option', { hasText: 'SUPER_ADMIN' }).waitFor({ state: 'attached' });
      await page.locator('select[name="role"]').selectOption({ label: 'SUPER_ADMIN' });
      await page.waitForURL(`${BASE}/admin/administrators?role=2`);
      await rowCount(page, 3);

      await page.getByRole('link', { name: 'New administrator' }).click();
      await page.getByRole('button', { name: 'Create administrator' }).click();
      assert.equal(await page.locator('input[name="password"]').getAttribute('aria-invalid'), 'true', 'required on create');
      await fillIn(page, {
        username: 'admin8',
        email: 'admin8@test.com',
        first_name: 'Zena',
        last_name: 'Clyde',
        joined_at: '2019-11-02T12:00',
        password: 'admin8Pass',
      });
      await page.getByLabel('SUPER_ADMIN').check();
      await page.locator('select[name="status"]').selectOption({ label: 'Enabled' });
      await page.getByRole('button', { name: 'Create administrator' }).click();
      await page.getByText('Administrator admin8 created.').waitFor();
      await page.waitForURL(/\/admin\/administrators\/\d+$/);
      assert.equal(await page.locator('input[name="joined_at"]').inputValue(), '2019-11-02T12:00');
      assert.equal(await page.getByLabel('SUPER_ADMIN').isChecked(), true);

      await page.locator('input[name="last_name"]').fill('Clyde-Moss');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Administrator admin8 saved.').waitFor();

      // The new administrator signs in with the password set at creation.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(page, 'admin8', 'admin8Pass');
      await page.waitForURL(`${BASE}/admin/roles`);
      await page.goto(`${BASE}/admin/administrators?order_by=id.desc`);
      await page.locator('tbody tr', { hasText: 'Clyde-Moss' }).getByRole('link').click();
      await page.getByRole('button', { name: 'Delete administrator' }).click();
      await page.getByRole('dialog').getByText('This is your own account').waitFor();
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(page);
      await page.waitForURL(`${BASE}/admin/roles`);
      await page.goto(`${BASE}/admin/administrators?order_by=id.desc`);
      await page.locator('tbody tr', { hasText: 'admin8' }).getByRole('link').click();
      await page.getByRole('button', { name: 'Delete administrator' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await page.getByText('Administrator admin8 deleted.').waitFor();
      await rowCount(page, 5);
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });
  });
}
