import { Anchor, Button, Group, Loader, Modal, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, apiCall } from '../api/client';
import { canManage } from '../api/session';
import { allSubscriptions } from '../api/subscriptions';
import type { Subscription, SubscriptionInput } from '../api/types';
import { useResource } from '../api/use-resource';
import { ErrorNote } from '../components/ErrorNote';
import { PageTitle } from '../components/PageTitle';
import { SecretReveal } from '../components/SecretReveal';
import { StatusBadge } from '../components/StatusBadge';
import { SubscriptionForm } from '../components/SubscriptionForm';

/** Every subscription, and creating one (its secret shown once). */
export function SubscriptionsPage() {
  const [status, setStatus] = useState<string | null>(null);
  const subs = useResource(() => allSubscriptions(status ?? undefined), [status]);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [createError, setCreateError] = useState<ApiError>();
  const [secret, setSecret] = useState<string | null>(null);

  const create = async (input: SubscriptionInput) => {
    setBusy(true);
    setCreateError(undefined);
    try {
      const created = await apiCall<Subscription & { secret: string }>('POST', '/v1/subscriptions', input);
      setCreating(false);
      setSecret(created.secret);
      subs.reload();
    } catch (err) {
      setCreateError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>Subscriptions</PageTitle>
      <Group justify="space-between" mb="md" align="flex-end">
        <Select
          label="Status"
          placeholder="Any"
          data={['active', 'paused', 'disabled']}
          value={status}
          onChange={setStatus}
          clearable
          w={180}
        />
        {canManage() && <Button onClick={() => setCreating(true)}>New subscription</Button>}
      </Group>
      <ErrorNote error={subs.error} />
      {subs.loading && !subs.data && <Loader size="sm" aria-label="Loading" />}
      {subs.data && subs.data.length === 0 && <Text c="dimmed">No subscriptions yet.</Text>}
      {subs.data && subs.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover data-testid="subscriptions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>URL</Table.Th>
                <Table.Th>Events</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {subs.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/subscriptions/${s.id}`}>
                      {s.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{s.url}</Table.Td>
                  <Table.Td>{s.events.join(', ')}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={s.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title="New subscription" size="xl">
        <ErrorNote error={createError} />
        <SubscriptionForm
          submitLabel="Create subscription"
          busy={busy}
          apiError={createError}
          onSubmit={create}
          onCancel={() => setCreating(false)}
        />
      </Modal>
      <SecretReveal title="Subscription created" secret={secret} onClose={() => setSecret(null)} />
    </>
  );
}
