import { validationError } from '../errors.ts';
import { isObject, type JsonObject, type JsonValue } from '../json.ts';
import type { SandboxState } from '../store/state.ts';

/** `object_class` and `type` choices of the spec's request body (`/notifications/webhooks`). */
export const WEBHOOK_OBJECT_CLASSES = [
  'fulfillment_request',
  'listing_request',
  'usage_file',
  'tier_account_request',
  'billing_request',
  'tier_config_request',
] as const;
export const WEBHOOK_TYPES = [
  'event',
  'validator',
  'inquiring_validator',
  'change_validator',
  'change_inquiring_validator',
  'renew_validator',
  'renew_inquiring_validator',
  'transfer_validator',
  'transfer_inquiring_validator',
  'draft_tcr_t1_val',
  'draft_tcr_t2_val',
  'tcr_setup_t1_inq_val',
  'tcr_setup_t2_inq_val',
  'tcr_update_t1_validator',
  'tcr_update_t2_validator',
  'tcr_update_t1_inq_val',
  'tcr_update_t2_inq_val',
] as const;
// The request body's enum says POST only; ns.Webhook and Connect's pages allow GET too.
const HTTP_METHODS = ['POST', 'GET'];
const REQUIRED = [
  'object_class',
  'label',
  'product_id',
  'description',
  'external_url',
  'jwt_secret',
  'active',
  'http_method',
] as const;

/** Limits that keep a public sandbox from being turned into a fan-out amplifier. */
export const WEBHOOK_LIMITS = {
  perAccount: 100,
  headers: 32,
  headerValueLength: 1024,
  dataBytes: 64 * 1024,
};

// The sandbox sets these itself, or they are hop-by-hop and would corrupt the request.
const RESERVED_HEADERS = new Set([
  'authorization',
  'authentication',
  'connection',
  'content-length',
  'content-type',
  'expect',
  'host',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** The writable fields of a webhook after validation, as stored. */
export interface WebhookFields {
  type: string;
  object_class: string;
  label: string;
  product: JsonObject;
  description: string | null;
  external_url: string;
  jwt_secret: string;
  active: boolean;
  http_method: string;
  headers: JsonObject;
  data: JsonObject;
}

/**
 * Checks a create body, or an update body laid over the stored webhook, the way
 * Django REST framework answers: every problem at once, one `field: message` each,
 * in one 400 `VAL_001`.
 */
export function readWebhookFields(state: SandboxState, body: JsonObject): WebhookFields {
  const errors: string[] = [];
  for (const field of REQUIRED) {
    // description is required but may be null (ns.Webhook: nullable).
    if (body[field] === undefined || (body[field] === null && field !== 'description')) {
      errors.push(`${field}: This field is required.`);
    }
  }
  const fields: WebhookFields = {
    type: choice(body, 'type', WEBHOOK_TYPES, errors) ?? 'event',
    object_class: choice(body, 'object_class', WEBHOOK_OBJECT_CLASSES, errors) ?? '',
    label: shortText(body, 'label', 100, errors),
    product: productOf(state, body, errors),
    description: typeof body['description'] === 'string' ? body['description'] : null,
    external_url: urlOf(body, errors),
    jwt_secret: shortText(body, 'jwt_secret', 100, errors),
    active: body['active'] === true,
    http_method: choice(body, 'http_method', HTTP_METHODS, errors) ?? 'POST',
    headers: headersOf(body['headers'], errors),
    data: dataOf(body['data'], errors),
  };
  if (body['active'] !== undefined && typeof body['active'] !== 'boolean') {
    errors.push('active: Must be a valid boolean.');
  }
  if (body['description'] !== undefined && body['description'] !== null) {
    if (typeof body['description'] !== 'string') {
      errors.push('description: Not a valid string.');
    }
  }
  if (errors.length > 0) {
    throw validationError(...unique(errors));
  }
  return fields;
}

function choice(
  body: JsonObject,
  field: string,
  allowed: readonly string[],
  errors: string[],
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string' || !allowed.includes(value)) {
    errors.push(`${field}: "${String(value).slice(0, 60)}" is not a valid choice.`);
    return undefined;
  }
  return value;
}

function shortText(body: JsonObject, field: string, max: number, errors: string[]): string {
  const value = body[field];
  if (value === undefined || value === null) {
    return '';
  }
  if (typeof value !== 'string') {
    errors.push(`${field}: Not a valid string.`);
    return '';
  }
  if (value.trim() === '') {
    errors.push(`${field}: This field may not be blank.`);
  } else if (value.length > max) {
    errors.push(`${field}: Ensure this field has no more than ${max} characters.`);
  }
  return value;
}

function productOf(state: SandboxState, body: JsonObject, errors: string[]): JsonObject {
  const id = body['product_id'];
  if (id === undefined || id === null) {
    return {};
  }
  const product = typeof id === 'string' ? state.get('product', id) : undefined;
  if (product === undefined) {
    errors.push(`product_id: Product ${String(id).slice(0, 60)} not found.`);
    return {};
  }
  return {
    id: String(product['id']),
    name: String(product['name'] ?? ''),
    ...(typeof product['icon'] === 'string' ? { icon: product['icon'] } : {}),
  };
}

function urlOf(body: JsonObject, errors: string[]): string {
  const value = body['external_url'];
  if (value === undefined || value === null) {
    return '';
  }
  if (typeof value !== 'string' || value.length > 4096 || !URL.canParse(value)) {
    errors.push('external_url: Enter a valid URL.');
    return '';
  }
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    errors.push('external_url: Enter a valid URL.');
  }
  return value;
}

function headersOf(value: JsonValue | undefined, errors: string[]): JsonObject {
  if (value === undefined || value === null) {
    return {};
  }
  if (!isObject(value)) {
    errors.push('headers: Expected a dictionary of items.');
    return {};
  }
  const entries = Object.entries(value);
  if (entries.length > WEBHOOK_LIMITS.headers) {
    errors.push(`headers: Ensure there are no more than ${WEBHOOK_LIMITS.headers} headers.`);
    return {};
  }
  const headers: JsonObject = {};
  for (const [name, raw] of entries) {
    if (!HEADER_NAME.test(name)) {
      errors.push(`headers: "${name.slice(0, 64)}" is not a valid header name.`);
    } else if (RESERVED_HEADERS.has(name.toLowerCase())) {
      errors.push(`headers: ${name} is set by Connect and cannot be configured.`);
    } else if (
      typeof raw !== 'string' ||
      raw.length > WEBHOOK_LIMITS.headerValueLength ||
      !HEADER_VALUE.test(raw)
    ) {
      errors.push(
        `headers.${name}: Must be a string of at most ${WEBHOOK_LIMITS.headerValueLength} printable characters.`,
      );
    } else {
      headers[name] = raw;
    }
  }
  return headers;
}

function dataOf(value: JsonValue | undefined, errors: string[]): JsonObject {
  if (value === undefined || value === null) {
    return {};
  }
  if (!isObject(value)) {
    errors.push('data: Expected a dictionary of items.');
    return {};
  }
  if (Buffer.byteLength(JSON.stringify(value)) > WEBHOOK_LIMITS.dataBytes) {
    errors.push(`data: Ensure it is no larger than ${WEBHOOK_LIMITS.dataBytes} bytes as JSON.`);
  }
  return value;
}

function unique(messages: string[]): string[] {
  return [...new Set(messages)];
}
