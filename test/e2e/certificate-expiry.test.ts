import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CertificateExpiryCheck } from '../../src/subscriptions/certificate-expiry-check.js';
import { clientCertificateUntil } from '../helpers/certificates.js';
import { createEventType, eventually } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

const DAY_MS = 24 * 3600_000;
const LINE_MS = 14 * DAY_MS;

/**
 * `subscription.certificate_expiring` for a certificate that enters its last 14 days while nobody edits it:
 * raised by the periodic check, once, with two api processes checking the same database every half second.
 */
describe('certificate expiry check', { timeout: 120_000 }, () => {
  let a: TestService;
  let b: TestService;
  let receiver: TestReceiver;

  before(async () => {
    receiver = await TestReceiver.start();
    a = await startService('cert-expiry', { CERTIFICATE_CHECK_INTERVAL_MS: '500' });
    // A second api process on the same database and task queue (its notices reach a's worker).
    b = await startService(
      'cert-expiry-b',
      {
        CERTIFICATE_CHECK_INTERVAL_MS: '500',
        DATABASE_URL: a.config.databaseUrl,
        SECRETS_KEY: a.config.secretsKey,
        TEMPORAL_TASK_QUEUE: a.config.temporal.taskQueue,
      },
      'api',
    );
    await createEventType(a, 'vault.opened');
    const ops = await a.api('POST', '/v1/subscriptions', {
      url: `${receiver.url}/ops`,
      events: ['subscription.certificate_expiring'],
      ping: false,
    });
    assert.equal(ops.status, 201, JSON.stringify(ops.body));
  });
  after(async () => {
    await b?.close();
    await a?.close();
    await receiver?.close();
  });

  const notices = (subscriptionId: string) =>
    receiver.requests
      .filter((r) => r.path === '/ops')
      .map((r) => JSON.parse(r.body) as { id: string; timestamp: string; data: Record<string, string> })
      .filter((n) => n.data['subscriptionId'] === subscriptionId);
  const raisedEvents = async (subscriptionId: string) =>
    (
      (await a.api('GET', '/v1/events?type=subscription.certificate_expiring&limit=250')).body.data as {
        data: { subscriptionId: string };
      }[]
    ).filter((e) => e.data.subscriptionId === subscriptionId);

  it('raises it once when a certificate crosses the 14-day line unedited, whichever process checks', async () => {
    // Ends 14 days and 20 seconds from now: outside the line when written, inside it 20 seconds later.
    const expiresAt = new Date(Math.floor((Date.now() + LINE_MS + 20_000) / 1000) * 1000);
    const crossing = expiresAt.getTime() - LINE_MS;
    const sub = await a.api('POST', '/v1/subscriptions', {
      url: `${receiver.url}/vault`,
      events: ['vault.opened'],
      ping: false,
      clientTls: clientCertificateUntil(expiresAt, 'soon'),
    });
    assert.equal(sub.status, 201, JSON.stringify(sub.body));
    assert.ok(Date.now() < crossing, 'written before the line: the write itself raised nothing');
    assert.equal(sub.body.clientTls.expiresAt, expiresAt.toISOString());

    const [notice] = await eventually(async () => (notices(sub.body.id).length ? notices(sub.body.id) : undefined), 60_000, 'the notice');
    assert.deepEqual(notice.data, { subscriptionId: sub.body.id, subject: 'CN=soon', expiresAt: expiresAt.toISOString() });
    assert.ok(Date.parse(notice.timestamp) >= crossing, 'raised after the crossing, by a periodic check');

    // Both processes keep checking; each check from now on finds the certificate marked.
    const [byA, byB] = await Promise.all([
      a.app.get(CertificateExpiryCheck).check(new Date()),
      b.app.get(CertificateExpiryCheck).check(new Date()),
    ]);
    assert.deepEqual([byA, byB], [0, 0]);
    assert.equal((await raisedEvents(sub.body.id)).length, 1);
    assert.equal(notices(sub.body.id).length, 1);
  });

  it('of two processes checking at the same moment, exactly one raises it', async () => {
    const expiresAt = new Date(Date.now() + 20 * DAY_MS);
    const sub = await a.api('POST', '/v1/subscriptions', {
      url: `${receiver.url}/later`,
      events: ['vault.opened'],
      ping: false,
      clientTls: clientCertificateUntil(expiresAt, 'later'),
    });
    assert.equal(sub.status, 201, JSON.stringify(sub.body));
    // Seven days on, the certificate is inside the line; both processes look at once, several times.
    const weekOn = new Date(Date.now() + 7 * DAY_MS);
    const counts = await Promise.all([a, b, a, b].map((svc) => svc.app.get(CertificateExpiryCheck).check(weekOn, null)));
    assert.equal(
      counts.reduce((x, y) => x + y, 0),
      1,
      `raised ${JSON.stringify(counts)}`,
    );
    assert.equal((await raisedEvents(sub.body.id)).length, 1);
    await eventually(async () => (notices(sub.body.id).length === 1 ? true : undefined), 30_000, 'its delivery');
  });

  it('a new certificate is noticed again; a deleted subscription is not', async () => {
    const soon = new Date(Date.now() + 3 * DAY_MS);
    const sub = await a.api('POST', '/v1/subscriptions', {
      url: `${receiver.url}/renewed`,
      events: ['vault.opened'],
      ping: false,
      clientTls: clientCertificateUntil(soon, 'first'),
    });
    await eventually(async () => ((await raisedEvents(sub.body.id)).length === 1 ? true : undefined), 10_000, 'the first notice');
    const renewed = await a.api('PATCH', `/v1/subscriptions/${sub.body.id}`, { clientTls: clientCertificateUntil(soon, 'second') });
    assert.equal(renewed.status, 200, JSON.stringify(renewed.body));
    const events = await eventually(
      async () => {
        const e = await raisedEvents(sub.body.id);
        return e.length === 2 ? e : undefined;
      },
      10_000,
      'the second notice',
    );
    assert.deepEqual(events.map((e) => (e.data as unknown as { subject: string }).subject).sort(), ['CN=first', 'CN=second']);

    const gone = await a.api('POST', '/v1/subscriptions', {
      url: `${receiver.url}/gone`,
      events: ['vault.opened'],
      ping: false,
      clientTls: clientCertificateUntil(new Date(Date.now() + 20 * DAY_MS), 'gone'),
    });
    assert.equal((await a.api('DELETE', `/v1/subscriptions/${gone.body.id}`)).status, 204);
    assert.equal(await a.app.get(CertificateExpiryCheck).check(new Date(Date.now() + 10 * DAY_MS)), 0);
  });
});
