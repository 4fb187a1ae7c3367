// The states a delivery ends in: nothing more is sent once it is in one of them. Defined once here; the SQL
// spelling (src/database/delivery-store/states.ts) and every check in code derive from this list.

export const END_STATES = ['succeeded', 'failed', 'cancelled'] as const;

export type EndState = (typeof END_STATES)[number];

/** The delivery ended: succeeded, failed or cancelled. */
export const isEnded = (status: string): status is EndState => (END_STATES as readonly string[]).includes(status);
