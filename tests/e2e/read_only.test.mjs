// The read-only lists: places (countries, regions) and audit trails
// (logins, password resets, notifications), each with a filter.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, MODES, launch, rowCount, signedInPage } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const [mode, connect] of Object.entries(MODES)) {
  describe(`read-only lists ${mode}`, () => {
    test('countries page and sort; regions filter by country', async () => {
      const page = await signedInPage(browser, connect);
      await page.getByRole('link', { name: 'Countries' }).click();
      await rowCount(page, 10);
      await page.getByText(/Page 1 of [4-9] · \d+ countries/).waitFor();
      await page.getByRole('button', { name: /^Code \(3\)/ }).click();
      await page.waitForURL(`${BASE}/admin/countries?order_by=code_3.asc`);
      await page.locator('tbody tr').first().getByText('ARG', { exact: true }).waitFor();

      await page.locator('tbody tr', { hasText: 'Canada' }).getByRole('link', { name: 'Regions' }).click();
      await page.waitForURL(`${BASE}/admin/regions?country_id=3`);
      await rowCount(page, 2);
      assert.deepEqual(await page.locator('tbody tr td:nth-child(2)').allInnerTexts(), ['Ontario', 'Quebec']);
      await page.locator('select[name="country_id"] option', { hasText: 'United States' }).waitFor({ state: 'attached' });
      await page.locator('select[name="country_id"]').selectOption({ label: 'United States' });
      await page.waitForURL(`${BASE}/admin/regions?country_id=1`);
      await rowCount(page, 3);
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });

    test('logins filter by IP address and API, 25 to a page', async () => {
      const page = await signedInPage(browser, connect);
      await page.getByRole('link', { name: 'Logins' }).click();
      await rowCount(page, 25);
      const ip = page.locator('input[name="ip_address"]');
      await ip.fill('10.0.0.8');
      await ip.press('Enter');
      await page.waitForURL(`${BASE}/admin/logins?ip_address=10.0.0.8`);
      await page.waitForFunction(() => [...document.querySelectorAll('tbody tr td:nth-child(5)')].every((td) => td.textContent === '10.0.0.8'));
      await page.locator('select[name="api"]').selectOption({ label: 'Admin' });
      await page.waitForURL(`${BASE}/admin/logins?ip_address=10.0.0.8&api=1`);
      await page.waitForFunction(() => [...document.querySelectorAll('tbody tr td:nth-child(6)')].every((td) => td.textContent === 'Admin'));
      await page.reload();
      await page.locator('tbody tr').first().waitFor();
      assert.equal(await ip.inputValue(), '10.0.0.8');
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });

    test('password resets by user, notifications by channel and user', async () => {
      const page = await signedInPage(browser, connect);
      await page.getByRole('link', { name: 'Password resets' }).click();
      await rowCount(page, 7);
      const user = page.locator('input[name="user_id"]');
      await user.fill('2');
      await user.press('Enter');
      await page.waitForURL(`${BASE}/admin/password-resets?user_id=2`);
      await rowCount(page, 2);
      assert.deepEqual(await page.locator('tbody code').allInnerTexts(), ['ZX7P4M', 'M5AF8G'], 'newest first');

      await page.getByRole('link', { name: 'Notifications' }).click();
      await rowCount(page, 5);
      await page.locator('select[name="channel"]').selectOption({ label: 'Email' });
      await page.locator('input[name="user_id"]').fill('5');
      await page.locator('input[name="user_id"]').press('Enter');
      await page.waitForURL(`${BASE}/admin/notifications?user_id=5&channel=1`);
      await rowCount(page, 1);
      await page.getByText('Rejected').waitFor();
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });
  });
}
