import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, apiCall } from '../api/client';
import { newIdempotencyKey } from '../api/idempotency-key';
import { toApiFilters, useDeliveryFilterForm, type DeliveryFilterForm } from '../api/delivery-filters';
import { allSubscriptions, namesById } from '../api/subscriptions';
import type { Replay, ReplayDryRun } from '../api/types';
import { useResource } from '../api/use-resource';
import { DeliveryFilterFields } from '../components/DeliveryFilterFields';
import { DeliveryTable } from '../components/DeliveryTable';
import { ErrorNote } from '../components/ErrorNote';
import { PageTitle } from '../components/PageTitle';
import { ReplayList } from '../components/ReplayList';
import { Time } from '../components/Time';

/**
 * Sends again the deliveries some filters name: count them first (a dry run, with a sample), then confirm. Below,
 * every replay of the tenant.
 */
export function ReplaysPage() {
  const { form, set } = useDeliveryFilterForm();
  const navigate = useNavigate();
  // A count, and the Idempotency-Key its confirmation sends: a double click, or a retry after a lost answer,
  // sends the same key, so the API answers the first replay instead of starting another.
  const [counted, setCounted] = useState<{ result: ReplayDryRun; key: string }>();
  const subscriptions = useResource(() => allSubscriptions(), []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  // A count holds for the filters it was made with: any change asks for a new one before a replay can start.
  const change = (field: keyof DeliveryFilterForm, value: string) => (setCounted(undefined), set(field, value));

  const count = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await apiCall<ReplayDryRun>('POST', '/v1/replays', { ...toApiFilters(form), dryRun: true });
      setCounted({ result, key: newIdempotencyKey() });
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const start = async (key: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const replay = await apiCall<Replay>('POST', '/v1/replays', toApiFilters(form), undefined, { 'idempotency-key': key });
      void navigate(`/replays/${replay.id}`);
    } catch (err) {
      setError(err as ApiError);
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>Replays</PageTitle>
      <Stack gap="lg">
        <Card withBorder component="section" aria-labelledby="new-replay-title">
          <Title order={2} size="h4" id="new-replay-title" mb="xs">
            New replay
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Sends each original delivery the filters name once more, oldest first (no redeliveries, tests or pings unless Kind asks, no
            cancelled ones unless Status asks). At least one filter is needed.
          </Text>
          <DeliveryFilterFields form={form} subscriptions={subscriptions.data} set={change} />
          <Group mt="md">
            <Button variant="default" onClick={() => void count()} loading={busy && !counted}>
              Count (dry run)
            </Button>
          </Group>
          <ErrorNote error={error} />
          {counted && (
            <DryRunResult
              result={counted.result}
              busy={busy}
              onConfirm={() => void start(counted.key)}
              subscriptionNames={namesById(subscriptions.data)}
            />
          )}
        </Card>
        <ReplayList />
      </Stack>
    </>
  );
}

function DryRunResult({
  result,
  busy,
  onConfirm,
  subscriptionNames,
}: {
  result: ReplayDryRun;
  busy: boolean;
  onConfirm: () => void;
  subscriptionNames: ReadonlyMap<string, string>;
}) {
  const skips = result.wouldSkip;
  // A capped count: the figures are of the oldest `count` deliveries the filters name; there are more.
  const more = result.countCapped ? '+' : '';
  return (
    <Stack gap="sm" mt="md" data-testid="dry-run">
      <Alert color={result.wouldSend > 0 ? 'blue' : 'gray'} title={`${result.count}${more} deliveries match`}>
        <Text size="sm" data-testid="would-send">
          {result.countCapped ? `Of the oldest ${result.count}, ${result.wouldSend}` : result.wouldSend} would be sent again now.
        </Text>
        {result.count > result.wouldSend && (
          <List size="sm" mt={4}>
            <List.Item>{skips.alreadyResent} already sent again (a redelivery under way or succeeded)</List.Item>
            <List.Item>{skips.purged} whose event was purged</List.Item>
            <List.Item>{skips.subscriptionDeleted} whose subscription was deleted</List.Item>
          </List>
        )}
        <Text size="xs" c="dimmed" mt={4}>
          Kind {result.kind}
          {result.includesCancelled ? ', cancelled ones included' : ''}; created before <Time iso={result.createdBefore} />.
        </Text>
      </Alert>
      {result.sample.length > 0 && (
        <>
          <Text size="sm" fw={500}>
            A sample (up to 10, newest first)
          </Text>
          <DeliveryTable deliveries={result.sample} testId="replay-sample" subscriptionNames={subscriptionNames} />
        </>
      )}
      <Group>
        <Button onClick={onConfirm} loading={busy} disabled={result.wouldSend === 0}>
          {`Replay ${result.wouldSend}${more} deliveries`}
        </Button>
      </Group>
    </Stack>
  );
}
