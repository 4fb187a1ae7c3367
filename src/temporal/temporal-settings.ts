import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadClientConfigProfile, toClientOptions, type ClientConfigProfile, type ConfigDataSource } from '@temporalio/envconfig';
import type { NativeConnectionOptions } from '@temporalio/worker';

/**
 * How to reach Temporal, from Temporal's own environment configuration (the TEMPORAL_* variables and the TOML
 * profiles of TEMPORAL_CONFIG_FILE / TEMPORAL_PROFILE, read by @temporalio/envconfig as the CLI and SDKs do).
 */
export interface TemporalSettings {
  /** Unset: the embedded dev server. */
  address: string | undefined;
  namespace: string;
  /** TLS, API key and gRPC metadata for NativeConnection.connect (certificates already read and checked). */
  connection: Pick<NativeConnectionOptions, 'tls' | 'apiKey' | 'metadata'>;
  /** The setting each value came from (an environment variable, or a key of a TOML profile), for start-up errors. */
  sources: { apiKey: string; clientCert: string; clientKey: string; serverCa: string; serverName: string; tls: string };
}

/** Why a Temporal setting cannot work, naming the setting: one line, no stack. */
export class TemporalSettingsError extends Error {}

type Env = Record<string, string | undefined>;

const ENV = {
  tls: 'TEMPORAL_TLS',
  apiKey: 'TEMPORAL_API_KEY',
  clientCert: 'TEMPORAL_TLS_CLIENT_CERT',
  clientKey: 'TEMPORAL_TLS_CLIENT_KEY',
  serverCa: 'TEMPORAL_TLS_SERVER_CA_CERT',
  serverName: 'TEMPORAL_TLS_SERVER_NAME',
} as const;

const TOML = {
  tls: 'tls.disabled',
  apiKey: 'api_key',
  clientCert: 'tls.client_cert',
  clientKey: 'tls.client_key',
  serverCa: 'tls.server_ca_cert',
  serverName: 'tls.server_name',
} as const;

