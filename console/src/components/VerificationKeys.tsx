import { Anchor, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import type { Subscription } from '../api/types';
import { CopyButton } from './CopyButton';

/**
 * For the ed25519 scheme: the public key receivers verify `v1a` signatures with, and the JWKS address where
 * they can fetch it (and, during a rotation grace, the previous key) with a read key.
 */
export function VerificationKeys({ sub }: { sub: Subscription }) {
  if (sub.signature.scheme !== 'ed25519' || !sub.signature.publicKey) return null;
  const jwks = `${window.location.origin}/v1/subscriptions/${sub.id}/jwks`;
  return (
    <Card withBorder component="section" aria-label="Verification keys">
      <Stack gap="xs">
        <Title order={2} size="h4">
          Verification keys
        </Title>
        <Text size="sm">Receivers verify the v1a signatures of this subscription with this public key:</Text>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Code block data-testid="public-key" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', flex: 1 }}>
            {sub.signature.publicKey}
          </Code>
          <CopyButton value={sub.signature.publicKey} label="Copy key" size="xs" />
        </Group>
        <Text size="sm">
          Or as a JWK Set (RFC 7517), current key and any key still in a rotation grace; fetch it with an API key of scope read:{' '}
          <Anchor href={jwks} data-testid="jwks-link" target="_blank" rel="noreferrer" style={{ wordBreak: 'break-all' }}>
            {jwks}
          </Anchor>
        </Text>
      </Stack>
    </Card>
  );
}
