import { Button, Card, Group, JsonInput, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, apiCall } from '../api/client';
import type { TestSendResult } from '../api/types';
import { AttemptOutcome } from './AttemptOutcome';
import { ErrorNote } from './ErrorNote';

/** One real attempt now (even while paused), its answer shown right here. */
export function TestSend({ subscriptionId, onSent }: { subscriptionId: string; onSent: () => void }) {
  const [type, setType] = useState('webhook.test');
  const [data, setData] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [result, setResult] = useState<TestSendResult>();

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const body: { type: string; data?: unknown } = { type: type.trim() || 'webhook.test' };
      if (data.trim()) body.data = JSON.parse(data);
      setResult(await apiCall<TestSendResult>('POST', `/v1/subscriptions/${subscriptionId}/test`, body));
      onSent();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'Invalid data', 'The data must be a JSON object.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="test-title">
      <Title order={2} size="h4" id="test-title" mb="sm">
        Send a test
      </Title>
      <form onSubmit={send} aria-label="Send a test">
        <Stack>
          <Group grow align="flex-start">
            <TextInput label="Test event type" value={type} onChange={(e) => setType(e.currentTarget.value)} />
            <JsonInput label="Test data (JSON object)" placeholder="{}" value={data} onChange={setData} autosize minRows={1} maxRows={6} />
          </Group>
          <Group>
            <Button type="submit" loading={busy}>
              Send test
            </Button>
          </Group>
        </Stack>
      </form>
      <ErrorNote error={error} />
      <div aria-live="polite" data-testid="test-result">
        {result && (
          <Stack gap="xs" mt="md">
            <Title order={3} size="h5">
              Receiver's answer
            </Title>
            <AttemptOutcome {...result.attempt} />
          </Stack>
        )}
      </div>
    </Card>
  );
}
