import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's chromium, never a downloaded browser (.ci/run installs it with apt when missing). */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const chromiumMissing = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing: apt-get install -y chromium`;

/** Kept as artifacts of the run (ignored by git): test/console/screenshots/, beside the sources. */
const SCREENSHOTS = fileURLToPath(new URL('../../../test/console/screenshots/', import.meta.url));

/** Every wait in a page gives up after this long, so a broken page fails its test instead of hanging it. */
export const STEP_TIMEOUT_MS = 10_000;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    timeout: 30_000,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh page (its own cookies and storage) at the service's origin, with bounded waits. */
export async function openPage(browser: Browser, baseUrl: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  // A page error is a bug even when the test's checks pass: collect them for the test to assert on.
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    // Refused API calls (a wrong key, a 409) are the console's to show, not errors of the page itself.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) errors.push(msg.text());
  });
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

/** Signs `page` in with an API key on the console's sign-in page, and waits for Home. */
export async function signIn(page: Page, apiKey: string): Promise<void> {
  await page.goto('/console/');
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
}

/** A fresh page (see openPage) signed in with `apiKey`. */
export async function openSignedIn(browser: Browser, baseUrl: string, apiKey: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await openPage(browser, baseUrl, options);
  await signIn(page, apiKey);
  return page;
}

export const pageErrors = (page: Page): string[] => (page as Page & { errors?: string[] }).errors ?? [];

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}
