// Sessions that never lose work: a 401 mid-edit (over HTTP), a session
// ending mid-edit (Demo), and leaving with unsaved changes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, freshPage, launch, resetServer, signIn, useServer } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a 401 mid-edit asks for the password, then saves the typed input', async () => {
  const page = await freshPage(browser);
  await resetServer();
  await useServer(page);
  await signIn(page);
  await page.waitForURL(`${BASE}/admin/roles`);
  await page.goto(`${BASE}/admin/roles/new`);
  await page.locator('input[name="name"]').fill('MID_EDIT');
  await page.locator('input[name="priority"]').fill('77');
  await page.locator('input[name="login_lockout_policy"]').uncheck();

  // The server restarts and forgets every token.
  await resetServer();
  await page.getByRole('button', { name: 'Create role' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Your session has ended').waitFor();
  assert.equal(await page.locator('input[name="name"]').inputValue(), 'MID_EDIT', 'the page is still there');

  await dialog.locator('input[name="password"]').fill('admin1pass');
  await dialog.getByRole('button', { name: 'Sign in and continue' }).click();
  await page.getByText('Role MID_EDIT created.').waitFor();
  await page.waitForURL(/\/admin\/roles\/\d+$/);
  assert.equal(await page.locator('input[name="priority"]').inputValue(), '77');
  assert.equal(await page.locator('input[name="login_lockout_policy"]').isChecked(), false);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('in Demo mode, a session that ends mid-edit asks for the password, then saves', async () => {
  const page = await freshPage(browser);
  // The demo simulator and the session clock both read the page's clock.
  await page.clock.install();
  await signIn(page);
  await page.waitForURL(`${BASE}/admin/roles`);
  await page.goto(`${BASE}/admin/terms/new`);
  await page.locator('input[name="version"]').fill('9.9');
  await page.locator('textarea[name="text"]').fill('Typed before the session ended.');

  // Four hours and a bit later the token has expired: the console asks at once.
  await page.clock.fastForward('04:00:30');
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Your session has ended').waitFor();
  assert.equal(await page.locator('textarea[name="text"]').inputValue(), 'Typed before the session ended.');

  await dialog.locator('input[name="password"]').fill('admin1pass');
  await dialog.getByRole('button', { name: 'Sign in and continue' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Create version' }).click();
  await page.getByText('Terms version 9.9 created.').waitFor();
  await page.waitForURL(/\/admin\/terms\/\d+$/);
  assert.equal(await page.locator('textarea[name="text"]').inputValue(), 'Typed before the session ended.');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('leaving a form with unsaved changes asks first', async () => {
  const page = await freshPage(browser);
  await signIn(page);
  await page.waitForURL(`${BASE}/admin/roles`);
  await page.goto(`${BASE}/admin/account`);
  const firstName = page.locator('input[name="first_name"]');
  await firstName.waitFor();
  await firstName.fill('Changed');

  // The app's own dialog asks; staying keeps the page and the typing.
  const native = [];
  page.on('dialog', async (question) => { native.push(question.message()); await question.dismiss(); });
  const roles = page.getByRole('link', { name: 'Roles', exact: true });
  await roles.click();
  const question = page.getByRole('dialog', { name: 'Leave without saving?' });
  await question.getByText(/unsaved changes/).waitFor();
  await question.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await question.count(), 0);
  assert.equal(page.url(), `${BASE}/admin/account`);
  assert.equal(await firstName.inputValue(), 'Changed');

  // Signing out asks too.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await question.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(page.url(), `${BASE}/admin/account`);

  // Leaving goes where the link pointed.
  await roles.click();
  await question.getByRole('button', { name: 'Leave' }).click();
  await page.waitForURL(`${BASE}/admin/roles`);

  // Changing a field back is not a change: no question.
  await page.goto(`${BASE}/admin/account`);
  await firstName.waitFor();
  await firstName.fill('Changed');
  await firstName.fill('Tommy');
  await roles.click();
  await page.waitForURL(`${BASE}/admin/roles`);
  assert.deepEqual(native, [], 'no browser dialog');
  await page.context().close();
});

test('Demo in two tabs: a role created in each is found in both', async () => {
  const first = await freshPage(browser);
  const second = await first.context().newPage();
  second.pageErrors = [];
  second.on('pageerror', (error) => second.pageErrors.push(String(error)));
  for (const tab of [first, second]) {
    await signIn(tab);
    await tab.waitForURL(`${BASE}/admin/roles`);
  }
  const create = async (tab, name) => {
    await tab.goto(`${BASE}/admin/roles/new`);
    await tab.locator('input[name="name"]').fill(name);
    await tab.getByRole('button', { name: 'Create role' }).click();
    await tab.getByText(`Role ${name} created.`).waitFor();
  };
  // Each tab writes after the other has: neither may lose the other's role.
  await create(first, 'TAB_ONE');
  await create(second, 'TAB_TWO');
  await create(first, 'TAB_THREE');
  for (const tab of [first, second]) {
    await tab.goto(`${BASE}/admin/roles?order_by=name.desc&limit=100`);
    for (const name of ['TAB_ONE', 'TAB_TWO', 'TAB_THREE']) {
      await tab.locator('tbody tr', { hasText: name }).waitFor();
    }
  }
  assert.deepEqual(first.pageErrors, []);
  assert.deepEqual(second.pageErrors, []);
  await first.context().close();
});
