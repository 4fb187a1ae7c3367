// The delivery store: every write to `deliveries` and `delivery_lines` is one of these named transitions, each
// judged on the state it expects (an ended delivery stays ended). Statements that must stay one with another
// table's write (the event with its deliveries and lines, an outcome with the subscription's health, a rate
// slot's take with its wait, the attempt's read with its mark) are built here and run by their owner.
//
// lines.ts       the rules of a FIFO line: who holds it, whom it waits for, handing it on, blocking and unblocking
// lease.ts       how long an attempt in flight holds its row
// inserts.ts     new events with their deliveries and lines; new deliveries of existing events
// attempt-rows.ts the attempt's transitions: mark sending, claim, wait, record the outcome, wake the next
// cancel.ts      cancel (a delivery, a deleted subscription's, a forgotten event's) and whom it wakes
// skip.ts        a person skips a FIFO line's head (under way, or failed and blocking its line)
// dispatch-rows.ts the start pump's marks: started, released from a limit
// dispatch-item.ts a delivery to start, as the start pump takes it
// delivery-rows.ts the rows of an event's deliveries (and their FIFO lines) for its targets
// redeliveries.ts new deliveries of existing events (redeliver, replay)
// operational-events.ts events about the service itself, written with the outcome that calls for them
// expired-rows.ts the metadata retention: ended events past it go with their deliveries and attempts
export { ENDED, unended } from './states.js';
export { heldByAnotherRun, inFlightUntil, leaseMs } from './lease.js';
export { blockLineOnFailure, blocksLine, holdsLine, LINE_BLOCKED, LINE_JOINS, releaseLine, unblockLines } from './lines.js';
export { insertDeliveries, insertEvents, type DeliveryRow, type EventRow, type WriteGuard } from './inserts.js';
export {
  claimSending,
  MARK_SENDING,
  recordNoAttempt,
  recordOutcomeSql,
  recordWait,
  wakeNextWaitingForPlace,
  WAIT_FOR_RATE_SLOT,
  type Claim,
} from './attempt-rows.js';
export { cancelDeliveries, type CancelScope, type Cancelled } from './cancel.js';
export { skipLineHead, type Skipped } from './skip.js';
export { markDispatched, releaseLimitWaiters } from './dispatch-rows.js';
export type { DispatchItem } from './dispatch-item.js';
export { deliveriesFor, type NewDelivery, type NewEvent, type Target } from './delivery-rows.js';
export { alreadyResent, purgedEvents, writeRedeliveries, type Original, type Redelivery } from './redeliveries.js';
export { writeOperationalEvent } from './operational-events.js';
export { deleteExpiredRows, expiredRowsBatch, type ExpiredRows } from './expired-rows.js';
