import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PinoLogger } from 'nestjs-pino';
import { pendingSchemaChanges } from '../../src/database/schema-diff.js';
import { startService, type TestService } from '../helpers/service.js';

describe('operations', () => {
  let svc: TestService;
  before(async () => {
    svc = await startService('operations');
  });
  after(async () => svc?.close());

  it('entities and committed migrations agree (generating a migration would yield nothing)', async () => {
    const { up } = await pendingSchemaChanges(svc.db);
    assert.deepEqual(up, []);
  });

  it('serves /health, /ready, /metrics without a key', async () => {
    const health = await svc.api('GET', '/health', undefined, { key: null });
    assert.deepEqual([health.status, health.body.status], [200, 'ok']);
    const ready = await svc.api('GET', '/ready', undefined, { key: null });
    assert.equal(ready.status, 200);
    assert.equal(ready.body.details.database.status, 'up');
    assert.equal(ready.body.details.temporal.status, 'up');
    const metrics = await svc.api('GET', '/metrics', undefined, { key: null });
    assert.match(String(metrics.body), /webhook_events_accepted_total/);
  });

  it('builds no request logger at LOG_LEVEL=warn, where no request line is written (request logging costs nothing)', async () => {
    const root = PinoLogger.root;
    const child = root.child.bind(root);
    let built = 0;
    root.child = ((...args: Parameters<typeof child>) => (built++, child(...args))) as typeof root.child;
    try {
      for (let i = 0; i < 5; i++) assert.equal((await svc.api('GET', '/v1/event-types')).status, 200);
    } finally {
      root.child = child;
    }
    assert.equal(built, 0);
  });

  it('/metrics: HTTP requests by route template and status class, the pool, the change feed', async () => {
    await svc.api('GET', '/v1/subscriptions/sub_doesnotexist123');
    await svc.api('GET', '/no/such/path/4711', undefined, { key: null });
    await svc.api('GET', '/ready', undefined, { key: null });
    const text = String((await svc.api('GET', '/metrics', undefined, { key: null })).body);
    assert.match(text, /^http_server_request_duration_seconds_count\{method="GET",route="\/ready",status_class="2xx"\} [1-9]/m);
    assert.match(
      text,
      /^http_server_request_duration_seconds_count\{method="GET",route="\/v1\/subscriptions\/:id",status_class="4xx"\} [1-9]/m,
    );
    assert.match(text, /^http_server_request_duration_seconds_count\{method="GET",route="unmatched",status_class="4xx"\} [1-9]/m);
    assert.doesNotMatch(text, /sub_doesnotexist123|4711/, 'no ids or paths in labels');
    assert.match(text, /^db_pool_waiting 0$/m);
    assert.match(text, /^db_pool_connections\{state="idle"\} \d+$/m);
    assert.match(text, /^change_feed_connected 1$/m);
  });

  it('publishes an OpenAPI 3.1 document covering every route of the contract', async () => {
    const doc = await svc.api('GET', '/openapi.json', undefined, { key: null });
    assert.equal(doc.status, 200);
    assert.match(doc.body.openapi, /^3\.1/);
    const paths = Object.keys(doc.body.paths);
    for (const p of [
      '/v1/event-types',
      '/v1/event-types/{name}',
      '/v1/subscriptions',
      '/v1/subscriptions/{id}',
      '/v1/subscriptions/{id}/pause',
      '/v1/subscriptions/{id}/resume',
      '/v1/subscriptions/{id}/deliveries',
      '/v1/subscriptions/{id}/jwks',
      '/v1/catalog/asyncapi',
      '/v1/events',
      '/v1/events/batch',
      '/v1/events/{id}',
      '/v1/deliveries/{id}',
      '/health',
      '/ready',
    ]) {
      assert.ok(paths.includes(p), `missing ${p}`);
    }
    const docs = await fetch(`${svc.baseUrl}/docs`);
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /swagger/i);
  });
});
