// Application keys: list state in the URL, and create/edit/delete.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, MODES, launch, signedInPage } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });


const rows = (page) => page.locator('tbody tr');

for (const [mode, connect] of Object.entries(MODES)) {
  describe(`app keys ${mode}`, () => {
    test('the status filter and order live in the URL, surviving reload and back', async () => {
      const page = await signedInPage(browser, connect);
      await page.getByRole('link', { name: 'App keys' }).click();
      await rows(page).nth(3).waitFor();
      assert.equal(await rows(page).count(), 4);

      await page.locator('select[name="status"]').selectOption({ label: 'Disabled' });
      await page.waitForURL(`${BASE}/admin/app-keys?status=2`);
      await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
      assert.match(await rows(page).first().innerText(), /Application 3/);

      await page.reload();
      await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
      assert.equal(await page.locator('select[name="status"]').inputValue(), '2');

      await page.goBack();
      await page.waitForURL(`${BASE}/admin/app-keys`);
      await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 4);

      await page.getByRole('button', { name: 'Application' }).click();
      await page.waitForURL(`${BASE}/admin/app-keys?order_by=application.asc`);
      // The state is the header's aria-sort; the arrow is decoration.
      assert.equal(await page.getByRole('columnheader', { name: 'Application' }).getAttribute('aria-sort'), 'ascending');
      await page.getByRole('button', { name: 'Application' }).click();
      await page.waitForURL(`${BASE}/admin/app-keys?order_by=application.desc`);
      await page.waitForFunction(() => document.querySelector('tbody tr')?.innerText.includes('userdesk'));
      await page.context().close();
    });

    test('create with a generated key, edit the status, delete after confirming', async () => {
      const page = await signedInPage(browser, connect);
      await page.goto(`${BASE}/admin/app-keys/new`);

      // Rules first: nothing is sent while the key is short.
      await page.locator('input[name="application"]').fill('E2E App');
      await page.locator('input[name="key"]').fill('too-short');
      await page.getByRole('button', { name: 'Create app key' }).click();
      assert.equal(await page.locator('input[name="key"]').getAttribute('aria-invalid'), 'true');

      await page.getByRole('button', { name: 'Generate' }).click();
      const key = await page.locator('input[name="key"]').inputValue();
      assert.match(key, /^[A-Za-z0-9]{32}$/);
      await page.getByRole('button', { name: 'Create app key' }).click();
      await page.getByText('App key for E2E App created.').waitFor();
      await page.waitForURL(/\/admin\/app-keys\/\d+$/);

      await page.locator('select[name="status"]').selectOption({ label: 'Disabled' });
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('App key for E2E App saved.').waitFor();
      await page.goto(`${BASE}/admin/app-keys?status=2`);
      // Listed with the key masked: only its last four characters show.
      await page.locator('tbody tr', { hasText: 'E2E App' }).locator('.secret__value', { hasText: key.slice(-4) }).waitFor();

      await page.locator('tbody tr', { hasText: 'E2E App' }).getByRole('link').click();
      await page.getByRole('button', { name: 'Delete app key' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await page.getByText('App key E2E App deleted.').waitFor();
      await page.waitForURL(`${BASE}/admin/app-keys`);
      await rows(page).nth(3).waitFor();
      assert.equal(await page.locator('tbody tr', { hasText: 'E2E App' }).count(), 0);
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });
  });
}
