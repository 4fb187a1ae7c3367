import { Button, Card, Group, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, apiCall } from '../api/client';
import { ErrorNote } from './ErrorNote';
import { localToIso } from './localTime';

/** Sends again every delivery of a time window that ended failed (after a receiver outage, say). */
export function RecoverWindow({ subscriptionId, onRecovered }: { subscriptionId: string; onRecovered: () => void }) {
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<number>();

  const recover = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const res = await apiCall<{ redelivered: number }>('POST', `/v1/subscriptions/${subscriptionId}/recover`, {
        since: localToIso(since),
        until: localToIso(until),
      });
      setDone(res.redelivered);
      onRecovered();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="recover-title">
      <Title order={2} size="h4" id="recover-title" mb="xs">
        Recover a window
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Sends again every delivery created in this window that ended failed.
      </Text>
      <form onSubmit={recover} aria-label="Recover a window">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="Failed since"
            type="datetime-local"
            value={since}
            onChange={(e) => setSince(e.currentTarget.value)}
            required
            w={230}
          />
          <TextInput
            label="Until (optional)"
            type="datetime-local"
            value={until}
            onChange={(e) => setUntil(e.currentTarget.value)}
            w={230}
          />
          <Button type="submit" loading={busy} variant="light">
            Recover
          </Button>
        </Group>
      </form>
      <ErrorNote error={error} />
      <div aria-live="polite">
        {done !== undefined && (
          <Text size="sm" mt="sm" data-testid="recovered">
            {done === 1 ? '1 delivery sent again.' : `${done} deliveries sent again.`}
          </Text>
        )}
      </div>
    </Card>
  );
}
