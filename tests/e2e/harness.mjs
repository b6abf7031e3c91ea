// Shared set-up for the end-to-end tests: Debian's Chromium driven by
// playwright-core (no browser download), against `cargo xtask demo`.
import { chromium } from 'playwright-core';

export const BASE = process.env.USERDESK_URL ?? 'http://127.0.0.1:8090';
export const ADMIN_API = '/api/admin';
export const APP_KEY = 'y84pSJ7PA4E9Lnj936ptdqj9jmGCmtTx';

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** A fresh page (own storage) that fails the test on any uncaught page error. */
export async function freshPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.pageErrors = [];
  page.on('pageerror', (error) => page.pageErrors.push(error.message));
  page.on('console', (message) => {
    // Chromium logs every 4xx/5xx answer itself; the tests provoke those on purpose.
    const networkLog = message.text().startsWith('Failed to load resource');
    if (message.type() === 'error' && !networkLog) page.pageErrors.push(message.text());
  });
  return page;
}

/** Resets the native simulator to the documented examples. */
export async function resetServer() {
  const response = await fetch(`${BASE}/__sim/reset`, { method: 'POST' });
  if (response.status !== 204) throw new Error(`reset answered ${response.status}`);
}

/** Points one API at the native simulator through the Connections page:
 * `mode` names its mode radios, `baseField` its base URL input. */
async function pointAt(page, mode, baseField, base) {
  await page.goto(`${BASE}/settings`);
  await page.locator(`input[name="${mode}"][value="server"]`).check();
  await page.locator(`input[name="${baseField}"]`).fill(base);
  await page.getByRole('button', { name: 'Save connections' }).click();
  await page.getByText('Connection settings saved.').waitFor();
}

/** Both ways the console reaches an API, `use` pointing it at the
 * native simulator; each test runs once per mode. */
function bothModes(use) {
  return {
    'over HTTP to the native simulator': async (page) => { await resetServer(); await use(page); },
    'in Demo mode': async () => {},
  };
}

/** Points the Admin API at the native simulator through the Connections page. */
export async function useServer(page) {
  await pointAt(page, 'admin.mode', 'base_url', ADMIN_API);
  await page.locator('.connection__target', { hasText: ADMIN_API }).waitFor();
}

export async function signIn(page, username = 'admin1', password = 'admin1pass', base = BASE) {
  await page.goto(`${base}/admin/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Another client talking to the simulator directly, as a second administrator would. */
export async function serverCall(method, path, body) {
  const auth = (user, pass) => 'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');
  const tokenResponse = await fetch(`${BASE}${ADMIN_API}/v/1.0/token?app_key=${APP_KEY}`, {
    headers: { Authorization: auth('admin1', 'admin1pass') },
  });
  const { token } = await tokenResponse.json();
  return fetch(`${BASE}${ADMIN_API}/v/1.0${path}?app_key=${APP_KEY}`, {
    method,
    headers: { Authorization: auth(token, ''), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export const PROFILES_API = '/api/profiles';
export const PROFILES_TOKEN = 'demo-profiles-token';

/** Points the Profiles API at the native simulator through the Connections page. */
export async function useProfilesServer(page) {
  await pointAt(page, 'profiles.mode', 'profiles.base_url', PROFILES_API);
}

export const PROFILES_MODES = bothModes(useProfilesServer);

/** A fresh page, connected in `mode` and signed in to the Profiles API. */
export async function profilesPage(browser, connect) {
  const page = await freshPage(browser);
  await connect(page);
  await page.goto(`${BASE}/profiles/login`);
  await page.locator('input[name="token"]').fill(PROFILES_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${BASE}/profiles/profiles`);
  return page;
}

export const WEBSUPPORT_API = '/api/websupport';
export const WEBSUPPORT_KEYS = {
  reseller: ['demo-websupport-key', 'demo-websupport-secret'],
  customer: ['demo-customer-key', 'demo-customer-secret'],
};

/** Points Websupport at the native simulator through the Connections page. */
export async function useWebsupportServer(page) {
  await pointAt(page, 'websupport.mode', 'websupport.base_url', WEBSUPPORT_API);
}

export const WEBSUPPORT_MODES = bothModes(useWebsupportServer);

/** Signs in to Websupport with a demo key (`reseller` or `customer`), on
 * the console at `base` (the simulator's own, or one behind a proxy). */
