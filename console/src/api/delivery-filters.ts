import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { localToIso } from '../components/localTime';
import type { DeliveryFilters } from './types';

/** The filters of `GET /v1/deliveries` and `POST /v1/replays`, as the form holds them (datetime-local, text). */
export interface DeliveryFilterForm {
  status: string;
  kind: string;
  eventType: string;
  subscriptionId: string;
  since: string;
  until: string;
  statusCode: string;
}

const FIELDS: (keyof DeliveryFilterForm)[] = ['status', 'kind', 'eventType', 'subscriptionId', 'since', 'until', 'statusCode'];

/** No filter at all. */
export const NO_FILTERS = Object.fromEntries(FIELDS.map((f) => [f, ''])) as unknown as DeliveryFilterForm;

/**
 * The filters, mirrored into the page's query string, so a filtered view can be bookmarked, shared, reloaded, and
 * handed from the Deliveries page to the Replays page unchanged. The form's own state leads: the router applies a
 * search change later, and two quick changes read from it would lose the first.
 */
export function useDeliveryFilterForm() {
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState<DeliveryFilterForm>(
    () => Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as unknown as DeliveryFilterForm,
  );
  const search = new URLSearchParams(FIELDS.filter((f) => form[f]).map((f) => [f, form[f]])).toString();
  const setUrl = useRef(setParams);
  setUrl.current = setParams;
  useEffect(() => setUrl.current(search, { replace: true }), [search]);
  const set = (field: keyof DeliveryFilterForm, value: string) => setForm((prev) => ({ ...prev, [field]: value }));
  return { form, set, search };
}

/** What the API takes: empty fields left out, local times as ISO instants, the status code as a number. */
export function toApiFilters(form: DeliveryFilterForm): DeliveryFilters {
  const out: DeliveryFilters = {};
  if (form.status) out.status = form.status as DeliveryFilters['status'];
  if (form.kind) out.kind = form.kind as DeliveryFilters['kind'];
  if (form.eventType.trim()) out.eventType = form.eventType.trim();
  if (form.subscriptionId) out.subscriptionId = form.subscriptionId;
  if (form.since) out.since = instant(form.since);
  if (form.until) out.until = instant(form.until);
  // Sent as typed: the API names a bad value (422) rather than the console guessing.
  if (form.statusCode.trim()) out.statusCode = Number(form.statusCode.trim());
  return out;
}

/** A local time as an ISO instant; a value that is no time (edited into the URL) goes as it is, for the API to name. */
const instant = (local: string): string => (Number.isNaN(Date.parse(local)) ? local : (localToIso(local) ?? local));
