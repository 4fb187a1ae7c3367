import { Alert, Anchor, Button, Code, Group, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError, apiCall } from '../api/client';
import type { PortalLink } from '../api/types';
import { CopyButton } from '../components/CopyButton';
import { ErrorNote } from '../components/ErrorNote';
import { PageTitle } from '../components/PageTitle';
import { Time } from '../components/Time';

/** Makes a short-lived link into this console for the tenant (to embed in your product), read-only or full. */
export function PortalLinksPage() {
  const [access, setAccess] = useState('read-only');
  const [minutes, setMinutes] = useState<number | string>(60);
  const [error, setError] = useState<ApiError>();
  const [link, setLink] = useState<PortalLink | null>(null);

  const create = async () => {
    setError(undefined);
    setLink(null);
    try {
      const ttlSeconds = Math.round(Number(minutes) * 60);
      setLink(await apiCall<PortalLink>('POST', '/v1/portal-sessions', { readOnly: access === 'read-only', ttlSeconds }));
    } catch (err) {
      setError(err as ApiError);
    }
  };

  return (
    <>
      <PageTitle>Portal links</PageTitle>
      <Text size="sm" mb="md" maw={640}>
        A portal link opens this console for your customer without an API key, until it expires. Read-only links only look; full links can
        also change subscriptions and redeliver.
      </Text>
      <Stack gap="sm" maw={560} component="section" aria-label="New portal link">
        <div>
          <Text size="sm" fw={500} mb={4} id="portal-access">
            Access
          </Text>
          <SegmentedControl
            aria-labelledby="portal-access"
            value={access}
            onChange={setAccess}
            data={[
              { value: 'read-only', label: 'Read-only' },
              { value: 'full', label: 'Full' },
            ]}
          />
        </div>
        <NumberInput label="Valid for (minutes)" min={1} value={minutes} onChange={setMinutes} w={200} />
        <Group>
          <Button onClick={() => void create()}>Create link</Button>
        </Group>
      </Stack>
      <ErrorNote error={error} />
      {link && (
        <Alert color="teal" mt="md" title={access === 'read-only' ? 'Read-only link' : 'Full link'} role="status">
          <Stack gap="xs">
            <Code block data-testid="portal-link" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              {link.url}
            </Code>
            <Group>
              <CopyButton value={link.url} label="Copy link" size="xs" />
              <Anchor href={link.url} target="_blank" rel="noreferrer" size="sm">
                Open
              </Anchor>
              <Text size="sm" c="dimmed">
                Expires <Time iso={link.expiresAt} />
              </Text>
            </Group>
          </Stack>
        </Alert>
      )}
    </>
  );
}
