// Profiles API: bearer-token sign-in, the list's URL state, create with
// inline contacts, PATCH of changed fields, contact CRUD, a refused token.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, PROFILES_MODES, PROFILES_TOKEN, freshPage, injectFault, launch, profilesPage, rowCount,
} from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const MARY = '6006dda272f002519c3eb505';
// The first column after the row's choose box.
const names = (page) => page.locator('tbody tr td.table__select + td').allInnerTexts();

for (const [mode, connect] of Object.entries(PROFILES_MODES)) {
  describe(`profiles ${mode}`, () => {
    test('a refused token says so; the list keeps its view in the URL', async () => {
      const page = await freshPage(browser);
      await connect(page);
      await page.goto(`${BASE}/profiles/profiles?order_by=lastName.asc`);
      await page.waitForURL(/\/profiles\/login\?next=/);
      await page.locator('input[name="token"]').fill('Bearer abc');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('Paste only the token itself').waitFor();
      await page.locator('input[name="token"]').fill('not-the-token');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('The Profiles API refused this token.').waitFor();
      await page.locator('input[name="token"]').fill(PROFILES_TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${BASE}/profiles/profiles?order_by=lastName.asc`);
      await rowCount(page, 10);
      assert.equal((await names(page))[0], 'Olivia Rose Brown');

      await page.getByRole('button', { name: /^Last name/ }).click();
      await page.waitForURL(/order_by=lastName\.desc/);
      await page.locator('tbody tr').first().getByRole('link', { name: 'Noah Wilson' }).waitFor();
      await page.locator('input[name="profileFirstName"]').fill('mary');
      await page.locator('input[name="profileFirstName"]').press('Enter');
      await page.waitForURL(/profileFirstName=mary/);
      await rowCount(page, 1);
      await page.reload();
      await rowCount(page, 1);
      assert.deepEqual(await names(page), ['Mary Jane Smith']);
      await page.goto(`${BASE}/profiles/profiles?enabled=0&order_by=name.asc`);
      await page.waitForFunction(() => document.querySelector('tbody tr td.table__select + td')?.textContent === 'Eva Horváth');
      await rowCount(page, 2);
      await page.goto(`${BASE}/profiles/profiles`);
      await rowCount(page, 10);
      await page.getByText('Page 1 · more may follow').waitFor();
      await page.getByRole('button', { name: 'Next ›' }).click();
      await page.waitForURL(/page=2/);
      await page.getByRole('link', { name: 'Mary Jane Smith' }).waitFor();
      await page.getByText('Page 2 of 2 · 14 profiles').waitFor();
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });

    test('create with inline contacts, then edit: only changes travel', async () => {
      const page = await profilesPage(browser, connect);
      const patches = [];
      page.on('request', (request) => {
        if (request.method() === 'PATCH') patches.push(request.postData());
      });
      await page.getByRole('link', { name: 'New profile' }).click();
      await page.locator('input[name="firstName"]').fill('Ada');
      await page.locator('input[name="lastName"]').fill('x'.repeat(256));
      await page.getByRole('searchbox', { name: 'Search country' }).fill('slovak');
      assert.equal(await page.locator('select[name="countryNumericCode"]').inputValue(), '703', 'one match is chosen');
      await page.locator('input[name="contacts.0.value"]').fill('ada@example.com');
      assert.equal(await page.locator('input[name="contacts.0.value"]').getAttribute('type'), 'email');
      await page.getByRole('button', { name: 'Add contact' }).click();
      await page.locator('select[name="contacts.1.key"]').selectOption('phone');
      assert.equal(await page.locator('input[name="contacts.1.value"]').getAttribute('type'), 'tel');
      await page.locator('input[name="contacts.1.value"]').fill('0900 123');
      await page.getByRole('button', { name: 'Create profile' }).click();
      await page.getByText('Must be at most 255 characters (now 256).').waitFor();
      await page.getByText('Enter the number in international form').waitFor();
      assert.equal(await page.locator('input[name="contacts.1.value"]').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('.form-errors').count(), 0, 'row errors sit on their row');

      await page.locator('input[name="lastName"]').fill('Lovelace');
      await page.locator('input[name="contacts.1.value"]').fill('+421900123456');
      await page.getByRole('button', { name: 'Create profile' }).click();
      await page.getByText('Profile Ada Lovelace created.').waitFor();
      await page.waitForURL(/\/profiles\/profiles\/[0-9a-f]{24}$/);
      await page.locator('dd', { hasText: 'Slovakia' }).waitFor();
      assert.equal(await page.getByRole('switch', { name: 'Enabled' }).isChecked(), true, 'enabled is a switch');
      const contacts = page.getByRole('region', { name: 'Contacts' });
      await contacts.getByRole('link', { name: 'ada@example.com' }).waitFor();
      await contacts.getByRole('link', { name: '+421900123456' }).waitFor();
      assert.equal(await page.locator('input[name="contacts.0.value"]').count(), 0, 'contacts are edited on their own pages');

      await page.locator('input[name="middleName"]').fill('King');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Profile Ada King Lovelace saved.').waitFor();
      await page.locator('input[name="middleName"]').fill('');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Profile Ada Lovelace saved.').waitFor();
      if (mode.startsWith('over HTTP')) {
        assert.deepEqual(patches.map((body) => JSON.parse(body)), [{ middleName: 'King' }, { middleName: null }]);
      }
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });

    test('contacts: add, edit, delete under their profile; delete a profile', async () => {
      const page = await profilesPage(browser, connect);
      await page.goto(`${BASE}/profiles/profiles/${MARY}`);
      const contacts = page.getByRole('region', { name: 'Contacts' });
      await contacts.getByRole('link', { name: 'marysmith@email.com' }).waitFor();
      await contacts.getByRole('link', { name: 'Add contact' }).click();
      await page.waitForURL(`${BASE}/profiles/profiles/${MARY}/contacts/new`);
      await page.locator('select[name="key"]').selectOption('phone');
      assert.equal(await page.locator('input[name="value"]').getAttribute('type'), 'tel');
      await page.locator('input[name="value"]').fill('mary@example.com');
      await page.getByRole('button', { name: 'Add contact' }).click();
      await page.getByText('Enter the number in international form').waitFor();
      await page.locator('input[name="value"]').fill('+12025550123');
      await page.getByRole('button', { name: 'Add contact' }).click();
      await page.getByText('Contact +12025550123 added.').waitFor();
      await page.waitForURL(new RegExp(`/profiles/profiles/${MARY}/contacts/[0-9a-f]{24}$`));

      await page.locator('input[name="value"]').fill('+12025550199');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Contact +12025550199 saved.').waitFor();
      await page.getByRole('button', { name: 'Delete contact' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await page.getByText('Contact +12025550199 deleted.').waitFor();
      await page.waitForURL(`${BASE}/profiles/profiles/${MARY}`);
      await contacts.getByRole('link', { name: 'marysmith@email.com' }).waitFor();
      assert.equal(await contacts.getByRole('link', { name: '+12025550199' }).count(), 0);

      await page.getByRole('button', { name: 'Delete profile' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await page.getByText('Profile Mary Jane Smith deleted.').waitFor();
      await page.waitForURL(`${BASE}/profiles/profiles`);
      await page.goto(`${BASE}/profiles/profiles/${MARY}`);
      await page.getByText(/no longer exists|not found/i).first().waitFor();
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });
  });
}

describe('profiles over HTTP: a token refused mid-session', () => {
  test('asks for a new token and retries, keeping what was typed', async () => {
    const page = await profilesPage(browser, PROFILES_MODES['over HTTP to the native simulator']);
    await page.goto(`${BASE}/profiles/profiles/${MARY}`);
    await page.locator('input[name="firstName"]').fill('Maria');
    await injectFault({ path: `/profiles/${MARY}`, method: 'PATCH', kind: '401' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('The Profiles API refused the token').waitFor();
    await dialog.locator('input[name="token"]').fill(PROFILES_TOKEN);
    await dialog.getByRole('button', { name: 'Use this token and continue' }).click();
    await page.getByText('Profile Maria Jane Smith saved.').waitFor();
    assert.equal(await page.locator('input[name="firstName"]').inputValue(), 'Maria');

    await page.getByRole('button', { name: 'Sign out of the Profiles API' }).click();
    await page.waitForURL(/\/profiles\/login/);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('userdesk.profiles.token')), null);
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
});
