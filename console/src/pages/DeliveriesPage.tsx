import { Anchor, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiCall, query } from '../api/client';
import { toApiFilters, useDeliveryFilterForm } from '../api/delivery-filters';
import { PORTAL_MODE } from '../api/portal';
import { allSubscriptions, namesById } from '../api/subscriptions';
import type { Delivery, Page } from '../api/types';
import { useResource } from '../api/use-resource';
import { DeliveryFilterFields } from '../components/DeliveryFilterFields';
import { DeliveryTable } from '../components/DeliveryTable';
import { ErrorNote } from '../components/ErrorNote';
import { LIVE_MS, LiveRefresh } from '../components/LiveRefresh';
import { PageTitle } from '../components/PageTitle';
import { useCursorPages } from '../components/Pager';

const PAGE_SIZE = 50;

/** Every delivery of the tenant, newest first, by every filter of `GET /v1/deliveries`, refreshed live while wanted. */
export function DeliveriesPage() {
  const { form, set, search } = useDeliveryFilterForm();
  const [live, setLive] = useState(true);
  const { cursor, reset: resetPaging, pager } = useCursorPages();
  const filters = toApiFilters(form);
  const subscriptions = useResource(() => allSubscriptions(), []);

  const log = useResource(
    () => apiCall<Page<Delivery>>('GET', `/v1/deliveries${query({ ...filters, cursor, limit: PAGE_SIZE })}`),
    [search, cursor],
    // Live refresh only makes sense on the newest page.
    live && !cursor ? LIVE_MS : undefined,
  );

  return (
    <>
      <PageTitle>Deliveries</PageTitle>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <DeliveryFilterFields form={form} subscriptions={subscriptions.data} set={(field, value) => (set(field, value), resetPaging())} />
      </Group>
      <Group justify="space-between" mb="sm">
        <LiveRefresh live={live} onChange={setLive} loading={log.loading} />
        {/* Replays are the operator's (scope manage), never a portal link's. */}
        {!PORTAL_MODE && (
          <Anchor component={Link} to={`/replays${search ? `?${search}` : ''}`} size="sm">
            Replay these deliveries…
          </Anchor>
        )}
      </Group>
      <ErrorNote error={log.error} />
      {log.data && log.data.data.length === 0 && <Text c="dimmed">No deliveries match.</Text>}
      {log.data && log.data.data.length > 0 && (
        <DeliveryTable deliveries={log.data.data} testId="deliveries" subscriptionNames={namesById(subscriptions.data)} />
      )}
      {pager(log.data?.nextCursor)}
    </>
  );
}
