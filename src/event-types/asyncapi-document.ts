/**
 * The tenant's event catalog as an AsyncAPI 3.0 document: what a receiver of its webhooks gets. One message per
 * event type (its JSON Schema as `data` inside the envelope), the Standard Webhooks headers, and one `receive`
 * operation on the `webhook` channel, whose address is each subscription's own URL.
 */

export interface CatalogType {
  name: string;
  description: string | null;
  schema: Record<string, unknown> | null;
  updatedAt: Date;
}

type Json = Record<string, unknown>;

const schemaKey = (type: string) => `${type}.data`;

/**
 * A type's schema under `components/schemas`: its local `$ref`s (`#/$defs/...`) pointed at where it now lives, and
 * `$schema`/`$id` left out (the document states the format; an `$id` would re-base every ref).
 */
function hoisted(schema: Json, at: string): Json {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value as Json).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' && v.startsWith('#') ? at + v.slice(1) : walk(v),
      ]),
    );
  };
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return walk(rest) as Json;
}

function headersOf(type: string): Json {
  return {
    type: 'object',
    properties: {
      'webhook-id': { type: 'string', description: 'The event id: the same on every retry and redelivery, so receivers can de-duplicate.' },
      'webhook-timestamp': { type: 'string', pattern: '^[0-9]+$', description: 'Seconds since the epoch when this attempt was signed.' },
      'webhook-signature': {
        type: 'string',
        description:
          'Standard Webhooks signature of `{webhook-id}.{webhook-timestamp}.{body}`: space-separated `v1,<base64 HMAC-SHA256>` ' +
          '(scheme standard-webhooks) or `v1a,<base64 Ed25519>` (scheme ed25519; keys at GET /v1/subscriptions/{id}/jwks) entries, ' +
          'two while a rotation grace runs. The hmac-sha256/hmac-sha1 schemes sign in their own header instead.',
      },
      'webhook-event-type': { type: 'string', const: type, description: 'The event type.' },
      'webhook-attempt': { type: 'string', pattern: '^[1-9][0-9]*$', description: 'This attempt’s number, from 1.' },
    },
    required: ['webhook-id', 'webhook-timestamp', 'webhook-event-type', 'webhook-attempt'],
  };
}

function messageOf(t: CatalogType): Json {
  return {
    name: t.name,
    title: t.name,
    summary: t.description ?? `A ${t.name} event.`,
    description:
      (t.description ? `${t.description}\n\n` : '') +
      'Sent as the envelope below (payloadFormat `envelope`, the default); `raw` sends `data` alone, `form` sends the same fields url-encoded.',
    contentType: 'application/json',
    headers: headersOf(t.name),
    payload: {
      type: 'object',
      properties: {
        id: { type: 'string', description: 'The event id (`evt_...`), equal to `webhook-id`.' },
        type: { type: 'string', const: t.name },
        timestamp: { type: 'string', format: 'date-time', description: 'When the event occurred.' },
        data: t.schema
          ? { $ref: `#/components/schemas/${schemaKey(t.name)}` }
          : { type: 'object', description: 'Any JSON object (this type has no schema).' },
      },
      required: ['id', 'type', 'timestamp', 'data'],
    },
  };
}

export function asyncApiDocument(tenantName: string, types: CatalogType[]): Json {
  const latest = types.reduce((max, t) => Math.max(max, t.updatedAt.getTime()), 0);
  const messages = Object.fromEntries(types.map((t) => [t.name, messageOf(t)]));
  const schemas = Object.fromEntries(
    types.filter((t) => t.schema).map((t) => [schemaKey(t.name), hoisted(t.schema!, `#/components/schemas/${schemaKey(t.name)}`)]),
  );
  return {
    asyncapi: '3.0.0',
    info: {
      title: `${tenantName} webhooks`,
      // The catalog's last change: a new version whenever a type is added, described or given a schema.
      version: latest ? new Date(latest).toISOString() : '0',
      description:
        `The events ${tenantName} sends to its webhook subscriptions, one message per event type. Each arrives as an HTTP POST ` +
        'to the subscription’s URL with the Standard Webhooks headers; a 2xx answer acknowledges it, anything else is retried.',
    },
    defaultContentType: 'application/json',
    channels: {
      webhook: {
        address: null,
        title: 'Webhook endpoint',
        description: 'The URL of each subscription (chosen per subscription, hence no fixed address).',
        messages: Object.fromEntries(types.map((t) => [t.name, { $ref: `#/components/messages/${t.name}` }])),
      },
    },
    operations: {
      receive: {
        action: 'receive',
        title: 'Receive a webhook',
        summary: 'A subscription’s endpoint receives an event of a type it subscribed to.',
        channel: { $ref: '#/channels/webhook' },
        messages: types.map((t) => ({ $ref: `#/channels/webhook/messages/${t.name}` })),
        bindings: { http: { method: 'POST' } },
      },
    },
    components: { messages, schemas },
  };
}
