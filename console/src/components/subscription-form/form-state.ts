import type { Subscription, SubscriptionAuthInput, SubscriptionInput } from '../../api/types';

/** What the API answers in place of a credential header's value; sent back, it keeps the stored value. */
export const MASK = '****';

export interface HeaderRow {
  name: string;
  value: string;
  /** Sealed at rest and read back masked, whatever the header is called. */
  secret: boolean;
}

export type AuthType = 'none' | 'basic' | 'bearer' | 'oauth2';

/** Every field of the form as the person typed it (numbers as text until they are judged). */
export interface FormState {
  name: string;
  url: string;
  events: string[];
  filter: string;
  headers: HeaderRow[];
  authType: AuthType;
  username: string;
  password: string;
  token: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  audience: string;
  scheme: Subscription['signature']['scheme'];
  signatureHeader: string;
  timestamped: boolean;
  payloadFormat: Subscription['payloadFormat'];
  timeoutMs: number | string;
  schedule: string;
  ordering: Subscription['ordering'];
  orderingKey: string;
  fifoOnFailure: Subscription['fifoOnFailure'];
  ratePerSecond: number | string;
  rateBurst: number | string;
  maxConcurrency: number | string;
  traceContext: boolean;
  transform: string;
  certificate: string;
  privateKey: string;
  serverCa: string;
  removeClientTls: boolean;
}

/** The form's fields from a subscription (edit) or the API's defaults (create); write-only values start empty. */
export function initialState(sub?: Subscription): FormState {
  const auth = sub?.auth ?? null;
  return {
    name: sub?.name ?? '',
    url: sub?.url ?? '',
    events: sub?.events ?? [],
    filter: sub?.filter ? JSON.stringify(sub.filter, null, 2) : '',
    headers: Object.entries(sub?.headers ?? {}).map(([name, value]) => ({ name, value, secret: value === MASK })),
    authType: auth?.type ?? 'none',
    username: auth?.type === 'basic' ? auth.username : '',
    password: '',
    token: '',
    tokenUrl: auth?.type === 'oauth2' ? auth.tokenUrl : '',
    clientId: auth?.type === 'oauth2' ? auth.clientId : '',
    clientSecret: '',
    scope: auth?.type === 'oauth2' ? (auth.scope ?? '') : '',
    audience: auth?.type === 'oauth2' ? (auth.audience ?? '') : '',
    scheme: sub?.signature.scheme ?? 'standard-webhooks',
    signatureHeader: sub?.signature.header ?? '',
    timestamped: sub?.signature.timestamped ?? false,
    payloadFormat: sub?.payloadFormat ?? 'envelope',
    timeoutMs: sub?.timeoutMs ?? 15000,
    schedule: sub ? sub.retrySchedule.join(', ') : '',
    ordering: sub?.ordering ?? 'none',
    orderingKey: sub?.orderingKey ?? '',
    fifoOnFailure: sub?.fifoOnFailure ?? 'skip',
    ratePerSecond: sub?.rateLimit?.perSecond ?? '',
    rateBurst: sub?.rateLimit?.burst ?? '',
    maxConcurrency: sub?.maxConcurrency ?? '',
    traceContext: sub?.traceContext ?? false,
    transform: sub?.transform ?? '',
    certificate: '',
    privateKey: '',
    serverCa: '',
    removeClientTls: false,
  };
}

/** Errors by the API's field names (`url`, `auth.clientSecret`, `clientTls.certificate`, ...). */
export type FieldErrors = Record<string, string>;

export interface Built {
  input: SubscriptionInput;
  errors: FieldErrors;
}

const isHmac = (scheme: string) => scheme === 'hmac-sha256' || scheme === 'hmac-sha1';
const blankToNull = (v: number | string) => (String(v).trim() === '' ? null : Number(v));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Parses "5, 300, 1800" into seconds; null when it is not a list of whole numbers. */
export function parseSchedule(text: string): number[] | null {
  if (text.trim() === '') return [];
  const parts = text.split(/[\s,]+/).filter(Boolean);
  return parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : null;
}

function headersOf(rows: HeaderRow[]): SubscriptionInput['headers'] {
  const out: NonNullable<SubscriptionInput['headers']> = {};
  for (const row of rows) {
    if (!row.name.trim()) continue;
    // A masked value sent back keeps the stored one; a new value marked secret is sealed.
    out[row.name.trim()] = row.secret && row.value !== MASK ? { value: row.value, secret: true } : row.value;
  }
  return out;
}

