import { Group, Select, TextInput } from '@mantine/core';
import type { DeliveryFilterForm } from '../api/delivery-filters';
import { DELIVERY_KINDS, DELIVERY_STATUSES, type Subscription } from '../api/types';

/** One input per filter of `GET /v1/deliveries` (and of a replay): status, kind, type, subscription, window, code. */
export function DeliveryFilterFields({
  form,
  set,
  subscriptions,
}: {
  form: DeliveryFilterForm;
  set: (field: keyof DeliveryFilterForm, value: string) => void;
  /** The tenant's subscriptions, to choose one by name; undefined while they load. */
  subscriptions: Subscription[] | undefined;
}) {
  const subscriptionOptions = (subscriptions ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.id})` }));
  // A subscription named in the URL stays selectable even before (or without) the list.
  if (form.subscriptionId && !subscriptionOptions.some((o) => o.value === form.subscriptionId)) {
    subscriptionOptions.unshift({ value: form.subscriptionId, label: form.subscriptionId });
  }

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="group" aria-label="Filters">
      <Select
        label="Delivery status"
        placeholder="Any"
        data={DELIVERY_STATUSES}
        value={form.status || null}
        onChange={(v) => set('status', v ?? '')}
        clearable
        w={160}
      />
      <Select
        label="Kind"
        placeholder="Any"
        data={DELIVERY_KINDS}
        value={form.kind || null}
        onChange={(v) => set('kind', v ?? '')}
        clearable
        w={140}
      />
      <TextInput
        label="Event type"
        placeholder="e.g. job.created"
        value={form.eventType}
        onChange={(e) => set('eventType', e.currentTarget.value)}
        w={190}
      />
      <Select
        label="Subscription"
        placeholder="Any"
        data={subscriptionOptions}
        value={form.subscriptionId || null}
        onChange={(v) => set('subscriptionId', v ?? '')}
        searchable
        clearable
        w={260}
      />
      <TextInput
        label="Created since"
        type="datetime-local"
        value={form.since}
        onChange={(e) => set('since', e.currentTarget.value)}
        w={210}
      />
      <TextInput
        label="Created before"
        type="datetime-local"
        value={form.until}
        onChange={(e) => set('until', e.currentTarget.value)}
        w={210}
      />
      <TextInput
        label="Last HTTP status"
        placeholder="e.g. 500"
        inputMode="numeric"
        value={form.statusCode}
        onChange={(e) => set('statusCode', e.currentTarget.value)}
        w={130}
      />
    </Group>
  );
}
