// What admin-console users expect of every list and record page: CSV
// export of the current view, bulk delete with progress and a failure
// summary, copy buttons, masked secrets, and "Copy as curl" with the
// secrets as shell variables. Over HTTP, where a second client can shape
// the data and a fault can fail one request.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  APP_KEY, BASE, MODES, clearFaults, injectFault, launch, serverCall, signedInPage,
} from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Creates an archived app key through another client; returns its id. */
async function archivedKey(application, key) {
  const response = await serverCall('POST', '/app_keys', { application, key, status: 3 });
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()).app_key.id;
}

async function adminOverHttp() {
  const page = await signedInPage(browser, MODES['over HTTP to the native simulator']);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  return page;
}

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

test('CSV export writes the filtered view, every page, with a BOM, quoting and formulas kept as text', async () => {
  const page = await adminOverHttp();
  const formula = '=HYPERLINK("http://evil.example","x")';
  const quoted = 'Acme, "Intl"';
  await archivedKey(formula, 'A'.repeat(32));
  await archivedKey(quoted, 'B'.repeat(32));
  for (let n = 0; n < 11; n += 1) await archivedKey(`Bulk ${n}`, `${n}`.padStart(32, 'C'));
  // 10 to a page: the export reads both pages of the filtered view.
  await page.goto(`${BASE}/admin/app-keys?status=3&limit=10`);
  await page.locator('tbody tr').first().waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  assert.equal(file.suggestedFilename(), 'app-keys.csv');
  const text = await readFile(await file.path(), 'utf8');
  assert.ok(text.startsWith('\uFEFFID,Application,Key,Status,Updated\r\n'), text.slice(0, 80));
  const lines = text.slice(1).split('\r\n').filter(Boolean);
  assert.equal(lines.length, 1 + 13, 'a header and all 13 archived keys, across two pages');
  assert.ok(lines.every((line, n) => n === 0 || line.includes(',Archived,')), 'only the filtered status');
  assert.ok(text.includes(`,"'=HYPERLINK(""http://evil.example"",""x"")",${'A'.repeat(32)},Archived,`), 'formula guarded and quoted');
  assert.ok(text.includes(`,"Acme, ""Intl""",${'B'.repeat(32)},`), 'commas and quotes quoted');
  await page.getByText('Exported 13 app keys.').waitFor();
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('bulk delete shows progress, goes on past one failure and names it', async () => {
  const page = await adminOverHttp();
  const ids = [];
  for (const name of ['First', 'Second', 'Third']) ids.push(await archivedKey(`${name} client`, `${name}`.padEnd(32, 'x')));
  await page.goto(`${BASE}/admin/app-keys?status=3`);
  await page.locator('tbody tr').nth(2).waitFor();
  await page.getByRole('checkbox', { name: 'Choose every row shown' }).check();
  await page.getByText('3 chosen').waitFor();
  await page.getByRole('checkbox', { name: `Choose app key ${ids[1]}` }).uncheck();
  await page.getByText('2 chosen').waitFor();
  await page.getByRole('checkbox', { name: `Choose app key ${ids[1]}` }).check();
  await injectFault({ path: `/app_key/${ids[1]}`, method: 'DELETE', kind: '500' });
  await page.getByRole('button', { name: 'Delete chosen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('3 app keys will be deleted, one at a time.').waitFor();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await page.getByText('Deleted 2 of 3 app keys; 1 failed.').waitFor();
  const failures = await page.locator('.bulk__failures li').allInnerTexts();
  assert.equal(failures.length, 1);
  assert.match(failures[0], new RegExp(`^app key ${ids[1]}: `));
  // The list reloads: only the key that failed is left, still chosen.
  await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
  assert.match(await page.locator('tbody tr').innerText(), /Second client/);
  await page.getByText('1 chosen').waitFor();
  for (const id of [ids[0], ids[2]]) assert.equal((await serverCall('GET', `/app_key/${id}`)).status, 404);
  await clearFaults();
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('keys are masked until shown, ids copy, and a record page\'s requests copy as curl with secrets redacted', async () => {
  const page = await adminOverHttp();
  const key = 'K'.repeat(28) + 'tail';
  const id = await archivedKey('Masked client', key);
  await page.goto(`${BASE}/admin/app-keys?status=3`);
  const row = page.locator('tbody tr', { hasText: 'Masked client' });
  await row.waitFor();
  assert.equal(await row.locator('.secret__value').innerText(), '••••••••tail');
  assert.ok(!(await row.innerText()).includes(key), 'the key is not on the page until shown');
  await row.getByRole('button', { name: 'Copy the Key' }).click();
  await row.getByText('Copied the Key.').waitFor();
  assert.equal(await clipboard(page), key, 'Copy copies the real key');
  await row.getByRole('button', { name: 'Show the Key' }).click();
  assert.equal(await row.locator('.secret__value').innerText(), key);

  // The record page: the key field is masked too; the id copies.
  await page.goto(`${BASE}/admin/app-keys/${id}`);
  const field = page.locator('input[name="key"]');
  await field.waitFor();
  assert.equal(await field.getAttribute('type'), 'password');
  assert.equal(await field.getAttribute('autocomplete'), 'off', 'not offered to a password manager');
  await page.getByRole('button', { name: 'Show the key' }).click();
  assert.equal(await field.getAttribute('type'), 'text');
  await page.getByRole('button', { name: 'Copy the ID' }).click();
  await page.getByText('Copied the ID.').waitFor();
  assert.equal(await clipboard(page), String(id));

  // Save once, so the page made a GET and a PUT.
  await page.locator('input[name="application"]').fill('Masked client 2');
  await page.getByRole('button', { name: /^Save/ }).click();
  await page.getByText('App key for Masked client 2 saved.').waitFor();
  const requests = page.locator('details.requests');
  await requests.locator('summary').click();
  await requests.getByText(`PUT /api/admin/v/1.0/app_key/${id} → 200`).waitFor();
  await requests.locator('li', { hasText: 'PUT' }).getByRole('button', { name: `Copy the PUT /api/admin/v/1.0/app_key/${id} request as curl` }).click();
  const curl = await clipboard(page);
  const token = await page.evaluate(() => Object.values(sessionStorage).join(' '));
  assert.match(curl, /^curl -X PUT "http:\/\/127\.0\.0\.1:\d+\/api\/admin\/v\/1\.0\/app_key\/\d+\?app_key=\$APP_KEY" \\\n/);
  assert.ok(curl.includes('-u "$TOKEN:"'), curl);
  assert.ok(curl.includes('--data-raw "{'), curl);
  assert.ok(!curl.includes(APP_KEY), 'no app key');
  for (const stored of token.split(/[\s"{}:,]+/).filter((part) => part.length >= 16)) {
    assert.ok(!curl.includes(stored), 'no session token');
  }
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});
