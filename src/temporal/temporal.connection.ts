import { Logger } from '@nestjs/common';
import proto from '@temporalio/proto';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { searchAttributes } from '../../workflows/contracts.js';
import { ConfigError, type AppConfig } from '../config.js';
import { temporalSdkMetrics } from './sdk-metrics.js';

/** gRPC status codes of a credential that may not change the namespace's search attributes. */
const NOT_PERMITTED = new Set([7 /* PERMISSION_DENIED */, 12 /* UNIMPLEMENTED */, 16 /* UNAUTHENTICATED */]);
const INVALID_ARGUMENT = 3;

let runtimeInstalled = false;

/**
 * Installs the Temporal runtime once per process, quiet unless something is wrong. The SDK's own metrics (workflow
 * and activity task latencies, slots, polls) go to this process's /metrics (temporalSdkMetrics), or, with
 * `metricsAddress`, are served by Core itself there for Prometheus.
 */
export function installRuntime(metricsAddress?: string): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({
      logger: new DefaultLogger('WARN'),
      telemetryOptions: {
        metrics: metricsAddress ? { prometheus: { bindAddress: metricsAddress } } : { buffer: temporalSdkMetrics.buffer },
      },
    });
    if (!metricsAddress) temporalSdkMetrics.start();
  } catch {
    // Already installed by someone else in this process (tests): the existing one serves.
  }
}

type TemporalConfig = AppConfig['temporal'];

/**
 * Connects with the configured TLS and API key, retrying while the server is unreachable (api and worker may
 * start before it), but failing at once, in one line naming the setting, when it refuses this client.
 */
