import { Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, apiCall } from '../api/client';
import type { Subscription, SubscriptionInput } from '../api/types';
import { ErrorNote } from './ErrorNote';
import { SecretReveal } from './SecretReveal';
import { SubscriptionForm } from './SubscriptionForm';

type Dialog = 'edit' | 'rotate' | 'delete' | null;

/** Edit, pause/resume, rotate the secret, delete: each says what happened or what the API refused. */
export function SubscriptionActions({ sub, onChanged }: { sub: Subscription; onChanged: (s?: Subscription) => void }) {
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [secret, setSecret] = useState<string | null>(null);
  const [grace, setGrace] = useState<number | string>(0);

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setDialog(null);
    setError(undefined);
  };

  const togglePause = () =>
    act(async () => {
      const verb = sub.status === 'active' ? 'pause' : 'resume';
      onChanged(await apiCall<Subscription>('POST', `/v1/subscriptions/${sub.id}/${verb}`));
    });
  const save = (input: SubscriptionInput) =>
    act(async () => {
      onChanged(await apiCall<Subscription>('PATCH', `/v1/subscriptions/${sub.id}`, input));
      setDialog(null);
    });
  const rotate = () =>
    act(async () => {
      const res = await apiCall<{ secret: string }>('POST', `/v1/subscriptions/${sub.id}/rotate-secret`, {
        graceSeconds: Number(grace) || 0,
      });
      setDialog(null);
      setSecret(res.secret);
    });
  const remove = () =>
    act(async () => {
      await apiCall('DELETE', `/v1/subscriptions/${sub.id}`);
      void navigate('/subscriptions');
    });

  return (
    <>
      <Group gap="xs" wrap="wrap">
        <Button variant="default" onClick={() => setDialog('edit')}>
          Edit
        </Button>
        <Button variant="default" onClick={togglePause} loading={busy && dialog === null}>
          {sub.status === 'active' ? 'Pause' : sub.status === 'paused' ? 'Resume' : 'Re-enable'}
        </Button>
        <Button variant="default" onClick={() => setDialog('rotate')}>
          Rotate secret
        </Button>
        <Button color="red" variant="light" onClick={() => setDialog('delete')}>
          Delete
        </Button>
      </Group>
      {dialog === null && <ErrorNote error={error} />}

      <Modal opened={dialog === 'edit'} onClose={close} title="Edit subscription" size="xl">
        <ErrorNote error={error} />
        <SubscriptionForm initial={sub} submitLabel="Save changes" busy={busy} apiError={error} onSubmit={save} onCancel={close} />
      </Modal>

      <Modal opened={dialog === 'rotate'} onClose={close} title="Rotate the signing secret">
        <Stack>
          <ErrorNote error={error} />
          <Text size="sm">
            A new secret signs every request from now on. During a grace period the old one signs too, so receivers can switch over.
          </Text>
          <NumberInput label="Grace period (seconds)" min={0} max={604800} value={grace} onChange={setGrace} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={rotate} loading={busy}>
              Rotate secret
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={dialog === 'delete'} onClose={close} title="Delete this subscription?">
        <Stack>
          <ErrorNote error={error} />
          <Text size="sm">
            <strong>{sub.name}</strong> ({sub.url}) gets nothing more; its unfinished deliveries are cancelled. This cannot be undone.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Keep it
            </Button>
            <Button color="red" onClick={remove} loading={busy}>
              Delete subscription
            </Button>
          </Group>
        </Stack>
      </Modal>

      <SecretReveal title="New signing secret" secret={secret} onClose={() => setSecret(null)} />
    </>
  );
}
