import { Badge, Code, Group, Stack, Text } from '@mantine/core';
import type { AttemptError } from '../api/types';

/** One attempt's answer: status code, time taken, the receiver's body, or why no answer came. */
export function AttemptOutcome({
  statusCode,
  durationMs,
  responseBody,
  error,
}: {
  statusCode: number | null;
  durationMs: number | null;
  responseBody: string | null;
  error: AttemptError | null;
}) {
  const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Badge color={ok ? 'teal' : 'red'} variant="light" data-testid="status-code">
          {statusCode === null ? 'no answer' : `HTTP ${statusCode}`}
        </Badge>
        {durationMs !== null && <Text size="sm">{durationMs} ms</Text>}
      </Group>
      {error && (
        <Text size="sm" c="red">
          {error.type}: {error.message}
        </Text>
      )}
      {responseBody !== null && responseBody !== '' && (
        <Code
          block
          data-testid="response-body"
          style={{ maxHeight: 200, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
        >
          {responseBody}
        </Code>
      )}
    </Stack>
  );
}