export async function connectTemporal(temporal: TemporalConfig, log: Logger, timeoutMs = 60_000): Promise<NativeConnection> {
  installRuntime();
  const address = temporal.address!;
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await NativeConnection.connect({ address, ...temporal.connection });
    } catch (err) {
      const message = (err as Error).message;
      const refused = refusal(temporal, message);
      if (refused) throw new ConfigError(`Temporal at ${address}: ${refused}`);
      if (Date.now() > deadline)
        throw new ConfigError(`Temporal at ${address}: TEMPORAL_ADDRESS: nothing answered within ${timeoutMs / 1000} s (${message})`);
      if (attempt === 1 || attempt % 10 === 0) log.warn(`waiting for Temporal at ${address} (${message})`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** What a connection error says about this client's settings, naming the setting; null when it may pass (retry). */
export function refusal(temporal: Pick<TemporalConfig, 'connection' | 'sources'>, message: string): string | null {
  const { connection, sources } = temporal;
  const tlsOn = !!connection.tls;
  const namedCa = typeof connection.tls === 'object' && !!connection.tls?.serverRootCACertificate;
  const certificate = /InvalidCertificate\((\w+)/.exec(message)?.[1];
  if (certificate === 'UnknownIssuer' || certificate === 'BadSignature') {
    return namedCa
      ? `${sources.serverCa}: the server's certificate is not signed by this CA (${certificate})`
      : `${sources.serverCa}: the server's certificate is not signed by a CA this system trusts (${certificate}); name the CA that signed it`;
  }
  if (certificate === 'NotValidForName') {
    return `${sources.serverName}: the server's certificate is not valid for this name (NotValidForName); set the name the certificate carries`;
  }
  if (certificate) return `${sources.serverCa}: the server's certificate is refused (${certificate})`;
  if (/KeyMismatch|InconsistentKeys/.test(message))
    return `${sources.clientKey}: this key does not match the client certificate (${sources.clientCert})`;
  const alert = /received fatal alert: (\w+)/.exec(message)?.[1];
  if (alert === 'CertificateRequired') return `${sources.clientCert}: the server demands a client certificate and none is set`;
  if (alert)
    return `${sources.clientCert}: the server refused the TLS handshake (${alert}): is the client certificate signed by a CA the server trusts?`;
  const grpcMessage = /message: "([^"]*)"/.exec(message)?.[1] ?? '';
  if (/valid authentication credentials/.test(message)) {
    return connection.apiKey
      ? `${sources.apiKey}: the API key is refused (UNAUTHENTICATED: ${grpcMessage})`
      : `${sources.apiKey}: the server demands credentials (UNAUTHENTICATED: ${grpcMessage}); set an API key or a client certificate`;
  }
  if (/permission to perform the operation|PermissionDenied/i.test(message))
    return `${sources.apiKey}: this credential is not permitted (PERMISSION_DENIED: ${grpcMessage})`;
  if (!tlsOn && /BrokenPipe|broken pipe|connection reset/i.test(message)) {
    return `${sources.tls}: the server closed a plaintext connection (${grpcMessage || 'broken pipe'}): does it expect TLS? Set TEMPORAL_TLS=true (or an API key, which turns TLS on)`;
  }
  return null;
}

/** How to add search attributes where the service's credential may not: Temporal Cloud, then a cluster of one's own. */
const howToAdd = (namespace: string, names: string[]) =>
  `\`tcld namespace search-attributes add --namespace ${namespace} ${names.map((n) => `--sa ${n}=Keyword`).join(' ')}\`` +
  ` or the Temporal Cloud UI (Namespaces > ${namespace} > Search attributes); on a cluster of your own ` +
  `\`temporal operator search-attribute create --namespace ${namespace} --name <name> --type Keyword\` for each`;

const notPermitted = (err: unknown) => NOT_PERMITTED.has((err as { code?: number }).code ?? -1);

/** The service's search attributes the namespace lacks, by the operator service or, where that is closed, by query. */
async function missingSearchAttributes(conn: NativeConnection, namespace: string): Promise<string[]> {
  const names = Object.values(searchAttributes).map((k) => k.name);
  try {
    const { customAttributes } = await conn.operatorService.listSearchAttributes({ namespace });
    return names.filter((name) => !(name in (customAttributes ?? {})));
  } catch (err) {
    if (!notPermitted(err)) throw err;
  }
  // A query naming an attribute the namespace does not have is INVALID_ARGUMENT; reading needs no operator rights.
  const missing: string[] = [];
  for (const name of names) {
    try {
      await conn.workflowService.countWorkflowExecutions({ namespace, query: `${name} = 'probe'` });
    } catch (err) {
      if ((err as { code?: number }).code !== INVALID_ARGUMENT) throw err;
      missing.push(name);
    }
  }
  return missing;
}

/**
 * Registers the service's search attributes where a cluster lacks them (the dev server gets them by flag). A
 * credential that may not (Temporal Cloud's namespace keys and certificates) gets a start-up error saying which
 * to add and how: without them, every delivery's start would fail.
 */
export async function ensureSearchAttributes(conn: NativeConnection, namespace: string, log: Logger): Promise<void> {
  const missing = await missingSearchAttributes(conn, namespace);
  if (missing.length === 0) return;
  const keyword = proto.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
  const add: Record<string, typeof keyword> = {};
  for (const name of missing) add[name] = keyword;
  try {
    await conn.operatorService.addSearchAttributes({ namespace, searchAttributes: add });
  } catch (err) {
    if (!notPermitted(err)) throw err;
    throw new ConfigError(
      `Temporal namespace ${namespace} lacks the search attributes ${missing.join(', ')} (Keyword) and this credential may not add them ` +
        `(${(err as Error).message}): add them with ${howToAdd(namespace, missing)}, then start again`,
    );
  }
  log.log(`registered search attributes ${missing.join(', ')} in namespace ${namespace}`);
}

/** The connection a process shares between its client, its worker and /ready: connected, search attributes in place. */
export async function openTemporal(temporal: TemporalConfig): Promise<NativeConnection> {
  const log = new Logger('Temporal');
  const conn = await connectTemporal(temporal, log);
  try {
    await ensureSearchAttributes(conn, temporal.namespace, log);
  } catch (err) {
    await conn.close().catch(() => undefined);
    if (err instanceof ConfigError) throw err;
    const refused = refusal(temporal, (err as Error).message);
    throw refused ? new ConfigError(`Temporal at ${temporal.address}: ${refused}`) : err;
  }
  return conn;
}
