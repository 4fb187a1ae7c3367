import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ChangeFeed } from '../../src/database/change-feed.js';
import { createEventType, createSubscription, eventually } from '../helpers/factories.js';
import { callApi, startService, type TestService } from '../helpers/service.js';

type NotificationSource = {
  listeners(event: string): ((...args: unknown[]) => void)[];
  removeAllListeners(event: string): void;
  on(event: string, l: (...args: unknown[]) => void): void;
};

// Two api processes' worth of the service on one database: `first` makes changes, `second` ingests from what it
// keeps in memory. Every change must hold on `second` for the very next request, whether it heard of it or not.
describe('ingest caches: keys, catalog and subscriptions kept in memory, never stale', () => {
  let first: TestService;
  let second: TestService;
  let onSecond: TestService['api'];

  before(async () => {
    first = await startService('caches');
    second = await startService(
      'caches-second',
      {
        DATABASE_URL: first.config.databaseUrl,
        SECRETS_KEY: first.config.secretsKey,
        TEMPORAL_TASK_QUEUE: first.config.temporal.taskQueue,
        BOOTSTRAP_API_KEY: first.apiKey,
      },
      'api',
    );
    onSecond = (method, path, body, init) => callApi(second.baseUrl, first.apiKey, method, path, body, init);
    await createEventType(first, 'cache.test');
  });
  after(async () => {
    await second?.app.close();
    await first?.close();
  });

  const metric = async (svc: TestService, name: string) => {
    const text = await (await fetch(`${svc.baseUrl}/metrics`)).text();
    return Number(text.match(new RegExp(`^${name} (\\S+)$`, 'm'))?.[1] ?? NaN);
  };
  const send = (api: TestService['api'], type = 'cache.test', key?: string) =>
    api('POST', '/v1/events', { type, data: { at: Date.now() } }, key ? { key } : {});
  const goesTo = (res: { body: { deliveries: { subscriptionId: string }[] } }, subId: string) =>
    res.body.deliveries.some((d) => d.subscriptionId === subId);
  const feedBackends = async (): Promise<unknown[]> =>
    first.db.query(`SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'hookrelay-%-listen' AND datname = current_database()`);

  /**
   * Fault: `second`'s feed stops hearing changes while it looks healthy (a lagging or half-dead connection), so
   * what it keeps goes stale; the writes' own checks must still hold. Undone by the function returned.
   */
  const muteFeedOfSecond = () => {
    const client = (second.app.get<ChangeFeed>(ChangeFeed) as unknown as { client: NotificationSource }).client;
    const heard = client.listeners('notification');
    client.removeAllListeners('notification');
    return () => heard.forEach((l) => client.on('notification', l));
  };

  it('ingests from memory: repeated events cost no key lookup and no routing read', async () => {
    assert.equal((await send(onSecond)).status, 202);
    const lookups = await metric(second, 'auth_key_lookups_total');
    const loads = await metric(second, 'ingest_routing_loads_total');
    for (let i = 0; i < 20; i++) assert.equal((await send(onSecond)).status, 202);
    assert.equal(await metric(second, 'auth_key_lookups_total'), lookups, 'no key looked up again');
    assert.equal(await metric(second, 'ingest_routing_loads_total'), loads, 'no routing read again');
  });

  it('a subscription created through one process gets the next event accepted by another, even one that did not hear of it', async () => {
    const unmute = muteFeedOfSecond();
    try {
      for (let i = 0; i < 10; i++) {
        assert.equal((await send(onSecond)).status, 202); // `second` has the routing in memory
        const sub = await createSubscription(first, { url: `http://127.0.0.1:9/s${i}`, events: ['cache.test'] });
        const res = await send(onSecond);
        assert.equal(res.status, 202);
        assert.ok(goesTo(res, sub.id), `try ${i}: the event accepted right after the subscription was created goes to it`);
        assert.equal((await first.api('DELETE', `/v1/subscriptions/${sub.id}`)).status, 204);
        assert.ok(!goesTo(await send(onSecond), sub.id), `try ${i}: and not after it was deleted`);
      }
    } finally {
      unmute();
    }
  });

  it('an event type created through one process is accepted by another at once, even one that did not hear of it', async () => {
    const unmute = muteFeedOfSecond();
    try {
      for (let i = 0; i < 5; i++) {
        assert.equal((await send(onSecond)).status, 202);
        await createEventType(first, `cache.fresh${i}`);
        assert.equal((await send(onSecond, `cache.fresh${i}`)).status, 202, `try ${i}`);
      }
    } finally {
      unmute();
    }
  });

  it('a key revoked through one process stops ingestion by another at once, even one that did not hear of it', async () => {
    const unmute = muteFeedOfSecond();
    try {
      for (let i = 0; i < 5; i++) {
        const key = (await first.api('POST', '/v1/api-keys')).body;
        assert.equal((await send(onSecond, 'cache.test', key.apiKey)).status, 202); // known to `second` now
        assert.equal((await first.api('DELETE', `/v1/api-keys/${key.id}`)).status, 204);
        const [{ n: before }] = await first.db.query(`SELECT count(*)::int AS n FROM events`);
        assert.equal((await send(onSecond, 'cache.test', key.apiKey)).status, 401, `try ${i}`);
        const [{ n: afterwards }] = await first.db.query(`SELECT count(*)::int AS n FROM events`);
        assert.equal(afterwards, before, 'nothing written with a revoked key');
      }
    } finally {
      unmute();
    }
  });

  it('hears of a revoked key within moments on every route', async () => {
    const key = (await first.api('POST', '/v1/api-keys')).body;
    assert.equal((await onSecond('GET', '/v1/subscriptions', undefined, { key: key.apiKey })).status, 200);
    assert.equal((await first.api('DELETE', `/v1/api-keys/${key.id}`)).status, 204);
    await eventually(
      async () => ((await onSecond('GET', '/v1/subscriptions', undefined, { key: key.apiKey })).status === 401 ? true : undefined),
      2_000,
      'the other process to refuse the revoked key',
    );
  });

  it('with its change feed lost, a process keeps nothing in memory, and the feed comes back', async () => {
    const key = (await first.api('POST', '/v1/api-keys')).body;
    assert.equal((await onSecond('GET', '/v1/subscriptions', undefined, { key: key.apiKey })).status, 200);
    assert.equal((await feedBackends()).length, 2, 'one change feed per process');
    await first.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'hookrelay-%-listen' AND datname = current_database()`,
    );
    // Revoked while the feeds are down or coming back: what was kept before is dropped, so every route refuses it.
    assert.equal((await first.api('DELETE', `/v1/api-keys/${key.id}`)).status, 204);
    await eventually(
      async () => ((await onSecond('GET', '/v1/subscriptions', undefined, { key: key.apiKey })).status === 401 ? true : undefined),
      2_000,
      'the revoked key refused',
    );
    await eventually(async () => ((await feedBackends()).length === 2 ? true : undefined), 15_000, 'the change feeds to reconnect');
  });
});
