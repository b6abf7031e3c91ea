// The fault matrix: 11 faults × 5 operations on terms of service, over HTTP
// to the native simulator, whose `/__sim/fault` control makes the next
// matching call fail. Each case asserts a clear visible message, that typed
// input is kept, a working retry once the fault is cleared (where a retry
// makes sense), and no uncaught error. The hang case fast-forwards the
// page's clock past the 20-second timeout instead of waiting for it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, clearFaults, freshPage, injectFault, launch, resetServer, serverCall, signIn, useServer } from './harness.mjs';

const KINDS = {
  drop: { message: /Could not reach the server/, retryable: true },
  hang: { message: /did not answer within 20 seconds/, retryable: true, hang: true },
  500: { message: /HTTP 500/, retryable: true },
  502: { message: /HTTP 502/, retryable: true },
  malformed: { message: /unexpected answer/, retryable: true },
  shape: { message: /unexpected answer/, retryable: true },
  401: { reauth: true },
  403: { message: /Forbidden: Permission denied/, retryable: false },
  404: { message: /Not found|no longer exists/, retryable: false },
  415: { message: /HTTP 415/, retryable: false },
  429: { message: /Retrying in 1 s/, automatic: true },
};

let counter = 0;

/** What each operation does, where its request goes and how success looks. */
const OPERATIONS = {
  list: {
    method: 'GET',
    path: '/terms_of_services/',
    prepare: async () => {},
    trigger: async (page) => { await page.goto(`${BASE}/admin/terms`); },
    kept: async () => {},
    succeeded: async (page) => { await page.locator('tbody tr').first().waitFor(); },
  },
  read: {
    method: 'GET',
    path: '/terms_of_service/',
    prepare: async () => {},
    trigger: async (page) => { await page.goto(`${BASE}/admin/terms/1`); },
    kept: async () => {},
    succeeded: async (page) => {
      await page.locator('input[name="version"]').waitFor();
      assert.notEqual(await page.locator('input[name="version"]').inputValue(), '');
    },
  },
  create: {
    method: 'POST',
    path: '/terms_of_services',
    prepare: async (page, typed) => {
      await page.goto(`${BASE}/admin/terms/new`);
      await page.locator('input[name="version"]').fill(typed.version);
      await page.locator('input[name="publish_date"]').fill('2024-05-06T07:08:09');
      await page.locator('textarea[name="text"]').fill(typed.text);
    },
    trigger: async (page) => { await page.getByRole('button', { name: 'Create version' }).click(); },
    kept: async (page, typed) => {
      assert.equal(await page.locator('input[name="version"]').inputValue(), typed.version);
      assert.equal(await page.locator('textarea[name="text"]').inputValue(), typed.text);
    },
    succeeded: async (page, typed) => { await page.getByText(`Terms version ${typed.version} created.`).waitFor(); },
    // A create whose answer was lost may have happened: no blind retry; the
    // user checks the list, then submits again.
    retry: async (page, kind) => {
      if (KINDS[kind].retryable) {
        await page.getByText('The record may have been created anyway').waitFor();
        assert.equal(await page.getByRole('link', { name: 'Open Terms of service' }).count(), 1);
        assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 0);
      }
      await page.getByRole('button', { name: 'Create version' }).click();
    },
  },
  update: {
    method: 'PUT',
    path: '/terms_of_service/',
    prepare: async (page, typed) => {
      await page.goto(`${BASE}/admin/terms/1`);
      await page.locator('textarea[name="text"]').fill(typed.text);
    },
    trigger: async (page) => { await page.getByRole('button', { name: 'Save changes' }).click(); },
    kept: async (page, typed) => {
      assert.equal(await page.locator('textarea[name="text"]').inputValue(), typed.text);
    },
    succeeded: async (page) => { await page.getByText(/Terms version .+ saved\./).waitFor(); },
  },
  delete: {
    method: 'DELETE',
    path: '/terms_of_service/',
    prepare: async (page, typed) => {
      const created = await serverCall('POST', '/terms_of_services', {
        version: typed.version, text: 'To delete', publish_date: '2024-01-01T00:00:00+0000', status: 5,
      });
      assert.equal(created.status, 201);
      const { terms_of_service: record } = await created.json();
      await page.goto(`${BASE}/admin/terms/${record.id}`);
      await page.getByRole('button', { name: 'Delete terms version' }).click();
    },
    trigger: async (page) => { await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click(); },
    kept: async () => {},
    succeeded: async (page) => {
      await page.waitForURL(`${BASE}/admin/terms`);
      await page.getByText(/deleted\./).first().waitFor();
    },
  },
};

let browser;
let page;
before(async () => {
  browser = await launch();
  page = await freshPage(browser);
  await page.clock.install();
  await resetServer();
  await useServer(page);
  await signIn(page);
  await page.waitForURL(`${BASE}/admin/roles`);
});
after(async () => {
  await clearFaults();
  await page?.context().close();
  await browser?.close();
});

for (const [operation, op] of Object.entries(OPERATIONS)) {
  describe(`${operation} under faults`, () => {
    for (const [kind, expect] of Object.entries(KINDS)) {
      test(`${operation} × ${kind}`, async () => {
        counter += 1;
        const typed = { version: `F${counter}`, text: `Typed for ${operation} × ${kind}` };
        await op.prepare(page, typed);
        await injectFault({ path: op.path, method: op.method, kind, times: 1 });
        const sent = page.waitForRequest((r) => r.url().includes(op.path) && r.method() === op.method);
        await op.trigger(page);
        await sent;
        if (expect.hang) await page.clock.fastForward('00:25');

        if (expect.reauth) {
          // A 401 asks for the password, then sends the call again.
          const dialog = page.getByRole('dialog');
          await dialog.getByText('Your session has ended').waitFor();
          await op.kept(page, typed);
          await dialog.locator('input[name="password"]').fill('admin1pass');
          await dialog.getByRole('button', { name: 'Sign in and continue' }).click();
          await op.succeeded(page, typed);
        } else if (expect.automatic) {
          // A 429 says when it retries, then retries once by itself.
          await page.getByText(expect.message).first().waitFor();
          await op.succeeded(page, typed);
        } else {
          const alert = page.getByRole('alert').filter({ hasText: expect.message });
          await alert.first().waitFor();
          await op.kept(page, typed);
          await clearFaults();
          if (!expect.retryable) {
            assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 0, 'no retry for a refusal');
          } else if (op.retry) {
            await op.retry(page, kind);
            await op.succeeded(page, typed);
          } else {
            await alert.first().getByRole('button', { name: 'Try again' }).click();
            await op.succeeded(page, typed);
          }
        }
        await clearFaults();
        assert.deepEqual(page.pageErrors, []);
      });
    }
  });
}