/** Reads Temporal's environment configuration from `env` (never process.env directly), once, at boot. */
export function loadTemporalSettings(env: Env): TemporalSettings {
  // An empty variable (as .env.example writes them) means unset; envconfig would take `TEMPORAL_TLS=` for false.
  const given: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') given[k] = v;

  const configFile = given['TEMPORAL_CONFIG_FILE'];
  // envconfig takes a missing file for "no profiles"; a file named on purpose must be there.
  if (configFile !== undefined && !existsSync(configFile))
    throw new TemporalSettingsError(`TEMPORAL_CONFIG_FILE: cannot read ${configFile}: no such file`);
  let profile: ClientConfigProfile;
  try {
    profile = loadClientConfigProfile({ overrideEnvVars: given });
  } catch (err) {
    const both = /Cannot specify both (\w+)_path and/.exec(reason(err));
    if (both) {
      const name = `TEMPORAL_TLS_${both[1].toUpperCase()}`;
      throw new TemporalSettingsError(
        `${name}_PATH / ${name}_DATA: set one of them, not both (counting the profile's ${both[1]}_path / _data)`,
      );
    }
    const where = given['TEMPORAL_PROFILE']
      ? `TEMPORAL_PROFILE (${given['TEMPORAL_PROFILE']}) / TEMPORAL_CONFIG_FILE`
      : 'TEMPORAL_CONFIG_FILE';
    throw new TemporalSettingsError(`${where}: ${configFile ?? defaultConfigFile(given)}: ${reason(err)}`);
  }
  const profileName = given['TEMPORAL_PROFILE'] ?? 'default';
  const fromFile = `profile "${profileName}" of ${configFile ?? defaultConfigFile(given)}`;
  /** The variable that set a value, or where in the TOML profile it came from; the variable to set when unset. */
  const source = (key: keyof typeof ENV, inProfile: boolean, suffix: '' | '_PATH' | '_DATA' = ''): string => {
    const name = ENV[key] + suffix;
    if (given[name] !== undefined || !inProfile) return name;
    return `${TOML[key]}${suffix.toLowerCase()} in ${fromFile}`;
  };
  const dataSource = (key: 'clientCert' | 'clientKey' | 'serverCa', data: ConfigDataSource | undefined) =>
    source(key, data !== undefined, data && 'data' in data ? '_DATA' : '_PATH');
  const tls = profile.tls;
  const sources = {
    apiKey: source('apiKey', profile.apiKey !== undefined),
    clientCert: dataSource('clientCert', tls?.clientCert),
    clientKey: dataSource('clientKey', tls?.clientKey),
    serverCa: dataSource('serverCa', tls?.serverCACert),
    serverName: source('serverName', tls?.serverName !== undefined),
    tls: source('tls', tls?.disabled !== undefined),
  };

  const address = profile.address;
  const namespace = profile.namespace ?? 'default';
  const secured = profile.apiKey !== undefined || (tls !== undefined && tls.disabled !== true);
  if (address === undefined) {
    if (secured) {
      const what = profile.apiKey !== undefined ? sources.apiKey : sources.tls;
      throw new TemporalSettingsError(
        `TEMPORAL_ADDRESS: required with ${what} (unset starts the embedded dev server, which takes neither TLS nor an API key)`,
      );
    }
    return { address, namespace, connection: {}, sources };
  }
  if (given['TEMPORAL_TLS_DISABLE_HOST_VERIFICATION'] === 'true' || given['TEMPORAL_TLS_DISABLE_HOST_VERIFICATION'] === '1') {
    throw new TemporalSettingsError(
      "TEMPORAL_TLS_DISABLE_HOST_VERIFICATION: the Node SDK always verifies the server's name; set TEMPORAL_TLS_SERVER_NAME to the name its certificate carries instead",
    );
  }
  if (tls && tls.disabled !== true) {
    if (tls.clientCert && !tls.clientKey)
      throw new TemporalSettingsError(`${ENV.clientKey}_PATH: required with ${sources.clientCert} (the client certificate's key)`);
    if (tls.clientKey && !tls.clientCert)
      throw new TemporalSettingsError(`${ENV.clientCert}_PATH: required with ${sources.clientKey} (the certificate of this key)`);
    const cert = tls.clientCert && readPem(tls.clientCert, sources.clientCert);
    const key = tls.clientKey && readPem(tls.clientKey, sources.clientKey);
    const ca = tls.serverCACert && readPem(tls.serverCACert, sources.serverCa);
    if (ca) parseCertificate(ca, sources.serverCa);
    if (cert && key) {
      const certificate = parseCertificate(cert, sources.clientCert);
      const privateKey = parseKey(key, sources.clientKey);
      if (!certificate.checkPrivateKey(privateKey)) {
        throw new TemporalSettingsError(
          `${sources.clientKey}: this key does not match the certificate of ${sources.clientCert} (${certificate.subject.replace(/\n/g, ', ')})`,
        );
      }
    }
    profile = {
      ...profile,
      tls: {
        ...tls,
        clientCert: cert ? { data: cert } : undefined,
        clientKey: key ? { data: key } : undefined,
        serverCACert: ca ? { data: ca } : undefined,
      },
    };
  }
  const { connectionOptions } = toClientOptions(profile);
  return {
    address,
    namespace,
    connection: { tls: connectionOptions.tls, apiKey: connectionOptions.apiKey, metadata: connectionOptions.metadata },
    sources,
  };
}

/** Where envconfig looks without TEMPORAL_CONFIG_FILE (on Linux), for messages. */
function defaultConfigFile(env: Record<string, string>): string {
  const base = env['XDG_CONFIG_HOME'] ?? (env['HOME'] ? join(env['HOME'], '.config') : undefined);
  return base ? join(base, 'temporalio', 'temporal.toml') : 'the Temporal config file';
}

function readPem(data: ConfigDataSource, setting: string): Uint8Array {
  if (!('path' in data)) return typeof data.data === 'string' ? Buffer.from(data.data) : data.data;
  try {
    return readFileSync(data.path);
  } catch (err) {
    throw new TemporalSettingsError(`${setting}: cannot read ${data.path}: ${reason(err)}`);
  }
}

function parseCertificate(pem: Uint8Array, setting: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch (err) {
    throw new TemporalSettingsError(`${setting}: not a PEM certificate (${reason(err)})`);
  }
}

function parseKey(pem: Uint8Array, setting: string): KeyObject {
  try {
    return createPrivateKey(Buffer.from(pem));
  } catch (err) {
    throw new TemporalSettingsError(`${setting}: not a PEM private key (${reason(err)})`);
  }
}

/** An error's cause without the stack: "no such file or directory" rather than "ENOENT: ..., open '/x'". */
function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
  }
  return (e.message ?? String(err)).split('\n')[0];
}
