import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import { searchAttributes } from '../../workflows/contracts.js';
import { makeCertificates, type TestCertificates } from '../helpers/certificates.js';
import { createTestDatabase } from '../helpers/database.js';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { freePort } from '../helpers/ports.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';
import { startTlsFrontend, type TlsFrontend } from '../helpers/tls-frontend.js';

const MAIN = fileURLToPath(new URL('../../src/main.js', import.meta.url));
const ADD_SEARCH_ATTRIBUTES = '/temporal.api.operatorservice.v1.OperatorService/AddSearchAttributes';
const LIST_SEARCH_ATTRIBUTES = '/temporal.api.operatorservice.v1.OperatorService/ListSearchAttributes';
const COUNT_WORKFLOWS = '/temporal.api.workflowservice.v1.WorkflowService/CountWorkflowExecutions';
const SEARCH_ATTRIBUTE_NAMES = Object.values(searchAttributes).map((k) => k.name);

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

// A secured Temporal as users run it (a self-hosted cluster with mTLS, Temporal Cloud): a frontend that demands
// TLS, a client certificate of its CA and an API key, in front of the test run's dev server.
describe('Temporal behind TLS, a client certificate and an API key', () => {
  const apiKey = `tk_${randomBytes(12).toString('hex')}`;
  let certs: TestCertificates;
  let frontend: TlsFrontend;
  let database: { url: string; drop: () => Promise<void> };
  /** The settings of a client the frontend lets in. */
  let secured: Record<string, string>;

  before(async () => {
    certs = makeCertificates();
    frontend = await startTlsFrontend({
      upstream: process.env['TEST_TEMPORAL_ADDRESS']!,
      serverCert: certs.serverCert,
      serverKey: certs.serverKey,
      clientCa: certs.caCert,
      apiKey,
    });
    secured = {
      TEMPORAL_ADDRESS: frontend.address,
      TEMPORAL_API_KEY: apiKey,
      TEMPORAL_TLS_CLIENT_CERT_PATH: certs.clientCert,
      TEMPORAL_TLS_CLIENT_KEY_PATH: certs.clientKey,
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: certs.caCert,
    };
    database = await createTestDatabase('temporal-tls-children');
  });
  after(async () => {
    await frontend?.close();
    await database?.drop();
  });

  /** `node dist/src/main.js --role worker` with these settings; resolves when it exits (it should not start). */
  async function startAndFail(env: Record<string, string>): Promise<Exit> {
    const full = {
      PATH: process.env['PATH'] ?? '',
      HOME: certs.dir,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      SECRETS_KEY: randomBytes(32).toString('hex'),
      DATA_DIR: certs.dir,
      LOG_LEVEL: 'warn',
      TEMPORAL_TASK_QUEUE: 'tls-refused',
      ...env,
    };
    return new Promise((done) => {
      const child = execFile(process.execPath, [MAIN, '--role', 'worker'], { env: full, timeout: 30_000 }, (err, stdout, stderr) =>
        done({ code: child.exitCode ?? (err ? -1 : 0), stdout, stderr }),
      );
    });
  }

  /** The process exited 1 with one line on stderr that names `setting` and says `cause`, and no stack anywhere. */
  function assertOneLine(exit: Exit, setting: string, cause: RegExp): void {
    const lines = exit.stderr.trim().split('\n');
    assert.equal(exit.code, 1, `exit code (stderr: ${exit.stderr})`);
    assert.equal(lines.length, 1, `one line on stderr, got:\n${exit.stderr}`);
    assert.ok(lines[0].includes(setting), `names ${setting}: ${lines[0]}`);
    assert.match(lines[0], cause);
    assert.doesNotMatch(exit.stdout + exit.stderr, /^\s+at /m, 'no stack trace');
    console.log(`# ${lines[0]}`);
  }

  it('delivers through the secured frontend: the client, the worker and /ready all go through it', async () => {
    const forwardedBefore = new Map(frontend.forwarded);
    let svc: TestService | undefined;
    const receiver = await TestReceiver.start();
    try {
      svc = await startService('temporal-tls', secured);
      await createEventType(svc, 'order.paid');
      await createSubscription(svc, { url: receiver.url, events: ['order.paid'] });
      const started = Date.now();
      const sent: Awaited<ReturnType<typeof sendEvent>>[] = [];
      for (let i = 0; i < 10; i++) sent.push(await sendEvent(svc, 'order.paid', { n: i }));
      const requests = await receiver.waitForRequests(10);
      console.log(`# 10 deliveries through the TLS + API-key frontend in ${Date.now() - started} ms`);
      assert.deepEqual(new Set(requests.map((r) => r.headers['webhook-id'])), new Set(sent.map((e) => e.id)));
      const ready = await fetch(`${svc.baseUrl}/ready`);
      assert.equal(ready.status, 200);
      assert.equal(((await ready.json()) as { info: { temporal: { status: string } } }).info.temporal.status, 'up');

      const grew = (method: string) => (frontend.forwarded.get(method) ?? 0) > (forwardedBefore.get(method) ?? 0);
      // Starts by the client, polls and completions by the worker, the readiness probe: all through the frontend.
      assert.ok(
        grew('/temporal.api.workflowservice.v1.WorkflowService/StartWorkflowExecution') ||
          grew('/temporal.api.workflowservice.v1.WorkflowService/ExecuteMultiOperation'),
      );
      assert.ok(grew('/temporal.api.workflowservice.v1.WorkflowService/PollWorkflowTaskQueue'));
      assert.ok(grew('/temporal.api.workflowservice.v1.WorkflowService/RespondWorkflowTaskCompleted'));
      assert.ok(grew('/temporal.api.workflowservice.v1.WorkflowService/GetSystemInfo'));
      await eventually(async () => {
        const res = await svc!.api('GET', `/v1/deliveries/${sent[9].deliveries[0].id}`);
        return res.body.status === 'succeeded' ? true : undefined;
      });
    } finally {
      await svc?.close();
      await receiver.close();
    }
  });

  it('a client certificate file that is missing: one line naming TEMPORAL_TLS_CLIENT_CERT_PATH', async () => {
    const exit = await startAndFail({ ...secured, TEMPORAL_TLS_CLIENT_CERT_PATH: `${certs.dir}/nowhere.pem` });
    assertOneLine(exit, 'TEMPORAL_TLS_CLIENT_CERT_PATH', /cannot read .*nowhere\.pem: no such file/);
  });

  it('a key that does not match the certificate: one line naming TEMPORAL_TLS_CLIENT_KEY_PATH', async () => {
    const exit = await startAndFail({ ...secured, TEMPORAL_TLS_CLIENT_KEY_PATH: certs.otherClientKey });
    assertOneLine(exit, 'TEMPORAL_TLS_CLIENT_KEY_PATH', /does not match the certificate/);
  });

  it('a server CA that did not sign the frontend: one line naming TEMPORAL_TLS_SERVER_CA_CERT_PATH', async () => {
    const exit = await startAndFail({ ...secured, TEMPORAL_TLS_SERVER_CA_CERT_PATH: certs.otherCaCert });
    assertOneLine(exit, 'TEMPORAL_TLS_SERVER_CA_CERT_PATH', /not signed by this CA \(UnknownIssuer\)/);
  });

  it('no server CA, the frontend signed by a private CA: one line naming TEMPORAL_TLS_SERVER_CA_CERT_PATH', async () => {
    const { TEMPORAL_TLS_SERVER_CA_CERT_PATH: _, ...withoutCa } = secured;
    const exit = await startAndFail(withoutCa);
    assertOneLine(exit, 'TEMPORAL_TLS_SERVER_CA_CERT_PATH', /not signed by a CA this system trusts/);
  });

  it('no client certificate: one line naming TEMPORAL_TLS_CLIENT_CERT_PATH', async () => {
    const { TEMPORAL_TLS_CLIENT_CERT_PATH: _c, TEMPORAL_TLS_CLIENT_KEY_PATH: _k, ...withoutCert } = secured;
    const exit = await startAndFail(withoutCert);
    assertOneLine(exit, 'TEMPORAL_TLS_CLIENT_CERT_PATH', /demands a client certificate/);
  });

  it('a refused API key: one line naming TEMPORAL_API_KEY', async () => {
    const refusedBefore = frontend.refused;
    const exit = await startAndFail({ ...secured, TEMPORAL_API_KEY: 'tk_wrong' });
    assertOneLine(exit, 'TEMPORAL_API_KEY', /API key is refused \(UNAUTHENTICATED/);
    assert.ok(frontend.refused > refusedBefore, 'the frontend saw the wrong key');
    assert.doesNotMatch(exit.stderr, /tk_wrong/, 'the key itself is not printed');
  });

  it('the same settings from a TOML profile (TEMPORAL_CONFIG_FILE, TEMPORAL_PROFILE) name the profile key', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = `${certs.dir}/temporal.toml`;
    writeFileSync(
      file,
      [
        '[profile.secured]',
        `address = "${frontend.address}"`,
        `api_key = "${apiKey}"`,
        '[profile.secured.tls]',
        `client_cert_path = "${certs.clientCert}"`,
        `client_key_path = "${certs.otherClientKey}"`,
        `server_ca_cert_path = "${certs.caCert}"`,
        '',
      ].join('\n'),
    );
    const exit = await startAndFail({ TEMPORAL_CONFIG_FILE: file, TEMPORAL_PROFILE: 'secured' });
    assertOneLine(exit, 'tls.client_key_path in profile "secured"', /does not match the certificate/);
  });

  it('search attributes: registered where permitted; where not, start-up names each and how to add it, and stops', async () => {
    const namespace = `tls-${randomBytes(4).toString('hex')}`;
    const direct = await Connection.connect({ address: process.env['TEST_TEMPORAL_ADDRESS']! });
    try {
      await direct.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('1 day') });
      const denying = await startTlsFrontend({
        upstream: process.env['TEST_TEMPORAL_ADDRESS']!,
        serverCert: certs.serverCert,
        serverKey: certs.serverKey,
        clientCa: certs.caCert,
        apiKey,
        deny: [ADD_SEARCH_ATTRIBUTES],
      });
      try {
        // A fresh namespace becomes usable once every frontend has it: wait for the refusal, not for a sleep.
        const refusal = async () => {
          const exit = await eventually(
            async () => {
              const e = await startAndFail({ ...secured, TEMPORAL_ADDRESS: denying.address, TEMPORAL_NAMESPACE: namespace });
              return /search attributes/.test(e.stderr) ? e : undefined;
            },
            30_000,
            'the refusal to add search attributes',
          );
          assertOneLine(
            exit,
            SEARCH_ATTRIBUTE_NAMES.join(', '),
            /tcld namespace search-attributes add --namespace tls-\w+ (--sa \w+=Keyword ?){4}/,
          );
          assert.match(exit.stderr, /Temporal Cloud UI .*temporal operator search-attribute create/);
        };
        await refusal();
        // Where even listing them is closed, a query finds which are missing.
        denying.deny.add(LIST_SEARCH_ATTRIBUTES);
        const queriesBefore = denying.forwarded.get(COUNT_WORKFLOWS) ?? 0;
        await refusal();
        assert.ok((denying.forwarded.get(COUNT_WORKFLOWS) ?? 0) >= queriesBefore + SEARCH_ATTRIBUTE_NAMES.length, 'found by query');
      } finally {
        await denying.close();
      }
      const svc = await startService('temporal-tls-sa', { ...secured, TEMPORAL_NAMESPACE: namespace });
      try {
        const { customAttributes } = await direct.operatorService.listSearchAttributes({ namespace });
        for (const name of SEARCH_ATTRIBUTE_NAMES) assert.ok(name in (customAttributes ?? {}), `${name} registered in ${namespace}`);
      } finally {
        await svc.close();
      }
    } finally {
      await direct.close();
    }
  });
});
