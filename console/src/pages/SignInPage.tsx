import { Alert, Button, Container, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, apiCall } from '../api/client';

/** Sign in with an API key: checked against the API before it is kept (in sessionStorage only). */
export function SignInPage({ onSignedIn, expired }: { onSignedIn: (key: string) => void; expired: boolean }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = 'Sign in · hookrelay';
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = key.trim();
    if (!trimmed) return setError('Enter an API key.');
    setBusy(true);
    setError(undefined);
    try {
      await apiCall('GET', '/v1/subscriptions?limit=1', undefined, trimmed);
      onSignedIn(trimmed);
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? 'That API key is not valid (unknown or revoked).'
          : err instanceof Error
            ? err.message
            : String(err),
      );
      setBusy(false);
    }
  };

  return (
    <Container size={420} py={64} component="main">
      <Title order={1} ta="center">
        hookrelay
      </Title>
      <Text c="dimmed" ta="center" mb="lg">
        Sign in to the web console with an API key.
      </Text>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate aria-label="Sign in">
          <Stack>
            {expired && !error && (
              <Alert color="yellow" role="status">
                Your API key stopped working. Sign in again.
              </Alert>
            )}
            <PasswordInput
              label="API key"
              description="Kept in this browser tab only; it is forgotten when the tab closes."
              placeholder="whk_..."
              value={key}
              onChange={(e) => setKey(e.currentTarget.value)}
              error={error}
              autoComplete="off"
              data-autofocus
              autoFocus
              required
            />
            <Button type="submit" loading={busy} fullWidth>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
