import { Anchor, Button, Card, Code, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, apiCall } from '../api/client';
import { PORTAL_MODE } from '../api/portal';
import { canManage } from '../api/session';
import type { Delivery, DeliveryWithAttempts } from '../api/types';
import { useResource } from '../api/use-resource';
import { AttemptOutcome } from '../components/AttemptOutcome';
import { AttemptWire } from '../components/AttemptWire';
import { ErrorNote } from '../components/ErrorNote';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { Pending } from '../components/Pending';
import { StatusBadge } from '../components/StatusBadge';
import { TemporalLink } from '../components/TemporalLink';
import { Time } from '../components/Time';

const FINAL = ['succeeded', 'failed', 'cancelled'];
const LIVE_MS = 3_000;

/** One delivery with every attempt; redeliver it, or cancel it while it still may send. */
export function DeliveryPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ApiError>();
  const [pollMs, setPollMs] = useState<number | undefined>(LIVE_MS);
  const res = useResource(
    async () => {
      const d = await apiCall<DeliveryWithAttempts>('GET', `/v1/deliveries/${id}`);
      // Nothing more happens to a finished delivery: stop polling.
      setPollMs(FINAL.includes(d.status) ? undefined : LIVE_MS);
      return d;
    },
    [id],
    pollMs,
  );
  const d = res.data;

  const act = async (verb: 'redeliver' | 'cancel') => {
    setBusy(true);
    setActionError(undefined);
    try {
      const out = await apiCall<Delivery>('POST', `/v1/deliveries/${id}/${verb}`);
      if (verb === 'redeliver') void navigate(`/deliveries/${out.id}`);
      else res.reload();
    } catch (err) {
      setActionError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };

  if (!d) return <Pending title="Delivery" error={res.error} />;

  return (
    <>
      <PageTitle>{`Delivery ${d.id}`}</PageTitle>
      <Stack gap="lg">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <StatusBadge status={d.status} />
            <Text size="sm">
              {d.kind} of <Code>{d.eventType}</Code>
            </Text>
          </Group>
          {canManage() && (
            <Group gap="xs">
              <Button variant="default" onClick={() => void act('redeliver')} loading={busy}>
                Redeliver
              </Button>
              {/* Cancelling is the operator's (scope `manage`), not an end customer's through a portal link. */}
              {!PORTAL_MODE && !FINAL.includes(d.status) && (
                <Button color="red" variant="light" onClick={() => void act('cancel')} loading={busy}>
                  Cancel delivery
                </Button>
              )}
            </Group>
          )}
        </Group>
        <ErrorNote error={actionError} />
        <Card withBorder component="section" aria-label="Delivery details">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="dl" m={0}>
            <Field label="Subscription">
              <Anchor component={Link} to={`/subscriptions/${d.subscriptionId}`}>
                {d.subscriptionId}
              </Anchor>
            </Field>
            <Field label="Event">
              <Anchor component={Link} to={`/events/${d.eventId}`}>
                {d.eventId}
              </Anchor>
            </Field>
            <Field label="Created">
              <Time iso={d.createdAt} />
            </Field>
            <Field label="Completed">
              <Time iso={d.completedAt} />
            </Field>
            <Field label="Next attempt">
              <Time iso={d.nextAttemptAt} />
            </Field>
            {!PORTAL_MODE && (
              <Field label="Workflow">
                <TemporalLink url={d.temporalUrl} id={d.id} />
              </Field>
            )}
          </SimpleGrid>
        </Card>
        <Card withBorder component="section" aria-labelledby="attempts-title">
          <Title order={2} size="h4" id="attempts-title" mb="sm">
            Attempts ({d.attempts.length})
          </Title>
          {d.attempts.length === 0 && <Text c="dimmed">No attempt yet.</Text>}
          {d.attempts.length > 0 && (
            <Table.ScrollContainer minWidth={560}>
              <Table data-testid="attempts" verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>#</Table.Th>
                    <Table.Th>Started</Table.Th>
                    <Table.Th>Answer</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.attempts.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{a.number}</Table.Td>
                      <Table.Td>
                        <Time iso={a.startedAt} />
                      </Table.Td>
                      <Table.Td>
                        <AttemptOutcome {...a} />
                        <AttemptWire {...a} />
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
