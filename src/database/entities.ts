import { Attempt } from '../deliveries/attempt.entity.js';
import { Delivery } from '../deliveries/delivery.entity.js';
import { DeliveryLine } from '../deliveries/delivery-line.entity.js';
import { EventType } from '../event-types/event-type.entity.js';
import { Event } from '../events/event.entity.js';
import { IngestBucket } from '../events/ingest-bucket.entity.js';
import { Replay } from '../replays/replay.entity.js';
import { RateBucket } from '../subscriptions/rate-bucket.entity.js';
import { Subscription } from '../subscriptions/subscription.entity.js';
import { ApiKey } from '../tenants/api-key.entity.js';
import { Tenant } from '../tenants/tenant.entity.js';

export const entities = [Tenant, ApiKey, EventType, Subscription, Event, Delivery, DeliveryLine, Attempt, IngestBucket, RateBucket, Replay];
