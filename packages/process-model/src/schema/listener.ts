import Type, { type Static } from 'typebox';

/** The HTTP methods a listener may answer; HEAD and OPTIONS stay with the server. */
export const LISTEN_METHODS = ['POST', 'PUT', 'PATCH', 'GET', 'DELETE'] as const;
export type ListenMethod = (typeof LISTEN_METHODS)[number];

/** Bounds of a listener's limits and answer timeout (the server's own body limit is 5 MiB). */
export const LISTENER_BOUNDS = {
  maxBodyBytes: { min: 1, max: 5 * 1024 * 1024 },
  ratePerMinute: { min: 1, max: 100_000 },
  concurrency: { min: 1, max: 1_000 },
  timeoutSeconds: { min: 1, max: 300 },
} as const;

const bounded = (key: keyof typeof LISTENER_BOUNDS) =>
  Type.Integer({ minimum: LISTENER_BOUNDS[key].min, maximum: LISTENER_BOUNDS[key].max });

/**
 * Who may call: the account's API token (`Authorization: Bearer jct_…`), or a shared
 * secret sent in `header`. The secret itself is stored on the server, encrypted, and
 * never in the process file.
 */
export const ListenerAuthSchema = Type.Union([
  Type.Object({ kind: Type.Literal('api-token') }, { additionalProperties: false }),
  Type.Object(
    { kind: Type.Literal('shared-secret'), header: Type.String({ maxLength: 100 }) },
    { additionalProperties: false },
  ),
]);
export type ListenerAuth = Static<typeof ListenerAuthSchema>;

/**
 * Sync: the caller waits (up to `timeoutSeconds`) for what reaches Return Documents.
 * Async: the caller gets 202 and the execution id at once.
 */
export const ListenerAnswerSchema = Type.Union([
  Type.Object(
    { mode: Type.Literal('sync'), timeoutSeconds: bounded('timeoutSeconds') },
    { additionalProperties: false },
  ),
  Type.Object({ mode: Type.Literal('async') }, { additionalProperties: false }),
]);
export type ListenerAnswer = Static<typeof ListenerAnswerSchema>;

export const ListenerLimitsSchema = Type.Object(
  {
    maxBodyBytes: bounded('maxBodyBytes'),
    ratePerMinute: bounded('ratePerMinute'),
    concurrency: bounded('concurrency'),
  },
  { additionalProperties: false },
);
export type ListenerLimits = Static<typeof ListenerLimitsSchema>;

/**
 * An HTTP listener: `/api/listen/{environment}/{path}` with `method`, in every
 * environment the process is deployed to. `bodySchema` is a JSON Schema the body
 * must meet (the server compiles it once per deployment).
 */
export const HttpListenerSchema = Type.Object(
  {
    kind: Type.Literal('http'),
    path: Type.String({ maxLength: 200 }),
    method: Type.Union([
      Type.Literal('POST'),
      Type.Literal('PUT'),
      Type.Literal('PATCH'),
      Type.Literal('GET'),
      Type.Literal('DELETE'),
    ]),
    bodySchema: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    auth: ListenerAuthSchema,
    answer: ListenerAnswerSchema,
    limits: ListenerLimitsSchema,
  },
  { additionalProperties: false },
);
export type HttpListener = Static<typeof HttpListenerSchema>;

/**
 * The `object_class` values of a Connect webhook (`ns.Webhook` in Connect's spec).
 * The same list as connect-client's CONNECT_WEBHOOK_OBJECT_CLASSES, repeated because
 * process-model depends on no other package; a server test keeps the two equal.
 */
export const CONNECT_WEBHOOK_CLASSES = [
  'fulfillment_request',
  'tier_config_request',
  'tier_account_request',
  'listing_request',
  'billing_request',
  'usage_file',
] as const;
export type ConnectWebhookClass = (typeof CONNECT_WEBHOOK_CLASSES)[number];

/**
 * A Connect webhook preset: a POST listener at `/api/listen/{environment}/{path}` that
 * takes Connect's calls for one object class. Callers authenticate only with the JWT
 * Connect signs with the webhook's `jwt_secret`, which the server keeps sealed (the
 * process's listener secret), never in the process file. The start document is the
 * object as the connector's Get returns it.
 */
export const ConnectWebhookListenerSchema = Type.Object(
  {
    kind: Type.Literal('connect-webhook'),
    path: Type.String({ maxLength: 200 }),
    objectClass: Type.Union([
      Type.Literal('fulfillment_request'),
      Type.Literal('tier_config_request'),
      Type.Literal('tier_account_request'),
      Type.Literal('listing_request'),
      Type.Literal('billing_request'),
      Type.Literal('usage_file'),
    ]),
    answer: ListenerAnswerSchema,
    limits: ListenerLimitsSchema,
  },
  { additionalProperties: false },
);
export type ConnectWebhookListener = Static<typeof ConnectWebhookListenerSchema>;

/** The kinds of listener a Listen Start may have: a union on `kind`. */
export const ListenerSchema = Type.Union([HttpListenerSchema, ConnectWebhookListenerSchema]);
export type Listener = Static<typeof ListenerSchema>;

export const DEFAULT_SECRET_HEADER = 'x-junction-secret';

/** How long a sync listener's caller waits by default, whichever kind of listener. */
export const DEFAULT_SYNC_TIMEOUT_SECONDS = 30;

export function defaultHttpListener(): HttpListener {
  return {
    kind: 'http',
    path: '',
    method: 'POST',
    auth: { kind: 'api-token' },
    answer: { mode: 'sync', timeoutSeconds: DEFAULT_SYNC_TIMEOUT_SECONDS },
    limits: { maxBodyBytes: 1024 * 1024, ratePerMinute: 600, concurrency: 10 },
  };
}

/** Connect does not wait for a process's result, so a webhook answers 202 by default. */
export function defaultConnectWebhookListener(): ConnectWebhookListener {
  return {
    kind: 'connect-webhook',
    path: '',
    objectClass: 'fulfillment_request',
    answer: { mode: 'async' },
    limits: { maxBodyBytes: 1024 * 1024, ratePerMinute: 600, concurrency: 10 },
  };
}
