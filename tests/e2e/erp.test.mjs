// ERP user removal: sign-in kept in memory, a fresh token per removal, the
// documented error numbers, the retries (expired token, rate limit), the log.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, ERP_MODES, erpSignIn, freshPage, injectFault, launch } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function removeUser(page, loginName, confirm = loginName) {
  await page.locator('input[name="LoginName"]').fill(loginName);
  await page.locator('input[name="confirm"]').fill(confirm);
  await page.getByRole('button', { name: 'Remove user' }).click();
}

const logRows = (page) => page.getByRole('region', { name: "This session's removals" }).locator('tbody tr');

for (const [mode, connect] of Object.entries(ERP_MODES)) {
  describe(`ERP removal ${mode}`, () => {
    test('sign in, remove, and every answer lands in the log', async () => {
      const page = await freshPage(browser);
      const logins = [];
      page.on('request', (request) => { if (request.url().endsWith('/login') && request.method() === 'POST') logins.push(request.url()); });
      await connect(page);
      await page.goto(`${BASE}/erp/remove-user`);
      await page.waitForURL(/\/erp\/login\?next=/);
      await erpSignIn(page, 'agent', 'wrong');
      await page.getByText('The ERP refused this login name and password.').waitFor();
      await erpSignIn(page);
      await page.waitForURL(`${BASE}/erp/remove-user`);

      await removeUser(page, 'x'.repeat(101));
      await page.getByText('At most 100 characters (now 101).').waitFor();
      await removeUser(page, 'John.Doo', 'John.Do');
      await page.getByText('Type the login name again, exactly, to confirm.').waitFor();
      assert.equal(await logRows(page).count(), 0, 'nothing was sent');

      await removeUser(page, 'John.Doo');
      await page.getByText('John.Doo was removed.').waitFor();
      assert.equal(await page.locator('input[name="LoginName"]').inputValue(), '');
      await removeUser(page, 'John.Doo');
      await page.getByText('Someone else already deleted this user. (error 5)').first().waitFor();
      assert.equal(await page.locator('input[name="LoginName"]').inputValue(), 'John.Doo', 'what was typed stays');
      await removeUser(page, 'SYSTEM');
      await page.getByText('No such user, or it is a system user that cannot be removed. (error 1400)').first().waitFor();
      await page.waitForFunction(() => document.querySelectorAll('[aria-labelledby="removal-log"] tbody tr').length === 3);
      const log = await logRows(page).allInnerTexts();
      assert.match(log[0], /SYSTEM\s+Failed/);
      assert.match(log[2], /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\s+John\.Doo\s+Removed/);
      if (mode.startsWith('over HTTP')) assert.equal(logins.length, 5, 'a fresh token for the sign-in and each removal');

      await page.getByRole('button', { name: 'Sign out of the ERP' }).click();
      await page.waitForURL(/\/erp\/login/);
      await page.goto(`${BASE}/erp/remove-user`);
      await page.waitForURL(/\/erp\/login\?next=/);
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });

    test('an agent without the Delete privilege is told so', async () => {
      const page = await freshPage(browser);
      await connect(page);
      await erpSignIn(page, 'viewer', 'viewerPass!');
      await page.waitForURL(`${BASE}/erp/remove-user`);
      await removeUser(page, 'Jane.Roe');
      await page.getByText('You lack the Delete privilege on the Users agenda for this user. (error 1407)').first().waitFor();
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });
  });
}

describe('ERP removal over HTTP: retries', () => {
  test('an expired token is renewed once; a rate limit is waited out on the clock', async () => {
    const page = await freshPage(browser);
    await page.clock.install();
    await ERP_MODES['over HTTP to the native simulator'](page);
    await erpSignIn(page);
    await page.waitForURL(`${BASE}/erp/remove-user`);
    const expired = JSON.stringify({ Result: { Message: 'Token x already expired', Code: 1001 } });
    await injectFault({ path: '/user/remove', method: 'POST', kind: 'canned', status: 401, body: expired });
    await removeUser(page, 'Jane.Roe');
    await page.getByText('Jane.Roe was removed.').waitFor();

    const limited = JSON.stringify({ Result: { Message: 'Request rate policy violated for [agent]', Code: 1008 } });
    await injectFault({ path: '/user/remove', method: 'POST', kind: 'canned', status: 401, body: limited, times: 2 });
    await removeUser(page, 'Peter.Novak');
    await page.getByText('Trying again in 2 s').waitFor();
    await page.clock.runFor(2_100);
    await page.getByText('Trying again in 4 s').waitFor();
    await page.clock.runFor(4_100);
    await page.getByText('Peter.Novak was removed.').waitFor();

    await injectFault({ path: '/user/remove', method: 'POST', kind: 'canned', status: 401, body: expired, times: 2 });
    await removeUser(page, 'Anna.Kovacova');
    await page.getByText('The authorisation token expired (they last 20 seconds); try again. (error 1001)').first().waitFor();
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
});

describe('ERP login refusals over HTTP', () => {
  test('an IP-filter refusal (1006) reads as itself, at sign-in and in the removal log', async () => {
    const page = await freshPage(browser);
    await ERP_MODES['over HTTP to the native simulator'](page);
    const filtered = JSON.stringify({ Result: { Message: 'IP address 10.0.0.9 is not allowed', Code: 1006 } });
    await injectFault({ path: '/login', method: 'POST', kind: 'canned', status: 401, body: filtered });
    await erpSignIn(page);
    await page.getByText("This computer's IP address is not allowed by the ERP's IP filter. (error 1006)").waitFor();
    assert.equal(await page.getByText('The ERP refused this login name and password.').count(), 0);

    await erpSignIn(page);
    await page.waitForURL(`${BASE}/erp/remove-user`);
    // The removal's fresh token is refused by the rate limit: the log says so, with its number.
    const limited = JSON.stringify({ Result: { Message: 'Request rate policy violated', Code: 1008 } });
    await injectFault({ path: '/login', method: 'POST', kind: 'canned', status: 401, body: limited });
    await removeUser(page, 'Jane.Roe');
    await page.getByText('Too many requests; wait a moment and try again. (error 1008)').first().waitFor();
    assert.equal(await page.getByText('The ERP refused this login name and password.').count(), 0);
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
});
