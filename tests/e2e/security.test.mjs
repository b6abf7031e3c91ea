// The strict CSP (a tour of every page with no violation, and eval blocked),
// the deployment headers, and an audit of everything the browser stores.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, MODES, PROFILES_TOKEN, ROUTES, erpSignIn, fillIn, freshPage, launch, signIn, signedInPage } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Everything the page can store: both storages, cookies, IndexedDB and Cache Storage. */
async function storedEverything(page) {
  const inPage = await page.evaluate(async () => {
    const dump = { local: {}, session: {}, cookie: document.cookie, indexedDB: [], caches: [] };
    for (const [store, target] of [[localStorage, dump.local], [sessionStorage, dump.session]]) {
      for (let i = 0; i < store.length; i += 1) target[store.key(i)] = store.getItem(store.key(i));
    }
    for (const info of (await indexedDB.databases?.()) ?? []) {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open(info.name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const name of db.objectStoreNames) {
        const all = await new Promise((resolve) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
        });
        dump.indexedDB.push({ db: info.name, store: name, values: all });
      }
      db.close();
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        dump.caches.push({ url: request.url, body: await response.text() });
      }
    }
    return dump;
  });
  inPage.cookies = await page.context().cookies();
  return JSON.stringify(inPage);
}

const SECRETS = ['admin1pass', 'Audit#Pass123', Buffer.from('admin1:admin1pass').toString('base64'), 'agentPass!'];

for (const [mode, connect] of Object.entries(MODES)) {
  describe(`security ${mode}`, () => {
    test('no page breaks the CSP, and eval is blocked', async () => {
      const page = await freshPage(browser);
      await page.context().addInitScript(() => {
        window.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (event) => {
          window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
        });
      });
      await connect(page);
      await signIn(page);
      await page.waitForURL(`${BASE}/admin/roles`);
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval' 'sha256-", "style-src 'self'",
        "object-src 'none'", "base-uri 'none'", "form-action 'self'", "connect-src 'self'"]) {
        assert.ok(csp.includes(directive), `${directive} in ${csp}`);
      }
      const violations = [];
      for (const route of ROUTES) {
        await page.goto(`${BASE}${route}`);
        await page.locator('h1').first().waitFor();
        await page.waitForFunction(() => !document.querySelector('.loading'));
        violations.push(...(await page.evaluate(() => window.cspViolations)).map((v) => `${route}: ${v}`));
      }
      assert.deepEqual(violations, []);

      // DevTools' own evaluate may eval; a task the page runs later may not.
      const evalResult = await page.evaluate(() => new Promise((resolve) => {
        setTimeout(() => {
          try { resolve(String(eval('6 * 7'))); } catch (error) { resolve(error.name); }
        }, 0);
      }));
      assert.equal(evalResult, 'EvalError', 'eval is blocked');
      // An injected inline script does not run either.
      await page.addScriptTag({ content: 'window.injectedRan = true;' }).catch(() => {});
      assert.equal(await page.evaluate(() => window.injectedRan === true), false, 'inline scripts are blocked');
      const blocked = page.pageErrors.filter((e) => e.includes('violates the following Content Security Policy'));
      assert.equal(blocked.length, 1, 'the browser reports the blocked inline script');
      page.pageErrors = page.pageErrors.filter((e) => !blocked.includes(e));
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });

    test('storage holds no password, secret or signature, and no token after sign-out', async () => {
      const page = await signedInPage(browser, connect);
      const session = await page.evaluate(() => JSON.parse(sessionStorage.getItem('userdesk.admin.session')));
      assert.ok(session?.token, 'the session token lives in session storage');
      const afterSignIn = await storedEverything(page);

      // During use: an administrator created with a typed password.
      await page.goto(`${BASE}/admin/administrators/new`);
      await fillIn(page, {
        username: 'auditor',
        email: 'auditor@test.com',
        first_name: 'Audit',
        last_name: 'Trail',
        joined_at: '2020-01-02T03:04',
        password: 'Audit#Pass123',
      });
      await page.getByRole('button', { name: 'Create administrator' }).click();
      await page.getByText('Administrator auditor created.').waitFor();
      // The ERP password stays in memory; the Profiles token is a session token.
      await erpSignIn(page);
      await page.waitForURL(`${BASE}/erp/remove-user`);
      await page.goto(`${BASE}/profiles/login`);
      await page.locator('input[name="token"]').fill(PROFILES_TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${BASE}/profiles/profiles`);
      const duringUse = await storedEverything(page);
      assert.ok(duringUse.includes(PROFILES_TOKEN), 'the Profiles token lives in session storage');

      await page.getByRole('button', { name: 'Sign out of the Profiles API' }).click();
      await page.waitForURL(/\/profiles\/login/);
      await page.goto(`${BASE}/admin/roles`);
      await page.getByRole('button', { name: 'Sign out', exact: true }).click();
      await page.waitForURL(/\/admin\/login/);
      const afterSignOut = await storedEverything(page);
      assert.ok(!afterSignOut.includes(PROFILES_TOKEN), 'the Profiles token is gone after its sign-out');

      for (const [when, dump] of [['after sign-in', afterSignIn], ['during use', duringUse], ['after sign-out', afterSignOut]]) {
        for (const secret of SECRETS) assert.ok(!dump.includes(secret), `${secret} stored ${when}: ${dump.slice(0, 300)}`);
      }
      assert.ok(!afterSignOut.includes(session.token), 'the token is gone everywhere after sign-out');
      assert.ok(!afterSignOut.includes('"token"'), 'no token of any kind remains');
      assert.deepEqual(page.pageErrors, []);
      await page.context().close();
    });
  });
}

test('the server sends the headers a meta CSP cannot carry', async () => {
  const response = await fetch(`${BASE}/admin/users`);
  assert.equal(response.headers.get('content-security-policy'), "frame-ancestors 'none'");
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
  assert.match(response.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
});
