import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';
import { chromiumMissing, launchChromium, openSignedIn, pageErrors, screenshot } from './browser.js';

const STEP = { timeout: 60_000 };

/** The Lines section of a FIFO subscription's page, its Skip button, and the fifoOnFailure choice in the form. */
describe('web console: FIFO lines', { skip: chromiumMissing, timeout: 180_000 }, () => {
  let svc: TestService;
  let receiver: TestReceiver;
  let browser: Browser;
  let page: Page;

  before(async () => {
    [svc, receiver, browser] = await Promise.all([
      startService('console_lines', { CIRCUIT_FAILURE_THRESHOLD: '0' }),
      TestReceiver.start(),
      launchChromium(),
    ]);
    // The first step of each job fails; the rest succeed.
    receiver.respond((req) => ({ status: (JSON.parse(req.body) as { data: { seq: number } }).data.seq === 0 ? 500 : 200 }));
    await createEventType(svc, 'job.step');
    page = await openSignedIn(browser, svc.baseUrl, svc.apiKey);
  });
  after(async () => {
    await browser?.close();
    await svc?.close();
    await receiver?.close();
  });

  it('sets fifoOnFailure to block in the form of a FIFO subscription', STEP, async () => {
    const sub = await createSubscription(svc, {
      name: 'ordered jobs',
      url: receiver.url,
      events: ['job.step'],
      ordering: 'fifo',
      orderingKey: '/job',
      retrySchedule: [],
    });
    await page.goto(`/console/subscriptions/${sub.id}`);
    await page.getByRole('heading', { level: 1, name: 'ordered jobs' }).waitFor();
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit subscription' });
    await edit.getByRole('combobox', { name: 'When a delivery fails for good' }).click();
    await page.getByRole('option', { name: /^block/ }).click();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'hidden' });
    await page.getByText('FIFO on failure').locator('..').getByText('block').waitFor();
    assert.equal((await svc.api('GET', `/v1/subscriptions/${sub.id}`)).body.fifoOnFailure, 'block');
  });

  it('lists a blocked line with its head and how many wait, and skips it with the Skip button', STEP, async () => {
    const sub = await createSubscription(svc, {
      name: 'blocking jobs',
      url: receiver.url,
      events: ['job.step'],
      ordering: 'fifo',
      orderingKey: '/job',
      fifoOnFailure: 'block',
      retrySchedule: [],
    });
    // The other FIFO subscription of this file gets the events too: this one's deliveries are picked out.
    const mine = async (seq: number) =>
      (await sendEvent(svc, 'job.step', { job: 'j7', seq })).deliveries.find((d) => d.subscriptionId === sub.id)!.id;
    const head = await mine(0);
    const next = await mine(1);
    await eventually(async () => ((await svc.api('GET', `/v1/deliveries/${head}`)).body.status === 'failed' ? true : undefined), 60_000);

    await page.goto(`/console/subscriptions/${sub.id}`);
    await page.getByRole('heading', { level: 2, name: 'Lines' }).waitFor();
    const row = page.getByTestId('lines').locator('tr[data-line="j7"]');
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    assert.deepEqual(cells.slice(0, 5), ['j7', head, 'failedblocked', '1', '1']);
    await page.getByRole('switch', { name: 'Stuck only' }).check();
    await row.waitFor();
    await screenshot(page, 'lines-01-blocked');

    await row.getByRole('button', { name: 'Skip the head of line j7' }).click();
    await page.getByTestId('line-skipped').getByText(`Skipped ${head}; ${next} goes next.`).waitFor();
    await eventually(async () => ((await svc.api('GET', `/v1/deliveries/${next}`)).body.status === 'succeeded' ? true : undefined), 60_000);
    const skipped = (await svc.api('GET', `/v1/deliveries/${head}`)).body;
    assert.deepEqual([skipped.status, skipped.cancelReason], ['cancelled', 'skipped']);
    await page.getByText('No line has work in it.').waitFor({ timeout: 15_000 });
    assert.deepEqual(pageErrors(page), []);
  });

  it('shows no Lines section on an unordered subscription', STEP, async () => {
    const sub = await createSubscription(svc, { name: 'unordered', url: receiver.url, events: ['job.step'] });
    await page.goto(`/console/subscriptions/${sub.id}`);
    await page.getByRole('heading', { level: 1, name: 'unordered' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Delivery log' }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 2, name: 'Lines' }).count(), 0);
  });
});
