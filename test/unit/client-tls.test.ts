import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ClientTlsAgents } from '../../activities/client-tls.js';
import { createHttpAgent, postRequest } from '../../activities/post.js';
import { createNetworkPolicy } from '../../src/policy/network-policy.js';
import { clientTlsProblems, describeClientTls, type StoredClientTls } from '../../src/policy/client-certificate.js';
import { makeCertificates, type TestCertificates } from '../helpers/certificates.js';
import { ConnectProxy } from '../helpers/connect-proxy.js';
import { TestReceiver } from '../helpers/receiver.js';

const loopback = createNetworkPolicy(true, ['127.0.0.0/8']);

describe('client certificates (mutual TLS)', () => {
  let certs: TestCertificates;
  const pem: Record<string, string> = {};
  let receiver: TestReceiver;
  before(async () => {
    certs = makeCertificates();
    for (const [name, path] of Object.entries(certs)) if (name !== 'dir') pem[name] = readFileSync(path, 'utf8');
    receiver = await TestReceiver.start({
      cert: pem['serverCert'],
      key: pem['serverKey'],
      ca: pem['caCert'],
      requestCert: true,
      rejectUnauthorized: true,
    });
  });
  after(async () => {
    await receiver.close();
    rmSync(certs.dir, { recursive: true, force: true });
  });

  const stored = (cert: string, key: string): StoredClientTls =>
    describeClientTls({ certificate: pem[cert], privateKey: pem[key], serverCa: pem['caCert'] });

  it('accepts a certificate with its key, and names each field that is wrong', () => {
    assert.deepEqual(clientTlsProblems({ certificate: pem['clientCert'], privateKey: pem['clientKey'], serverCa: pem['caCert'] }), []);
    const described = stored('clientCert', 'clientKey');
    assert.equal(described.subject, 'CN=hookrelay');
    assert.ok(Date.parse(described.expiresAt) > Date.now());

    assert.deepEqual(clientTlsProblems({ certificate: 'not a pem', privateKey: 'nor this', serverCa: 'nor that' }), [
      { field: 'clientTls.certificate', message: 'must be a PEM certificate (-----BEGIN CERTIFICATE-----)' },
      { field: 'clientTls.privateKey', message: 'must be an unencrypted PEM private key' },
      { field: 'clientTls.serverCa', message: 'must be one or more PEM certificates' },
    ]);
    assert.deepEqual(clientTlsProblems({ certificate: pem['clientCert'], privateKey: pem['otherClientKey'] }), [
      { field: 'clientTls.privateKey', message: 'does not belong to the certificate' },
    ]);
    const threeDaysOn = new Date(Date.now() + 3 * 86_400_000);
    const expired = clientTlsProblems({ certificate: pem['clientCert'], privateKey: pem['clientKey'] }, threeDaysOn);
    assert.equal(expired.length, 1);
    assert.equal(expired[0].field, 'clientTls.certificate');
    assert.match(expired[0].message, /^expired at /);
  });

  it('presents the certificate over the policed connection: delivered with it, `tls` without it or with another CA’s', async () => {
    const agents = new ClientTlsAgents((tls) => createHttpAgent(loopback, undefined, tls));
    const bare = createHttpAgent(loopback, undefined, { ca: pem['caCert'] });
    const req = { url: `${receiver.url}/hook`, body: '{}', headers: {} };
    try {
      const good = await postRequest(agents.agentFor('sub_a', stored('clientCert', 'clientKey')), req, 5000);
      assert.equal(good.statusCode, 200, `${good.errorType} ${good.errorMessage}`);
      assert.equal(receiver.requests.at(-1)!.clientCertificate, 'hookrelay');
      assert.ok(good.timings!.tlsMs !== null && good.timings!.tlsMs > 0, 'the handshake is timed');

      const without = await postRequest(bare, req, 5000);
      assert.equal(without.errorType, 'tls', `${without.errorType} ${without.errorMessage}`);
      assert.match(without.errorMessage!, /refused the TLS connection: .*certificate required/);
      const foreign = await postRequest(agents.agentFor('sub_b', stored('foreignClientCert', 'foreignClientKey')), req, 5000);
      assert.equal(foreign.errorType, 'tls', `${foreign.errorType} ${foreign.errorMessage}`);
      assert.match(foreign.errorMessage!, /refused the client certificate/);
      assert.equal(receiver.requests.length, 1, 'nothing refused reached the receiver');

      // A rotated certificate is a new pool at once; the same one is the same pool.
      const rotated = agents.agentFor('sub_b', stored('clientCert', 'clientKey'));
      assert.equal(agents.agentFor('sub_b', stored('clientCert', 'clientKey')), rotated);
      assert.equal((await postRequest(rotated, req, 5000)).statusCode, 200);
    } finally {
      await agents.close();
      await bare.close();
    }
  });

  it('presents it inside the egress proxy’s tunnel too', async () => {
    const proxy = await ConnectProxy.start();
    const agents = new ClientTlsAgents((tls) => createHttpAgent(loopback, proxy.url, tls));
    try {
      const r = await postRequest(
        agents.agentFor('sub_a', stored('clientCert', 'clientKey')),
        { url: `${receiver.url}/proxied`, body: '{}', headers: {} },
        5000,
      );
      assert.equal(r.statusCode, 200, `${r.errorType} ${r.errorMessage}`);
      assert.equal(proxy.connects.length, 1);
      assert.equal(receiver.requests.at(-1)!.path, '/proxied');
      assert.equal(receiver.requests.at(-1)!.clientCertificate, 'hookrelay');
    } finally {
      await agents.close();
      await proxy.close();
    }
  });
});
