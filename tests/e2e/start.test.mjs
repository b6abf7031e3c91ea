// The start page per API, and the theme switch.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, MODES, freshPage, launch, signIn, signedInPage } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const background = (page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

test('the theme switch applies at once and survives a reload', async () => {
  const page = await freshPage(browser);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${BASE}/`);
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await theme.waitFor();
  const light = await background(page);
  await theme.selectOption('dark');
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  const dark = await background(page);
  assert.notEqual(dark, light, 'the page turned dark in a light system');
  await page.reload();
  await theme.waitFor();
  assert.equal(await theme.inputValue(), 'dark');
  assert.equal(await background(page), dark);
  await theme.selectOption('system');
  assert.equal(await page.locator('html').getAttribute('data-theme'), null);
  assert.equal(await background(page), light);
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await background(page), dark, 'System follows the system');
  await theme.selectOption('light');
  assert.equal(await background(page), light, 'Light wins over a dark system');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('the start page shows each API\'s connection, sign-in and shortcuts', async () => {
  const page = await freshPage(browser);
  await page.goto(`${BASE}/`);
  const admin = page.getByRole('article', { name: 'Admin API' });
  await admin.getByText('Not signed in.').waitFor();
  await admin.getByText('Connected to: Demo').waitFor();
  for (const name of ['Websupport', 'Profiles API', 'ERP']) {
    await page.getByRole('article', { name }).getByRole('link', { name: 'Sign in' }).waitFor();
  }
  await signIn(page);
  await page.waitForURL(`${BASE}/admin/roles`);
  await page.getByRole('link', { name: 'userdesk' }).click();
  await admin.getByText('Signed in as admin1.').waitFor();
  await admin.getByRole('link', { name: 'Terms of service' }).click();
  await page.waitForURL(`${BASE}/admin/terms`);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('a whole row opens its record, by click or by Enter', async () => {
  const page = await signedInPage(browser, MODES['in Demo mode']);
  const row = page.locator('tbody tr', { hasText: 'SUPER_ADMIN' });
  await row.locator('td').last().click();
  await page.waitForURL(/\/admin\/roles\/\d+$/);
  await page.getByRole('heading', { name: 'SUPER_ADMIN' }).waitFor();
  await page.goBack();
  await row.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/admin\/roles\/\d+$/);
  await page.getByRole('heading', { name: 'SUPER_ADMIN' }).waitFor();
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});
