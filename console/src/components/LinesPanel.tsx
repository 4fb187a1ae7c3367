import { Anchor, Badge, Button, Card, Code, Group, Loader, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, apiCall, query } from '../api/client';
import type { Line, Page } from '../api/types';
import { useResource } from '../api/use-resource';
import { ErrorNote } from './ErrorNote';
import { StatusBadge } from './StatusBadge';

/**
 * A FIFO subscription's lines with work in them: each head (the delivery the rest wait for), how many wait, and a
 * Skip button that moves a stuck line on (the head ends cancelled, reason skipped). Refreshed every few seconds.
 */
export function LinesPanel({ subscriptionId, manage, onSkipped }: { subscriptionId: string; manage: boolean; onSkipped: () => void }) {
  const [stuck, setStuck] = useState(false);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const lines = useResource(
    () =>
      apiCall<Page<Line>>(
        'GET',
        `/v1/subscriptions/${subscriptionId}/lines${query({ stuck: stuck ? 'true' : undefined, cursor, limit: 50 })}`,
      ),
    [subscriptionId, stuck, cursor],
    5000,
  );

  const skip = async (line: Line) => {
    setBusy(line.orderingKey);
    setError(undefined);
    setDone(undefined);
    try {
      const res = await apiCall<{ skipped: string; next: string | null }>('POST', `/v1/subscriptions/${subscriptionId}/lines/skip`, {
        orderingKey: line.orderingKey,
      });
      setDone(`Skipped ${res.skipped}${res.next ? `; ${res.next} goes next` : '; the line is empty'}.`);
      lines.reload();
      onSkipped();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="lines-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="lines-title">
          Lines
        </Title>
        <Switch
          label="Stuck only"
          checked={stuck}
          onChange={(e) => {
            setStuck(e.currentTarget.checked);
            setCursor(null);
          }}
        />
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Each FIFO line sends one delivery at a time, in order. A stuck line waits for its head.
      </Text>
      <ErrorNote error={lines.error ?? error} />
      {done && (
        <Text size="sm" role="status" data-testid="line-skipped">
          {done}
        </Text>
      )}
      {!lines.data ? (
        <Loader size="sm" aria-label="Loading lines" />
      ) : lines.data.data.length === 0 ? (
        <Text size="sm">No line has work in it.</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Ordering key</Table.Th>
                <Table.Th>Head</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Attempts</Table.Th>
                <Table.Th>Waiting</Table.Th>
                {manage && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.data.data.map((line) => (
                <Table.Tr key={line.orderingKey} data-line={line.orderingKey}>
                  <Table.Td>
                    <Code>{line.orderingKey === '' ? '(one line)' : line.orderingKey}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/deliveries/${line.head.id}`} size="sm">
                      {line.head.id}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <StatusBadge status={line.head.status} />
                      {line.blocked && (
                        <Badge color="red" variant="outline">
                          blocked
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{line.head.attemptCount}</Table.Td>
                  <Table.Td>{line.waiting}</Table.Td>
                  {manage && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        color="orange"
                        loading={busy === line.orderingKey}
                        onClick={() => void skip(line)}
                        aria-label={`Skip the head of line ${line.orderingKey}`}
                      >
                        Skip
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {lines.data?.nextCursor && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setCursor(lines.data?.nextCursor ?? null)}>
          More lines
        </Button>
      )}
    </Card>
  );
}
