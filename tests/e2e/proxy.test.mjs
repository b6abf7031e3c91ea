// The deployment, for real: Debian's nginx serves the release build through
// deploy/nginx.conf, its upstreams pointed at the simulator over HTTP
// (Websupport's at the mount that, like the live v1 API, reads the time
// from `Date` only). Signs in to Websupport and the Admin API through it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  APP_KEY, BASE, freshPage, launch, resetServer, signIn, websupportSignIn,
} from './harness.mjs';

const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const DIST = process.env.USERDESK_DIST;
const CONF = fileURLToPath(new URL('../../deploy/nginx.conf', import.meta.url));
const SIM = new URL(BASE).port;

let browser;
let nginx;
let site;

/** A free port on loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** deploy/nginx.conf's console server, on loopback and over HTTP, with
 * its upstreams pointed at the simulator; every edit must find its line. */
function localConf(text, { port, root, sim }) {
  const edits = [
    ['listen 443 ssl;', `listen 127.0.0.1:${port};`],
    ['root /srv/userdesk/dist;', `root ${root};`],
    ['proxy_pass https://api.admin.example.com/;', `proxy_pass http://127.0.0.1:${sim}/api/admin/;`],
    ['proxy_pass https://rest.websupport.sk/;', `proxy_pass http://127.0.0.1:${sim}/upstream/websupport/;`],
    ['proxy_pass https://profiles.example.com/;', `proxy_pass http://127.0.0.1:${sim}/api/profiles/;`],
    ['proxy_pass https://erp.example.com/;', `proxy_pass http://127.0.0.1:${sim}/api/erp/;`],
  ];
  // The console's server only: the port-80 redirect follows it.
  let server = text.slice(text.indexOf('server {'), text.lastIndexOf('\nserver {'));
  for (const [from, to] of edits) {
    assert.ok(server.includes(from), `deploy/nginx.conf has “${from}”`);
    server = server.replace(from, to);
  }
  return server;
}

before(async () => {
  if (!DIST) return;
  await resetServer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'userdesk-nginx-'));
  // The dist, plus a deployment config naming the servers behind the proxy.
  const root = path.join(dir, 'root');
  fs.mkdirSync(root);
  for (const entry of fs.readdirSync(DIST)) fs.symlinkSync(path.join(DIST, entry), path.join(root, entry));
  fs.writeFileSync(path.join(root, 'config.json'), JSON.stringify({
    admin: { mode: 'server', base_url: '/api/admin', version: '1.0', app_key: APP_KEY },
    websupport: { mode: 'server', base_url: '/api/websupport' },
  }));
  const port = await freePort();
  const server = localConf(fs.readFileSync(CONF, 'utf8'), { port, root, sim: SIM });
  const temp = (name) => `${name}_temp_path ${path.join(dir, name)};`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), `
daemon off;
master_process off;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')};
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  ${server}
}
`);
  nginx = spawn(NGINX, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf')], { stdio: 'inherit' });
  site = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries += 1) {
    try {
      await fetch(`${site}/`);
      break;
    } catch (error) {
      if (tries > 100) throw new Error(`nginx did not start: ${error}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  browser = await launch();
});

after(async () => {
  await browser?.close();
  nginx?.kill();
});

test('nginx: security headers, a fresh config.json, and sign-ins with the time in Date', { skip: !DIST && 'USERDESK_DIST is not set (run through cargo xtask test)' }, async () => {
  const page = await fetch(`${site}/admin/roles`);
  assert.equal(page.status, 200, 'client-side routes fall back to index.html');
  for (const [name, value] of [
    ['content-security-policy', "frame-ancestors 'none'"],
    ['x-frame-options', 'DENY'],
    ['x-content-type-options', 'nosniff'],
    ['referrer-policy', 'no-referrer'],
  ]) {
    assert.equal(page.headers.get(name), value, name);
  }
  assert.match(page.headers.get('strict-transport-security'), /max-age=31536000/);
  const config = await fetch(`${site}/config.json`);
  assert.equal(config.headers.get('cache-control'), 'no-store');
  assert.equal((await config.json()).websupport.base_url, '/api/websupport');
  assert.equal(config.headers.get('x-frame-options'), 'DENY', 'its own location repeats the headers');

  // Without the proxy rule, the upstream refuses: the rule is what makes it work.
  const bare = await fetch(`http://127.0.0.1:${SIM}/upstream/websupport/v1/user/self`, { headers: { 'X-Date': '20190123T104657Z' } });
  assert.equal(bare.status, 401);
  assert.equal((await bare.json()).message, 'Missing date header.');

  const tab = await freshPage(browser);
  await websupportSignIn(tab, 'reseller', site);
  await tab.getByText('Websupport: testaccount').waitFor();
  const seen = await (await fetch(`${BASE}/__sim/seen`)).json();
  assert.match(seen.websupport_date, /^\d{8}T\d{6}Z$/, 'the simulator got the time in Date, in the basic form');

  await signIn(tab, 'admin1', 'admin1pass', site);
  await tab.locator('.connection__target', { hasText: '/api/admin' }).waitFor();
  await tab.waitForURL(`${site}/admin/roles`);
  await tab.locator('tbody tr', { hasText: 'SUPER_ADMIN' }).waitFor();
  assert.deepEqual(tab.pageErrors, []);
  await tab.context().close();
});
