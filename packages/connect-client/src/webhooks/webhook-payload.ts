import { ConnectWebhookPayloadError } from './webhook-errors.ts';

/** The `object_class` values of a Connect webhook (`ns.Webhook` in the spec). */
export const CONNECT_WEBHOOK_OBJECT_CLASSES = [
  'fulfillment_request',
  'tier_config_request',
  'tier_account_request',
  'listing_request',
  'billing_request',
  'usage_file',
] as const;

export type ConnectWebhookObjectClass = (typeof CONNECT_WEBHOOK_OBJECT_CLASSES)[number];

/**
 * The connector catalog object (process-model `CONNECT_OBJECTS`) whose Get returns what a
 * webhook of each class carries; listing requests have no catalog object.
 */
export const CONNECT_WEBHOOK_OBJECTS = {
  fulfillment_request: 'request',
  tier_config_request: 'tier-config-request',
  tier_account_request: 'tier-account-request',
  billing_request: 'subscription-request',
  usage_file: 'usage-report',
  listing_request: null,
} as const satisfies Record<ConnectWebhookObjectClass, string | null>;

export type ConnectWebhookObject = Exclude<
  (typeof CONNECT_WEBHOOK_OBJECTS)[ConnectWebhookObjectClass],
  null
>;

/** What happened: an object appeared, its status changed, or someone pressed Trigger. */
export type ConnectWebhookEventType = 'created' | 'status_changed' | 'trigger';

/** The event descriptor of a call. */
export interface ConnectWebhookEvent {
  /** Unique per event; the token's `jti`. Retries of one event repeat it. */
  id: string;
  type: ConnectWebhookEventType;
  /** ISO 8601. */
  occurred_at: string;
  object_class: ConnectWebhookObjectClass;
  object_id: string;
  status: string | null;
  previous_status: string | null;
}

/**
 * The body the sandbox POSTs. Connect's spec defines no webhook body, so Junction's
 * sandbox sends the changed object exactly as `GET` of its collection returns it, plus
 * the event, the webhook's id and label, and the webhook's own `data`.
 */
export interface ConnectWebhookPayload {
  event: ConnectWebhookEvent;
  webhook: { id: string; label: string };
  data: Record<string, unknown>;
  object: Record<string, unknown>;
}

/** A call as a document: the object as the connector's Get returns it, the event as properties. */
export interface ConnectWebhookDocument {
  /** The catalog object, e.g. `request`; null for a listing request. */
  object: ConnectWebhookObject | null;
  id: string;
  data: Record<string, unknown>;
  properties: Record<string, string>;
}

/** Document property names set by {@link webhookDocument}. */
export const WEBHOOK_PROPERTIES = {
  webhookId: 'connect.webhook.id',
  eventId: 'connect.event.id',
  eventType: 'connect.event.type',
  occurredAt: 'connect.event.occurred_at',
  objectClass: 'connect.object_class',
  status: 'connect.status',
  previousStatus: 'connect.previous_status',
} as const;

const EVENT_TYPES: readonly string[] = ['created', 'status_changed', 'trigger'];

/**
 * Turns a verified call's parsed body into a document shaped like the object the
 * connector's Get returns for the webhook's class, so polled and pushed data flow through
 * the same shapes. Throws {@link ConnectWebhookPayloadError} (with a JSON pointer) for a body
 * of another shape.
 */
export function webhookDocument(payload: unknown): ConnectWebhookDocument {
  const body = record(payload, '');
  const event = record(body['event'], '/event');
  const webhook = record(body['webhook'], '/webhook');
  const object = record(body['object'], '/object');
  const objectClass = text(event, 'object_class', '/event');
  if (!(CONNECT_WEBHOOK_OBJECT_CLASSES as readonly string[]).includes(objectClass)) {
    throw new ConnectWebhookPayloadError('/event/object_class', `unknown class "${objectClass}"`);
  }
  const type = text(event, 'type', '/event');
  if (!EVENT_TYPES.includes(type)) {
    throw new ConnectWebhookPayloadError('/event/type', `unknown event type "${type}"`);
  }
  const id = text(object, 'id', '/object');
  if (id !== text(event, 'object_id', '/event')) {
    throw new ConnectWebhookPayloadError('/event/object_id', 'is not the id of /object');
  }
  const properties: Record<string, string> = {
    [WEBHOOK_PROPERTIES.webhookId]: text(webhook, 'id', '/webhook'),
    [WEBHOOK_PROPERTIES.eventId]: text(event, 'id', '/event'),
    [WEBHOOK_PROPERTIES.eventType]: type,
    [WEBHOOK_PROPERTIES.occurredAt]: text(event, 'occurred_at', '/event'),
    [WEBHOOK_PROPERTIES.objectClass]: objectClass,
    [WEBHOOK_PROPERTIES.status]: optionalText(event, 'status', '/event'),
    [WEBHOOK_PROPERTIES.previousStatus]: optionalText(event, 'previous_status', '/event'),
  };
  return {
    object: CONNECT_WEBHOOK_OBJECTS[objectClass as ConnectWebhookObjectClass],
    id,
    data: object,
    properties,
  };
}

function record(value: unknown, pointer: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConnectWebhookPayloadError(pointer, 'must be an object');
  }
  return value as Record<string, unknown>;
}

function text(obj: Record<string, unknown>, key: string, at: string): string {
  const value = Object.hasOwn(obj, key) ? obj[key] : undefined;
  if (typeof value !== 'string' || value === '') {
    throw new ConnectWebhookPayloadError(`${at}/${key}`, 'must be a non-empty string');
  }
  return value;
}

function optionalText(obj: Record<string, unknown>, key: string, at: string): string {
  const value = Object.hasOwn(obj, key) ? obj[key] : null;
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value !== 'string') {
    throw new ConnectWebhookPayloadError(`${at}/${key}`, 'must be a string or null');
  }
  return value;
}