/** The auth the form describes, with its secret left out when the person left it empty. */
function authOf(s: FormState): SubscriptionAuthInput | null {
  if (s.authType === 'basic') return { type: 'basic', username: s.username, password: s.password };
  if (s.authType === 'bearer') return { type: 'bearer', token: s.token };
  if (s.authType === 'oauth2')
    return {
      type: 'oauth2',
      tokenUrl: s.tokenUrl.trim(),
      clientId: s.clientId.trim(),
      clientSecret: s.clientSecret,
      ...(s.scope.trim() && { scope: s.scope.trim() }),
      ...(s.audience.trim() && { audience: s.audience.trim() }),
    };
  return null;
}

const SECRET_FIELD = { basic: 'password', bearer: 'token', oauth2: 'clientSecret' } as const;

/**
 * `auth` for the request, or undefined to leave the stored one alone. The API replaces auth whole and never
 * shows its secret, so an edit that changes anything of auth must give the secret again.
 */
function authChange(s: FormState, initial: Subscription | undefined, errors: FieldErrors): SubscriptionAuthInput | null | undefined {
  const next = authOf(s);
  if (!initial) return next ?? undefined;
  if (next === null) return initial.auth === null ? undefined : null;
  const secretField = SECRET_FIELD[next.type];
  const secret = (next as Record<string, unknown>)[secretField];
  if (secret !== '') return next;
  const { [secretField]: _, ...shown } = next as Record<string, unknown>;
  const stored = initial.auth && Object.fromEntries(Object.entries(initial.auth).filter(([, v]) => v !== null));
  if (stored && same(shown, stored)) return undefined;
  errors[`auth.${secretField}`] = 'needed to change auth: the stored one is never shown, so give it again';
  return next;
}

/** `clientTls` for the request, or undefined to keep the stored certificate (its key is never shown). */
function clientTlsChange(s: FormState, initial: Subscription | undefined, errors: FieldErrors): SubscriptionInput['clientTls'] {
  if (s.removeClientTls) return initial?.clientTls ? null : undefined;
  const given = [s.certificate, s.privateKey, s.serverCa].some((v) => v.trim() !== '');
  if (!given) return undefined;
  if (!s.certificate.trim()) errors['clientTls.certificate'] = 'required with a private key';
  if (!s.privateKey.trim()) errors['clientTls.privateKey'] = 'required with a certificate (the stored key is never shown)';
  return { certificate: s.certificate, privateKey: s.privateKey, ...(s.serverCa.trim() && { serverCa: s.serverCa }) };
}

/**
 * The request body the form describes. On create: what differs from the API's defaults. On edit: only the
 * fields that changed, so a PATCH never carries auth or the client certificate the person did not touch.
 */
