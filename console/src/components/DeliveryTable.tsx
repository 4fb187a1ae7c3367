import { Anchor, Group, Table } from '@mantine/core';
import { Link } from 'react-router';
import type { Delivery } from '../api/types';
import { StatusBadge } from './StatusBadge';
import { TemporalLink } from './TemporalLink';
import { Time } from './Time';

/**
 * Deliveries, newest first, each linking to its attempts (and its workflow). Given `subscriptionNames`, a column
 * names each one's subscription (a list of several); without, there is none (one subscription's own log).
 */
export function DeliveryTable({
  deliveries,
  testId,
  subscriptionNames,
}: {
  deliveries: Delivery[];
  testId: string;
  /** Names to show for subscription ids; an id not in it shows as the id. */
  subscriptionNames?: ReadonlyMap<string, string>;
}) {
  return (
    <Table.ScrollContainer minWidth={subscriptionNames ? 1080 : 760}>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Created</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Event type</Table.Th>
            <Table.Th>Kind</Table.Th>
            {subscriptionNames && <Table.Th>Subscription</Table.Th>}
            <Table.Th>Attempts</Table.Th>
            <Table.Th>Last code</Table.Th>
            <Table.Th>Links</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.map((d) => (
            <Table.Tr key={d.id} data-delivery={d.id}>
              <Table.Td>
                <Time iso={d.createdAt} />
              </Table.Td>
              <Table.Td>
                <StatusBadge status={d.status} />
              </Table.Td>
              <Table.Td>{d.eventType}</Table.Td>
              <Table.Td>{d.kind}</Table.Td>
              {subscriptionNames && (
                <Table.Td>
                  <Anchor component={Link} to={`/subscriptions/${d.subscriptionId}`} size="sm">
                    {subscriptionNames.get(d.subscriptionId) ?? d.subscriptionId}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>{d.attemptCount}</Table.Td>
              <Table.Td>{d.lastStatusCode ?? '—'}</Table.Td>
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <Anchor component={Link} to={`/deliveries/${d.id}`} size="sm" aria-label={`Attempts of delivery ${d.id}`}>
                    Attempts
                  </Anchor>
                  <TemporalLink url={d.temporalUrl} id={d.id} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
