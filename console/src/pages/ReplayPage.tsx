import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, apiCall, query } from '../api/client';
import type { Replay } from '../api/types';
import { useResource } from '../api/use-resource';
import { ErrorNote } from '../components/ErrorNote';
import { JsonView } from '../components/JsonView';
import { PageTitle } from '../components/PageTitle';
import { Pending } from '../components/Pending';
import { ReplayProgress } from '../components/ReplayProgress';
import { Time } from '../components/Time';

const LIVE_MS = 1_000;

/** One replay: its progress until done (polled), its filters, the redeliveries it made; cancel it while it runs. */
export function ReplayPage() {
  const { id = '' } = useParams();
  const [pollMs, setPollMs] = useState<number | undefined>(LIVE_MS);
  const [actionError, setActionError] = useState<ApiError>();
  const res = useResource(
    async () => {
      const r = await apiCall<Replay>('GET', `/v1/replays/${id}`);
      // A replay that ended changes no more: stop polling.
      setPollMs(r.status === 'running' ? LIVE_MS : undefined);
      return r;
    },
    [id],
    pollMs,
  );
  const r = res.data;

  const cancel = async () => {
    setActionError(undefined);
    try {
      await apiCall<Replay>('POST', `/v1/replays/${id}/cancel`);
      res.reload();
    } catch (err) {
      setActionError(err as ApiError);
    }
  };

  if (!r) return <Pending title="Replay" error={res.error} />;
  // The redeliveries a replay makes are deliveries of kind `redelivery` created from its start on.
  const made = `/deliveries${query({ kind: 'redelivery', since: toLocalInput(r.createdAt) })}`;

  return (
    <>
      <PageTitle>{`Replay ${r.id}`}</PageTitle>
      <Stack gap="lg">
        <Card withBorder component="section" aria-label="Progress">
          <ReplayProgress replay={r} />
          <Group mt="sm" gap="lg" wrap="wrap">
            <Text size="sm">
              Created <Time iso={r.createdAt} />
            </Text>
            {r.completedAt && (
              <Text size="sm">
                Ended <Time iso={r.completedAt} />
              </Text>
            )}
            <Anchor component={Link} to={made} size="sm">
              Redeliveries since it started
            </Anchor>
            {r.temporalUrl && (
              <Anchor href={r.temporalUrl} target="_blank" rel="noopener noreferrer" size="sm">
                Open in Temporal UI
              </Anchor>
            )}
            {r.status === 'running' && (
              <Button color="red" variant="light" size="xs" onClick={() => void cancel()}>
                Cancel replay
              </Button>
            )}
          </Group>
          <ErrorNote error={actionError ?? res.error} />
        </Card>
        <Card withBorder component="section" aria-label="Filters">
          <Text size="sm" fw={500} mb="xs">
            Filters (deliveries created before <Time iso={r.createdBefore} />)
          </Text>
          <JsonView value={r.filters} label="Replay filters" />
        </Card>
      </Stack>
    </>
  );
}

/** The Deliveries page's filters hold local `datetime-local` values. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
