/** A delivery whose workflow is to start (or restart), as the store writes and reads it for the start pump. */
export interface DispatchItem {
  id: string;
  tenantId: string;
  subscriptionId: string;
  eventType: string;
  status: string;
  /** For the workflow's summary in the Temporal UI. */
  targetHost?: string | null;
  /** A restart after the workflow was lost: the attempts before this one are on record. */
  firstAttempt?: number;
  /** The W3C `traceparent` of the request that accepted its event: the workflow start continues that trace. */
  traceParent?: string | null;
}
