import { Button, Checkbox, Group, JsonInput, NumberInput, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { apiCall } from '../api/client';
import type { EventType, Page, Subscription, SubscriptionInput } from '../api/types';
import { useResource } from '../api/use-resource';
import { FifoOnFailureField } from './FifoOnFailureField';

const FORMATS = [
  { value: 'envelope', label: 'envelope: {id, type, timestamp, data}' },
  { value: 'raw', label: 'raw: the event data only' },
  { value: 'form', label: 'form: url-encoded fields' },
];

/** Parses "5, 300, 1800" into seconds; null when it is not a list of whole numbers. */
const parseSchedule = (text: string): number[] | null => {
  if (text.trim() === '') return [];
  const parts = text.split(/[\s,]+/).filter(Boolean);
  return parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : null;
};

/** Create or edit a subscription; the API judges the values and its field errors are shown by the caller. */
export function SubscriptionForm({
  initial,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: {
  initial?: Subscription;
  submitLabel: string;
  busy: boolean;
  onSubmit: (input: SubscriptionInput) => void;
  onCancel: () => void;
}) {
  const catalog = useResource(() => apiCall<Page<EventType>>('GET', '/v1/event-types?limit=250'), []);
  const [name, setName] = useState(initial?.name ?? '');
  const [url, setUrl] = useState(initial?.url ?? '');
  const [events, setEvents] = useState<string[]>(initial?.events ?? []);
  const [filter, setFilter] = useState(initial?.filter ? JSON.stringify(initial.filter, null, 2) : '');
  const [format, setFormat] = useState<string>(initial?.payloadFormat ?? 'envelope');
  const [timeoutMs, setTimeoutMs] = useState<number | string>(initial?.timeoutMs ?? 15000);
  const [schedule, setSchedule] = useState(initial ? initial.retrySchedule.join(', ') : '');
  const [traceContext, setTraceContext] = useState(initial?.traceContext ?? false);
  // FIFO failure policy: its own block, shown beside ordering (ordering: the form's own choice once it has one).
  const ordering = initial?.ordering;
  const [fifoOnFailure, setFifoOnFailure] = useState(initial?.fifoOnFailure ?? 'skip');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const suggestions = ['*', ...(catalog.data?.data ?? []).filter((t) => !t.archived).map((t) => t.name)];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    let parsedFilter: Record<string, unknown> | null = null;
    if (filter.trim()) {
      try {
        parsedFilter = JSON.parse(filter) as Record<string, unknown>;
      } catch {
        errors['filter'] = 'must be JSON';
      }
    }
    const retrySchedule = parseSchedule(schedule);
    if (retrySchedule === null) errors['schedule'] = 'seconds, separated by commas';
    if (!url.trim()) errors['url'] = 'required';
    if (events.length === 0) errors['events'] = 'name at least one event type or pattern';
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const input: SubscriptionInput = {
      url: url.trim(),
      events,
      payloadFormat: format as SubscriptionInput['payloadFormat'],
      timeoutMs: Number(timeoutMs),
      traceContext,
    };
    if (ordering === 'fifo') input.fifoOnFailure = fifoOnFailure;
    if (name.trim()) input.name = name.trim();
    if (filter.trim() || initial?.filter) input.filter = parsedFilter;
    // Left empty on create: the service's default schedule.
    if (retrySchedule && (schedule.trim() || initial)) input.retrySchedule = retrySchedule;
    onSubmit(input);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack>
        <TextInput
          label="Endpoint URL"
          placeholder="https://example.com/webhooks"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={localErrors['url']}
          required
          type="url"
          data-autofocus
        />
        <TagsInput
          label="Event types"
          description="Exact types, a prefix pattern like job.*, or * for all. Press Enter after each."
          data={suggestions}
          value={events}
          onChange={setEvents}
          error={localErrors['events']}
          required
          clearable
          acceptValueOnBlur
        />
        <TextInput label="Name" description="Defaults to the URL's host" value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Select label="Payload format" data={FORMATS} value={format} onChange={(v) => setFormat(v ?? 'envelope')} allowDeselect={false} />
        <Group grow align="flex-start">
          <NumberInput label="Timeout (ms)" min={1000} max={60000} step={1000} value={timeoutMs} onChange={setTimeoutMs} />
          <TextInput
            label="Retry schedule (seconds)"
            description={initial ? undefined : 'Empty: the default schedule'}
            placeholder="5, 300, 1800"
            value={schedule}
            onChange={(e) => setSchedule(e.currentTarget.value)}
            error={localErrors['schedule']}
          />
        </Group>
        <JsonInput
          label="Filter (JSON)"
          description='Match on event data, e.g. {"job.zone": "East"}; empty for none'
          value={filter}
          onChange={setFilter}
          error={localErrors['filter']}
          autosize
          minRows={2}
          maxRows={10}
          formatOnBlur
        />
        <FifoOnFailureField ordering={ordering} value={fifoOnFailure} onChange={setFifoOnFailure} />
        <Checkbox
          label="Send trace context"
          description="Requests carry W3C traceparent, so the receiver's spans join the delivery's trace (when the service traces)"
          checked={traceContext}
          onChange={(e) => setTraceContext(e.currentTarget.checked)}
        />
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
