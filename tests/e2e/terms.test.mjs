// Terms of service: create, rules, edit, delete.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, MODES, launch, rowCount, signedInPage } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const [mode, connect] of Object.entries(MODES)) {
  describe(`terms of service ${mode}`, () => {
    test('create, check the rules, edit, delete', async () => {
      const page = await signedInPage(browser, connect);
      await page.getByRole('link', { name: 'Terms of service' }).click();
      await rowCount(page, 4);
      await page.getByRole('link', { name: 'New version' }).click();
      await page.locator('input[name="version"]').fill('2.1-release-candidate');
      await page.getByRole('button', { name: 'Create version' }).click();
      await page.getByText('Must be 1–10 characters (now 21).').waitFor();
      await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'version');
      assert.equal(await page.locator('textarea[name="text"]').getAttribute('aria-invalid'), 'true', 'text is required');

      await page.locator('input[name="version"]').fill('2.1');
      await page.locator('input[name="publish_date"]').fill('2019-10-31T20:30');
      await page.locator('textarea[name="text"]').fill('This is TOS 7\nSecond line.');
      await page.getByRole('button', { name: 'Create version' }).click();
      await page.getByText('Terms version 2.1 created.').waitFor();
      await page.waitForURL(/\/admin\/terms\/\d+$/);
      assert.equal(await page.locator('textarea[name="text"]').inputValue(), 'This is TOS 7\nSecond line.');
      assert.equal(await page.locator('select[name="status"]').inputValue(), '5', 'new versions start pending');

      await page.locator('input[name="version"]').fill('3.0');
      await page.locator('select[name="status"]').selectOption({ label: 'Enabled' });
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Terms version 3.0 saved.').waitFor();

      await page.goto(`${BASE}/admin/terms?order_by=version.desc`);
      await page.locator('tbody tr').first().getByRole('link', { name: '3.0' }).waitFor();
      await page.locator('tbody tr').first().getByRole('link', { name: '3.0' }).click();
      await page.getByRole('button', { name: 'Delete terms version' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await page.getByText('Terms version 3.0 deleted.').waitFor();
      await rowCount(page, 4);
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });
  });
}
