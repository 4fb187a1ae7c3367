import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  JsonInput,
  NumberInput,
  SegmentedControl,
  Input,
  Select,
  Stack,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { apiCall, type ApiError } from '../api/client';
import type { EventType, Page, Subscription, SubscriptionInput } from '../api/types';
import { useResource } from '../api/use-resource';
import { FifoOnFailureField } from './FifoOnFailureField';
import { AuthFields } from './subscription-form/AuthFields';
import { ClientTlsFields } from './subscription-form/ClientTlsFields';
import { buildInput, errorsByField, initialState, wholeError, type FieldErrors, type FormState } from './subscription-form/form-state';
import { HeadersField } from './subscription-form/HeadersField';
import { TransformField } from './subscription-form/TransformField';

const FORMATS = [
  { value: 'envelope', label: 'envelope: {id, type, timestamp, data}' },
  { value: 'raw', label: 'raw: the event data only' },
  { value: 'form', label: 'form: url-encoded fields' },
];

const SCHEMES = [
  { value: 'standard-webhooks', label: 'Standard Webhooks (HMAC-SHA256, v1)' },
  { value: 'ed25519', label: 'Ed25519 (Standard Webhooks v1a, public key)' },
  { value: 'hmac-sha256', label: 'HMAC-SHA256 of the body (GitHub style)' },
  { value: 'hmac-sha1', label: 'HMAC-SHA1 of the body (older hooks)' },
];

/**
 * Create or edit a subscription, every field of the API. The API judges the values; its field errors (`apiError`)
 * appear beside the inputs they name. Secrets are write-only: an edit sends only what changed.
 */
