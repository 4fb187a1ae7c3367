import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';
import { chromiumMissing, launchChromium, openPage, pageErrors, screenshot } from './browser.js';

// Code passed to page.evaluate runs in the browser; the root tsconfig has no DOM types, so it reads globalThis.
// Portal links in a real browser: opened directly, read-only, expired, and embedded in another site's page.
const STEP = { timeout: 45_000 };
const READ_ONLY_HIDES = ['Edit', 'Pause', 'Rotate secret', 'Delete', 'Send test', 'Recover'];

describe('portal links in the web console', { skip: chromiumMissing, timeout: 150_000 }, () => {
  let svc: TestService;
  let receiver: TestReceiver;
  /** Another origin (another port) standing for the SaaS product that embeds the portal. */
  let framer: TestReceiver;
  let browser: Browser;
  let subId: string;

  const link = async (body: Record<string, unknown>) => {
    const res = await svc.api('POST', '/v1/portal-sessions', body);
    assert.equal(res.status, 201);
    return res.body as { url: string; token: string };
  };
  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  before(async () => {
    [receiver, framer, browser] = await Promise.all([TestReceiver.start(), TestReceiver.start(), launchChromium()]);
    svc = await startService('console-portal', { PORTAL_FRAME_ANCESTORS: framer.url });
    await createEventType(svc, 'job.created');
    subId = (await createSubscription(svc, { url: `${receiver.url}/hooks`, events: ['job.created'], name: 'Portal receiver' })).id;
    await sendEvent(svc, 'job.created', { jobId: 'j_1' });
  });
  after(async () => {
    await browser?.close();
    await svc?.close();
    await receiver?.close();
    await framer?.close();
  });

  it("opens a read-only link straight into the tenant's subscriptions, with no control that changes anything", STEP, async () => {
    const { url, token } = await link({ readOnly: true });
    const page = await openPage(browser, svc.baseUrl);
    await page.goto(url);
    await heading(page, 'Subscriptions').waitFor();
    await page.getByRole('link', { name: 'Portal receiver' }).waitFor();
    await page.getByTestId('portal-mode').getByText('Portal · read-only').waitFor();
    const state = await page.evaluate(() => {
      const { location, sessionStorage, localStorage } = globalThis as any;
      return { href: location.href, token: sessionStorage.getItem('hookrelay.portalToken'), local: localStorage.length };
    });
    assert.equal(state.href, `${svc.baseUrl}/console/portal/subscriptions`, 'the token left the address bar');
    assert.deepEqual([state.token, state.local], [token, 0], 'the token is kept in sessionStorage only');
    assert.equal(await page.getByRole('button', { name: 'New subscription' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0, 'nothing to sign out to');
    await screenshot(page, 'portal-01-read-only-list');

    await page.getByRole('link', { name: 'Portal receiver' }).click();
    await heading(page, 'Portal receiver').waitFor();
    assert.equal(page.url(), `${svc.baseUrl}/console/portal/subscriptions/${subId}`, 'links stay inside the portal');
    await page.getByRole('region', { name: 'Settings' }).waitFor();
    await page.getByTestId('delivery-log').locator('tbody tr').first().waitFor();
    assert.equal(await page.getByRole('link', { name: /Temporal UI/ }).count(), 0, "the operator's Temporal UI is not shown");
    for (const name of READ_ONLY_HIDES) {
      assert.equal(await page.getByRole('button', { name, exact: true }).count(), 0, `no ${name} button`);
    }
    await screenshot(page, 'portal-02-read-only-subscription');
    assert.deepEqual(pageErrors(page), []);
    await page.context().close();
  });

  it('shows a read-only link the pages of what it may read and no others, none with a control that acts', STEP, async () => {
    const { url, token } = await link({ readOnly: true });
    const deliveryId = (await svc.api('GET', `/v1/deliveries?subscriptionId=${subId}`)).body.data[0].id as string;
    const page = await openPage(browser, svc.baseUrl);
    await page.goto(url);
    await heading(page, 'Subscriptions').waitFor();
    const nav = page.getByRole('navigation', { name: 'Sections' });
    assert.deepEqual(await nav.getByRole('link').allTextContents(), ['Home', 'Subscriptions', 'Deliveries', 'Events', 'Event types']);
    // Each of them loads with the link's token: its heading, its content, no error.
    for (const [section, content] of [
      ['Home', page.getByText('None: every subscription is active and healthy.')],
      ['Events', page.getByTestId('events').locator('tbody tr').first()],
      ['Event types', page.getByText('job.created').first()],
      ['Deliveries', page.locator(`tr[data-delivery="${deliveryId}"]`)],
    ] as const) {
      await nav.getByRole('link', { name: section, exact: true }).click();
      await heading(page, section).waitFor();
      await content.waitFor();
      assert.equal(await page.getByRole('alert').count(), 0, `no error on ${section}`);
    }
    assert.equal(await page.getByRole('link', { name: 'Replay these deliveries…' }).count(), 0, 'replays are not a link’s');

    await page.getByRole('link', { name: `Attempts of delivery ${deliveryId}` }).click();
    await heading(page, `Delivery ${deliveryId}`).waitFor();
    await page.getByTestId('attempts').getByText('HTTP 200').waitFor();
    for (const name of ['Redeliver', 'Cancel delivery']) {
      assert.equal(await page.getByRole('button', { name, exact: true }).count(), 0, `no ${name} button`);
    }
    // Nor would the API let it act, had the page offered it.
    const refused = await svc.api('POST', `/v1/deliveries/${deliveryId}/redeliver`, undefined, { key: token });
    assert.equal(refused.status, 403, JSON.stringify(refused.body));

    // The operator's pages do not exist behind a link, even typed into the address bar.
    for (const path of ['replays', 'api-keys', 'portal-links']) {
      await page.goto(`/console/portal/${path}`);
      await heading(page, 'Not found').waitFor();
      await page.getByTestId('portal-mode').getByText('Portal · read-only').waitFor();
    }
    await screenshot(page, 'portal-05-no-operator-pages');
    assert.deepEqual(pageErrors(page), []);
    await page.context().close();
  });

  it('offers the edit controls through a full link', STEP, async () => {
    const { url } = await link({});
    const page = await openPage(browser, svc.baseUrl);
    await page.goto(url);
    await page.getByRole('button', { name: 'New subscription' }).waitFor();
    await page.getByTestId('portal-mode').getByText('Portal').waitFor();
    await page.getByRole('link', { name: 'Portal receiver' }).click();
    await page.getByRole('button', { name: 'Edit' }).waitFor();
    // The very controls the read-only link must not show are here: their absence there is no accident of naming.
    for (const name of READ_ONLY_HIDES) assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, name);
    assert.deepEqual(pageErrors(page), []);
    await page.context().close();
  });

  it('takes a token given to the plain console (/console/#portal=...) to the portal pages', STEP, async () => {
    const { token } = await link({ readOnly: true });
    const page = await openPage(browser, svc.baseUrl);
    await page.goto(`/console/#portal=${token}`);
    await page.getByRole('link', { name: 'Portal receiver' }).waitFor();
    assert.equal(page.url(), `${svc.baseUrl}/console/portal/subscriptions`);
    assert.equal(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('hookrelay.apiKey')), null);
    await page.context().close();
  });

  it('says the link expired once it has', STEP, async () => {
    const { url, token } = await link({ ttlSeconds: 1 });
    await eventually(
      async () => ((await svc.api('GET', '/v1/subscriptions', undefined, { key: token })).status === 401 ? true : undefined),
      10_000,
      'the 1 s link to expire',
    );
    const page = await openPage(browser, svc.baseUrl);
    await page.goto(url);
    await heading(page, 'This link has expired').waitFor();
    assert.equal(await page.getByLabel('API key').count(), 0, 'no key form behind a portal link');
    assert.equal(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('hookrelay.portalToken')), null);
    await screenshot(page, 'portal-03-expired');
    await page.context().close();
  });

  it('works inside an iframe of the site PORTAL_FRAME_ANCESTORS names', STEP, async () => {
    const { url } = await link({ readOnly: true });
    framer.respond(() => ({
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: `<!doctype html><title>SaaS</title><iframe id="portal" src="${url}" width="1200" height="700"></iframe>`,
    }));
    const page = await openPage(browser, framer.url);
    await page.goto(`${framer.url}/settings/webhooks`);
    const frame = page.frameLocator('#portal');
    await frame.getByRole('link', { name: 'Portal receiver' }).waitFor();
    await screenshot(page, 'portal-04-embedded');
    await page.context().close();
  });
});
