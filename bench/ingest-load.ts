// The ingest load generator: single-event POSTs over a keep-alive undici pool, closed loop (a fixed number of
// clients, each sending as soon as its last answer came) or open loop (sends due at a fixed rate, whatever the
// answers do). It runs in the benchmark process and shares the machine's cores with what it measures.
import { Agent, request } from 'undici';
import { percentile } from './stats.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface IngestTarget {
  /** Base URLs; client i uses urls[i % urls.length]. */
  urls: string[];
  apiKey: string;
  type: string;
}

function sender(target: IngestTarget, connections: number) {
  const agent = new Agent({ connections, keepAliveTimeout: 60_000, pipelining: 1 });
  const headers = { authorization: `Bearer ${target.apiKey}`, 'content-type': 'application/json' };
  let seq = 0;
  const send = async (client: number) => {
    const body = JSON.stringify({ type: target.type, data: { i: seq++, at: Date.now() } });
    const res = await request(`${target.urls[client % target.urls.length]}/v1/events`, {
      method: 'POST',
      headers,
      body,
      dispatcher: agent,
    });
    const text = await res.body.text();
    if (res.statusCode !== 202) throw new Error(`POST /v1/events: ${res.statusCode} ${text.slice(0, 300)}`);
  };
  return { send, close: () => agent.close() };
}

/** `clients` clients for `seconds` after a one-second warm-up; returns accepted events per second. */
export async function closedLoop(target: IngestTarget, clients: number, seconds: number): Promise<{ rate: number; accepted: number }> {
  const { send, close } = sender(target, clients * target.urls.length);
  const warmUpEnd = Date.now() + 1000;
  const end = warmUpEnd + seconds * 1000;
  let counted = 0;
  let total = 0;
  let countedFrom = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (Date.now() < end) {
        await send(c);
        total++;
        const now = Date.now();
        if (now >= warmUpEnd) {
          countedFrom ||= now;
          counted++;
        }
      }
    }),
  );
  const elapsed = (Date.now() - countedFrom) / 1000;
  await close();
  return { rate: counted / elapsed, accepted: total };
}

/**
 * Open loop at `rate` for `seconds`: request i is due at start + i/rate and its latency counts from then, so a
 * server falling behind shows as latency, not as a slower send rate.
 */
export async function openLoop(target: IngestTarget, rate: number, seconds: number): Promise<{ p50: number; p99: number; count: number }> {
  const total = Math.max(1, Math.round(rate * seconds));
  const { send, close } = sender(target, 64);
  const latencies: number[] = [];
  const start = Date.now() + 100;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    pending.push(send(i).then(() => void latencies.push(Date.now() - due)));
  }
  await Promise.all(pending);
  await close();
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), count: total };
}
