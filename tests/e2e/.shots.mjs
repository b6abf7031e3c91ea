// Throwaway: screenshots for review (not committed).
import { launch } from './harness.mjs';
const BASE = process.env.USERDESK_URL ?? 'http://127.0.0.1:8090';
const browser = await launch();
for (const [w, h] of [[1366, 860], [390, 844]]) {
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(`${BASE}/settings`);
    await page.getByText('Demo uses its own application key').waitFor();
    await page.screenshot({ path: `/tmp/shots/settings-${w}-${scheme}.png`, fullPage: false });
    await page.goto(`${BASE}/admin/login`);
    await page.locator('input[name="username"]').fill('admin1');
    await page.locator('input[name="password"]').fill('admin1pass');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${BASE}/admin/roles`);
    await page.goto(`${BASE}/admin/user-profiles/new`);
    await page.getByLabel('Or type an exact username').fill('user2');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByText('This user already has a profile').first().waitFor();
    await page.screenshot({ path: `/tmp/shots/profile-${w}-${scheme}.png`, fullPage: true });
    await page.goto(`${BASE}/admin/roles`);
    await page.locator('tbody tr').first().waitFor();
    await page.screenshot({ path: `/tmp/shots/roles-${w}-${scheme}.png`, fullPage: false });
    await context.close();
  }
}
await browser.close();
