/**
 * The reconciler's read, one branch per way a delivery can be stuck, each served by a partial index that holds
 * unfinished rows only and each bounded by LIMIT: a pass reads about 3 × LIMIT rows however many ended
 * deliveries the table holds. The first two walk forward from a cursor (the last row of the previous pass), so a
 * backlog of deliveries that look quiet but whose workflow runs (waiting behind a limit) is walked through, not
 * re-read at the head every pass.
 *
 * $1 stuck seconds, $2 limit per branch, $3/$4 the quiet cursor (updated_at as text, id), $5/$6 the retry cursor.
 */
export const SUSPECTS_SQL = `
(SELECT 'quiet' AS branch, d.id, d.tenant_id AS "tenantId", d.subscription_id AS "subscriptionId", d.event_type AS "eventType",
        d.status, d.attempt_count AS "attemptCount", s.url, d.updated_at::text AS "cursorAt"
   FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
  WHERE d.status IN ('scheduled', 'sending') AND d.dispatched
    AND d.updated_at < now() - make_interval(secs => $1) AND (d.updated_at, d.id) > ($3::timestamptz, $4::varchar)
    AND d.updated_at < now() - make_interval(secs => s.timeout_ms / 1000.0 + $1) AND s.deleted_at IS NULL
  ORDER BY d.updated_at, d.id LIMIT $2)
UNION ALL
(SELECT 'due', d.id, d.tenant_id, d.subscription_id, d.event_type, d.status, d.attempt_count, s.url, d.next_attempt_at::text
   FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
  WHERE d.status = 'retrying' AND d.dispatched
    AND d.next_attempt_at < now() - make_interval(secs => $1) AND (d.next_attempt_at, d.id) > ($5::timestamptz, $6::varchar)
    AND s.deleted_at IS NULL
  ORDER BY d.next_attempt_at, d.id LIMIT $2)
UNION ALL
(SELECT 'held', d.id, d.tenant_id, d.subscription_id, d.event_type, d.status, d.attempt_count, s.url, NULL
   FROM subscriptions s
   CROSS JOIN LATERAL (
     SELECT * FROM deliveries d
      WHERE d.subscription_id = s.id AND d.status = 'held' AND d.dispatched AND d.updated_at < now() - make_interval(secs => $1)
      ORDER BY d.id LIMIT $2) d
  WHERE s.status = 'active' AND s.deleted_at IS NULL
  LIMIT $2)`;

/** Where a branch's walk starts: before every row. */
export const CURSOR_START = { at: '-infinity', id: '' };
