import { Anchor, Card, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { apiCall } from '../api/client';
import { allSubscriptions, attentionReason } from '../api/subscriptions';
import type { DeliveryStats } from '../api/types';
import { useResource } from '../api/use-resource';
import { DeliveryChart } from '../components/DeliveryChart';
import { ErrorNote } from '../components/ErrorNote';
import { PageTitle } from '../components/PageTitle';
import { StatusBadge } from '../components/StatusBadge';

const REFRESH_MS = 15_000;

/** The last 24 hours at a glance, and the subscriptions a person should look at. */
export function HomePage() {
  const stats = useResource(() => apiCall<DeliveryStats>('GET', '/v1/stats/deliveries'), [], REFRESH_MS);
  const subs = useResource(allSubscriptions, [], REFRESH_MS);
  const attention = (subs.data ?? []).flatMap((s) => {
    const reason = attentionReason(s);
    return reason ? [{ s, reason }] : [];
  });

  return (
    <>
      <PageTitle>Home</PageTitle>
      <Stack gap="lg">
        <Card withBorder component="section" aria-labelledby="chart-title">
          <Title order={2} size="h4" id="chart-title" mb="sm">
            Deliveries, last 24 hours
          </Title>
          <ErrorNote error={stats.error} />
          {stats.data ? <DeliveryChart stats={stats.data} /> : !stats.error && <Loader size="sm" aria-label="Loading" />}
        </Card>
        <Card withBorder component="section" aria-labelledby="attention-title">
          <Title order={2} size="h4" id="attention-title" mb="sm">
            Subscriptions that need attention
          </Title>
          <ErrorNote error={subs.error} />
          {subs.data && attention.length === 0 && <Text c="dimmed">None: every subscription is active and healthy.</Text>}
          {attention.length > 0 && (
            <Table.ScrollContainer minWidth={480}>
              <Table data-testid="attention">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Subscription</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Why</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {attention.map(({ s, reason }) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/subscriptions/${s.id}`}>
                          {s.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={s.status} />
                      </Table.Td>
                      <Table.Td>{reason}</Table.Td>
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