export function SubscriptionForm({
  initial,
  submitLabel,
  busy,
  apiError,
  onSubmit,
  onCancel,
}: {
  initial?: Subscription;
  submitLabel: string;
  busy: boolean;
  apiError?: ApiError;
  onSubmit: (input: SubscriptionInput) => void;
  onCancel: () => void;
}) {
  const catalog = useResource(() => apiCall<Page<EventType>>('GET', '/v1/event-types?limit=250'), []);
  const [state, setState] = useState<FormState>(() => initialState(initial));
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const set = (patch: Partial<FormState>) => setState((s) => ({ ...s, ...patch }));
  const errors: FieldErrors = { ...errorsByField(apiError?.errors ?? []), ...localErrors };

  const suggestions = ['*', ...(catalog.data?.data ?? []).filter((t) => !t.archived).map((t) => t.name)];
  const hmac = state.scheme === 'hmac-sha256' || state.scheme === 'hmac-sha1';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const built = buildInput(state, initial);
    setLocalErrors(built.errors);
    if (Object.keys(built.errors).length === 0) onSubmit(built.input);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack>
        <TextInput
          label="Endpoint URL"
          placeholder="https://example.com/webhooks"
          value={state.url}
          onChange={(e) => set({ url: e.currentTarget.value })}
          error={errors['url']}
          required
          type="url"
          data-autofocus
        />
        <TagsInput
          label="Event types"
          description="Exact types, a prefix pattern like job.*, or * for all. Press Enter after each."
          data={suggestions}
          value={state.events}
          onChange={(events) => set({ events })}
          error={wholeError(errors, 'events')}
          required
          clearable
          acceptValueOnBlur
        />
        <TextInput
          label="Name"
          description="Defaults to the URL's host"
          value={state.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={errors['name']}
        />
        <JsonInput
          label="Filter (JSON)"
          description='Match on event data, e.g. {"job.zone": "East"}; empty for none'
          value={state.filter}
          onChange={(filter) => set({ filter })}
          error={wholeError(errors, 'filter')}
          autosize
          minRows={2}
          maxRows={10}
          formatOnBlur
        />

        <Fieldset legend="Request">
          <Stack gap="sm">
            <Select
              label="Payload format"
              data={FORMATS}
              value={state.payloadFormat}
              onChange={(v) => set({ payloadFormat: (v ?? 'envelope') as FormState['payloadFormat'] })}
              error={errors['payloadFormat']}
              allowDeselect={false}
            />
            <TransformField
              value={state.transform}
              onChange={(transform) => set({ transform })}
              events={state.events}
              payloadFormat={state.payloadFormat}
              error={errors['transform']}
            />
            <HeadersField rows={state.headers} onChange={(headers) => set({ headers })} error={wholeError(errors, 'headers')} />
            <Checkbox
              label="Send trace context"
              description="Requests carry W3C traceparent, so the receiver's spans join the delivery's trace (when the service traces)"
              checked={state.traceContext}
              onChange={(e) => set({ traceContext: e.currentTarget.checked })}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend="Signature">
          <Stack gap="sm">
            <Select
              label="Signature scheme"
              data={SCHEMES}
              value={state.scheme}
              onChange={(v) => set({ scheme: (v ?? 'standard-webhooks') as FormState['scheme'] })}
              error={errors['signature.scheme'] ?? errors['signature']}
              allowDeselect={false}
            />
            <Group grow align="flex-start">
              <TextInput
                label="Signature header"
                description="Empty: the scheme's own header"
                value={state.signatureHeader}
                onChange={(e) => set({ signatureHeader: e.currentTarget.value })}
                error={errors['signature.header']}
              />
              {hmac && (
                <Checkbox
                  mt="lg"
                  label="Sign the timestamp too"
                  description="Signs {timestamp}.{body} and sends x-webhook-timestamp"
                  checked={state.timestamped}
                  onChange={(e) => set({ timestamped: e.currentTarget.checked })}
                  error={errors['signature.timestamped']}
                />
              )}
            </Group>
          </Stack>
        </Fieldset>

        <Fieldset legend="Receiver authentication">
          <AuthFields state={state} set={set} errors={errors} storedType={initial ? (initial.auth?.type ?? 'none') : null} />
        </Fieldset>

        <Fieldset legend="Mutual TLS">
          <ClientTlsFields state={state} set={set} errors={errors} stored={initial?.clientTls ?? null} />
        </Fieldset>

        <Fieldset legend="Retries, order and pace">
          <Stack gap="sm">
            <Group grow align="flex-start">
              <NumberInput
                label="Timeout (ms)"
                min={1000}
                max={60000}
                step={1000}
                value={state.timeoutMs}
                onChange={(timeoutMs) => set({ timeoutMs })}
                error={errors['timeoutMs']}
              />
              <TextInput
                label="Retry schedule (seconds)"
                description={initial ? undefined : 'Empty: the default schedule'}
                placeholder="5, 300, 1800"
                value={state.schedule}
                onChange={(e) => set({ schedule: e.currentTarget.value })}
                error={wholeError(errors, 'retrySchedule')}
              />
            </Group>
            <Group grow align="flex-start">
              <Input.Wrapper label="Ordering" error={errors['ordering']}>
                <SegmentedControl
                  aria-label="Ordering"
                  data={[
                    { value: 'none', label: 'Any order' },
                    { value: 'fifo', label: 'FIFO' },
                  ]}
                  value={state.ordering}
                  onChange={(v) => set({ ordering: v })}
                  fullWidth
                  mt={4}
                />
              </Input.Wrapper>
              <TextInput
                label="Ordering key"
                description="A JSON pointer into the event data (e.g. /jobId): one line per value. Empty: one line."
                placeholder="/jobId"
                disabled={state.ordering !== 'fifo'}
                value={state.orderingKey}
                onChange={(e) => set({ orderingKey: e.currentTarget.value })}
                error={errors['orderingKey']}
              />
            </Group>
            <FifoOnFailureField
              ordering={state.ordering}
              value={state.fifoOnFailure}
              onChange={(fifoOnFailure) => set({ fifoOnFailure })}
            />
            <Group grow align="flex-start">
              <NumberInput
                label="Rate limit (per second)"
                description="Empty: no limit. Fractions allowed."
                min={0}
                decimalScale={3}
                value={state.ratePerSecond}
                onChange={(ratePerSecond) => set({ ratePerSecond })}
                error={errors['rateLimit.perSecond'] ?? errors['rateLimit']}
              />
              <NumberInput
                label="Burst"
                description="At once after a quiet spell"
                min={1}
                allowDecimal={false}
                value={state.rateBurst}
                onChange={(rateBurst) => set({ rateBurst })}
                error={errors['rateLimit.burst']}
              />
              <NumberInput
                label="Max concurrency"
                description="Attempts in flight at once; empty: no limit"
                min={1}
                max={1000}
                allowDecimal={false}
                value={state.maxConcurrency}
                onChange={(maxConcurrency) => set({ maxConcurrency })}
                error={errors['maxConcurrency']}
              />
            </Group>
          </Stack>
        </Fieldset>

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
