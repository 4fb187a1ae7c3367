import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';
import { chromiumMissing, launchChromium, openPage, pageErrors, screenshot, signIn } from './browser.js';

// Code passed to page.evaluate runs in the browser; the root tsconfig has no DOM types, so it reads globalThis.
// The web console in a real browser against the whole service: each flow a person would walk, in order.
const STEP = { timeout: 45_000 };

describe('web console', { skip: chromiumMissing, timeout: 150_000 }, () => {
  let svc: TestService;
  let receiver: TestReceiver;
  let browser: Browser;
  let page: Page;
  let subId: string;

  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const logRows = () => page.getByTestId('delivery-log').locator('tbody tr');
  const waitDelivery = (id: string, status: string) =>
    eventually(
      async () => ((await svc.api('GET', `/v1/deliveries/${id}`)).body.status === status ? true : undefined),
      20_000,
      `${id} ${status}`,
    );

  before(async () => {
    [svc, receiver, browser] = await Promise.all([startService('console'), TestReceiver.start(), launchChromium()]);
    receiver.respond(() => ({ status: 200, body: 'hello from the receiver' }));
    await createEventType(svc, 'job.created', {
      description: 'A job was created',
      schema: { type: 'object', properties: { jobId: { type: 'string' }, zone: { type: 'string' } }, required: ['jobId'] },
    });
    page = await openPage(browser, svc.baseUrl);
  });
  after(async () => {
    await browser?.close();
    await svc?.close();
    await receiver?.close();
  });

  it('signs in with the keyboard only, refusing a wrong key, and keeps the key in sessionStorage only', STEP, async () => {
    await page.goto('/console/');
    await heading('hookrelay').waitFor();
    // The key field has focus on arrival; Enter submits.
    await page.keyboard.type('whk_wrong');
    await page.keyboard.press('Enter');
    await page.getByText('That API key is not valid').waitFor();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(svc.apiKey);
    // Tab to the button, which shows a focus ring, then press it.
    for (let i = 0; i < 4 && (await page.evaluate(() => (globalThis as any).document.activeElement.textContent)) !== 'Sign in'; i++) {
      await page.keyboard.press('Tab');
    }
    const focused = await page.evaluate(() => {
      const { document, getComputedStyle } = globalThis as any;
      return { text: document.activeElement.textContent, outline: getComputedStyle(document.activeElement).outlineStyle };
    });
    assert.equal(focused.text, 'Sign in');
    assert.notEqual(focused.outline, 'none', 'the focused button shows a focus ring');
    await page.keyboard.press('Enter');
    await heading('Home').waitFor();
    const stored = await page.evaluate(() => {
      const { sessionStorage, localStorage, document } = globalThis as any;
      return { session: sessionStorage.getItem('hookrelay.apiKey'), local: localStorage.length, cookie: document.cookie };
    });
    assert.deepEqual(stored, { session: svc.apiKey, local: 0, cookie: '' });
    await screenshot(page, '01-home-empty');
  });

  it('creates a subscription and shows its secret once, with a copy button', STEP, async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('link', { name: 'Subscriptions' }).click();
    await heading('Subscriptions').waitFor();
    await page.getByRole('button', { name: 'New subscription' }).click();
    const form = page.getByRole('dialog', { name: 'New subscription' });
    await form.getByLabel('Endpoint URL').fill(`${receiver.url}/hooks`);
    await form.getByLabel('Event types').fill('job.created');
    await form.getByLabel('Event types').press('Enter');
    await form.getByLabel('Name').fill('Jobs receiver');
    await screenshot(page, '02-create-form');
    await form.getByRole('button', { name: 'Create subscription' }).click();

    const reveal = page.getByRole('dialog', { name: 'Subscription created' });
    const secret = (await reveal.getByTestId('secret').textContent()) ?? '';
    assert.match(secret, /^whsec_/);
    await reveal.getByRole('button', { name: 'Copy secret' }).click();
    await reveal.getByRole('button', { name: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => (globalThis as any).navigator.clipboard.readText()), secret);
    await screenshot(page, '03-secret-once');
    await reveal.getByRole('button', { name: 'Done' }).click();
    await reveal.waitFor({ state: 'hidden' });
    assert.equal(await page.getByText(secret).count(), 0, 'the secret is gone once the dialog closes');

    await page.getByRole('link', { name: 'Jobs receiver' }).click();
    await heading('Jobs receiver').waitFor();
    subId = (await page.locator('code').first().textContent()) ?? '';
    assert.match(subId, /^sub_/);
    assert.equal((await svc.api('GET', `/v1/subscriptions/${subId}`)).body.secret, undefined);
  });

  it('sends a test and shows the answer inline', STEP, async () => {
    await page.getByRole('button', { name: 'Send test' }).click();
    const result = page.getByTestId('test-result');
    await result.getByText('HTTP 200').waitFor();
    await result.getByText('hello from the receiver').waitFor();
    await screenshot(page, '04-test-answer');
  });

  it('shows a delivery live in the log, its attempts and its Temporal link; redelivers it', STEP, async () => {
    const event = await sendEvent(svc, 'job.created', { jobId: 'j_1', zone: 'East' });
    const id = event.deliveries[0].id;
    const row = page.locator(`tr[data-delivery="${id}"]`);
    // Live refresh: the row appears and turns succeeded with no reload.
    await row.getByText('succeeded').waitFor({ timeout: 15_000 });
    const temporal = await row.getByRole('link', { name: /Temporal UI/ }).getAttribute('href');
    assert.equal(temporal, (await svc.api('GET', `/v1/deliveries/${id}`)).body.temporalUrl);
    await screenshot(page, '05-delivery-log');

    await row.getByRole('link', { name: /Attempts of delivery/ }).click();
    await heading(`Delivery ${id}`).waitFor();
    const attempts = page.getByTestId('attempts');
    await attempts.getByText('HTTP 200').waitFor();
    await attempts.getByText('hello from the receiver').waitFor();
    await attempts
      .getByText(/\d+ ms/)
      .first()
      .waitFor();
    // What went over the wire: open the attempt's details.
    await attempts.getByText('Request and timings').first().click();
    await attempts
      .getByTestId('attempt-timings')
      .first()
      .getByText(/^total [\d.]+ ms$/)
      .waitFor();
    // Headers as sent, the signature masked (a read credential must not be able to replay a signed request).
    await attempts.getByTestId('request-headers').first().getByText(`webhook-id: ${event.id}`).waitFor();
    await attempts
      .getByTestId('request-headers')
      .first()
      .getByText(/webhook-signature: \*{4}(\n|$)/)
      .waitFor();
    assert.ok(await page.getByRole('link', { name: /Temporal UI/ }).isVisible());
    await screenshot(page, '06-attempts');

    const before = receiver.requests.length;
    await page.getByRole('button', { name: 'Redeliver' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/console/deliveries/') && !url.pathname.endsWith(id));
    // The redelivery's own page first (the previous page's attempts may still be shown while it loads), then its
    // attempt, which is recorded only after the receiver answered it.
    await page.getByText('redelivery of').waitFor();
    await page.getByTestId('attempts').getByText('HTTP 200').waitFor({ timeout: 15_000 });
    assert.equal(receiver.requests.length, before + 1);
    assert.equal(receiver.requests.at(-1)!.headers['webhook-id'], event.id);
  });

  it('pauses (new deliveries are held, one is cancelled) and resumes (held ones go out)', STEP, async () => {
    await page.goto(`/console/subscriptions/${subId}`);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    const [toCancel, toRelease] = [
      await sendEvent(svc, 'job.created', { jobId: 'j_2' }),
      await sendEvent(svc, 'job.created', { jobId: 'j_3' }),
    ];
    await page.locator(`tr[data-delivery="${toRelease.deliveries[0].id}"]`).getByText('held').waitFor({ timeout: 15_000 });
    await screenshot(page, '07-paused');

    await page
      .locator(`tr[data-delivery="${toCancel.deliveries[0].id}"]`)
      .getByRole('link', { name: /Attempts of/ })
      .click();
    await page.getByRole('button', { name: 'Cancel delivery' }).click();
    await page.getByTestId('status').getByText('cancelled').waitFor();

    await page.goBack();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await page.locator(`tr[data-delivery="${toRelease.deliveries[0].id}"]`).getByText('succeeded').waitFor({ timeout: 15_000 });
    await page.locator(`tr[data-delivery="${toCancel.deliveries[0].id}"]`).getByText('cancelled').waitFor();
  });

  it('filters the log by status and type, edits the subscription, and recovers a window of failures', STEP, async () => {
    const typeFilter = page.getByRole('textbox', { name: 'Event type', exact: true });
    await typeFilter.fill('webhook.ping');
    await eventually(async () => ((await logRows().count()) === 1 ? true : undefined), 10_000, 'only the ping');
    await typeFilter.fill('');
    await page.getByRole('combobox', { name: 'Delivery status' }).click();
    await page.getByRole('option', { name: 'cancelled' }).click();
    await eventually(async () => ((await logRows().count()) === 1 ? true : undefined), 10_000, 'only the cancelled one');
    await screenshot(page, '08-filtered');
    await page.getByRole('combobox', { name: 'Delivery status' }).click();
    await page.getByRole('option', { name: 'failed' }).click();
    await page.getByText('No deliveries match.').waitFor();

    // No retries, so a failure ends the delivery at once.
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit subscription' });
    await edit.getByLabel('Retry schedule (seconds)').fill('');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'hidden' });
    await page.getByText('Retry schedule (s)').locator('..').getByText('none').waitFor();

    receiver.respond(() => ({ status: 500, body: 'down' }));
    const failing = await sendEvent(svc, 'job.created', { jobId: 'j_4' });
    await waitDelivery(failing.deliveries[0].id, 'failed');
    await page.locator(`tr[data-delivery="${failing.deliveries[0].id}"]`).waitFor({ timeout: 15_000 });
    receiver.respond(() => ({ status: 200, body: 'back' }));
    const since = new Date(Date.now() - 3600_000);
    const local = new Date(since.getTime() - since.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('Failed since').fill(local);
    await page.getByRole('button', { name: 'Recover' }).click();
    await page.getByTestId('recovered').getByText('1 delivery sent again.').waitFor();
    await eventually(async () => (receiver.requests.at(-1)?.body.includes('j_4') ? true : undefined), 15_000, 'the recovered delivery');
  });

  it('opens an event with its payload pretty-printed', STEP, async () => {
    await page.getByRole('link', { name: 'Events' }).click();
    await heading('Events').waitFor();
    await page.getByLabel('Event type').fill('job.created');
    const events = page.getByTestId('events');
    const first = (await sendEvent(svc, 'job.created', { jobId: 'j_9', zone: 'East', nested: { n: 1 } })).id;
    await page.getByLabel('Event type').fill('job.create');
    await page.getByLabel('Event type').fill('job.created');
    await events.getByRole('link', { name: first }).click();
    await heading(`Event ${first}`).waitFor();
    const payload = (await page.getByLabel('Event payload').first().textContent()) ?? '';
    // Postgres (jsonb) keeps its own key order: compare the values, and the text for its indentation.
    assert.deepEqual(JSON.parse(payload), { jobId: 'j_9', zone: 'East', nested: { n: 1 } });
    assert.equal(payload, JSON.stringify(JSON.parse(payload), null, 2));
    await screenshot(page, '09-event-payload');
  });

  it('shows the event-type catalog with schemas', STEP, async () => {
    await page.getByRole('link', { name: 'Event types' }).click();
    await heading('Event types').waitFor();
    const catalog = page.getByTestId('catalog');
    await catalog.getByText('webhook.ping').waitFor();
    await catalog.getByRole('button', { name: /job\.created/ }).click();
    await catalog.getByText('A job was created').waitFor();
    assert.match((await page.getByLabel('Schema of job.created').first().textContent()) ?? '', /"required": \[\s+"jobId"\s+\]/);
    await screenshot(page, '10-catalog');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download AsyncAPI' }).click()]);
    assert.equal(download.suggestedFilename(), 'asyncapi.json');
    const doc = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(doc.asyncapi, '3.0.0');
    assert.equal(doc.components.messages['job.created'].summary, 'A job was created');
  });

  it('API keys: creates one with scopes and an expiry, shows it once, lists it and revokes it', STEP, async () => {
    await page.getByRole('link', { name: 'API keys' }).click();
    await heading('API keys').waitFor();
    const form = page.getByRole('region', { name: 'New API key' });
    await form.getByLabel('read: every GET').uncheck();
    const expires = new Date(Date.now() + 2 * 86400_000);
    const local = new Date(expires.getTime() - expires.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await form.getByLabel('Expires').fill(local);
    await form.getByRole('button', { name: 'Create key' }).click();

    const reveal = page.getByRole('dialog', { name: 'New API key' });
    const key = ((await reveal.getByTestId('new-api-key').textContent()) ?? '').trim();
    await reveal.getByRole('button', { name: 'Copy key' }).click();
    assert.equal(await page.evaluate(() => (globalThis as any).navigator.clipboard.readText()), key);
    await screenshot(page, '11-api-key-once');
    await reveal.getByRole('button', { name: 'Done' }).click();

    const listed = (await svc.api('GET', '/v1/api-keys')).body.data as { id: string; scopes: string[]; expiresAt: string | null }[];
    const made = listed.find((k) => k.scopes.join() === 'ingest' && k.expiresAt !== null)!;
    assert.ok(made, JSON.stringify(listed));
    assert.equal(made.expiresAt!.slice(0, 16), new Date(local).toISOString().slice(0, 16));
    assert.equal(
      (await svc.api('POST', '/v1/events', { type: 'job.created', data: { jobId: 'k' } }, { key })).status,
      202,
      'the key sends',
    );
    assert.equal((await svc.api('GET', '/v1/event-types', undefined, { key })).status, 403, 'and only sends');

    const row = page.getByTestId('api-keys').locator(`tr[data-key-id="${made.id}"]`);
    await row.getByText('active').waitFor();
    await row.getByRole('button', { name: `Revoke ${made.id}` }).click();
    await page.getByRole('dialog', { name: 'Revoke this key?' }).getByRole('button', { name: 'Revoke key' }).click();
    await row.getByText('revoked').waitFor();
    assert.equal((await svc.api('POST', '/v1/events', { type: 'job.created', data: { jobId: 'k' } }, { key })).status, 401);
    assert.deepEqual(pageErrors(page), []);
  });

  it('Portal links: makes a read-only link to copy, which opens the console read-only', STEP, async () => {
    await page.getByRole('link', { name: 'Portal links' }).click();
    await heading('Portal links').waitFor();
    await page.getByRole('button', { name: 'Create link' }).click();
    const url = ((await page.getByTestId('portal-link').textContent()) ?? '').trim();
    assert.match(url, /#portal=hrp_/);
    await page.getByRole('button', { name: 'Copy link' }).click();
    assert.equal(await page.evaluate(() => (globalThis as any).navigator.clipboard.readText()), url);
    await screenshot(page, '11-portal-link');

    const visitor = await openPage(browser, svc.baseUrl);
    try {
      await visitor.goto(url);
      await visitor.getByTestId('portal-mode').getByText('Portal · read-only').waitFor();
      assert.equal(await visitor.getByRole('link', { name: 'API keys' }).count(), 0, 'no key pages through a portal link');
    } finally {
      await visitor.context().close();
    }
    assert.deepEqual(pageErrors(page), []);
  });

  it('charts the last 24 hours on the home page and lists subscriptions that need attention', STEP, async () => {
    const paused = await createSubscription(svc, { url: `${receiver.url}/paused`, events: ['job.created'], name: 'Paused one' });
    await svc.api('POST', `/v1/subscriptions/${paused.id}/pause`);
    const stats = (await svc.api('GET', '/v1/stats/deliveries')).body;
    await page.getByRole('link', { name: 'Home' }).click();
    await heading('Home').waitFor();
    const totals = page.getByTestId('status-totals');
    await totals.locator('[data-status="succeeded"]').getByText(String(stats.byStatus.succeeded), { exact: true }).waitFor();
    assert.ok(stats.byStatus.succeeded >= 5);
    assert.equal(await totals.locator('[data-status="cancelled"]').textContent(), String(stats.byStatus.cancelled));
    assert.ok((await page.locator('.recharts-bar-rectangle').count()) > 0, 'the chart draws bars');
    const attention = page.getByTestId('attention');
    await attention.getByRole('link', { name: 'Paused one' }).waitFor();
    assert.equal(await attention.getByRole('link', { name: 'Jobs receiver' }).count(), 0);
    await screenshot(page, '11-home-chart');
  });

  it('deletes a subscription after confirmation', STEP, async () => {
    await page.getByTestId('attention').getByRole('link', { name: 'Paused one' }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this subscription?' });
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Delete subscription' }).click();
    await heading('Subscriptions').waitFor();
    await page.getByRole('link', { name: 'Jobs receiver' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Paused one' }).count(), 0);
  });

  it('signs out and forgets the key', STEP, async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').waitFor();
    assert.equal(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('hookrelay.apiKey')), null);
    await page.reload();
    await page.getByLabel('API key').waitFor();
    assert.deepEqual(pageErrors(page), []);
  });

  it('is usable on a phone: navigation behind a menu button, nothing wider than the screen', STEP, async () => {
    const phone = await openPage(browser, svc.baseUrl, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      await signIn(phone, svc.apiKey);
      const nav = phone.getByRole('link', { name: 'Subscriptions' });
      assert.equal(await nav.isVisible(), false, 'the navigation is folded away');
      await phone.getByRole('button', { name: 'Open navigation' }).click();
      await nav.click();
      await phone.getByRole('heading', { level: 1, name: 'Subscriptions' }).waitFor();
      await phone.getByRole('link', { name: 'Jobs receiver' }).click();
      await phone.getByTestId('delivery-log').waitFor();
      const overflow = await phone.evaluate(
        () => (globalThis as any).document.documentElement.scrollWidth - (globalThis as any).innerWidth,
      );
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      await screenshot(phone, '12-phone-subscription');
      assert.deepEqual(pageErrors(phone), []);
    } finally {
      await phone.context().close();
    }
  });
});
