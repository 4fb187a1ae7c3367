import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { ConnectProxy } from '../helpers/connect-proxy.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

describe('egress proxy: every delivery leaves through EGRESS_PROXY', () => {
  let svc: TestService;
  let proxy: ConnectProxy;
  const credentials = { username: 'relay', password: 's3cret' };

  before(async () => {
    proxy = await ConnectProxy.start(credentials);
    // Loopback stays open (127.0.0.0/8, as in every e2e test) so the test receivers can be reached; other
    // private ranges are refused. The proxy's own loopback address is not judged by the policy at all.
    svc = await startService('egress-proxy', { EGRESS_PROXY: proxy.url });
    for (const type of ['egress.delivered', 'egress.refused', 'egress.proxy_refuses']) await createEventType(svc, type);
  });
  after(async () => {
    await svc?.close();
    await proxy?.close();
  });

  const finished = (deliveryId: string) =>
    eventually(async () => {
      const res = await svc.api('GET', `/v1/deliveries/${deliveryId}`);
      return ['succeeded', 'failed'].includes(res.body.status) ? res.body : undefined;
    });

  it("delivers through a tunnel to the receiver's checked address, signed, with the original Host", async () => {
    const receiver = await TestReceiver.start();
    const port = Number(new URL(receiver.url).port);
    try {
      const sub = await createSubscription(svc, { url: `http://localhost:${port}/hooks`, events: ['egress.delivered'], retrySchedule: [] });
      const event = await sendEvent(svc, 'egress.delivered', { n: 1 });
      const delivery = await finished(event.deliveries[0].id);
      assert.equal(delivery.status, 'succeeded', JSON.stringify(delivery.attempts));
      assert.equal(delivery.attempts[0].statusCode, 200);

      const [received] = await receiver.waitForRequests(1);
      assert.equal(received.headers.host, `localhost:${port}`, 'Host is the subscription URL, not the address tunnelled to');
      new Webhook(sub.secret).verify(received.body, received.headers as Record<string, string>);

      const tunnels = proxy.connects.filter((c) => c.target.endsWith(`:${port}`));
      assert.deepEqual(
        tunnels.map((c) => c.target),
        [`127.0.0.1:${port}`],
        'the proxy is asked for the address the policy checked, never for the name',
      );
      assert.equal(tunnels[0].headers['proxy-authorization'], 'Basic ' + Buffer.from('relay:s3cret').toString('base64'));
      await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
    } finally {
      await receiver.close();
    }
  });

  it('refuses private and metadata targets with error blocked; the proxy is never asked', async () => {
    const before = proxy.connects.length;
    for (const url of ['http://10.1.2.3:8080/hooks', 'http://169.254.169.254/latest/meta-data/', 'http://[::ffff:192.168.1.1]/']) {
      const sub = await createSubscription(svc, { url: 'http://hooks.example.com/', events: ['egress.refused'], retrySchedule: [] });
      // What a changed DNS record or a stale row would do: the target is now private.
      await svc.db.query(`UPDATE subscriptions SET url = $2 WHERE id = $1`, [sub.id, url]);
      const event = await sendEvent(svc, 'egress.refused', {});
      const delivery = await finished(event.deliveries[0].id);
      assert.equal(delivery.status, 'failed', url);
      assert.equal(delivery.attempts[0].error.type, 'blocked', `${url}: ${JSON.stringify(delivery.attempts[0].error)}`);
      assert.equal(delivery.attempts[0].statusCode, null);
      await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
    }
    assert.deepEqual(proxy.connects.slice(before), [], 'no CONNECT for a refused target');
  });

  it("records a proxy that refuses the CONNECT as a failed attempt naming the proxy's answer", async () => {
    // A receiver of its own: a new origin, so no tunnel kept alive from an earlier test can carry the attempt.
    const receiver = await TestReceiver.start();
    const port = Number(new URL(receiver.url).port);
    proxy.refuseWith = 403;
    try {
      const sub = await createSubscription(svc, { url: receiver.url, events: ['egress.proxy_refuses'], retrySchedule: [] });
      const event = await sendEvent(svc, 'egress.proxy_refuses', {});
      const delivery = await finished(event.deliveries[0].id);
      assert.equal(delivery.status, 'failed');
      assert.equal(delivery.attempts[0].statusCode, null);
      assert.deepEqual(delivery.attempts[0].error, {
        type: 'connection',
        message: `the egress proxy (${proxy.host}) answered 403 Forbidden to CONNECT 127.0.0.1:${port}`,
      });
      assert.ok(
        proxy.connects.some((c) => c.target === `127.0.0.1:${port}`),
        'the proxy was asked',
      );
      assert.equal(receiver.requests.length, 0);
      await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
    } finally {
      proxy.refuseWith = null;
      await receiver.close();
    }
  });
});
