import Type, { type Static } from 'typebox';

/**
 * A listener call that failed after it became an execution (the process failed, the
 * answer timed out) names the execution, so the caller can find it in Process Reporting.
 */
export const ListenerErrorBodySchema = Type.Object(
  {
    error: Type.String({
      description: 'listener-timeout, listener-run-failed, listener-run-discarded, …',
    }),
    message: Type.String(),
    runId: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);
export type ListenerErrorBody = Static<typeof ListenerErrorBodySchema>;

/** An asynchronous listener's answer (202), at once. */
export const ListenerAcceptedSchema = Type.Object({
  executionId: Type.String(),
  status: Type.Literal('STARTED'),
});
export type ListenerAccepted = Static<typeof ListenerAcceptedSchema>;

/**
 * A Connect webhook call whose event (the JWT's `jti`) this listener already took
 * (Connect retries a call it thinks failed): 200, and no second run. `executionId` is
 * the run the first call started, or null while that call is still starting it.
 */
export const ListenerDuplicateSchema = Type.Object({
  executionId: Type.Union([Type.String(), Type.Null()]),
  status: Type.Literal('DUPLICATE'),
});
export type ListenerDuplicate = Static<typeof ListenerDuplicateSchema>;

/** Whether a process's listener secret is set; the secret itself never leaves the server. */
export const ListenerSecretViewSchema = Type.Object({
  set: Type.Boolean(),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type ListenerSecretView = Static<typeof ListenerSecretViewSchema>;

export const ListenerSecretBodySchema = Type.Object(
  { secret: Type.String({ minLength: 16, maxLength: 512 }) },
  { additionalProperties: false },
);
export type ListenerSecretBody = Static<typeof ListenerSecretBodySchema>;

/**
 * A temporary test URL (`/api/listen-test/{token}`): `listening` until one call
 * arrives (then `received` with the test run's id) or it expires.
 */
export const ListenerTestViewSchema = Type.Object({
  token: Type.String(),
  url: Type.String({ description: 'Path of the test URL, to append to the server’s origin.' }),
  method: Type.String(),
  status: Type.Union([
    Type.Literal('listening'),
    Type.Literal('received'),
    Type.Literal('expired'),
  ]),
  runId: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type ListenerTestView = Static<typeof ListenerTestViewSchema>;

/**
 * Registers a deployed Connect webhook listener on Connect (`POST /notifications/webhooks`)
 * through one of the account's Connect connections: Connect will call the listener's
 * URL in `environmentId`, signed with the listener's sealed secret.
 */
export const ConnectWebhookRegistrationBodySchema = Type.Object(
  {
    environmentId: Type.String({ minLength: 1, maxLength: 80 }),
    connectionId: Type.String({ minLength: 1, maxLength: 80 }),
    productId: Type.String({ minLength: 1, maxLength: 80 }),
  },
  { additionalProperties: false },
);
export type ConnectWebhookRegistrationBody = Static<typeof ConnectWebhookRegistrationBodySchema>;

/** The webhook as Connect created it; the secret is never part of it. */
export const ConnectWebhookRegistrationSchema = Type.Object({
  webhookId: Type.String(),
  objectClass: Type.String(),
  externalUrl: Type.String(),
  productId: Type.String(),
});
export type ConnectWebhookRegistration = Static<typeof ConnectWebhookRegistrationSchema>;