export function buildInput(s: FormState, initial?: Subscription): Built {
  const errors: FieldErrors = {};
  let filter: Record<string, unknown> | null = null;
  if (s.filter.trim()) {
    try {
      filter = JSON.parse(s.filter) as Record<string, unknown>;
    } catch {
      errors['filter'] = 'must be JSON';
    }
  }
  const retrySchedule = parseSchedule(s.schedule);
  if (retrySchedule === null) errors['retrySchedule'] = 'seconds, separated by commas';
  if (!s.url.trim()) errors['url'] = 'required';
  if (s.events.length === 0) errors['events'] = 'name at least one event type or pattern';
  const perSecond = blankToNull(s.ratePerSecond);
  const burst = blankToNull(s.rateBurst);
  if (perSecond === null && burst !== null) errors['rateLimit.perSecond'] = 'required with a burst';

  // Each field as the API would store it; compared with the subscription on edit.
  const candidate: Required<Omit<SubscriptionInput, 'auth' | 'clientTls' | 'ping'>> = {
    name: s.name.trim(),
    url: s.url.trim(),
    events: s.events,
    filter,
    headers: headersOf(s.headers) ?? {},
    signature: {
      scheme: s.scheme,
      ...(s.signatureHeader.trim() && { header: s.signatureHeader.trim() }),
      ...(isHmac(s.scheme) && s.timestamped && { timestamped: true }),
    },
    payloadFormat: s.payloadFormat,
    timeoutMs: Number(s.timeoutMs),
    retrySchedule: retrySchedule ?? [],
    ordering: s.ordering,
    orderingKey: s.ordering === 'fifo' && s.orderingKey.trim() ? s.orderingKey.trim() : null,
    // `block` only means something with FIFO (the API refuses it without).
    fifoOnFailure: s.ordering === 'fifo' ? s.fifoOnFailure : 'skip',
    rateLimit: perSecond === null ? null : { perSecond, ...(burst !== null && { burst }) },
    maxConcurrency: blankToNull(s.maxConcurrency),
    traceContext: s.traceContext,
    transform: s.transform.trim() ? s.transform : null,
  };

  const input: SubscriptionInput = {};
  if (initial) {
    const current: typeof candidate = {
      name: initial.name,
      url: initial.url,
      events: initial.events,
      filter: initial.filter,
      headers: initial.headers,
      signature: {
        scheme: initial.signature.scheme,
        ...(initial.signature.header && { header: initial.signature.header }),
        ...(initial.signature.timestamped && { timestamped: true }),
      },
      payloadFormat: initial.payloadFormat,
      timeoutMs: initial.timeoutMs,
      retrySchedule: initial.retrySchedule,
      ordering: initial.ordering,
      orderingKey: initial.orderingKey,
      fifoOnFailure: initial.fifoOnFailure,
      rateLimit: initial.rateLimit,
      maxConcurrency: initial.maxConcurrency,
      traceContext: initial.traceContext,
      transform: initial.transform,
    };
    // A rate limit shown with its burst filled in is the same limit.
    if (perSecond !== null && initial.rateLimit?.perSecond === perSecond && (burst ?? initial.rateLimit.burst) === initial.rateLimit.burst)
      candidate.rateLimit = initial.rateLimit;
    for (const key of Object.keys(candidate) as (keyof typeof candidate)[]) {
      if (key === 'name' && candidate.name === '') continue;
      if (!same(candidate[key], current[key])) (input as Record<string, unknown>)[key] = candidate[key];
    }
  } else {
    Object.assign(input, { url: candidate.url, events: candidate.events, payloadFormat: candidate.payloadFormat });
    if (candidate.name) input.name = candidate.name;
    if (filter) input.filter = filter;
    if (Object.keys(candidate.headers).length) input.headers = candidate.headers;
    if (candidate.signature.scheme !== 'standard-webhooks' || candidate.signature.header) input.signature = candidate.signature;
    input.timeoutMs = candidate.timeoutMs;
    // Left empty on create: the service's default schedule.
    if (s.schedule.trim()) input.retrySchedule = candidate.retrySchedule;
    if (candidate.ordering !== 'none') Object.assign(input, { ordering: candidate.ordering, orderingKey: candidate.orderingKey });
    if (candidate.fifoOnFailure !== 'skip') input.fifoOnFailure = candidate.fifoOnFailure;
    if (candidate.rateLimit) input.rateLimit = candidate.rateLimit;
    if (candidate.maxConcurrency !== null) input.maxConcurrency = candidate.maxConcurrency;
    if (candidate.traceContext) input.traceContext = true;
    if (candidate.transform) input.transform = candidate.transform;
  }
  const auth = authChange(s, initial, errors);
  if (auth !== undefined) input.auth = auth;
  const clientTls = clientTlsChange(s, initial, errors);
  if (clientTls !== undefined) input.clientTls = clientTls;
  return { input, errors };
}

/**
 * The API's errors by field name, for the form to place beside its inputs. A nested field's error is also
 * kept under `parent.*` (`events.0` under `events.*`) for inputs that hold a whole list or object.
 */
export function errorsByField(apiErrors: { field: string; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  const add = (key: string, text: string) => (out[key] = out[key] ? `${out[key]}; ${text}` : text);
  for (const e of apiErrors) {
    add(e.field, e.message);
    const parts = e.field.split('.');
    for (let i = parts.length - 1; i > 0; i--) add(`${parts.slice(0, i).join('.')}.*`, `${parts.slice(i).join('.')} ${e.message}`);
  }
  return out;
}

/** An error for an input that holds a whole value (a list, an object): its own, or one of its parts'. */
export const wholeError = (errors: FieldErrors, key: string): string | undefined =>
  [errors[key], errors[`${key}.*`]].filter(Boolean).join('; ') || undefined;
