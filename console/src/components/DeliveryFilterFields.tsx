import { Group, Select, TextInput } from '@mantine/core';
import type { DeliveryFilterForm } from '../api/delivery-filters';
import { DELIVERY_KINDS, DELIVERY_STATUSES, type Subscription } from '../api/types';

type Field = keyof DeliveryFilterForm;
type Option = string | { value: string; label: string };

/** How each filter is asked for: a choice among `options` (clearable: any), else typed text. */
interface FieldSpec {
  label: string;
  w: number;
  options?: Option[];
  /** A long list (the tenant's subscriptions): typing narrows it. */
  searchable?: boolean;
  placeholder?: string;
  type?: 'datetime-local';
  numeric?: boolean;
}

const SPECS: Record<Field, FieldSpec> = {
  status: { label: 'Delivery status', w: 160, options: DELIVERY_STATUSES },
  kind: { label: 'Kind', w: 140, options: DELIVERY_KINDS },
  eventType: { label: 'Event type', w: 190, placeholder: 'e.g. job.created' },
  subscriptionId: { label: 'Subscription', w: 260, searchable: true },
  since: { label: 'Created since', w: 210, type: 'datetime-local' },
  until: { label: 'Created before', w: 210, type: 'datetime-local' },
  statusCode: { label: 'Last HTTP status', w: 130, placeholder: 'e.g. 500', numeric: true },
};
const ALL = Object.keys(SPECS) as Field[];

/**
 * One input per filter of `GET /v1/deliveries` (and of a replay): status, kind, type, subscription, window, code.
 * `fields` picks some of them (a subscription's own log needs no subscription filter).
 */
export function DeliveryFilterFields({
  form,
  set,
  subscriptions,
  fields = ALL,
}: {
  form: DeliveryFilterForm;
  set: (field: Field, value: string) => void;
  /** The tenant's subscriptions, to choose one by name; undefined while they load. */
  subscriptions?: Subscription[] | undefined;
  fields?: Field[];
}) {
  const subscriptionOptions = (subscriptions ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.id})` }));
  // A subscription named in the URL stays selectable even before (or without) the list.
  if (form.subscriptionId && !subscriptionOptions.some((o) => o.value === form.subscriptionId)) {
    subscriptionOptions.unshift({ value: form.subscriptionId, label: form.subscriptionId });
  }
  const specOf = (field: Field): FieldSpec =>
    field === 'subscriptionId' ? { ...SPECS.subscriptionId, options: subscriptionOptions } : SPECS[field];

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="group" aria-label="Filters">
      {fields.map((field) => (
        <FilterInput key={field} spec={specOf(field)} value={form[field]} onChange={(value) => set(field, value)} />
      ))}
    </Group>
  );
}

function FilterInput({ spec, value, onChange }: { spec: FieldSpec; value: string; onChange: (value: string) => void }) {
  if (spec.options) {
    return (
      <Select
        label={spec.label}
        placeholder="Any"
        data={spec.options}
        value={value || null}
        onChange={(v) => onChange(v ?? '')}
        searchable={spec.searchable}
        clearable
        w={spec.w}
      />
    );
  }
  return (
    <TextInput
      label={spec.label}
      placeholder={spec.placeholder}
      type={spec.type}
      inputMode={spec.numeric ? 'numeric' : undefined}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      w={spec.w}
    />
  );
}
