import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Config } from '../app-config.token.js';
import { writeOperationalEvent, type DispatchItem } from '../database/delivery-store/index.js';
import { claimExpiringCertificates } from '../database/expiring-certificates.js';
import { DeliveryDispatcher } from '../dispatch/delivery-dispatcher.js';
import { EXPIRING_WITHIN_MS, expiringNotice } from '../policy/client-certificate.js';

/**
 * Raises `subscription.certificate_expiring` once per client certificate that enters its last 14 days: when it
 * is written that close to its end, or later, found by a periodic check (CERTIFICATE_CHECK_INTERVAL_MS) while
 * nobody edits it. Any number of api processes may check at once: the mark on the certificate decides who raises.
 */
@Injectable()
export class CertificateExpiryCheck implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('CertificateExpiryCheck');
  private timer?: NodeJS.Timeout;
  private checking?: Promise<number>;

  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(DeliveryDispatcher) private readonly dispatcher: DeliveryDispatcher,
  ) {}

  onApplicationBootstrap(): void {
    // At once too: a certificate may have crossed the line while no process ran.
    void this.periodic();
    this.timer = setInterval(() => void this.periodic(), this.config.certificateCheckIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
  }

  private periodic(): Promise<number> {
    this.checking ??= this.check(new Date()).finally(() => (this.checking = undefined));
    return this.checking;
  }

  /**
   * Marks and raises, in one transaction, every unnoticed certificate (of one subscription, if given) that
   * ends within 14 days of `now`; starts the notices' deliveries after the commit. Returns how many it raised.
   */
  async check(now: Date, subscriptionId: string | null = null): Promise<number> {
    try {
      const { count, items } = await this.db.transaction(async (tx) => {
        const claimed = await claimExpiringCertificates(tx, new Date(now.getTime() + EXPIRING_WITHIN_MS), now, subscriptionId);
        const items: DispatchItem[] = [];
        for (const c of claimed) {
          const notice = expiringNotice(c.tenantId, c.id, c.clientTls, now);
          if (notice) items.push(...(await writeOperationalEvent(tx, notice)));
        }
        return { count: claimed.length, items };
      });
      this.dispatcher.enqueue(items);
      return count;
    } catch (err) {
      // A write that raised its notice is done either way; a periodic check tries again next time.
      this.log.warn(`certificate expiry check failed: ${(err as Error).message}`);
      if (subscriptionId !== null) throw err;
      return 0;
    }
  }
}
