// Throwaway: screenshots for review (not committed).
import { launch } from './harness.mjs';
const BASE = process.env.USERDESK_URL ?? 'http://127.0.0.1:8090';
const browser = await launch();
for (const [w, h] of [[1366, 860], [390, 844]]) {
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(`${BASE}/profiles/login`);
    await page.locator('input[name="token"]').fill('demo-profiles-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${BASE}/profiles/profiles`);
    await page.goto(`${BASE}/websupport/login`);
    await page.locator('input[name="api_key"]').fill('demo-websupport-key');
    await page.locator('input[name="secret"]').fill('demo-websupport-secret');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${BASE}/websupport/users`);
    await page.getByText('10,001 users').waitFor();
    await page.screenshot({ path: `/tmp/shots/ws-${w}-${scheme}.png` });
    await page.goto(`${BASE}/admin/login`);
    await page.locator('input[name="username"]').fill('admin1');
    await page.locator('input[name="password"]').fill('admin1pass');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${BASE}/admin/roles`);
    await page.goto(`${BASE}/admin/roles/new`);
    await page.locator('input[name="name"]').waitFor();
    await page.screenshot({ path: `/tmp/shots/role-${w}-${scheme}.png`, fullPage: true });
    await context.close();
  }
}
await browser.close();
