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
 * The kinds of listener a Listen Start may have. A union on `kind`, so a Connect
 * webhook (`kind: 'connect-webhook'`) joins as one more member.
 */
export const ListenerSchema = Type.Union([HttpListenerSchema]);
export type Listener = Static<typeof ListenerSchema>;

export const DEFAULT_SECRET_HEADER = 'x-junction-secret';

export function defaultHttpListener(): HttpListener {
  return {
    kind: 'http',
    path: '',
    method: 'POST',
    auth: { kind: 'api-token' },
    answer: { mode: 'sync', timeoutSeconds: 30 },
    limits: { maxBodyBytes: 1024 * 1024, ratePerMinute: 600, concurrency: 10 },
  };
}
