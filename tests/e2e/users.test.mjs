// Users: URL-synced list, create with a nested profile, server errors on
// their field, accepted terms on the detail page, edit, delete.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, MODES, fillIn, launch, rowCount, signedInPage } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const [mode, connect] of Object.entries(MODES)) {
  describe(`users ${mode}`, () => {
    test('the list view lives in the URL: filter, sort, page, reload, back', async () => {
      const page = await signedInPage(browser, connect);
      await page.getByRole('link', { name: 'Users', exact: true }).click();
      await rowCount(page, 10);
      await page.getByText(/Page 1 of \d+ · \d+ users/).waitFor();
      await page.locator('select[name="status"]').selectOption({ label: 'Disabled' });
      await page.waitForURL(`${BASE}/admin/users?status=2`);
      await page.getByRole('button', { name: /^Username/ }).click();
      await page.waitForURL(`${BASE}/admin/users?status=2&order_by=username.asc`);
      // The URL changes first; the rows follow when the answer arrives.
      await page.waitForFunction(() => {
        const names = [...document.querySelectorAll('tbody tr td[data-label="Username"]')].map((td) => td.textContent);
        return !document.querySelector('.list__refreshing') && names.includes('user5')
          && names.join() === [...names].sort().join();
      });
      const sorted = await page.locator('tbody tr td[data-label="Username"]').allInnerTexts();
      assert.deepEqual(sorted, [...sorted].sort(), 'sorted by username');
      assert.ok(sorted.includes('user5'));

      await page.reload();
      await page.locator('tbody tr', { hasText: 'user5' }).waitFor();
      assert.equal(await page.locator('select[name="status"]').inputValue(), '2');
      await page.goBack();
      await page.waitForURL(`${BASE}/admin/users?status=2`);
      await page.goBack();
      await page.waitForURL(`${BASE}/admin/users`);
      await rowCount(page, 10);

      await page.getByRole('button', { name: 'Next ›' }).click();
      await page.waitForURL(`${BASE}/admin/users?page=2`);
      await page.getByRole('link', { name: 'Users', exact: true }).click();
      await page.waitForURL(`${BASE}/admin/users`);

      // GET /user/{username}: open a user by exact name.
      const find = page.locator('input[name="find_username"]');
      await find.fill('nobody_here');
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      await page.getByText('There is no user named “nobody_here”.').waitFor();
      await find.fill('user3');
      await find.press('Enter');
      await page.waitForURL(`${BASE}/admin/users/3`);
      await page.locator('input[name="profile.last_name"]').waitFor();
      assert.equal(await page.locator('input[name="profile.last_name"]').inputValue(), 'Hargrave');
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });

    test('user 2 shows the terms they accepted', async () => {
      const page = await signedInPage(browser, connect);
      await page.goto(`${BASE}/admin/users/2`);
      const accepted = page.getByRole('region', { name: 'Accepted terms of service' });
      await accepted.locator('tbody tr').first().waitFor();
      const rows = accepted.locator('tbody tr');
      assert.equal(await rows.count(), 2);
      assert.match(await rows.nth(0).innerText(), /^1\.1\t.*2019.*\t1\.1\.1\.2$/s);
      // Dates read in the browser's locale; the exact API value is the tooltip.
      assert.equal(await rows.nth(0).locator('time').getAttribute('title'), '2019-01-06T00:00:00+0000');
      assert.equal(await rows.nth(0).locator('time').getAttribute('datetime'), '2019-01-06T00:00:00.000Z');
      assert.equal(await rows.nth(1).locator('time').getAttribute('title'), '2018-12-10T00:00:00+0000');
      assert.match(await rows.nth(1).locator('.datetime__relative').innerText(), /years ago/);
      assert.equal(await page.locator('input[name="profile.last_name"]').inputValue(), 'Harford');
      await page.context().close();
    });

    test('create with a profile, server errors on their field, edit, delete', async () => {
      const page = await signedInPage(browser, connect);
      await page.goto(`${BASE}/admin/users/new`);
      await fillIn(page, {
        username: 'user2',
        email: 'user10@test.com',
        password: 'user10Pass',
        'profile.first_name': 'Vivyan',
        'profile.last_name': 'J',
        'profile.joined_at': '2019-05-21T08:30',
      });
      await page.getByLabel('USER', { exact: true }).check();
      await page.getByRole('button', { name: 'Create user' }).click();
      // The client catches the rule on the nested field before sending.
      const lastName = page.locator('input[name="profile.last_name"]');
      assert.equal(await lastName.getAttribute('aria-invalid'), 'true');
      await page.getByText('Must be 2–40 characters (now 1).').waitFor();

      // Uniqueness is the server's: its 400 lands on the username input.
      await lastName.fill('Joyce');
      await page.getByRole('button', { name: 'Create user' }).click();
      await page.getByText('This username is already taken.').waitFor();
      assert.equal(await page.locator('input[name="username"]').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('input[name="profile.first_name"]').inputValue(), 'Vivyan', 'input kept');

      await page.locator('input[name="username"]').fill('user10');
      await page.getByRole('button', { name: 'Create user' }).click();
      await page.getByText('User user10 created.').waitFor();
      await page.waitForURL(/\/admin\/users\/\d+$/);
      await page.getByText('This user has not accepted any terms of service.').waitFor();

      await page.locator('input[name="profile.first_name"]').fill('Vivian');
      await page.getByLabel('Verified').check();
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('User user10 saved.').waitFor();
      await page.reload();
      await page.locator('input[name="profile.first_name"]').waitFor();
      assert.equal(await page.locator('input[name="profile.first_name"]').inputValue(), 'Vivian');
      assert.equal(await page.getByLabel('Verified').isChecked(), true);

      await page.getByRole('button', { name: 'Delete user' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await page.getByText('User user10 deleted.').waitFor();
      await page.waitForURL(`${BASE}/admin/users`);
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });
  });
}
