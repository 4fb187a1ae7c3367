import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page, Request } from 'playwright-core';
import { createEventType, createSubscription, eventually } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';
import { chromiumMissing, launchChromium, openSignedIn, pageErrors, screenshot } from './browser.js';

// A replay's confirm and cancel in a real browser against the whole service: a double click or a retry of the
// confirmation makes one replay (the same Idempotency-Key), and a replay still running stops from its page.
const STEP = { timeout: 60_000 };
/** More than one batch of a replay (100): after its first batch it waits out the slow receiver's pace, running. */
const MANY = 110;

describe('web console: confirming and cancelling a replay', { skip: chromiumMissing, timeout: 200_000 }, () => {
  let svc: TestService;
  let receiver: TestReceiver;
  let browser: Browser;
  let page: Page;
  let slowSub: string;
  let twiceSub: string;

  const count = async (sql: string, params: unknown[] = []) => {
    const rows: { n: number }[] = await svc.db.query(sql, params);
    return rows[0].n;
  };
  const failedEvents = (sub: string) =>
    count(`SELECT count(*)::int AS n FROM deliveries WHERE subscription_id = $1 AND kind = 'event' AND status = 'failed'`, [sub]);
  const replays = () => count('SELECT count(*)::int AS n FROM replays');
  const isConfirm = (r: Request) =>
    r.method() === 'POST' && new URL(r.url()).pathname === '/v1/replays' && !(r.postDataJSON() as { dryRun?: boolean }).dryRun;
  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  /** Counts what the filters in `search` name (dry run) and waits for the confirm button of `n` deliveries. */
  const countThen = async (search: string, n: number) => {
    await page.goto(`/console/replays?${search}`);
    await heading('Replays').waitFor();
    await page.getByRole('button', { name: 'Count (dry run)' }).click();
    await page.getByTestId('dry-run').getByText(`${n} deliveries match`).waitFor();
    return page.getByRole('button', { name: `Replay ${n} deliveries` });
  };
  const replayOpened = async () => {
    await page.waitForURL((url) => /^\/console\/replays\/.+/.test(url.pathname));
    const id = page.url().split('/').pop()!;
    await heading(`Replay ${id}`).waitFor();
    return id;
  };

  before(async () => {
    [svc, receiver, browser] = await Promise.all([
      // No circuit: every attempt to the failing receiver is made, and fails.
      startService('console_replay_actions', { CIRCUIT_FAILURE_THRESHOLD: '0' }),
      TestReceiver.start(),
      launchChromium(),
    ]);
    receiver.respond(() => ({ status: 500, body: 'down' }));
    for (const type of ['bill.sent', 'bill.paid', 'bill.void']) await createEventType(svc, type);
    const sub = async (name: string, path: string, events: string[]) =>
      (await createSubscription(svc, { name, url: `${receiver.url}${path}`, events, retrySchedule: [], ping: false })).id;
    slowSub = await sub('Slow receiver', '/slow', ['bill.sent']);
    twiceSub = await sub('Twice receiver', '/twice', ['bill.paid', 'bill.void']);
    const batch = (type: string, n: number) =>
      svc.api('POST', '/v1/events/batch', { events: Array.from({ length: n }, (_, i) => ({ type, data: { n: i } })) });
    for (const res of [await batch('bill.sent', MANY), await batch('bill.paid', 2), await batch('bill.void', 2)]) {
      assert.equal(res.status, 202, JSON.stringify(res.body));
    }
    await eventually(
      async () => ((await failedEvents(slowSub)) === MANY && (await failedEvents(twiceSub)) === 4 ? true : undefined),
      60_000,
      'every delivery failed',
    );
    // From now on one attempt a second to the slow receiver: a replay of its failures paces itself to that.
    const patched = await svc.api('PATCH', `/v1/subscriptions/${slowSub}`, { rateLimit: { perSecond: 1 } });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    page = await openSignedIn(browser, svc.baseUrl, svc.apiKey);
  });
  after(async () => {
    await browser?.close();
    await svc?.close();
    await receiver?.close();
  });

  it('cancels a running replay from its page: the API reports it cancelled, and the page shows it', STEP, async () => {
    const confirm = await countThen(`status=failed&subscriptionId=${slowSub}`, MANY);
    await confirm.click();
    const id = await replayOpened();
    const progress = page.getByRole('region', { name: 'Progress' });
    // Its first batch made, it waits out the pace of the slow receiver before the next: running, with a cancel button.
    await progress.getByTestId('replay-counts').getByText(`100 sent, 0 skipped of ${MANY}`).waitFor({ timeout: 20_000 });
    assert.equal((await svc.api('GET', `/v1/replays/${id}`)).body.status, 'running');

    await progress.getByRole('button', { name: 'Cancel replay' }).click();
    await progress.getByTestId('status').getByText('cancelled').waitFor();
    const replay = (await svc.api('GET', `/v1/replays/${id}`)).body;
    assert.deepEqual([replay.status, replay.sent, replay.total], ['cancelled', 100, MANY]);
    assert.notEqual(replay.completedAt, null);
    await progress.getByText('Ended').waitFor();
    assert.equal(await progress.getByRole('button', { name: 'Cancel replay' }).count(), 0, 'nothing left to cancel');
    await screenshot(page, 'replays-03-cancelled');
    assert.deepEqual(pageErrors(page), []);
  });

  it('makes one replay of a double click on confirm: both clicks send the same Idempotency-Key', STEP, async () => {
    const before = await replays();
    const sent: Request[] = [];
    const onRequest = (r: Request) => void (isConfirm(r) && sent.push(r));
    page.on('request', onRequest);
    try {
      const confirm = await countThen(`status=failed&subscriptionId=${twiceSub}&eventType=bill.paid`, 2);
      // Two clicks in one task: the button is not yet re-rendered busy for the second, so both reach the handler.
      await confirm.evaluate((button) => {
        const b = button as unknown as { click(): void };
        b.click();
        b.click();
      });
      await eventually(async () => (sent.length === 2 ? true : undefined), 10_000, 'both confirmations sent');
      const answers = await Promise.all(sent.map(async (r) => (await r.response())!));
      assert.deepEqual(answers.map((a) => a.status()).sort(), [200, 202], 'one made (202), one answered with it (200)');
      const keys = sent.map((r) => r.headers()['idempotency-key']);
      assert.match(keys[0] ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.equal(keys[1], keys[0], 'one key for both clicks');
      const id = await replayOpened();
      assert.deepEqual(await Promise.all(answers.map(async (a) => ((await a.json()) as { id: string }).id)), [id, id]);
      assert.equal(await replays(), before + 1, 'one replay in the database');
    } finally {
      page.off('request', onRequest);
    }
  });

  it('retries a confirmation whose answer was lost with the same key: the API answers the first replay', STEP, async () => {
    const before = await replays();
    let lost: { status: number; id: string; key: string | undefined } | undefined;
    await page.route('**/v1/replays', async (route) => {
      const req = route.request();
      if (lost || !isConfirm(req)) return route.continue();
      // The replay is made, but its answer never reaches the page, which sees a network error.
      const res = await route.fetch();
      lost = { status: res.status(), id: ((await res.json()) as { id: string }).id, key: req.headers()['idempotency-key'] };
      await route.abort('connectionreset');
    });
    try {
      const confirm = await countThen(`status=failed&subscriptionId=${twiceSub}&eventType=bill.void`, 2);
      await confirm.click();
      await page.getByRole('alert').getByText('The service did not answer').waitFor();
      assert.equal(lost?.status, 202, 'the first confirmation made a replay');

      const retried = page.waitForResponse((r) => isConfirm(r.request()));
      await confirm.click();
      const answer = await retried;
      const id = await replayOpened();
      assert.equal(answer.request().headers()['idempotency-key'], lost.key, 'the same key again');
      assert.equal(answer.status(), 200, 'the replay made before, not a new one');
      assert.equal(id, lost.id);
      assert.equal(await replays(), before + 1, 'one replay in the database');
      assert.deepEqual(pageErrors(page), []);
    } finally {
      await page.unroute('**/v1/replays');
    }
  });

  /** The console's Replays page size (console/src/components/ReplayList.tsx). */
  const LIST_PAGE = 20;
  const startReplay = async (body: Record<string, unknown>) => {
    const res = await svc.api('POST', '/v1/replays', body);
    assert.equal(res.status, 202, JSON.stringify(res.body));
    return res.body.id as string;
  };
  /** The replay ids a page's list shows, top to bottom. */
  const shown = (p: Page) =>
    p
      .getByTestId('replays')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-replay')));
  /** Waits for `p`'s list to show exactly what `GET /v1/replays` answers for `params` (a page of the console's size). */
  const waitList = async (p: Page, params: Record<string, string>, what: string) => {
    const search = new URLSearchParams({ ...params, limit: String(LIST_PAGE) });
    const body = (await svc.api('GET', `/v1/replays?${search}`)).body as { data: { id: string }[]; nextCursor: string | null };
    const ids = body.data.map((r) => r.id);
    await eventually(async () => (JSON.stringify(await shown(p)) === JSON.stringify(ids) ? true : undefined), 10_000, what).catch(
      async (err) => {
        await screenshot(p, `replays-list-failed-${what.replace(/\W+/g, '-')}`);
        throw new Error(`${(err as Error).message}: shown ${JSON.stringify(await shown(p))}, API ${JSON.stringify(ids)}`);
      },
    );
    return { ids, nextCursor: body.nextCursor };
  };

  it('lists replays made through the API in a fresh tab, newest first, by status', STEP, async () => {
    const statusOf = async (id: string) => (await svc.api('GET', `/v1/replays/${id}`)).body.status as string;
    const paid = await startReplay({ status: 'failed', subscriptionId: twiceSub, eventType: 'bill.paid' });
    const voided = await startReplay({ status: 'failed', subscriptionId: twiceSub, eventType: 'bill.void' });
    await eventually(
      async () => ((await statusOf(paid)) === 'completed' && (await statusOf(voided)) === 'completed' ? true : undefined),
      20_000,
      'both completed',
    );
    // A fresh tab: nothing of these replays is in its sessionStorage; the page has them from the API alone.
    const fresh = await openSignedIn(browser, svc.baseUrl, svc.apiKey);
    try {
      await fresh.goto('/console/replays');
      await fresh.getByRole('heading', { level: 1, name: 'Replays' }).waitFor();
      const all = await waitList(fresh, {}, 'every replay');
      assert.deepEqual(all.ids.slice(0, 2), [voided, paid], 'the API-made ones first, newest first');
      const row = fresh.getByTestId('replays').locator(`tr[data-replay="${paid}"]`);
      await row.getByTestId('status').getByText('completed').waitFor();
      const r = (await svc.api('GET', `/v1/replays/${paid}`)).body as { sent: number; skipped: number; total: number };
      assert.equal(r.total, 2);
      await row.getByTestId('replay-counts').getByText(`2 of 2 (${r.sent} sent, ${r.skipped} skipped)`).waitFor();
      await screenshot(fresh, 'replays-04-list');

      // A cancelled one of this test's own (paced by the slow receiver, so still running when cancelled): each
      // status shows its own and none of the other's.
      const stopped = await startReplay({ status: 'failed', subscriptionId: slowSub });
      const cancel = await svc.api('POST', `/v1/replays/${stopped}/cancel`);
      assert.equal(cancel.status, 200, JSON.stringify(cancel.body));
      await fresh.getByRole('combobox', { name: 'Replay status' }).click();
      await fresh.getByRole('option', { name: 'cancelled' }).click();
      const cancelled = (await waitList(fresh, { status: 'cancelled' }, 'the cancelled ones')).ids;
      assert.ok(cancelled.includes(stopped) && !cancelled.includes(paid), 'the cancelled replay, not the completed ones');
      await fresh.getByRole('combobox', { name: 'Replay status' }).click();
      await fresh.getByRole('option', { name: 'completed' }).click();
      const completed = (await waitList(fresh, { status: 'completed' }, 'the completed ones')).ids;
      assert.deepEqual(completed.slice(0, 2), [voided, paid]);
      assert.ok(!completed.some((id) => cancelled.includes(id)), 'no cancelled one among the completed');

      await fresh.getByTestId('replays').getByRole('link', { name: voided }).click();
      await fresh.getByRole('heading', { level: 1, name: `Replay ${voided}` }).waitFor();
      assert.deepEqual(pageErrors(fresh), []);
    } finally {
      await fresh.context().close();
    }
  });

  it('pages through more replays than one page holds with Older and Newer', STEP, async () => {
    // Replays of an event type with no deliveries: each made at once, with nothing to send.
    await createEventType(svc, 'bill.none');
    for (let i = 0; i < LIST_PAGE + 1; i++) await startReplay({ eventType: 'bill.none' });
    const fresh = await openSignedIn(browser, svc.baseUrl, svc.apiKey);
    try {
      await fresh.goto('/console/replays');
      const newest = await waitList(fresh, {}, 'the newest page');
      assert.equal(newest.ids.length, LIST_PAGE);
      assert.ok(newest.nextCursor, 'the API has an older page');
      await fresh.getByRole('button', { name: 'Older' }).click();
      const older = await waitList(fresh, { cursor: newest.nextCursor }, 'the older page');
      assert.ok(older.ids.length > 0 && !older.ids.some((id) => newest.ids.includes(id)), 'older ones, none of the first page');
      await fresh.getByRole('button', { name: 'Newer' }).click();
      await waitList(fresh, {}, 'the newest page again');
      assert.deepEqual(pageErrors(fresh), []);
    } finally {
      await fresh.context().close();
    }
  });
});
