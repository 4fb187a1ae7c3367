import { Code, Group, Stack, Text } from '@mantine/core';
import type { Attempt } from '../api/types';

const step = (label: string, ms: number | null) => (ms === null ? null : `${label} ${ms} ms`);

/** What went over the wire for one attempt: where the time went, the address reached, both sides' headers. */
export function AttemptWire({
  request,
  response,
  timings,
  remoteAddress,
}: Pick<Attempt, 'request' | 'response' | 'timings' | 'remoteAddress'>) {
  if (!timings && !request.headers) return null;
  const steps = timings
    ? [
        step('DNS', timings.dnsMs),
        step('connect', timings.connectMs),
        step('TLS', timings.tlsMs),
        timings.reusedConnection ? 'kept-alive connection' : null,
        step('first byte', timings.firstByteMs),
        step('total', timings.totalMs),
      ].filter(Boolean)
    : [];
  const responseHeaders = Object.entries(response.headers ?? {}).map(([name, value]) => [name, [value].flat().join(', ')]);
  return (
    <details data-testid="attempt-wire">
      <summary>
        <Text span size="xs" c="dimmed">
          Request and timings
        </Text>
      </summary>
      <Stack gap={4} mt={4}>
        <Group gap="xs" data-testid="attempt-timings">
          {steps.map((s) => (
            <Text key={s} size="xs">
              {s}
            </Text>
          ))}
          {remoteAddress && <Text size="xs">to {remoteAddress}</Text>}
        </Group>
        <HeaderBlock
          title="Request headers (credentials masked)"
          headers={(request.headers ?? []).map((h) => [h.name, h.value])}
          testId="request-headers"
        />
        <HeaderBlock title="Response headers" headers={responseHeaders} testId="response-headers" />
      </Stack>
    </details>
  );
}

function HeaderBlock({ title, headers, testId }: { title: string; headers: string[][]; testId: string }) {
  if (headers.length === 0) return null;
  return (
    <>
      <Text size="xs" c="dimmed">
        {title}
      </Text>
      <Code block data-testid={testId} style={{ maxHeight: 200, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {headers.map(([name, value]) => `${name}: ${value}`).join('\n')}
      </Code>
    </>
  );
}
