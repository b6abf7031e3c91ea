// The signed-in administrator's own account: edit it, change the password.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, MODES, fillIn, launch, signIn, signedInPage } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });


for (const [mode, connect] of Object.entries(MODES)) {
  describe(`own account ${mode}`, () => {
    test('edit the account, then change the password and sign in with it', async () => {
      const page = await signedInPage(browser, connect);

      await page.getByRole('link', { name: 'Account', exact: true }).click();
      const username = page.locator('input[name="username"]');
      await username.waitFor();
      assert.equal(await username.inputValue(), 'admin1');
      assert.equal(await page.locator('input[name="email"]').inputValue(), 'admin1@test.com');

      // A rule broken client-side stays on its field.
      await page.locator('input[name="email"]').fill('not-an-email');
      await page.getByRole('button', { name: 'Save account' }).click();
      assert.equal(await page.locator('input[name="email"]').getAttribute('aria-invalid'), 'true');

      // The documented update.
      await fillIn(page, {
        email: 'admin1a@test.com',
        first_name: 'Thomas',
        last_name: 'Luhnd',
      });
      await username.fill('admin1a');
      await page.getByRole('button', { name: 'Save account' }).click();
      await page.getByText('Your account is saved.').waitFor();
      await page.locator('.session__user', { hasText: 'admin1a' }).waitFor();
      assert.equal(await page.locator('input[name="email"]').getAttribute('aria-invalid'), null);

      // Password: a wrong current password comes back from the server onto its field.
      await page.getByRole('link', { name: 'Change password' }).click();
      await page.locator('input[name="previous_password"]').fill('not-my-password');
      await page.locator('input[name="password1"]').fill('admin1Pass2');
      await page.getByText('3 of 4 kinds, 3 needed').waitFor();
      await page.locator('input[name="password2"]').fill('admin1Pass2');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.waitForFunction(() =>
        document.querySelector('input[name="previous_password"]')?.getAttribute('aria-invalid') === 'true');
      assert.equal(await page.locator('input[name="password1"]').inputValue(), 'admin1Pass2', 'input survives');

      await page.locator('input[name="previous_password"]').fill('admin1pass');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByText('Your password is changed.').waitFor();
      assert.equal(await page.locator('input[name="password1"]').inputValue(), '', 'passwords are cleared');

      // The new credentials work; the old ones do not.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(page, 'admin1a', 'admin1pass');
      await page.getByText('The username or password is wrong.').waitFor();
      await signIn(page, 'admin1a', 'admin1Pass2');
      await page.waitForURL(`${BASE}/admin/roles`);

      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });
  });
}
