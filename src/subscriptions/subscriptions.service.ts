import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { ArrayContains, DataSource, IsNull, LessThan, type FindOptionsWhere } from 'typeorm';
import { wakeSignal, workflowIdFor } from '../../workflows/contracts.js';
import { Config } from '../app-config.token.js';
import type { FifoOnFailure, Ordering } from '../policy/ordering.js';
import { notFound, validationFailed, type FieldError } from '../common/errors.js';
import { newId } from '../common/ids.js';
import { exactJson } from '../database/exact-json.js';
import { cancelDeliveries, releaseLimitWaiters, unblockLines } from '../database/delivery-store/index.js';
import { toPage } from '../common/pagination.js';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { ReplaysService } from '../replays/replays.service.js';
import { DeliveryDispatcher } from '../dispatch/delivery-dispatcher.js';
import { heldDeliveries } from '../dispatch/held-deliveries.js';
import { isPattern } from '../policy/event-matching.js';
import { defaultBurst, type RateLimit } from '../policy/flow-limits.js';
import { createNetworkPolicy, urlRefusal, type NetworkPolicy } from '../policy/network-policy.js';
import type { DataTextOf } from '../events/data-texts.js';
import { EventsService } from '../events/events.service.js';
import { headerCollisions, type HeaderSettings } from './sendable-headers.js';
import { DEFAULTS, subscriptionView, type CreateSubscriptionInput, type UpdateSubscriptionInput } from './subscription.dto.js';
import { checkSubscriptionQuota } from './subscription-quota.js';
import { describeClientTls } from '../policy/client-certificate.js';
import { CertificateExpiryCheck } from './certificate-expiry-check.js';
import { checkTenantFilterBudget, filterBudgetProblems } from './filter-budget.js';
import { lockFlow } from '../database/flow-lock.js';
import { CLEAN_HEALTH, Subscription, type SubscriptionStatus } from './subscription.entity.js';
import { NO_PREVIOUS_KEY, SubscriptionKeys } from './subscription-keys.js';

/** A write whose headers, auth and signature would overwrite one another is refused, naming what it changes. */
function refuseHeaderCollisions(after: HeaderSettings, input: UpdateSubscriptionInput): void {
  const errors = headerCollisions(after, {
    headers: input.headers !== undefined,
    auth: input.auth !== undefined,
    signature: input.signature !== undefined,
  });
  if (errors.length) throw validationFailed(errors);
}

/** A transform reshapes a JSON body; a form body has none to reshape. */
function refuseTransformWithForm(payloadFormat: string, transform: string | null): void {
  if (transform !== null && payloadFormat === 'form')
    throw validationFailed([{ field: 'transform', message: 'does not apply to payloadFormat form (use envelope or raw)' }]);
}

/** `orderingKey` names lines, which only `fifo` has: a key on an unordered subscription would promise an order. */
function refuseKeyWithoutOrder(ordering: Ordering, orderingKey: string | null): void {
  if (orderingKey !== null && ordering !== 'fifo')
    throw validationFailed([{ field: 'orderingKey', message: 'needs ordering: fifo (set ordering, or send orderingKey: null)' }]);
}

/** `block` stops a line at a failed head, which only `fifo` has: on an unordered subscription it would promise a stop. */
function refuseBlockWithoutOrder(ordering: Ordering, fifoOnFailure: FifoOnFailure): void {
  if (fifoOnFailure === 'block' && ordering !== 'fifo')
    throw validationFailed([{ field: 'fifoOnFailure', message: 'block needs ordering: fifo (set ordering, or send fifoOnFailure: skip)' }]);
}

/** The stored form of a `rateLimit` setting: the burst filled in, or no limit at all. */
function rateColumns(rateLimit: { perSecond: number; burst?: number } | null): Pick<Subscription, 'ratePerSecond' | 'rateBurst'> {
  if (rateLimit === null) return { ratePerSecond: null, rateBurst: null };
  const limit: RateLimit = { perSecond: rateLimit.perSecond, burst: rateLimit.burst ?? defaultBurst(rateLimit.perSecond) };
  return { ratePerSecond: limit.perSecond, rateBurst: limit.burst };
}

