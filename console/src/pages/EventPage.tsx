import { Anchor, Card, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { apiCall } from '../api/client';
import type { EventWithDeliveries } from '../api/types';
import { useResource } from '../api/use-resource';
import { JsonView } from '../components/JsonView';
import { PageTitle } from '../components/PageTitle';
import { Pending } from '../components/Pending';
import { StatusBadge } from '../components/StatusBadge';
import { TemporalLink } from '../components/TemporalLink';
import { Time } from '../components/Time';

/** One event: its payload, pretty-printed, and where it was delivered. */
export function EventPage() {
  const { id = '' } = useParams();
  const res = useResource(() => apiCall<EventWithDeliveries>('GET', `/v1/events/${id}`), [id]);
  const e = res.data;
  if (!e) return <Pending title="Event" error={res.error} />;

  return (
    <>
      <PageTitle>{`Event ${e.id}`}</PageTitle>
      <Stack gap="lg">
        <Group gap="xs">
          <Code>{e.type}</Code>
          <Text size="sm">
            occurred <Time iso={e.occurredAt} />
          </Text>
        </Group>
        <Card withBorder component="section" aria-labelledby="payload-title">
          <Title order={2} size="h4" id="payload-title" mb="sm">
            Payload
          </Title>
          <JsonView value={e.data} label="Event payload" />
        </Card>
        <Card withBorder component="section" aria-labelledby="event-deliveries-title">
          <Title order={2} size="h4" id="event-deliveries-title" mb="sm">
            Deliveries ({e.deliveries.length})
          </Title>
          {e.deliveries.length === 0 && <Text c="dimmed">No subscription matched this event.</Text>}
          {e.deliveries.length > 0 && (
            <Table.ScrollContainer minWidth={560}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Delivery</Table.Th>
                    <Table.Th>Subscription</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Temporal</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {e.deliveries.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/deliveries/${d.id}`}>
                          {d.id}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/subscriptions/${d.subscriptionId}`}>
                          {d.subscriptionId}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={d.status} />
                      </Table.Td>
                      <Table.Td>
                        <TemporalLink url={d.temporalUrl} id={d.id} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      </Stack>
    </>
  );
}
