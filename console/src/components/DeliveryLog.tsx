import { Box, Card, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { apiCall, query } from '../api/client';
import { NO_FILTERS, toApiFilters, type DeliveryFilterForm } from '../api/delivery-filters';
import type { Delivery, Page } from '../api/types';
import { useResource } from '../api/use-resource';
import { DeliveryFilterFields } from './DeliveryFilterFields';
import { DeliveryTable } from './DeliveryTable';
import { ErrorNote } from './ErrorNote';
import { LIVE_MS, LiveRefresh } from './LiveRefresh';
import { useCursorPages } from './Pager';

/** A subscription's deliveries, newest first, filtered by status, type and time, refreshed live while wanted. */
export function DeliveryLog({ subscriptionId, refreshKey }: { subscriptionId: string; refreshKey: number }) {
  const [form, setForm] = useState<DeliveryFilterForm>(NO_FILTERS);
  const [live, setLive] = useState(true);
  const { cursor, reset: resetPaging, pager } = useCursorPages();
  const { status, eventType, since } = toApiFilters(form);

  const log = useResource(
    () =>
      apiCall<Page<Delivery>>(
        'GET',
        `/v1/subscriptions/${subscriptionId}/deliveries${query({ status, eventType, since, cursor, limit: 25 })}`,
      ),
    [subscriptionId, status, eventType, since, cursor, refreshKey],
    // Live refresh only makes sense on the newest page.
    live && !cursor ? LIVE_MS : undefined,
  );

  return (
    <Card withBorder component="section" aria-labelledby="log-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="log-title">
          Delivery log
        </Title>
        <LiveRefresh live={live} onChange={setLive} loading={log.loading} />
      </Group>
      <Box mb="sm">
        <DeliveryFilterFields
          form={form}
          fields={['status', 'eventType', 'since']}
          set={(field, value) => (setForm((prev) => ({ ...prev, [field]: value })), resetPaging())}
        />
      </Box>
      <ErrorNote error={log.error} />
      {log.data && log.data.data.length === 0 && <Text c="dimmed">No deliveries match.</Text>}
      {log.data && log.data.data.length > 0 && <DeliveryTable deliveries={log.data.data} testId="delivery-log" />}
      {pager(log.data?.nextCursor)}
    </Card>
  );
}