@Injectable()
export class SubscriptionsService {
  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(Client) private readonly temporal: Client,
    @Inject(EventsService) private readonly events: EventsService,
    @Inject(DeliveriesService) private readonly deliveries: DeliveriesService,
    @Inject(ReplaysService) private readonly replays: ReplaysService,
    @Inject(DeliveryDispatcher) private readonly dispatcher: DeliveryDispatcher,
    @Inject(SubscriptionKeys) private readonly keys: SubscriptionKeys,
    @Inject(CertificateExpiryCheck) private readonly certificates: CertificateExpiryCheck,
  ) {
    this.policy = createNetworkPolicy(config.allowHttpTargets, config.allowedPrivateCidrs);
  }

  private readonly policy: NetworkPolicy;

  private get repo() {
    return this.db.getRepository(Subscription);
  }

  async create(tenantId: string, input: CreateSubscriptionInput) {
    refuseHeaderCollisions(
      {
        headers: input.headers ?? {},
        hasAuth: Boolean(input.auth),
        scheme: input.signature?.scheme ?? DEFAULTS.signatureScheme,
        signatureHeader: input.signature?.header ?? null,
      },
      input,
    );
    refuseKeyWithoutOrder(input.ordering ?? DEFAULTS.ordering, input.orderingKey ?? null);
    refuseBlockWithoutOrder(input.ordering ?? DEFAULTS.ordering, input.fifoOnFailure ?? DEFAULTS.fifoOnFailure);
    refuseTransformWithForm(input.payloadFormat ?? DEFAULTS.payloadFormat, input.transform ?? null);
    this.refuseCostlyFilter(input.filter);
    await this.checkTargets(tenantId, input.url, input.events, true, input.auth?.type === 'oauth2' ? input.auth.tokenUrl : undefined);
    const key = this.keys.issue(input.signature?.scheme ?? DEFAULTS.signatureScheme);
    const clientTls = this.keys.sealClientTls(input.clientTls ? describeClientTls(input.clientTls) : null);
    const sub = this.repo.create({
      id: newId('sub'),
      tenantId,
      name: input.name ?? new URL(input.url).host,
      url: input.url,
      events: input.events,
      filter: exactJson(input.filter ?? null),
      status: 'active',
      disabledReason: null,
      headers: this.keys.sealHeaders(input.headers ?? {}, {}),
      auth: this.keys.sealAuth(input.auth ?? null),
      signatureScheme: input.signature?.scheme ?? DEFAULTS.signatureScheme,
      signatureHeader: input.signature?.header ?? null,
      signatureTimestamped: input.signature?.timestamped ?? false,
      payloadFormat: input.payloadFormat ?? DEFAULTS.payloadFormat,
      retrySchedule: [...(input.retrySchedule ?? DEFAULTS.retrySchedule)],
      timeoutMs: input.timeoutMs ?? DEFAULTS.timeoutMs,
      ordering: input.ordering ?? DEFAULTS.ordering,
      orderingKey: input.orderingKey ?? null,
      fifoOnFailure: input.fifoOnFailure ?? DEFAULTS.fifoOnFailure,
      ...rateColumns(input.rateLimit ?? null),
      maxConcurrency: input.maxConcurrency ?? null,
      traceContext: input.traceContext ?? false,
      clientTls,
      transform: input.transform ?? null,
      secret: key.sealed,
      publicKey: key.publicKey,
      previousSecret: null,
      previousPublicKey: null,
      previousSecretExpiresAt: null,
      deletedAt: null,
    });
    await this.db.transaction(async (tx) => {
      await checkSubscriptionQuota(tx, tenantId, this.config.maxSubscriptionsPerTenant);
      await checkTenantFilterBudget(tx, tenantId, null, sub.filter, this.config.payloadLimitBytes);
      await tx.getRepository(Subscription).save(sub);
    });
    const saved = await this.get(tenantId, sub.id);
    if (saved.clientTls) await this.noticeExpiringCertificate(saved.id);
    if (input.ping !== false) {
      await this.events.raise(tenantId, 'webhook.ping', { subscriptionId: sub.id, url: sub.url }, [saved], 'ping');
    }
    return { ...subscriptionView(saved), secret: key.shown };
  }

  /**
   * A client certificate written within 14 days of its end raises `subscription.certificate_expiring` at once
   * (the periodic check raises it for one that gets there later); once per certificate.
   */
  private async noticeExpiringCertificate(subscriptionId: string): Promise<void> {
    await this.certificates.check(new Date(), subscriptionId);
  }

  /** A filter that some event of PAYLOAD_LIMIT_BYTES could make cost more than its budget (filter-cost.ts). */
  private refuseCostlyFilter(filter: Record<string, unknown> | null | undefined): void {
    const problems = filterBudgetProblems(filter, this.config.payloadLimitBytes);
    if (problems.length)
      throw validationFailed(problems, 'The filter can cost more than its budget on an event of the largest accepted size.');
  }

  async get(tenantId: string, id: string): Promise<Subscription> {
    const sub = await this.repo.findOneBy({ tenantId, id, deletedAt: IsNull() });
    if (!sub) throw notFound('subscription', id);
    return sub;
  }

  async view(tenantId: string, id: string) {
    return subscriptionView(await this.get(tenantId, id));
  }

  async list(tenantId: string, q: { limit: number; cursor?: string; status?: SubscriptionStatus; event?: string }) {
    const where: FindOptionsWhere<Subscription> = { tenantId, deletedAt: IsNull() };
    if (q.status) where.status = q.status;
    if (q.event) where.events = ArrayContains([q.event]);
    if (q.cursor) where.id = LessThan(q.cursor);
    const rows = await this.repo.find({ where, order: { id: 'DESC' }, take: q.limit + 1 });
    const page = toPage(rows, q.limit);
    return { data: page.data.map(subscriptionView), nextCursor: page.nextCursor };
  }

  /**
   * Writes only the columns the request changes, so a pause, an auto-disable or a circuit change committed
   * meanwhile stands. A new URL starts with a clean health record.
   */
  async update(tenantId: string, id: string, input: UpdateSubscriptionInput) {
    const sub = await this.get(tenantId, id);
    refuseHeaderCollisions(
      {
        headers: input.headers ?? sub.headers,
        hasAuth: input.auth !== undefined ? input.auth !== null : sub.auth !== null,
        scheme: input.signature?.scheme ?? sub.signatureScheme,
        signatureHeader: input.signature ? (input.signature.header ?? null) : sub.signatureHeader,
      },
      input,
    );
    refuseKeyWithoutOrder(input.ordering ?? sub.ordering, input.orderingKey !== undefined ? input.orderingKey : sub.orderingKey);
    refuseBlockWithoutOrder(input.ordering ?? sub.ordering, input.fifoOnFailure ?? sub.fifoOnFailure);
    refuseTransformWithForm(input.payloadFormat ?? sub.payloadFormat, input.transform !== undefined ? input.transform : sub.transform);
    await this.checkTargets(
      tenantId,
      input.url ?? sub.url,
      input.events ?? sub.events,
      input.events !== undefined,
      input.auth?.type === 'oauth2' ? input.auth.tokenUrl : undefined,
    );
    if (input.filter !== undefined) {
      this.refuseCostlyFilter(input.filter);
      await checkTenantFilterBudget(this.db, tenantId, id, input.filter, this.config.payloadLimitBytes);
    }
    const changes: Partial<Subscription> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.url !== undefined && input.url !== sub.url) Object.assign(changes, { url: input.url }, CLEAN_HEALTH);
    if (input.events !== undefined) changes.events = input.events;
    if (input.filter !== undefined) changes.filter = exactJson(input.filter);
    if (input.headers !== undefined) changes.headers = this.keys.sealHeaders(input.headers, sub.headers);
    if (input.auth !== undefined) changes.auth = this.keys.sealAuth(input.auth);
    // `signature` is one setting, replaced whole: what it leaves out takes its default, as on create.
    let secret: string | undefined;
    if (input.signature !== undefined) {
      changes.signatureScheme = input.signature.scheme;
      changes.signatureHeader = input.signature.header ?? null;
      changes.signatureTimestamped = input.signature.timestamped ?? false;
      // A move between a shared secret and a key pair needs key material of the new kind (and ends any grace).
      if ((input.signature.scheme === 'ed25519') !== (sub.signatureScheme === 'ed25519')) {
        const key = this.keys.issue(input.signature.scheme);
        Object.assign(changes, { secret: key.sealed, publicKey: key.publicKey, ...NO_PREVIOUS_KEY });
        secret = key.shown ?? undefined;
      }
    }
    if (input.payloadFormat !== undefined) changes.payloadFormat = input.payloadFormat;
    if (input.retrySchedule !== undefined) changes.retrySchedule = input.retrySchedule;
    if (input.timeoutMs !== undefined) changes.timeoutMs = input.timeoutMs;
    // Deliveries already in a line keep their place; new ones follow the new setting.
    if (input.ordering !== undefined) changes.ordering = input.ordering;
    if (input.orderingKey !== undefined) changes.orderingKey = input.orderingKey;
    if (input.fifoOnFailure !== undefined) changes.fifoOnFailure = input.fifoOnFailure;
    if (input.traceContext !== undefined) changes.traceContext = input.traceContext;
    if (input.transform !== undefined) changes.transform = input.transform;
    if (input.clientTls !== undefined) changes.clientTls = this.keys.sealClientTls(input.clientTls && describeClientTls(input.clientTls));
    // `rateLimit` is one setting, replaced whole: a left-out burst takes its default.
    const rate = input.rateLimit !== undefined ? rateColumns(input.rateLimit) : null;
    const rateChanged = rate !== null && (rate.ratePerSecond !== sub.ratePerSecond || rate.rateBurst !== sub.rateBurst);
    if (rateChanged) Object.assign(changes, rate);
    const concurrencyChanged = input.maxConcurrency !== undefined && input.maxConcurrency !== sub.maxConcurrency;
    if (concurrencyChanged) changes.maxConcurrency = input.maxConcurrency!;
    if (Object.keys(changes).length)
      await this.repo.update({ tenantId, id, deletedAt: IsNull() }, changes as QueryDeepPartialEntity<Subscription>);
    if (rateChanged || concurrencyChanged) await this.releaseLimitWaiters(id, rateChanged, concurrencyChanged);
    // Lines blocked under `block` go on once the setting no longer blocks (`skip`, or ordering off): their failed
    // heads stay `failed`, as with `skip` from the start (unblockLines reads the stored setting again).
    const blocks = (input.ordering ?? sub.ordering) === 'fifo' && (input.fifoOnFailure ?? sub.fifoOnFailure) === 'block';
    if (sub.fifoOnFailure === 'block' && !blocks) await this.dispatcher.signal(await unblockLines(this.db, id), wakeSignal);
    if (changes.clientTls) await this.noticeExpiringCertificate(id);
    return { ...(await this.view(tenantId, id)), ...(secret && { secret }) };
  }

  /**
   * A changed limit applies to the deliveries already waiting for it, not only to new ones: a new rate starts
   * from a full bucket and the slots reserved under the old one are given up; all of them look again now. The
   * bucket goes first (its delete waits for a take in flight, which writes its delivery's wait with it); then,
   * under the flow lock (which admissions under maxConcurrency hold while they decide), the waiting are found.
   */
  private async releaseLimitWaiters(id: string, rateChanged: boolean, concurrencyChanged: boolean): Promise<void> {
    if (rateChanged) await this.db.query(`DELETE FROM rate_buckets WHERE subscription_id = $1`, [id]);
    const reasons = [...(rateChanged ? ['rate'] : []), ...(concurrencyChanged ? ['concurrency'] : [])];
    const waiting = await this.db.transaction(async (tx) => {
      await lockFlow(tx, id);
      return releaseLimitWaiters(tx, id, reasons);
    });
    void this.dispatcher.signal(waiting, wakeSignal);
  }

  /** Soft delete: the history keeps its subject; unfinished deliveries end as cancelled. */
  async remove(tenantId: string, id: string): Promise<void> {
    await this.get(tenantId, id);
    await this.repo.update({ tenantId, id }, { deletedAt: new Date() });
    // Its FIFO lines end with it: nothing of it is left to wait for.
    await this.dispatcher.afterCancel(await cancelDeliveries(this.db, { subscriptionId: id }));
  }

  async pause(tenantId: string, id: string) {
    await this.get(tenantId, id);
    await this.repo.update({ tenantId, id }, { status: 'paused' });
    return this.view(tenantId, id);
  }

  /**
   * Re-enables (also a disabled subscription) and releases held deliveries, oldest first, whatever else is
   * queued: a held delivery whose workflow start is still queued is started and signalled at once. The answer
   * does not wait for thousands of signals: they go out paced in the background, and should this process stop
   * half-way, the sweeper releases whatever is still held.
   */
  async resume(tenantId: string, id: string) {
    await this.get(tenantId, id);
    await this.repo.update({ tenantId, id }, { status: 'active', disabledReason: null, ...CLEAN_HEALTH });
    const held = await heldDeliveries(this.db, 'd.subscription_id = $1', [id]);
    void this.dispatcher.release(held);
    return { ...(await this.view(tenantId, id)), released: held.length };
  }

  /** New key material of the subscription's scheme (see SubscriptionKeys.rotate). */
  async rotateSecret(tenantId: string, id: string, graceSeconds: number) {
    const sub = await this.get(tenantId, id);
    return this.keys.rotate(tenantId, id, sub.signatureScheme, graceSeconds);
  }

  /** The ed25519 key receivers verify with, and the previous one while a rotation grace runs. */
  async publicKey(tenantId: string, id: string) {
    return this.keys.publicKeyOf(await this.get(tenantId, id));
  }

  /** One real attempt, even while paused, answered when it is done; no retries. */
  async test(tenantId: string, id: string, input: { type: string; data?: Record<string, unknown> }, dataTextOf: DataTextOf) {
    const sub = await this.get(tenantId, id);
    const data = input.data ?? { subscriptionId: id, message: 'This is a test from hookrelay.' };
    // Data given is sent as the exact text it came with, as an event's is.
    const dataText = input.data ? dataTextOf(0) : JSON.stringify(data);
    await this.events.checkEvent(tenantId, { type: input.type, data }, dataText);
    const event = await this.events.raise(tenantId, input.type, data, [sub], 'test', { dispatch: false, dataText });
    const item = event.deliveries[0];
    await this.dispatcher.startNow(item);
    const waited = this.temporal.workflow.getHandle(workflowIdFor(item.id)).result();
    // Unref'd: the deadline must not keep a closing process alive once the attempt is done.
    await Promise.race([waited, new Promise((r) => setTimeout(r, sub.timeoutMs + 30_000).unref())]);
    const delivery = await this.deliveries.withAttempts(tenantId, item.id);
    const attempt = delivery.attempts[0];
    return {
      delivery,
      attempt: attempt
        ? { statusCode: attempt.statusCode, durationMs: attempt.durationMs, responseBody: attempt.responseBody, error: attempt.error }
        : {
            statusCode: null,
            durationMs: null,
            responseBody: null,
            error: { type: 'internal', message: 'the attempt did not finish in time' },
          },
    };
  }

  /**
   * Sends again every original delivery of the window that ended failed, as a replay (batched, paced,
   * resumable): the answer is the count and the replay, whatever the window's size. A repeat while that replay
   * runs answers the same replay; a delivery already sent again (under way or succeeded) is never sent twice.
   */
  async recover(tenantId: string, id: string, since: Date, until: Date | undefined) {
    await this.get(tenantId, id);
    const filters = {
      subscriptionId: id,
      status: 'failed' as const,
      since: since.toISOString(),
      ...(until && { until: until.toISOString() }),
    };
    const replay = (await this.replays.running(tenantId, filters)) ?? (await this.replays.create(tenantId, filters, undefined)).replay;
    return { redelivered: replay.total, replay };
  }

  /** The network policy on the URL, and that every exact event type exists in the catalog. */
  private async checkTargets(tenantId: string, url: string, events: string[], checkEvents = true, tokenUrl?: string): Promise<void> {
    const errors: FieldError[] = [];
    const refusal = urlRefusal(this.policy, url);
    if (refusal) errors.push({ field: 'url', message: refusal });
    const tokenRefusal = tokenUrl && urlRefusal(this.policy, tokenUrl);
    if (tokenRefusal) errors.push({ field: 'auth.tokenUrl', message: tokenRefusal });
    const exact = events.filter((e) => !isPattern(e));
    if (checkEvents && exact.length) {
      const rows: { name: string }[] = await this.db.query(
        `SELECT name FROM event_types WHERE tenant_id = $1 AND name = ANY($2) AND archived_at IS NULL`,
        [tenantId, exact],
      );
      const known = new Set(rows.map((r) => r.name));
      events.forEach((e, i) => {
        if (!isPattern(e) && !known.has(e)) errors.push({ field: `events.${i}`, message: `${e} is not in the event type catalog` });
      });
    }
    if (errors.length) throw validationFailed(errors);
  }
}
