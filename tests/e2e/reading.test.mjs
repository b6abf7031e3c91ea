// Reading the console: page titles, the skip link, dates people read, and
// event lists that start with the newest entry.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, MODES, ROUTES, launch, signedInPage } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const demo = MODES['in Demo mode'];

test('the title names the page; the first Tab stop skips to the content', async () => {
  const page = await signedInPage(browser, demo);
  // The list's page comes with the pages part, which may still be downloading.
  await page.waitForFunction(() => document.title === 'Roles · userdesk');
  await page.goto(`${BASE}/admin/terms/new`);
  await page.locator('input[name="version"]').waitFor();
  assert.equal(await page.title(), 'New terms of service · userdesk');
  await page.goto(`${BASE}/admin/terms/1`);
  await page.locator('input[name="version"]').waitFor();
  assert.match(await page.title(), / · Terms of service · userdesk$/);
  await page.goto(`${BASE}/settings`);
  await page.waitForFunction(() => document.title === 'Connections · userdesk');

  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('dates read in the browser locale, with how long ago and the exact value on hover', async () => {
  const page = await signedInPage(browser, demo);
  await page.goto(`${BASE}/admin/logins`);
  const first = page.locator('tbody tr').first().locator('time');
  await first.waitFor();
  const stamps = await page.locator('tbody tr time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')));
  assert.deepEqual([...stamps].sort().reverse(), stamps, 'newest first');
  assert.match(await first.getAttribute('title'), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
  assert.match(await first.locator('.datetime__relative').innerText(), /now|second|minute/);
  assert.doesNotMatch(await first.innerText(), /\+0000/, 'not the raw API string');
  await page.goto(`${BASE}/admin/logins?order_by=id.asc`);
  await page.locator('tbody tr').first().locator('time[title="2018-12-01T08:32:55+0000"]').waitFor();
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('on a phone the menu opens from a button and no page scrolls sideways', async () => {
  const page = await signedInPage(browser, demo);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${BASE}/admin/users`);
  await page.locator('tbody tr').first().waitFor();
  // The Admin API has no text search for users, and the list says so.
  await page.getByText('The API cannot search users by text: filter by status or role, or open one by its exact username.').waitFor();
  const menu = page.getByRole('button', { name: 'Menu' });
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false, 'folded');
  await menu.click();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roles' }).click();
  await page.waitForURL(`${BASE}/admin/roles`);
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ state: 'hidden' });
  // Rows are cards: each value carries its column's name.
  const cell = page.locator('tbody tr').first().locator('td:not(.table__select)').first();
  assert.equal(await cell.getAttribute('data-label'), 'ID');
  // Cards keep the columns that matter most: a role's policies wait for a wider screen.
  const card = page.locator('tbody tr').first();
  assert.equal(await card.locator('td[data-label="Name"]').isVisible(), true);
  assert.equal(await card.locator('td[data-label="Password policy"]').isVisible(), false);
  assert.equal(await page.locator('thead th', { hasText: 'Password policy' }).isVisible(), false, 'nor its header');
  await page.setViewportSize({ width: 1280, height: 844 });
  assert.equal(await card.locator('td[data-label="Password policy"]').isVisible(), true, 'back on a wide screen');
  await page.setViewportSize({ width: 390, height: 844 });

  const wide = [];
  for (const route of ROUTES) {
    await page.goto(`${BASE}${route}`);
    await page.locator('h1').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('.loading'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) wide.push(`${route}: ${overflow}px`);
  }
  assert.deepEqual(wide, []);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('a dialog gives the focus back to the control that opened it', async () => {
  const page = await signedInPage(browser, demo);
  await page.goto(`${BASE}/admin/terms/1`);
  const remove = page.getByRole('button', { name: 'Delete terms version' });
  await remove.click();
  await page.getByRole('dialog').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  await page.waitForFunction(() => document.activeElement?.textContent === 'Delete terms version');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('in dark mode the Delete button and error toasts keep 4.5:1 contrast', async () => {
  const page = await signedInPage(browser, demo);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${BASE}/admin/terms/1`);
  const ratio = await page.getByRole('button', { name: 'Delete terms version' }).evaluate((button) => {
    const rgb = (text) => text.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
    const luminance = ([r, g, b]) => {
      const [lr, lg, lb] = [r, g, b].map((c) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
    };
    const style = getComputedStyle(button);
    const [a, b] = [luminance(rgb(style.color)), luminance(rgb(style.backgroundColor))].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  });
  assert.ok(ratio >= 4.5, `contrast ${ratio.toFixed(2)}:1`);
  await page.context().close();
});
