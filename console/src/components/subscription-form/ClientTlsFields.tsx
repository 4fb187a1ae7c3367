import { Alert, Checkbox, Stack, Text, Textarea } from '@mantine/core';
import type { Subscription } from '../../api/types';
import { Time } from '../Time';
import type { FieldErrors, FormState } from './form-state';

/** How close to its end a certificate is shown as expiring (the service raises subscription.certificate_expiring). */
const EXPIRING_WITHIN_MS = 14 * 24 * 3600_000;

const pem = { ff: 'monospace', fz: 'xs' } as const;

/** Mutual TLS: the client certificate and key (write-only), and a private CA for the receiver. */
export function ClientTlsFields({
  state,
  set,
  errors,
  stored,
}: {
  state: FormState;
  set: (patch: Partial<FormState>) => void;
  errors: FieldErrors;
  stored: Subscription['clientTls'];
}) {
  const expiring = stored && Date.parse(stored.expiresAt) - Date.now() < EXPIRING_WITHIN_MS;
  const keep = stored ? 'Leave empty to keep the stored certificate and key. ' : '';
  return (
    <Stack gap="sm">
      {stored && (
        <Alert color={expiring ? 'orange' : 'gray'} data-testid="client-tls-stored" p="xs">
          <Text size="sm">
            Presents <strong>{stored.subject}</strong>, expires <Time iso={stored.expiresAt} />
            {expiring ? ' (within 14 days: replace it soon)' : ''}
            {stored.serverCa ? '; trusts its own server CA' : ''}.
          </Text>
        </Alert>
      )}
      {stored && (
        <Checkbox
          label="Remove the client certificate"
          checked={state.removeClientTls}
          onChange={(e) => set({ removeClientTls: e.currentTarget.checked })}
        />
      )}
      {!state.removeClientTls && (
        <>
          <Textarea
            label="Client certificate (PEM)"
            description={`${keep}The certificate presented to the receiver, intermediates after it.`}
            placeholder="-----BEGIN CERTIFICATE-----"
            value={state.certificate}
            onChange={(e) => set({ certificate: e.currentTarget.value })}
            error={errors['clientTls.certificate']}
            autosize
            minRows={2}
            maxRows={8}
            styles={{ input: pem }}
          />
          <Textarea
            label="Private key (PEM)"
            description="Unencrypted; write-only: never shown again. Give it with every new certificate."
            placeholder="-----BEGIN PRIVATE KEY-----"
            value={state.privateKey}
            onChange={(e) => set({ privateKey: e.currentTarget.value })}
            error={errors['clientTls.privateKey']}
            autosize
            minRows={2}
            maxRows={8}
            styles={{ input: pem }}
          />
          <Textarea
            label="Server CA (PEM)"
            description="Optional: trust a receiver whose certificate chains to this private CA, for this subscription only."
            value={state.serverCa}
            onChange={(e) => set({ serverCa: e.currentTarget.value })}
            error={errors['clientTls.serverCa']}
            autosize
            minRows={1}
            maxRows={6}
            styles={{ input: pem }}
          />
        </>
      )}
      {errors['clientTls'] && (
        <Text size="sm" c="red">
          {errors['clientTls']}
        </Text>
      )}
    </Stack>
  );
}
