import { ErrorBodySchema } from '@junction/api';
import Type from 'typebox';

/** The one security scheme of /api: see the swagger config in app.ts. */
export const SECURITY_SCHEME = 'bearer';

export const SECURITY_SCHEMES = {
  [SECURITY_SCHEME]: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A Platform API token (`jct_…`, its account and role), or the install access token ' +
      '(JUNCTION_ACCESS_TOKEN; the browser may carry it as the junction_access cookie or ' +
      '`?access_token=`). A server without an access token lets loopback callers in as admin.',
  },
} as const;

/**
 * What OpenAPI says of an operation besides its shapes: a unique camelCase
 * operationId (generated clients name their methods after it), its tag, and that
 * it needs the bearer credentials.
 */
export function operation(operationId: string, tag: string) {
  return { operationId, tags: [tag], security: [{ [SECURITY_SCHEME]: [] }] };
}

/** An operation anyone may call (PUBLIC_API_ROUTES): no security requirement. */
export function publicOperation(operationId: string, tag: string) {
  return { operationId, tags: [tag], security: [] };
}

/** The error body for each status: the error policy answers them all alike. */
export function errors<const S extends readonly number[]>(
  ...statuses: S
): Record<S[number], typeof ErrorBodySchema> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorBodySchema])) as Record<
    S[number],
    typeof ErrorBodySchema
  >;
}

/** 204: no body. Typed void so handlers keep `reply.status(204).send()`. */
export const noContent = (description: string) => Type.Unsafe<void>(Type.Null({ description }));

/** Any /api route may refuse missing credentials (401) or a role or account (403). */
export const AUTH_ERRORS = errors(401, 403);
