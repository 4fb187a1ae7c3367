import { Badge, Button, Checkbox, Code, Group, Loader, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError, apiCall } from '../api/client';
import type { ApiKey, CreatedApiKey, Page } from '../api/types';
import { useResource } from '../api/use-resource';
import { ErrorNote } from '../components/ErrorNote';
import { localToIso } from '../components/localTime';
import { PageTitle } from '../components/PageTitle';
import { ShownOnce } from '../components/ShownOnce';
import { Time } from '../components/Time';

const SCOPES = [
  { value: 'ingest', label: 'ingest: send events' },
  { value: 'read', label: 'read: every GET' },
  { value: 'manage', label: 'manage: everything but keys' },
  { value: 'admin', label: 'admin: keys too' },
];

/** The tenant's API keys: make one (scopes, expiry; shown once), see them all, revoke one. Needs scope admin. */
export function ApiKeysPage() {
  const keys = useResource(() => apiCall<Page<ApiKey>>('GET', '/v1/api-keys'), []);
  const [scopes, setScopes] = useState<string[]>(['ingest', 'read']);
  const [expires, setExpires] = useState('');
  const [error, setError] = useState<ApiError>();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  const create = async () => {
    setError(undefined);
    try {
      const expiresAt = localToIso(expires);
      setCreated(await apiCall<CreatedApiKey>('POST', '/v1/api-keys', { scopes, ...(expiresAt ? { expiresAt } : {}) }));
      keys.reload();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const revoke = async (key: ApiKey) => {
    setError(undefined);
    try {
      await apiCall('DELETE', `/v1/api-keys/${key.id}`);
      keys.reload();
    } catch (err) {
      setError(err as ApiError);
    }
    setRevoking(null);
  };

  return (
    <>
      <PageTitle>API keys</PageTitle>
      <Stack gap="sm" mb="lg" maw={560} component="section" aria-label="New API key">
        <Checkbox.Group label="Scopes" value={scopes} onChange={setScopes}>
          <Group mt="xs">
            {SCOPES.map((s) => (
              <Checkbox key={s.value} value={s.value} label={s.label} />
            ))}
          </Group>
        </Checkbox.Group>
        <TextInput
          label="Expires"
          description="Refused from then on; empty: never"
          type="datetime-local"
          value={expires}
          onChange={(e) => setExpires(e.currentTarget.value)}
          w={260}
        />
        <Group>
          <Button onClick={() => void create()}>Create key</Button>
        </Group>
      </Stack>
      <ErrorNote error={error ?? keys.error} />
      {keys.loading && !keys.data && <Loader size="sm" aria-label="Loading" />}
      {keys.data && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="api-keys">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Key</Table.Th>
                <Table.Th>Scopes</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.data.data.map((k) => (
                <Table.Tr key={k.id} data-key-id={k.id}>
                  <Table.Td>
                    <Code>{k.id}</Code>
                  </Table.Td>
                  <Table.Td>{k.scopes.join(', ')}</Table.Td>
                  <Table.Td>{k.expiresAt ? <Time iso={k.expiresAt} /> : 'never'}</Table.Td>
                  <Table.Td>
                    <Time iso={k.createdAt} />
                  </Table.Td>
                  <Table.Td>
                    {k.revokedAt ? (
                      <Badge color="gray" variant="light">
                        revoked
                      </Badge>
                    ) : (
                      <Badge color="teal" variant="light">
                        active
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {!k.revokedAt && (
                      <Button size="xs" color="red" variant="light" onClick={() => setRevoking(k)} aria-label={`Revoke ${k.id}`}>
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <ShownOnce
        value={created?.apiKey ?? null}
        title="New API key"
        warning="Copy this key now: it is shown only once."
        copyLabel="Copy key"
        testId="new-api-key"
        onClose={() => setCreated(null)}
      />

      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title="Revoke this key?">
        <Stack>
          <Text size="sm">
            <Code>{revoking?.id}</Code> stops working at once, for everything that uses it.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              Keep it
            </Button>
            <Button color="red" onClick={() => revoking && void revoke(revoking)}>
              Revoke key
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
