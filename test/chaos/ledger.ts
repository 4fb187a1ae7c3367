// The ledger every scenario ends with: what the clients were told (202s), what the receiver answered 2xx, and
// what Postgres says, reconciled. One subscription per scenario, so one delivery per accepted event and the
// webhook-id (the event id) names the delivery.
import type { ChaosReceiver } from './receiver.js';

export interface AcceptedEvent {
  key: string;
  eventId: string;
  deliveryIds: string[];
}

export interface DeliveryRow {
  id: string;
  event_id: string;
  subscription_id: string;
  status: string;
  attempt_count: number;
}

const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);

/** What the load generator saw: every answer by status, and the events the 202s named. */
export class ClientLedger {
  readonly accepted = new Map<string, AcceptedEvent>();
  readonly answers = new Map<string, number>();
  connectionErrors = 0;
  /** Keys resent after a request got no answer (connection refused, reset, or cut mid-request). */
  readonly resentKeys = new Set<string>();
  /** 503s that came without a Retry-After header. */
  unavailableWithoutRetryAfter = 0;
  /** 503s whose body was not a problem+json document with status 503. */
  unavailableNotProblem = 0;
  /** Keys that never got a 202 (gave up). */
  readonly unanswered: string[] = [];
  /** A repeat of a key answered with another event id than the first answer: idempotency broken. */
  readonly conflictingAnswers: string[] = [];
  /** Samples of unexpected answers (status and body), for the report. */
  readonly samples: string[] = [];
  firstPostAt = 0;
  lastAcceptAt = 0;

  count(label: string): void {
    this.answers.set(label, (this.answers.get(label) ?? 0) + 1);
  }

  accept(key: string, body: { id: string; deliveries: { id: string }[] }): void {
    const prior = this.accepted.get(key);
    if (prior && prior.eventId !== body.id) this.conflictingAnswers.push(key);
    this.accepted.set(key, { key, eventId: body.id, deliveryIds: body.deliveries.map((d) => d.id) });
    this.lastAcceptAt = Date.now();
  }

  sample(text: string): void {
    if (this.samples.length < 5) this.samples.push(text);
  }
}

export interface LedgerReport {
  scenario: string;
  /** Distinct keys sent. */
  sent: number;
  accepted: number;
  delivered: number;
  pending: number;
  lost: number;
  duplicates: number;
  duplicateIds: number;
  requests: number;
  retries: number;
  unknownIds: number;
  rows: number;
  rowsByStatus: Record<string, number>;
  rowsMissing: number;
  extraRows: number;
  eventsWithoutOneDelivery: number;
  mismatches: string[];
  overlappingIds: number;
  answers: Record<string, number>;
  connectionErrors: number;
  unanswered: number;
  conflictingAnswers: number;
  unavailableWithoutRetryAfter: number;
  unavailableNotProblem: number;
  extra: Record<string, string | number>;
}

/** Reconciles the client's ledger, the receiver's and the deliveries table. */
export function reconcile(
  scenario: string,
  sent: number,
  client: ClientLedger,
  receiver: ChaosReceiver,
  rows: DeliveryRow[],
): LedgerReport {
  const okIds = receiver.okIds();
  const byEvent = new Map<string, DeliveryRow[]>();
  for (const row of rows) byEvent.set(row.event_id, [...(byEvent.get(row.event_id) ?? []), row]);
  const acceptedIds = new Set([...client.accepted.values()].map((a) => a.eventId));

  let delivered = 0;
  let pending = 0;
  let lost = 0;
  let rowsMissing = 0;
  let eventsWithoutOneDelivery = 0;
  for (const a of client.accepted.values()) {
    const eventRows = byEvent.get(a.eventId) ?? [];
    if (eventRows.length === 0) rowsMissing++;
    if (eventRows.length !== 1 || a.deliveryIds.length !== 1) eventsWithoutOneDelivery++;
    if (okIds.has(a.eventId)) delivered++;
    else if (eventRows.some((r) => !TERMINAL.has(r.status))) pending++;
    else lost++;
  }

  const mismatches: string[] = [];
  for (const row of rows) {
    const ok = receiver.ids.get(row.event_id)?.ok ?? 0;
    const succeeded = row.status === 'succeeded';
    if (succeeded !== ok > 0) {
      mismatches.push(
        `${row.id} (event ${row.event_id}): row ${row.status}, attempt_count ${row.attempt_count}; receiver answered 2xx ${ok}x of ${receiver.ids.get(row.event_id)?.posts ?? 0} POSTs`,
      );
    } else if (succeeded && row.attempt_count < 1) {
      mismatches.push(`${row.id} (event ${row.event_id}): row succeeded with attempt_count ${row.attempt_count}`);
    }
  }

  let duplicates = 0;
  let duplicateIds = 0;
  let retries = 0;
  let unknownIds = 0;
  for (const [id, rec] of receiver.ids) {
    if (rec.ok > 1) {
      duplicates += rec.ok - 1;
      duplicateIds++;
    }
    retries += Math.max(0, rec.posts - Math.max(rec.ok, 1));
    if (!acceptedIds.has(id)) unknownIds++;
  }
  const rowsByStatus: Record<string, number> = {};
  for (const row of rows) rowsByStatus[row.status] = (rowsByStatus[row.status] ?? 0) + 1;

  return {
    scenario,
    sent,
    accepted: client.accepted.size,
    delivered,
    pending,
    lost,
    duplicates,
    duplicateIds,
    requests: receiver.requests,
    retries,
    unknownIds,
    rows: rows.length,
    rowsByStatus,
    rowsMissing,
    extraRows: rows.filter((r) => !acceptedIds.has(r.event_id)).length,
    eventsWithoutOneDelivery,
    mismatches,
    overlappingIds: receiver.overlappingIds.size,
    answers: Object.fromEntries(client.answers),
    connectionErrors: client.connectionErrors,
    unanswered: client.unanswered.length,
    conflictingAnswers: client.conflictingAnswers.length,
    unavailableWithoutRetryAfter: client.unavailableWithoutRetryAfter,
    unavailableNotProblem: client.unavailableNotProblem,
    extra: {},
  };
}

