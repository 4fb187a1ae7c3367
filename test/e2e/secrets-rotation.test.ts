import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Webhook } from 'standardwebhooks';
import { createApp } from '../../src/app.js';
import type { Role } from '../../src/config.js';
import { countStale, reencryptSubscriptions } from '../../src/secrets/reencryption.js';
import { SecretBox } from '../../src/secrets/secret-box.js';
import { createEventType, eventually } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { callApi, startService, type TestService } from '../helpers/service.js';

const K1 = randomBytes(32).toString('hex');
const K2 = randomBytes(32).toString('hex');
const OLD_ADMIN = 'admin-key-before-rotation';
const NEW_ADMIN = 'admin-key-after-rotation';

/** One more process of the service on the same database and task queue, with its own keys. */
interface Process {
  app: NestFastifyApplication;
  call: (method: string, path: string, body?: unknown, key?: string) => ReturnType<typeof callApi>;
}

describe('rotating SECRETS_KEY in three phases, and ADMIN_API_KEY with an overlap', () => {
  let svc: TestService;
  let receiver: TestReceiver;
  const started: NestFastifyApplication[] = [];

  const startProcess = async (role: Role, keys: Partial<TestService['config']>): Promise<Process> => {
    const app = await createApp({ ...svc.config, role, ...keys });
    started.push(app);
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    return { app, call: (method, path, body, key = svc.apiKey) => callApi(url, key, method, path, body) };
  };
  const stop = async (p: Process) => {
    started.splice(started.indexOf(p.app), 1);
    await p.app.close();
  };

  /** Sends one event through `api` and checks that each subscription got it signed with its secret. */
  const deliverSigned = async (api: Process, subscriptions: { name: string; secret: string }[], phase: string) => {
    const secrets = Object.fromEntries(subscriptions.map((s) => [s.name, s.secret]));
    const sent = await api.call('POST', '/v1/events', { type: 'rotation.checked', data: { phase } });
    assert.equal(sent.status, 202, JSON.stringify(sent.body));
    const ids = Object.keys(secrets);
    const got = await eventually(
      async () => {
        const mine = receiver.requests.filter((r) => JSON.parse(r.body).data?.phase === phase);
        return mine.length >= ids.length ? mine : undefined;
      },
      30_000,
      `${phase}: a delivery to each of ${ids.length} subscriptions`,
    );
    for (const id of ids) {
      const request = got.find((r) => r.path === `/${id}`);
      assert.ok(request, `${phase}: ${id} received its delivery`);
      assert.doesNotThrow(
        () => new Webhook(secrets[id]).verify(request.body, request.headers as Record<string, string>),
        `${phase}: ${id}'s delivery verifies with its secret`,
      );
    }
    for (const d of sent.body.deliveries as { id: string }[]) {
      const ended = await eventually(
        async () => {
          const res = await api.call('GET', `/v1/deliveries/${d.id}`);
          return res.body.status === 'succeeded' ? res.body : undefined;
        },
        30_000,
        `${phase}: delivery ${d.id} succeeded`,
      );
      assert.equal(ended.status, 'succeeded');
    }
  };

  const subscribe = async (api: Process, name: string) => {
    // The receiver tells subscriptions apart by path: the subscription's name.
    const res = await api.call('POST', '/v1/subscriptions', {
      name,
      url: `${receiver.url}/${name}`,
      events: ['rotation.checked'],
      ping: false,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return { id: res.body.id as string, name, secret: res.body.secret as string };
  };

  before(async () => {
    svc = await startService('secrets-rotation', { SECRETS_KEY: K1, ADMIN_API_KEY: OLD_ADMIN }, 'api');
    receiver = await TestReceiver.start();
    await createEventType(svc, 'rotation.checked');
  });
  after(async () => {
    for (const app of started.reverse()) await app.close();
    await svc?.close();
    await receiver?.close();
  });

  it('delivers signed with the right secret before, during and after, and a write racing the re-encryption survives', async () => {
    const db = svc.db;
    // Before: every process on K1.
    const api0: Process = { app: svc.app as NestFastifyApplication, call: (m, p, b, k = svc.apiKey) => callApi(svc.baseUrl, k, m, p, b) };
    let worker = await startProcess('worker', { secretsKey: K1, previousSecretsKeys: [] });
    const s1 = await subscribe(api0, 's1');
    await deliverSigned(api0, [s1], 'before');

    // Phase 1: K2 deployed as SECRETS_KEY_PREVIOUS everywhere; nothing is sealed with it yet.
    const api1 = await startProcess('api', { secretsKey: K1, previousSecretsKeys: [K2] });
    await stop(worker);
    worker = await startProcess('worker', { secretsKey: K1, previousSecretsKeys: [K2] });
    await deliverSigned(api1, [s1], 'phase 1');

    // Phase 2, mid-roll: a new api seals with K2 while the only worker is still an old one (K1, K2 previous).
    const api2 = await startProcess('api', { secretsKey: K2, previousSecretsKeys: [K1] });
    const s2 = await subscribe(api2, 's2');
    const [{ keyId }] = await db.query(`SELECT split_part(secret, '.', 2) AS "keyId" FROM subscriptions WHERE id = $1`, [s2.id]);
    assert.equal(keyId, new SecretBox(K2).currentKeyId, 's2 is sealed with the new key');
    await deliverSigned(api2, [s1, s2], 'phase 2, old worker');
    // ... and an old api still seals with K1 (a rotate-secret there), opened by a new worker.
    const rotated = await api1.call('POST', `/v1/subscriptions/${s1.id}/rotate-secret`, { graceSeconds: 0 });
    assert.equal(rotated.status, 200, JSON.stringify(rotated.body));
    s1.secret = rotated.body.secret as string;
    await stop(worker);
    worker = await startProcess('worker', { secretsKey: K2, previousSecretsKeys: [K1] });
    await deliverSigned(api1, [s1, s2], 'phase 2, new worker');
    await stop(api1);

    // Phase 3: every process on K2; re-encrypt while a rotate-secret (as an api on K2 writes it) races the run:
    // the row is locked, the run reads it and waits on its UPDATE, the rotation commits first.
    const box = new SecretBox(K2, [K1]);
    assert.equal(await countStale(db, box), 1, 's1 is still sealed with K1');
    const racer = db.createQueryRunner();
    await racer.connect();
    await racer.startTransaction();
    await racer.query(`SELECT 1 FROM subscriptions WHERE id = $1 FOR UPDATE`, [s1.id]);
    const batches: string[] = [];
    const run = reencryptSubscriptions(db, box, { batchSize: 1, onBatch: (p) => batches.push(p.lastId!) });
    await eventually(
      async () => {
        const [{ waiting }] = await db.query(
          `SELECT count(*)::int AS waiting FROM pg_locks l JOIN pg_stat_activity a USING (pid)
          WHERE NOT l.granted AND a.datname = current_database() AND a.query LIKE 'UPDATE subscriptions SET secret%'`,
        );
        return waiting > 0 ? true : undefined;
      },
      10_000,
      'the re-encryption waiting on the locked row',
    );
    const raced = `whsec_${randomBytes(24).toString('base64')}`;
    await racer.query(`UPDATE subscriptions SET secret = $2, previous_secret = NULL WHERE id = $1`, [s1.id, box.seal(raced)]);
    await racer.commitTransaction();
    await racer.release();
    const done = await run;
    s1.secret = raced;
    assert.deepEqual(done.contended, []);
    assert.equal(done.resealed + done.current, 2);
    assert.deepEqual(batches, [s1.id, s2.id].sort(), 'one batch per subscription, in id order');
    assert.equal(await countStale(db, box), 0, 'nothing left on K1');
    const again = await reencryptSubscriptions(db, box);
    assert.deepEqual({ resealed: again.resealed, current: again.current }, { resealed: 0, current: 2 }, 'a rerun writes nothing');

    // After: K1 dropped; the raced secret is the one that signs.
    await stop(worker);
    const api3 = await startProcess('api', { secretsKey: K2, previousSecretsKeys: [] });
    await startProcess('worker', { secretsKey: K2, previousSecretsKeys: [] });
    await deliverSigned(api3, [s1, s2], 'after');
    await stop(api2);
  });

  it('accepts ADMIN_API_KEY and ADMIN_API_KEY_PREVIOUS during the overlap, then only the new key', async () => {
    const adminCall = (p: Process, key: string) => p.call('POST', '/v1/tenants', { name: `t-${randomBytes(3).toString('hex')}` }, key);
    assert.equal((await adminCall(await startProcess('api', {}), OLD_ADMIN)).status, 201, 'before: the old key');
    const overlap = await startProcess('api', { adminApiKey: NEW_ADMIN, adminApiKeyPrevious: OLD_ADMIN });
    assert.equal((await adminCall(overlap, NEW_ADMIN)).status, 201, 'overlap: the new key');
    assert.equal((await adminCall(overlap, OLD_ADMIN)).status, 201, 'overlap: the old key');
    const after = await startProcess('api', { adminApiKey: NEW_ADMIN, adminApiKeyPrevious: undefined });
    assert.equal((await adminCall(after, NEW_ADMIN)).status, 201, 'after: the new key');
    const refused = await adminCall(after, OLD_ADMIN);
    assert.equal(refused.status, 401, 'after: the old key');
  });
});
