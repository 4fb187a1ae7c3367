import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';
import { chromiumMissing, launchChromium, openPage, openSignedIn, pageErrors, screenshot, signIn } from './browser.js';

// The tenant-wide Deliveries page and Replays in a real browser against the whole service: filters that must
// exclude, live refresh, a dry run whose count the API confirms, and a replay the receiver gets.
const STEP = { timeout: 45_000 };
/** The Deliveries page's live refresh period (console/src/components/LiveRefresh.tsx). */
const LIVE_MS = 3_000;

describe('web console: deliveries and replays', { skip: chromiumMissing, timeout: 150_000 }, () => {
  let svc: TestService;
  /** Answers every request 200. */
  let good: TestReceiver;
  /** Answers 500 until the test lets it recover, before the replay. */
  let flaky: TestReceiver;
  let browser: Browser;
  let page: Page;
  let goodSub: string;
  let flakySub: string;
  /** Per event: its id, its delivery to `good` and (for job.created) to `flaky`. */
  const sent: { eventId: string; good: string; flaky?: string }[] = [];

  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  /** The delivery ids the Deliveries page shows, once they are exactly `ids` (in any order). */
  const waitRows = (ids: string[], what: string) =>
    eventually(
      async () => {
        const shown = await page
          .getByTestId('deliveries')
          .locator('tbody tr')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-delivery')));
        return JSON.stringify([...shown].sort()) === JSON.stringify([...ids].sort()) ? shown : undefined;
      },
      10_000,
      what,
    ).catch(async (err) => {
      await screenshot(page, `deliveries-failed-${what.replace(/\W+/g, '-')}`);
      throw err;
    });
  const waitStatus = (id: string, status: string) =>
    eventually(
      async () => ((await svc.api('GET', `/v1/deliveries/${id}`)).body.status === status ? true : undefined),
      20_000,
      `${id} ${status}`,
    );

  before(async () => {
    [svc, good, flaky, browser] = await Promise.all([
      startService('console-replays'),
      TestReceiver.start(),
      TestReceiver.start(),
      launchChromium(),
    ]);
    flaky.respond(() => ({ status: 500, body: 'down for now' }));
    await createEventType(svc, 'job.created');
    await createEventType(svc, 'job.deleted');
    goodSub = (await createSubscription(svc, { url: `${good.url}/hooks`, events: ['job.*'], name: 'Good receiver' })).id;
    // No retries: a 500 ends the delivery `failed` at once.
    flakySub = (
      await createSubscription(svc, { url: `${flaky.url}/hooks`, events: ['job.created'], name: 'Flaky receiver', retrySchedule: [] })
    ).id;
    for (const [type, jobId] of [
      ['job.created', 'j_1'],
      ['job.created', 'j_2'],
      ['job.deleted', 'j_1'],
    ] as const) {
      const event = await sendEvent(svc, type, { jobId });
      const of = (sub: string) => event.deliveries.find((d) => d.subscriptionId === sub)?.id;
      sent.push({ eventId: event.id, good: of(goodSub)!, flaky: of(flakySub) });
    }
    await Promise.all(sent.flatMap((s) => [waitStatus(s.good, 'succeeded'), ...(s.flaky ? [waitStatus(s.flaky, 'failed')] : [])]));

    page = await openSignedIn(browser, svc.baseUrl, svc.apiKey);
  });
  after(async () => {
    await browser?.close();
    await svc?.close();
    await good?.close();
    await flaky?.close();
  });

  it('lists every delivery of the tenant, and each filter leaves out what it must', STEP, async () => {
    await page.getByRole('link', { name: 'Deliveries', exact: true }).click();
    await heading('Deliveries').waitFor();
    const all = sent.flatMap((s) => [s.good, ...(s.flaky ? [s.flaky] : [])]);
    await waitRows(all, 'all five deliveries');
    // Each row names its subscription and links to it.
    await page.locator(`tr[data-delivery="${sent[0].flaky}"]`).getByRole('link', { name: 'Flaky receiver' }).waitFor();

    await page.getByRole('combobox', { name: 'Delivery status' }).click();
    await page.getByRole('option', { name: 'failed' }).click();
    const failed = sent.flatMap((s) => (s.flaky ? [s.flaky] : []));
    await waitRows(failed, 'only the failed ones');
    assert.match(page.url(), /[?&]status=failed/, 'the filters are in the address, to share or reload');
    await screenshot(page, 'deliveries-01-failed');

    await page.getByRole('combobox', { name: 'Delivery status' }).click();
    await page.getByRole('option', { name: 'failed' }).click(); // a second click on the chosen option clears it
    await page.getByRole('textbox', { name: 'Event type', exact: true }).fill('job.deleted');
    await waitRows([sent[2].good], 'only the job.deleted one');
    await page.getByRole('textbox', { name: 'Event type', exact: true }).fill('');

    await page.getByRole('textbox', { name: 'Last HTTP status' }).fill('500');
    await waitRows(failed, 'only those answered 500');
    await page.getByRole('textbox', { name: 'Last HTTP status' }).fill('');

    // The subscription filter, from the address as a bookmark would bring it.
    await page.goto(`/console/deliveries?subscriptionId=${goodSub}&kind=event`);
    await heading('Deliveries').waitFor();
    await waitRows(
      sent.map((s) => s.good),
      "only the good receiver's",
    );

    // A window that ends before anything was sent names nothing.
    await page.getByRole('textbox', { name: 'Created before' }).fill('2020-01-01T00:00');
    await page.getByText('No deliveries match.').waitFor();

    // A bad value is the API's to name, never a blank page.
    await page.getByRole('textbox', { name: 'Created before' }).fill('');
    await page.getByRole('textbox', { name: 'Last HTTP status' }).fill('99');
    await page.getByRole('alert').getByText('statusCode').waitFor();
    assert.deepEqual(pageErrors(page), []);
  });

  it('shows a new delivery live, and opens its attempts with the request as sent', STEP, async () => {
    await page.goto('/console/deliveries');
    await heading('Deliveries').waitFor();
    const event = await sendEvent(svc, 'job.deleted', { jobId: 'j_live' });
    const id = event.deliveries[0].id;
    // No reload: the live refresh brings the row, and then its end state.
    const row = page.locator(`tr[data-delivery="${id}"]`);
    await row.getByText('succeeded').waitFor({ timeout: 15_000 });

    await row.getByRole('link', { name: `Attempts of delivery ${id}` }).click();
    await heading(`Delivery ${id}`).waitFor();
    const attempts = page.getByTestId('attempts');
    await attempts.getByText('HTTP 200').waitFor();
    await attempts.getByText('Request and timings').first().click();
    await attempts.getByTestId('request-headers').first().getByText(`webhook-id: ${event.id}`).waitFor();
    await screenshot(page, 'deliveries-02-attempts');
  });

  it('stands still while live refresh is paused, and brings what came meanwhile once it is back on', STEP, async () => {
    const p = await openPage(browser, svc.baseUrl);
    try {
      // The page's timers under the test's hand: runFor fires at once every refresh that falls due in that time.
      await p.clock.install();
      await signIn(p, svc.apiKey);
      await p.goto('/console/deliveries?eventType=job.deleted');
      await p.getByRole('heading', { level: 1, name: 'Deliveries' }).waitFor();
      await p.locator(`tr[data-delivery="${sent[2].good}"]`).waitFor();
      let loads = 0;
      p.on('request', (r) => {
        if (r.method() === 'GET' && new URL(r.url()).pathname === '/v1/deliveries') loads++;
      });
      const shownIds = () =>
        p
          .getByTestId('deliveries')
          .locator('tbody tr')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-delivery')));

      // Live, running the clock refreshes the list: the control that makes the paused check below mean something.
      await p.clock.runFor(LIVE_MS);
      await eventually(async () => (loads > 0 ? true : undefined), 10_000, 'a live refresh');

      await p.getByRole('switch', { name: 'Live refresh' }).uncheck();
      await p.getByTestId('live-paused').waitFor();
      await p.getByLabel('Refreshing').waitFor({ state: 'detached' }); // a refresh asked for before the pause has landed
      const before = { loads, rows: await shownIds() };
      const event = await sendEvent(svc, 'job.deleted', { jobId: 'j_paused' });
      const a = event.deliveries.find((d) => d.subscriptionId === goodSub)!.id;
      await waitStatus(a, 'succeeded');
      // Three refreshes' worth of time: a live list would have asked three times and shown A.
      await p.clock.runFor(3 * LIVE_MS);
      await p.getByTestId('live-paused').waitFor();
      assert.equal(loads, before.loads, 'no request while paused');
      assert.deepEqual(await shownIds(), before.rows, 'the list as it was when paused');
      await screenshot(p, 'deliveries-03-paused');

      await p.getByRole('switch', { name: 'Live refresh' }).check();
      await p.locator(`tr[data-delivery="${a}"]`).getByText('succeeded').waitFor();
      assert.equal(await p.getByTestId('live-paused').count(), 0);
      assert.deepEqual(pageErrors(p), []);
    } finally {
      await p.context().close();
    }
  });

  it(
    'counts a replay first (dry run with a sample), then runs it to the end; the receiver gets each failed delivery again',
    STEP,
    async () => {
      flaky.respond(() => ({ status: 200, body: 'back' }));
      const failed = sent.flatMap((s) => (s.flaky ? [s] : []));
      const before = flaky.requests.length;

      // From the Deliveries page's filters to the Replays page, carrying them.
      await page.goto(`/console/deliveries?status=failed&subscriptionId=${flakySub}`);
      await waitRows(
        failed.map((s) => s.flaky!),
        'the failed ones',
      );
      await page.getByRole('link', { name: 'Replay these deliveries…' }).click();
      await heading('Replays').waitFor();
      assert.equal(await page.getByRole('combobox', { name: 'Delivery status' }).inputValue(), 'failed');

      await page.getByRole('button', { name: 'Count (dry run)' }).click();
      const dryRun = page.getByTestId('dry-run');
      await dryRun.getByText(`${failed.length} deliveries match`).waitFor();
      await dryRun.getByTestId('would-send').getByText(`${failed.length} would be sent again now.`).waitFor();
      const sample = await dryRun
        .getByTestId('replay-sample')
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-delivery')));
      assert.deepEqual([...sample].sort(), failed.map((s) => s.flaky!).sort(), 'the sample is the failed deliveries');
      const api = await svc.api('POST', '/v1/replays', { status: 'failed', subscriptionId: flakySub, dryRun: true });
      assert.equal(api.body.count, failed.length, 'the API counts the same');
      assert.equal(flaky.requests.length, before, 'a dry run sends nothing');
      await screenshot(page, 'replays-01-dry-run');

      // A changed filter asks for a new count before anything can be confirmed.
      await page.getByRole('textbox', { name: 'Event type', exact: true }).fill('job.deleted');
      await dryRun.waitFor({ state: 'detached' });
      await page.getByRole('textbox', { name: 'Event type', exact: true }).fill('');
      await page.getByRole('button', { name: 'Count (dry run)' }).click();

      await page.getByRole('button', { name: `Replay ${failed.length} deliveries` }).click();
      await page.waitForURL((url) => /^\/console\/replays\/.+/.test(url.pathname));
      const replayId = page.url().split('/').pop()!;
      await heading(`Replay ${replayId}`).waitFor();
      await page
        .getByTestId('replay-counts')
        .getByText(`${failed.length} sent, 0 skipped of ${failed.length}`)
        .waitFor({ timeout: 20_000 });
      await page.getByTestId('status').getByText('completed').waitFor({ timeout: 20_000 });
      assert.equal(await page.getByRole('progressbar', { name: 'Replay progress' }).getAttribute('aria-valuenow'), '100');
      await screenshot(page, 'replays-02-done');

      const got = await flaky.waitForRequests(before + failed.length, 20_000);
      assert.deepEqual(
        got
          .slice(before)
          .map((r) => r.headers['webhook-id'])
          .sort(),
        failed.map((s) => s.eventId).sort(),
        'each failed delivery once more, under its event id',
      );
      assert.equal((await svc.api('GET', `/v1/replays/${replayId}`)).body.status, 'completed');

      // Listed on the Replays page, with its progress.
      await page.getByRole('link', { name: 'Replays', exact: true }).click();
      const row = page.getByTestId('replays').locator(`tr[data-replay="${replayId}"]`);
      await row.getByRole('link', { name: replayId }).waitFor();
      await row.getByTestId('replay-counts').getByText(`${failed.length} of ${failed.length} (${failed.length} sent, 0 skipped)`).waitFor();
      assert.deepEqual(pageErrors(page), []);
    },
  );
});
