// What the benchmark's sections in files of their own get from run-bench.ts.
import type { Client } from '@temporalio/client';
import type { TestService } from '../test/helpers/service.js';

export interface BenchReceiver {
  url: string;
  count(path: string): Promise<number>;
  waitFor(path: string, n: number, timeoutMs?: number): Promise<{ id: string; at: number }[]>;
}

export interface BenchContext {
  svc: TestService;
  temporalAddress: string;
  client: Client;
  receiver: BenchReceiver;
  reps: number;
  /** Which engine the service's figures ran on ("engine in memory"): every B-temporal and M2 figure says it. */
  engine: string;
  /** Distinguishes this run's task queues and ids. */
  started: number;
  log(msg: string): void;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Collects repeated values per measure. */
export class Runs {
  readonly values: Record<string, number[]> = {};
  record(name: string, value: number): void {
    (this.values[name] ??= []).push(value);
  }
}
