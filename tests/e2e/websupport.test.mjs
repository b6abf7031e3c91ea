// Websupport: signed requests, public sign-up and password restore, the
// 10,000-user list, sub-users, billing and domain profiles (with the
// documented refusals known up front), the 200-with-errors answers, and
// the customer's own account.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, WEBSUPPORT_MODES, fillIn, freshPage, launch, spaGo, websupportPage, websupportSignIn } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const domRows = (page) => page.locator('.vtable tbody tr:not(.vtable__spacer)').count();

for (const [mode, connect] of Object.entries(WEBSUPPORT_MODES)) {
  describe(`websupport ${mode}`, () => {
    test('sign-up without a signature, a wrong secret, then sign-in', async () => {
      const page = await freshPage(browser);
      await connect(page);
      // Demo answers inside the page: only HTTP shows the wire.
      const overHttp = mode.startsWith('over HTTP');
      const signed = [];
      page.on('request', (request) => {
        if (request.url().includes('/v1/')) signed.push([request.method(), request.headers().authorization ?? null, request.headers()['x-date'] ?? null]);
      });
      await page.goto(`${BASE}/websupport/login`);
      await page.getByRole('link', { name: 'Sign up' }).first().click();
      await page.waitForURL(`${BASE}/websupport/signup`);
      await fillIn(page, {
        login: 'ab',
        password: 'plainpass123!',
        email: 'new@example.sk, nope',
      });
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByText('Must be at least 3 characters (now 2).').waitFor();
      await page.getByText('“nope” is not a valid email address.').waitFor();
      assert.equal(signed.length, 0, 'nothing was sent');
      await page.locator('select[name="market"]').selectOption('cz');
      await fillIn(page, {
        isic: 'S421000',
        login: 'newcustomer',
        email: 'new@example.sk',
        phone: '+421900123456',
        name: 'New Customer s.r.o.',
        street: 'Hlavná 1',
        city: 'Košice',
        zip: '04001',
      });
      await page.getByRole('searchbox', { name: 'Search country' }).fill('slovakia');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByText('An ISIC card number is taken only on the Slovak (sk) market.').waitFor();
      await page.getByText('Confirm the terms and conditions to sign up.').waitFor();
      assert.equal(signed.length, 0, 'still nothing sent');
      await page.getByRole('switch', { name: 'I confirm the terms and conditions' }).check();
      await page.locator('input[name="isic"]').fill('');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.waitForURL(`${BASE}/websupport/login`);
      await page.getByText('Account newcustomer created.').waitFor();
      if (overHttp) assert.deepEqual(signed.map(([method, auth]) => [method, auth]), [['POST', null]], 'the sign-up is unsigned');

      await page.locator('input[name="api_key"]').fill('demo-websupport-key');
      await page.locator('input[name="secret"]').fill('wrong-secret');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText(/refused the signature\. Check the API key and the secret, and that this computer's clock is right/).waitFor();
      assert.equal(await page.locator('input[name="api_key"]').inputValue(), 'demo-websupport-key', 'the key stays typed');
      await page.locator('input[name="secret"]').fill('demo-websupport-secret');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${BASE}/websupport/users`);
      await page.getByText('Websupport: testaccount').waitFor();
      if (overHttp) {
        const [method, auth, date] = signed.find(([m]) => m === 'GET');
        assert.equal(method, 'GET');
        assert.match(auth, /^Basic [A-Za-z0-9+/=]+$/);
        const [key, signature] = Buffer.from(auth.slice(6), 'base64').toString().split(':');
        assert.equal(key, 'demo-websupport-key');
        assert.match(signature, /^[0-9a-f]{40}$/);
        // ISO 8601's basic form in GMT, as Websupport's introduction asks.
        assert.match(date, /^\d{8}T\d{6}Z$/);
      }
      // The secret lives in memory only.
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
      assert.ok(!stored.includes('demo-websupport-secret'));
      await page.reload();
      await page.waitForURL(/\/websupport\/login\?next=/);
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });

    test('ten thousand users: few rows in the page, search and order in the URL', async () => {
      const page = await websupportPage(browser, connect);
      await page.getByText('10,001 users').waitFor();
      const rows = await domRows(page);
      assert.ok(rows > 10 && rows <= 200, `${rows} rows in the DOM`);
      await page.locator('.vtable').evaluate((box) => { box.scrollTop = 40 * 5000; });
      await page.waitForURL(/page=51/);
      await page.getByRole('link', { name: 'customer05001', exact: true }).waitFor();
      assert.ok(await domRows(page) <= 200);
      await page.locator('input[name="q"]').fill('CUSTOMER0999');
      await page.getByText('10 of 10,001 users match “CUSTOMER0999”').waitFor();
      await page.waitForURL(/q=CUSTOMER0999/);
      assert.equal(await domRows(page), 10);
      // The documented list items carry no email: the search promises logins only.
      assert.equal(await page.locator('input[name="q"]').getAttribute('placeholder'), 'Login');
      await page.locator('input[name="q"]').fill('customer09999@example');
      await page.getByText('No users match.').waitFor();
      await page.locator('input[name="q"]').fill('customer09999');
      await page.getByText('1 of 10,001 users match').waitFor();
      await page.locator('input[name="q"]').fill('');
      await page.getByRole('button', { name: /^ID/ }).click();
      await page.getByRole('button', { name: /^ID/ }).click();
      await page.waitForURL(/order_by=id\.desc/);
      await page.locator('.vtable tbody tr:not(.vtable__spacer)').first().getByRole('link', { name: 'customer10000' }).waitFor();
      await page.locator('input[name="q"]').fill('nobody-here');
      await page.getByText('No users match.').waitFor();
      await page.getByRole('button', { name: 'Clear the search' }).click();
      await page.getByText('10,001 users').waitFor();
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });

    test('a sub-user: the server\'s 200-with-errors lands on the field; create, then edit', async () => {
      const page = await websupportPage(browser, connect);
      await page.getByRole('link', { name: 'New sub-user' }).click();
      await fillIn(page, {
        login: 'testaccount',
        password: 'secret1',
        email: 'sub@example.sk',
        phone: '+421900000001',
        name: 'Sub User',
        street: 'Ulica 1',
        city: 'Nitra',
        zip: '94901',
      });
      await page.getByRole('searchbox', { name: 'Search country' }).fill('slovakia');
      await page.getByRole('switch', { name: 'I confirm the terms and conditions' }).check();
      await page.getByRole('button', { name: 'Create sub-user' }).click();
      await page.getByText('Login already exists.').waitFor();
      assert.equal(await page.locator('input[name="login"]').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('input[name="email"]').inputValue(), 'sub@example.sk', 'nothing typed is lost');
      await page.locator('input[name="login"]').fill('freshsub');
      await page.getByRole('button', { name: 'Create sub-user' }).click();
      await page.getByText('Sub-user freshsub created.').waitFor();
      await page.getByRole('heading', { name: 'freshsub' }).waitFor();
      await page.getByText('Name, address and company IDs change only through billing profiles.').waitFor();
      await page.locator('input[name="email"]').fill('a');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Must be at least 3 characters (now 1).').waitFor();
      // Clearing the email is refused before anything is sent.
      await page.locator('input[name="email"]').fill('');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Websupport refuses an empty email: keep at least one address.').waitFor();
      await page.locator('input[name="email"]').fill('new@example.sk');
      // No answer shows the notification language: the saved form is
      // compared with what was sent, so nothing is left "unsaved".
      await page.locator('select[name="userLanguage"]').selectOption('en');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('User freshsub saved.').waitFor();
      assert.equal(await page.locator('select[name="userLanguage"]').inputValue(), 'en');
      await page.getByRole('link', { name: 'Open the billing profiles' }).click();
      assert.equal(await page.getByRole('dialog', { name: 'Leave without saving?' }).count(), 0, 'nothing unsaved');
      await page.getByRole('link', { name: 'default' }).waitFor();
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });

    test('billing profiles: create, edit, delete; the default one is kept', async () => {
      const page = await websupportPage(browser, connect);
      await spaGo(page, '/websupport/users/self/billing');
      await page.getByRole('link', { name: 'New billing profile' }).click();
      await fillIn(page, {
        profile: 'shop',
        name: 'ab',
        street: 'Obchodná 5',
        city: 'Bratislava',
        zip: '811 01',
      });
      await page.getByRole('searchbox', { name: 'Search country' }).fill('slovakia');
      await page.getByRole('button', { name: 'Create billing profile' }).click();
      await page.getByText('Must be at least 3 characters (now 2).').waitFor();
      await page.getByText('Zip code must be a number').waitFor();
      await page.locator('input[name="name"]').fill('Shop s.r.o.');
      await page.locator('input[name="zip"]').fill('81101');
      await page.getByRole('button', { name: 'Create billing profile' }).click();
      await page.getByText('Billing profile shop created.').waitFor();
      await page.getByRole('heading', { name: 'shop' }).waitFor();
      await page.locator('input[name="city"]').fill('Trnava');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Billing profile shop saved.').waitFor();
      await page.getByRole('button', { name: 'Delete billing profile' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await page.getByText('Billing profile shop deleted.').waitFor();
      await page.getByRole('link', { name: 'default' }).click();
      await page.getByText('This is the default billing profile, which cannot be deleted.').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Delete billing profile' }).isDisabled(), true);
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });

    test('domain profiles: create and delete; an assigned one is locked and kept', async () => {
      const page = await websupportPage(browser, connect);
      await spaGo(page, '/websupport/users/self/domain-profiles/126');
      await page.getByText('This profile is assigned to domains, so it cannot be deleted.').waitFor();
      await page.getByText('Assigned to domains: the company name and identifiers can no longer change.').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Delete domain profile' }).isDisabled(), true);
      assert.equal(await page.locator('input[name="orgName"]').isDisabled(), true);
      assert.equal(await page.locator('input[name="identVat"]').isDisabled(), true);
      const puts = [];
      page.on('request', (request) => { if (request.method() === 'PUT') puts.push(JSON.parse(request.postData())); });
      await page.locator('input[name="firstName"]').fill('Jozef');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Domain profile Jozef Priezvisko saved.').waitFor();
      if (mode.startsWith('over HTTP')) assert.deepEqual(puts, [{ firstName: 'Jozef' }], 'only the change travels');

      await spaGo(page, '/websupport/users/self/domain-profiles/new');
      await fillIn(page, {
        firstName: 'Eva',
        lastName: 'Nová',
        street: 'Hlavná 2',
        city: 'Žilina',
        zip: '010 01',
      });
      await page.getByRole('searchbox', { name: 'Search country' }).fill('slovakia');
      await fillIn(page, {
        email: 'eva@example.sk',
        phone: '0900123456',
        identBirthday: '1990-13-1',
      });
      await page.getByRole('button', { name: 'Create domain profile' }).click();
      await page.getByText('Enter the phone with its country code, such as +421900123456.').waitFor();
      await page.getByText('Enter the date as year-month-day, such as 1992-5-30.').waitFor();
      await page.locator('input[name="phone"]').fill('+421900123456');
      await page.locator('input[name="identBirthday"]').fill('1990-1-31');
      await page.getByRole('button', { name: 'Create domain profile' }).click();
      await page.getByText('Domain profile Eva Nová created.').waitFor();
      assert.equal(await page.locator('input[name="orgName"]').isDisabled(), false, 'no domains, no lock');
      await page.getByRole('button', { name: 'Delete domain profile' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await page.getByText('Domain profile Eva Nová deleted.').waitFor();
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });

    test('a customer manages their own account', async () => {
      const page = await websupportPage(browser, connect, 'customer');
      await page.getByText('1 users').waitFor();
      await page.getByRole('link', { name: 'My account' }).click();
      await page.getByRole('heading', { name: 'subuseraccount' }).waitFor();
      await page.getByText('Česko (cz, CZK)').waitFor();
      await page.locator('input[name="phone"]').fill('+420777000111');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('User subuseraccount saved.').waitFor();
      await page.getByRole('region', { name: 'Billing profiles' }).getByRole('link', { name: 'default' }).click();
      await page.getByRole('heading', { name: 'default' }).waitFor();
      await page.locator('input[name="street"]').fill('Masarykova 2');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Billing profile default saved.').waitFor();
      await page.locator('.breadcrumbs').getByRole('link', { name: 'User', exact: true }).click();
      await page.getByRole('heading', { name: 'subuseraccount' }).waitFor();
      await page.getByRole('button', { name: 'Sign out of Websupport' }).click();
      await page.waitForURL(/\/websupport\/login/);
      await page.getByRole('heading', { name: 'Sign in to Websupport' }).waitFor();
      assert.equal(await page.getByText('Websupport: subuseraccount').count(), 0);
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });

    test('password restore: refused unsigned as needing a signed-in console, sent signed', async () => {
      const page = await freshPage(browser);
      await connect(page);
      await page.goto(`${BASE}/websupport/restore-password`);
      await page.getByRole('button', { name: 'Send restore message' }).click();
      await page.getByText('This field is required.').waitFor();
      await page.locator('input[name="login"]').fill('testaccount');
      await page.getByRole('button', { name: 'Send restore message' }).click();
      // Only the sign-up is documented as public: the restore's curl is signed.
      await page.getByText(/accepts this request only from a signed-in console/).waitFor();
      assert.equal(await page.getByText(/Check the API key and the secret/).count(), 0);
      assert.equal(await page.locator('input[name="login"]').inputValue(), 'testaccount', 'the typed login stays');
      await websupportSignIn(page);
      await spaGo(page, '/websupport/restore-password');
      await page.locator('input[name="login"]').fill('testaccount');
      await page.getByRole('button', { name: 'Send restore message' }).click();
      await page.getByText('If testaccount exists, its password-restore message is on its way.').waitFor();
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });
  });
}
