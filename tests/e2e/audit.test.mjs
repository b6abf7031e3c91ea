// The axe-core audit: every route of the console, signed in to all four
// APIs (Demo), in light and in dark, with no serious or critical
// violation of WCAG 2.1 A/AA.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import {
  BASE, PROFILES_TOKEN, ROUTES, freshPage, launch, signIn, spaGo, websupportSignIn,
} from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Waits until the page has its heading and nothing is loading. */
async function settled(page) {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 10_000 }).catch(() => {});
}

test('no page has a serious or critical axe violation, light or dark', async () => {
  const page = await freshPage(browser);
  // Signed in everywhere, so each route shows its real content.
  await signIn(page);
  await page.waitForURL(`${BASE}/admin/roles`);
  await page.goto(`${BASE}/profiles/login`);
  await page.locator('input[name="token"]').fill(PROFILES_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${BASE}/profiles/profiles`);
  // Websupport's secret and the ERP's password live in memory: no reload from here on.
  await websupportSignIn(page);
  await spaGo(page, '/erp/login');
  await page.locator('input[name="LoginName"]').fill('agent');
  await page.locator('input[name="Password"]').fill('agentPass!');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  const found = [];
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const route of ROUTES.filter((path) => !path.endsWith('/login'))) {
      await spaGo(page, route);
      await settled(page);
      const { violations } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      for (const violation of violations.filter((v) => ['serious', 'critical'].includes(v.impact))) {
        const where = violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ');
        found.push(`${scheme} ${route}: ${violation.id} (${violation.impact}) at ${where}`);
      }
    }
  }
  // The sign-in pages, signed out (each one reloads: last).
  for (const route of ROUTES.filter((path) => path.endsWith('/login'))) {
    await page.goto(`${BASE}${route}`);
    await page.locator('main h1').first().waitFor();
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    for (const violation of violations.filter((v) => ['serious', 'critical'].includes(v.impact))) {
      found.push(`${route}: ${violation.id} (${violation.impact})`);
    }
  }
  assert.deepEqual(found, []);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});
