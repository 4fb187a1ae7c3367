import { Logger } from '@nestjs/common';
import proto from '@temporalio/proto';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { searchAttributes } from '../../workflows/contracts.js';

let runtimeInstalled = false;

/**
 * Installs the Temporal runtime once per process, quiet unless something is wrong. `metricsAddress`: where its
 * Core serves the SDK's own metrics (workflow and activity task latencies, slots, polls) for Prometheus.
 */
export function installRuntime(metricsAddress?: string): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({
      logger: new DefaultLogger('WARN'),
      ...(metricsAddress && { telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress } } } }),
    });
  } catch {
    // Already installed by someone else in this process (tests): the existing one serves.
  }
}

/** Connects with retries, so api and worker may start before the Temporal server is ready. */
export async function connectTemporal(address: string, log: Logger, timeoutMs = 60_000): Promise<NativeConnection> {
  installRuntime();
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await NativeConnection.connect({ address });
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`cannot reach Temporal at ${address}: ${(err as Error).message}`, { cause: err });
      if (attempt === 1 || attempt % 10 === 0) log.warn(`waiting for Temporal at ${address} (${(err as Error).message})`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** Registers the service's search attributes where a real cluster lacks them (the dev server gets them by flag). */
export async function ensureSearchAttributes(conn: NativeConnection, namespace: string, log: Logger): Promise<void> {
  const { customAttributes } = await conn.operatorService.listSearchAttributes({ namespace });
  const existing = new Set(Object.keys(customAttributes ?? {}));
  const missing = Object.values(searchAttributes).filter((k) => !existing.has(k.name));
  if (missing.length === 0) return;
  const keyword = proto.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
  const add: Record<string, typeof keyword> = {};
  for (const k of missing) add[k.name] = keyword;
  await conn.operatorService.addSearchAttributes({ namespace, searchAttributes: add });
  log.log(`registered search attributes ${missing.map((k) => k.name).join(', ')} in namespace ${namespace}`);
}