export async function websupportSignIn(page, who = 'reseller', base = BASE) {
  const [key, secret] = WEBSUPPORT_KEYS[who];
  await page.goto(`${base}/websupport/login`);
  await page.locator('input[name="api_key"]').fill(key);
  await page.locator('input[name="secret"]').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/websupport/users`);
}

/** A fresh page, connected in `mode` and signed in to Websupport. */
export async function websupportPage(browser, connect, who = 'reseller') {
  const page = await freshPage(browser);
  await connect(page);
  await websupportSignIn(page, who);
  return page;
}

export const ERP_API = '/api/erp';

/** Points the ERP at the native simulator through the Connections page. */
export async function useErpServer(page) {
  await pointAt(page, 'erp.mode', 'erp.base_url', ERP_API);
}

export const ERP_MODES = bothModes(useErpServer);

/** Signs in to the ERP on `page`, from its sign-in page. */
export async function erpSignIn(page, loginName = 'agent', password = 'agentPass!') {
  await page.goto(`${BASE}/erp/login`);
  await page.locator('input[name="LoginName"]').fill(loginName);
  await page.locator('input[name="Password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export const MODES = bothModes(useServer);

/** Waits until the list table shows exactly `count` rows. */
export const rowCount = (page, count) =>
  page.waitForFunction((n) => document.querySelectorAll('tbody tr').length === n, count);

/** A fresh page, connected in `mode` and signed in as admin1. */
export async function signedInPage(browser, connect) {
  const page = await freshPage(browser);
  await connect(page);
  await signIn(page);
  await page.waitForURL(`${BASE}/admin/roles`);
  return page;
}

/** Makes the next matching API call fail: `{path, method, kind, times}` (see crates/sim-server/src/fault.rs). */
export async function injectFault(fault) {
  const response = await fetch(`${BASE}/__sim/fault`, { method: 'POST', body: JSON.stringify(fault) });
  if (response.status !== 204) throw new Error(`fault control answered ${response.status}: ${await response.text()}`);
}

/** Clears every armed fault (and wakes a hanging call). */
export async function clearFaults() {
  await fetch(`${BASE}/__sim/fault`, { method: 'DELETE' });
}

/** Serves `text` as the deployment's /config.json until the next reset. */
export async function serveConfig(text) {
  const body = typeof text === 'string' ? text : JSON.stringify(text);
  const response = await fetch(`${BASE}/__sim/config`, { method: 'PUT', body });
  if (response.status !== 204) throw new Error(`config control answered ${response.status}`);
}

/** Every route of the console, for tours. */
export const ROUTES = [
  '/', '/settings', '/admin/login', '/admin/account', '/admin/account/password',
  '/admin/administrators', '/admin/administrators/new', '/admin/administrators/1',
  '/admin/app-keys', '/admin/app-keys/new', '/admin/app-keys/1',
  '/admin/roles', '/admin/roles/new', '/admin/roles/1',
  '/admin/users', '/admin/users/new', '/admin/users/2',
  '/admin/user-profiles', '/admin/user-profiles/new', '/admin/user-profiles/1',
  '/admin/terms', '/admin/terms/new', '/admin/terms/1',
  '/admin/countries', '/admin/regions', '/admin/logins', '/admin/password-resets', '/admin/notifications',
  '/profiles/login', '/profiles/profiles', '/profiles/profiles/new', '/profiles/profiles/6006dda272f002519c3eb505',
  '/profiles/profiles/6006dda272f002519c3eb505/contacts', '/profiles/profiles/6006dda272f002519c3eb505/contacts/new',
  '/profiles/profiles/6006dda272f002519c3eb505/contacts/6006dda272f002519c3eb505',
  '/erp/login', '/erp/remove-user',
  '/websupport/login', '/websupport/signup', '/websupport/restore-password', '/websupport/users', '/websupport/account',
  '/no/such/page',
];

/** Goes to `path` inside the app, without a reload (which would forget
 * in-memory credentials such as Websupport's secret). */
export async function spaGo(page, path) {
  await page.evaluate((to) => {
    history.pushState({}, '', to);
    dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, path);
  await page.waitForURL(`${BASE}${path}`);
}

/** Types each value into the input of the form named by its key, in order. */
export async function fillIn(page, values) {
  for (const [name, value] of Object.entries(values)) {
    await page.locator(`input[name="${name}"]`).fill(value);
  }
}
