import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.js';
import { refusal } from '../../src/temporal/temporal.connection.js';
import { loadTemporalSettings, TemporalSettingsError } from '../../src/temporal/temporal-settings.js';
import { makeCertificates, type TestCertificates } from '../helpers/certificates.js';

const settingsError = (env: Record<string, string>) => {
  try {
    loadTemporalSettings(env);
  } catch (err) {
    assert.ok(err instanceof TemporalSettingsError, `a TemporalSettingsError, got ${String(err)}`);
    assert.doesNotMatch(err.message, /\n/, 'one line');
    return err.message;
  }
  assert.fail('expected the settings to be refused');
};

describe("Temporal's environment configuration (envconfig), checked at boot", () => {
  let certs: TestCertificates;
  let mtls: Record<string, string>;
  before(() => {
    certs = makeCertificates();
    mtls = {
      TEMPORAL_ADDRESS: 'temporal.internal:7233',
      TEMPORAL_TLS_CLIENT_CERT_PATH: certs.clientCert,
      TEMPORAL_TLS_CLIENT_KEY_PATH: certs.clientKey,
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: certs.caCert,
    };
  });

  it('nothing set: the embedded dev server, namespace default, no TLS', () => {
    const s = loadTemporalSettings({});
    assert.equal(s.address, undefined);
    assert.equal(s.namespace, 'default');
    assert.deepEqual(s.connection, {});
  });

  it('empty variables (as .env.example writes them) are unset: TEMPORAL_TLS= does not turn TLS off', () => {
    const s = loadTemporalSettings({ TEMPORAL_ADDRESS: 'h:7233', TEMPORAL_API_KEY: 'k', TEMPORAL_TLS: '', TEMPORAL_NAMESPACE: '' });
    assert.equal(s.connection.tls, true);
    assert.equal(s.namespace, 'default');
  });

  it('an API key turns TLS on with the system CAs; TEMPORAL_TLS=false keeps plaintext', () => {
    assert.deepEqual(loadTemporalSettings({ TEMPORAL_ADDRESS: 'h:7233', TEMPORAL_API_KEY: 'k' }).connection, {
      tls: true,
      apiKey: 'k',
      metadata: undefined,
    });
    assert.equal(loadTemporalSettings({ TEMPORAL_ADDRESS: 'h:7233', TEMPORAL_API_KEY: 'k', TEMPORAL_TLS: 'false' }).connection.tls, false);
  });

  it('mTLS from files and from _DATA: the certificate, key and CA are read once, at boot', () => {
    for (const env of [
      mtls,
      {
        TEMPORAL_ADDRESS: 'temporal.internal:7233',
        TEMPORAL_TLS_CLIENT_CERT_DATA: readFileSync(certs.clientCert, 'utf8'),
        TEMPORAL_TLS_CLIENT_KEY_DATA: readFileSync(certs.clientKey, 'utf8'),
        TEMPORAL_TLS_SERVER_CA_CERT_DATA: readFileSync(certs.caCert, 'utf8'),
        TEMPORAL_TLS_SERVER_NAME: 'temporal',
      },
    ]) {
      const { tls } = loadTemporalSettings(env).connection;
      assert.ok(tls && typeof tls === 'object');
      assert.deepEqual(Buffer.from(tls.clientCertPair!.crt), readFileSync(certs.clientCert));
      assert.deepEqual(Buffer.from(tls.clientCertPair!.key), readFileSync(certs.clientKey));
      assert.deepEqual(Buffer.from(tls.serverRootCACertificate!), readFileSync(certs.caCert));
    }
  });

  it('each unusable setting is refused in one line naming it', () => {
    assert.match(
      settingsError({ ...mtls, TEMPORAL_TLS_CLIENT_CERT_PATH: '/nowhere/c.pem' }),
      /^TEMPORAL_TLS_CLIENT_CERT_PATH: cannot read \/nowhere\/c\.pem: no such file$/,
    );
    assert.match(
      settingsError({ ...mtls, TEMPORAL_TLS_SERVER_CA_CERT_PATH: certs.dir }),
      /^TEMPORAL_TLS_SERVER_CA_CERT_PATH: cannot read .*: is a directory$/,
    );
    assert.match(
      settingsError({ ...mtls, TEMPORAL_TLS_CLIENT_KEY_PATH: certs.otherClientKey }),
      /^TEMPORAL_TLS_CLIENT_KEY_PATH: this key does not match the certificate of TEMPORAL_TLS_CLIENT_CERT_PATH/,
    );
    assert.match(
      settingsError({ ...mtls, TEMPORAL_TLS_CLIENT_CERT_PATH: certs.clientKey }),
      /^TEMPORAL_TLS_CLIENT_CERT_PATH: not a PEM certificate/,
    );
    assert.match(
      settingsError({ ...mtls, TEMPORAL_TLS_CLIENT_KEY_PATH: certs.clientCert }),
      /^TEMPORAL_TLS_CLIENT_KEY_PATH: not a PEM private key/,
    );
    assert.match(
      settingsError({ ...mtls, TEMPORAL_TLS_CLIENT_KEY_PATH: '' }),
      /^TEMPORAL_TLS_CLIENT_KEY_PATH: required with TEMPORAL_TLS_CLIENT_CERT_PATH/,
    );
    assert.match(
      settingsError({ ...mtls, TEMPORAL_TLS_CLIENT_CERT_DATA: 'x' }),
      /^TEMPORAL_TLS_CLIENT_CERT_PATH \/ TEMPORAL_TLS_CLIENT_CERT_DATA: set one of them, not both/,
    );
    assert.match(
      settingsError({ ...mtls, TEMPORAL_TLS_DISABLE_HOST_VERIFICATION: 'true' }),
      /^TEMPORAL_TLS_DISABLE_HOST_VERIFICATION: .*TEMPORAL_TLS_SERVER_NAME/,
    );
    assert.match(settingsError({ TEMPORAL_API_KEY: 'k' }), /^TEMPORAL_ADDRESS: required with TEMPORAL_API_KEY/);
    assert.match(
      settingsError({ TEMPORAL_CONFIG_FILE: '/nowhere/temporal.toml' }),
      /^TEMPORAL_CONFIG_FILE: cannot read \/nowhere\/temporal\.toml: no such file$/,
    );
  });

  it('a TOML profile (TEMPORAL_CONFIG_FILE, TEMPORAL_PROFILE), the variables over it, and its keys named in errors', () => {
    const file = join(certs.dir, 'profiles.toml');
    writeFileSync(
      file,
      `[profile.prod]\naddress = "prod.internal:7233"\nnamespace = "webhooks"\napi_key = "from-file"\n[profile.prod.tls]\nclient_cert_path = "${certs.clientCert}"\nclient_key_path = "${certs.clientKey}"\n`,
    );
    const s = loadTemporalSettings({ TEMPORAL_CONFIG_FILE: file, TEMPORAL_PROFILE: 'prod', TEMPORAL_API_KEY: 'from-env' });
    assert.equal(s.address, 'prod.internal:7233');
    assert.equal(s.namespace, 'webhooks');
    assert.equal(s.connection.apiKey, 'from-env');
    assert.equal(s.sources.apiKey, 'TEMPORAL_API_KEY');
    assert.equal(s.sources.clientKey, `tls.client_key_path in profile "prod" of ${file}`);
    assert.match(
      settingsError({ TEMPORAL_CONFIG_FILE: file, TEMPORAL_PROFILE: 'prod', TEMPORAL_TLS_CLIENT_KEY_PATH: certs.otherClientKey }),
      new RegExp(`^TEMPORAL_TLS_CLIENT_KEY_PATH: this key does not match the certificate of tls\\.client_cert_path in profile "prod"`),
    );
    assert.match(
      settingsError({ TEMPORAL_CONFIG_FILE: file, TEMPORAL_PROFILE: 'staging' }),
      /^TEMPORAL_PROFILE \(staging\) \/ TEMPORAL_CONFIG_FILE: .*Profile 'staging' not found/,
    );
  });

  it('loadConfig turns a refused setting into a one-line ConfigError; the embedded mode needs none', () => {
    assert.throws(
      () => loadConfig({ ...mtls, SECRETS_KEY: 'a'.repeat(64), DATA_DIR: certs.dir, TEMPORAL_TLS_CLIENT_KEY_PATH: certs.otherClientKey }),
      (err: unknown) =>
        err instanceof ConfigError &&
        /^Invalid configuration: TEMPORAL_TLS_CLIENT_KEY_PATH: /.test(err.message) &&
        !err.message.includes('\n'),
    );
    const config = loadConfig({
      ...mtls,
      SECRETS_KEY: 'a'.repeat(64),
      DATA_DIR: certs.dir,
      TEMPORAL_API_KEY: 'k',
      TEMPORAL_NAMESPACE: 'webhooks',
    });
    assert.equal(config.temporal.address, 'temporal.internal:7233');
    assert.equal(config.temporal.namespace, 'webhooks');
    assert.equal(config.temporal.connection.apiKey, 'k');
  });

  it("connection errors from Temporal's core name the setting; an unreachable server is retried", () => {
    const temporal = loadTemporalSettings({ ...mtls, TEMPORAL_API_KEY: 'k' });
    const core = (inner: string) => `Failed to call GetSystemInfo: code: 'Unknown error', message: "transport error", source: ${inner}`;
    assert.match(
      refusal(
        temporal,
        'tonic::transport::Error(Transport, ConnectError(Custom { kind: InvalidData, error: InvalidCertificate(UnknownIssuer) }))',
      )!,
      /^TEMPORAL_TLS_SERVER_CA_CERT_PATH: .*not signed by this CA/,
    );
    assert.match(refusal(temporal, 'error: InvalidCertificate(NotValidForName) }')!, /^TEMPORAL_TLS_SERVER_NAME: /);
    assert.match(
      refusal(temporal, core('hyper::Error(Io, Custom { kind: InvalidData, error: "received fatal alert: BadCertificate" })'))!,
      /^TEMPORAL_TLS_CLIENT_CERT_PATH: the server refused the TLS handshake \(BadCertificate\)/,
    );
    assert.match(
      refusal(
        temporal,
        `Failed to call GetSystemInfo: code: 'The request does not have valid authentication credentials', message: "Request unauthorized."`,
      )!,
      /^TEMPORAL_API_KEY: the API key is refused \(UNAUTHENTICATED: Request unauthorized\.\)$/,
    );
    assert.equal(refusal(temporal, core('ConnectError(Os { code: 111, kind: ConnectionRefused })')), null);
    const plaintext = loadTemporalSettings({ TEMPORAL_ADDRESS: 'h:7233' });
    assert.match(
      refusal(plaintext, core('hyper::Error(Io, Custom { kind: BrokenPipe, error: "stream closed because of a broken pipe" })'))!,
      /^TEMPORAL_TLS: .*expect TLS/,
    );
  });
});