export function printLedger(r: LedgerReport): void {
  const lines = [
    `LEDGER ${r.scenario}`,
    `  sent (distinct Idempotency-Keys) ${r.sent}`,
    `  accepted (202)                   ${r.accepted}`,
    `  delivered (2xx at the receiver)  ${r.delivered}`,
    `  still pending                    ${r.pending}`,
    `  lost                             ${r.lost}`,
    `  duplicates (extra 2xx POSTs)     ${r.duplicates} over ${r.duplicateIds} webhook-ids`,
    `  receiver requests / retries      ${r.requests} / ${r.retries}`,
    `  webhook-ids never accepted       ${r.unknownIds}`,
    `  overlapping in-flight ids        ${r.overlappingIds}`,
    `  delivery rows                    ${r.rows} ${JSON.stringify(r.rowsByStatus)} (missing ${r.rowsMissing}, unacknowledged ${r.extraRows})`,
    `  row/receiver mismatches          ${r.mismatches.length}${r.mismatches.length ? ': ' + r.mismatches.slice(0, 5).join('; ') : ''}`,
    `  client answers                   ${JSON.stringify(r.answers)}; connection errors ${r.connectionErrors}; gave up ${r.unanswered}`,
  ];
  for (const [k, v] of Object.entries(r.extra)) lines.push(`  ${k.padEnd(33)}${k.length >= 33 ? ' ' : ''}${v}`);
  console.log(lines.join('\n'));
}

/** The assertions every scenario makes; scenario-specific ones are added by the scenario. */
export function baseAssertions(r: LedgerReport): [string, boolean, string][] {
  return [
    [
      'every key sent got a 202',
      r.accepted === r.sent && r.unanswered === 0,
      `accepted ${r.accepted} of ${r.sent}, gave up on ${r.unanswered}`,
    ],
    [
      'accepted = delivered + pending',
      r.accepted === r.delivered + r.pending + r.lost,
      `${r.accepted} = ${r.delivered} + ${r.pending} (+ lost ${r.lost})`,
    ],
    ['still pending = 0 (drained)', r.pending === 0, `${r.pending}`],
    ['lost = 0', r.lost === 0, `${r.lost}`],
    [
      'every accepted event has exactly one delivery row',
      r.rowsMissing === 0 && r.eventsWithoutOneDelivery === 0,
      `missing ${r.rowsMissing}, not exactly one ${r.eventsWithoutOneDelivery}`,
    ],
    [
      'no delivery row for an event no client was told about',
      r.extraRows === 0 && r.unknownIds === 0,
      `rows ${r.extraRows}, webhook-ids ${r.unknownIds}`,
    ],
    ['row succeeded iff the receiver answered 2xx', r.mismatches.length === 0, r.mismatches.slice(0, 3).join('; ') || 'all agree'],
    ['a repeated Idempotency-Key returns the first event', r.conflictingAnswers === 0, `${r.conflictingAnswers}`],
    ['never a 500', !(r.answers['500'] ?? 0), `${r.answers['500'] ?? 0}`],
    ['every 503 carries Retry-After', r.unavailableWithoutRetryAfter === 0, `${r.unavailableWithoutRetryAfter} without`],
    ['every 503 is problem+json with status 503', r.unavailableNotProblem === 0, `${r.unavailableNotProblem} not`],
  ];
}
