import { Initial1795621135737 } from './1795621135737-Initial.js';
import { SubscriptionFailingSince1795622572908 } from './1795622572908-SubscriptionFailingSince.js';
import { HeldDeliveriesIndex1795622646530 } from './1795622646530-HeldDeliveriesIndex.js';
import { SubscriptionCircuitBreaker1795630519261 } from './1795630519261-SubscriptionCircuitBreaker.js';
import { SignatureTimestamped1795672324365 } from './1795672324365-SignatureTimestamped.js';
import { DeliveryWaitingFor1795682000000 } from './1795682000000-DeliveryWaitingFor.js';
import { FifoLines1795682317365 } from './1795682317365-FifoLines.js';
import { IngestQuota1795682967417 } from './1795682967417-IngestQuota.js';
import { ChangeFeedTriggers1795683037357 } from './1795683037357-ChangeFeedTriggers.js';
import { SubscriptionFlowLimits1795684000000 } from './1795684000000-SubscriptionFlowLimits.js';
import { Ed25519Keys1795685000000 } from './1795685000000-Ed25519Keys.js';
import { RetentionPurge1796250931093 } from './1796250931093-RetentionPurge.js';
import { Replays1796252872123 } from './1796252872123-Replays.js';
import { AttemptCapture1796300000000 } from './1796300000000-AttemptCapture.js';
import { TenantsActingAndScopedKeys1796301000000 } from './1796301000000-TenantsActingAndScopedKeys.js';
import { TraceContext1796420000000 } from './1796420000000-TraceContext.js';
import { ExactEventData1796440000000 } from './1796440000000-ExactEventData.js';
import { FifoLineHolders1796450000000 } from './1796450000000-FifoLineHolders.js';
import { RateQueueIndex1796450001000 } from './1796450001000-RateQueueIndex.js';
import { KeyMakers1796460000000 } from './1796460000000-KeyMakers.js';
import { DeliveryRedeliveryOf1796470000000 } from './1796470000000-DeliveryRedeliveryOf.js';
import { SubscriptionClientTls1796500000000 } from './1796500000000-SubscriptionClientTls.js';
import { SubscriptionTransform1796500001000 } from './1796500001000-SubscriptionTransform.js';
import { CertificateExpiringType1796500002000 } from './1796500002000-CertificateExpiringType.js';
import { SubscriptionFifoOnFailure1796600000000 } from './1796600000000-SubscriptionFifoOnFailure.js';
import { DeliveryCancelReason1796600001000 } from './1796600001000-DeliveryCancelReason.js';
import { DeliveriesQuietIndex1796600010000 } from './1796600010000-DeliveriesQuietIndex.js';
import { DeliveriesRetryDueIndex1796600011000 } from './1796600011000-DeliveriesRetryDueIndex.js';
import { JobLeases1796600012000 } from './1796600012000-JobLeases.js';
import { DeliveriesUnfinishedIndex1796600013000 } from './1796600013000-DeliveriesUnfinishedIndex.js';
import { FirstAttemptDueIndex1796600030000 } from './1796600030000-FirstAttemptDueIndex.js';
import { RetryingIndex1796600031000 } from './1796600031000-RetryingIndex.js';
import { DeliveriesTenantStatusIndex1796700000000 } from './1796700000000-DeliveriesTenantStatusIndex.js';
import { DeliveriesTenantEventTypeIndex1796700001000 } from './1796700001000-DeliveriesTenantEventTypeIndex.js';
import { EventsTenantTypeIndex1796700002000 } from './1796700002000-EventsTenantTypeIndex.js';

/** Every migration, in order. Run at start; never `synchronize`. */
export const migrations = [
  Initial1795621135737,
  SubscriptionFailingSince1795622572908,
  HeldDeliveriesIndex1795622646530,
  SubscriptionCircuitBreaker1795630519261,
  SignatureTimestamped1795672324365,
  DeliveryWaitingFor1795682000000,
  FifoLines1795682317365,
  IngestQuota1795682967417,
  ChangeFeedTriggers1795683037357,
  SubscriptionFlowLimits1795684000000,
  Ed25519Keys1795685000000,
  RetentionPurge1796250931093,
  Replays1796252872123,
  AttemptCapture1796300000000,
  TenantsActingAndScopedKeys1796301000000,
  TraceContext1796420000000,
  ExactEventData1796440000000,
  FifoLineHolders1796450000000,
  RateQueueIndex1796450001000,
  KeyMakers1796460000000,
  DeliveryRedeliveryOf1796470000000,
  SubscriptionClientTls1796500000000,
  SubscriptionTransform1796500001000,
  CertificateExpiringType1796500002000,
  SubscriptionFifoOnFailure1796600000000,
  DeliveryCancelReason1796600001000,
  DeliveriesQuietIndex1796600010000,
  DeliveriesRetryDueIndex1796600011000,
  JobLeases1796600012000,
  DeliveriesUnfinishedIndex1796600013000,
  FirstAttemptDueIndex1796600030000,
  RetryingIndex1796600031000,
  DeliveriesTenantStatusIndex1796700000000,
  DeliveriesTenantEventTypeIndex1796700001000,
  EventsTenantTypeIndex1796700002000,
];
