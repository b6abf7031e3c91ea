// User profiles: the user is picked from the users without a profile.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, MODES, fillIn, launch, signedInPage } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const [mode, connect] of Object.entries(MODES)) {
  describe(`user profiles ${mode}`, () => {
    test('create for a user without one (users with one are not offered), edit, delete', async () => {
      const page = await signedInPage(browser, connect);
      await page.getByRole('link', { name: 'User profiles' }).click();
      await page.locator('tbody tr').first().waitFor();
      await page.getByRole('link', { name: 'New profile' }).click();
      await page.getByRole('button', { name: 'Create profile' }).click();
      assert.equal(await page.locator('select[name="user_id"]').getAttribute('aria-invalid'), 'true', 'a user is required');

      const user = page.locator('select[name="user_id"]');
      await user.locator('option', { hasText: 'user9 (#9)' }).waitFor({ state: 'attached' });
      // One profile per user: users who have one are not offered.
      assert.equal(await user.locator('option', { hasText: 'user2 (#2)' }).count(), 0);
      await fillIn(page, {
        first_name: 'Vivyan',
        last_name: 'Joyce',
        joined_at: '2019-05-21T08:30',
      });
      await user.selectOption({ label: 'user9 (#9)' });
      await page.getByRole('button', { name: 'Create profile' }).click();
      await page.waitForURL(/\/admin\/user-profiles\/\d+$/);
      await page.getByText(/Profile \d+ created\./).waitFor();
      // The users arrive after the record; the choice is shown once they do.
      await page.waitForFunction(() => document.querySelector('select[name="user_id"]')?.value === '9');

      await page.locator('input[name="last_name"]').fill('Joycee');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText(/Profile \d+ saved\./).waitFor();

      // The user sees the same profile.
      await page.goto(`${BASE}/admin/users/9`);
      await page.locator('input[name="profile.last_name"]').waitFor();
      assert.equal(await page.locator('input[name="profile.last_name"]').inputValue(), 'Joycee');

      await page.goto(`${BASE}/admin/user-profiles?order_by=id.desc`);
      await page.locator('tbody tr').first().getByRole('link').first().click();
      await page.getByRole('button', { name: 'Delete profile' }).click();
      await page.getByRole('dialog').getByText('User #9 keeps their account').waitFor();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await page.getByText('Profile Vivyan Joycee deleted.').waitFor();
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });
  });
}
