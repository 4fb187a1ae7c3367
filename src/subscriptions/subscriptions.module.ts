import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module.js';
import { DispatchModule } from '../dispatch/dispatch.module.js';
import { EventsModule } from '../events/events.module.js';
import { ReplaysModule } from '../replays/replays.module.js';
import { CertificateExpiryCheck } from './certificate-expiry-check.js';
import { FilterTestController } from './filter-test.controller.js';
import { JwksController } from './jwks.controller.js';
import { LinesController } from './lines.controller.js';
import { LinesService } from './lines.service.js';
import { SubscriptionsController } from './subscriptions.controller.js';
import { SubscriptionsService } from './subscriptions.service.js';
import { SubscriptionKeys } from './subscription-keys.js';

@Module({
  imports: [DeliveriesModule, DispatchModule, EventsModule, ReplaysModule],
  controllers: [SubscriptionsController, FilterTestController, JwksController, LinesController],
  providers: [SubscriptionsService, SubscriptionKeys, CertificateExpiryCheck, LinesService],
})
export class SubscriptionsModule {}
