// Helpers for the end-to-end tests: Debian's Chromium driven by playwright-core (no browser
// download), sign-in through the real Keycloak page, axe-core checks and screenshots.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

export const BASE = process.env.WAYPOINT_URL ?? 'http://localhost:8080';
export const MAIL = process.env.WAYPOINT_MAIL_URL ?? 'http://localhost:8025';
export const PASSWORD = process.env.WAYPOINT_PASSWORD ?? 'waypoint';
export const RESULTS = resolve(process.env.WAYPOINT_E2E_RESULTS ?? join(here, '..', 'e2e-results'));
export const SCREENSHOTS = join(RESULTS, 'screenshots');

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((c) => c && existsSync(c));
  if (!found) throw new Error('No Chromium found: apt-get install chromium (or set CHROMIUM_PATH)');
  return found;
}

/** A fresh browser with its own profile folder; close() removes it. */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'waypoint-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(20000);
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the portal, which sends the browser to Keycloak's login page, and signs in there. */
export async function signIn(page, username) {
  await page.goto(`${BASE}/`);
  await page.waitForURL(/\/realms\/waypoint\/protocol\/openid-connect\/auth/);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(PASSWORD);
  // Keycloak's password hashing, the gateway's code exchange and the first page can take well over
  // the default 20 s on a loaded 2-core machine: the click waits for the navigation it starts.
  await page.locator('#kc-login, [type=submit]').first().click({ timeout: 90000 });
  await page.waitForURL((url) => url.toString().startsWith(BASE), { timeout: 90000 });
  await page.getByTestId('username').waitFor({ timeout: 90000 });
}

export async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForLoadState('load');
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.2 A and AA rules and best practices) on the page; returns the violations. */
export async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    // Evaluated over the DevTools protocol, not as an inline <script>: the gateway's
    // Content-Security-Policy (rightly) refuses inline scripts.
    await page.evaluate(axeSource);
  }
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
}

const checked = [];

/** Waits until the page has settled, saves a full-page screenshot and checks it with axe-core. */
export async function visit(page, name) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForFunction(() => !document.querySelector('[role=status]') || !/Loading/.test(document.querySelector('[role=status]').textContent ?? ''), null, { timeout: 15000 }).catch(() => {});
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${String(checked.length + 1).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  const violations = await axe(page);
  checked.push({ name, url: page.url(), screenshot: file, violations });
  writeFileSync(join(RESULTS, 'axe.json'), JSON.stringify(checked, null, 2));
  return violations;
}

export function describe(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target).join('\n    ')}`).join('\n');
}

/** The messages the local mail viewer holds (GreenMail's API or Mailpit's). */
export async function mail() {
  const response = await fetch(`${MAIL}/api/messages`);
  if (!response.ok) return [];
  const body = await response.json();
  return Array.isArray(body) ? body : body.messages ?? [];
}
