import { createHash, timingSafeEqual } from 'node:crypto';
import { type JWTPayload, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { ConnectWebhookError } from './webhook-errors.ts';

/**
 * Connect documents only that a webhook call carries `Authorization: Bearer <JWT>`, an
 * HS256 token signed with the webhook's `jwt_secret`; it documents no claims. The
 * sandbox's tokens carry `iat`, `exp`, `jti` (the event id), `webhook_id` and
 * `body_sha256` (base64url SHA-256 of the exact body bytes), so a captured token cannot
 * be replayed with another body. A token without `body_sha256` (real Connect's, as far as
 * anyone documents) is accepted unless `requireBodyDigest` is set.
 */
export const WEBHOOK_TOKEN_ALGORITHM = 'HS256';
/** The header the token is read from; `Authentication` is accepted too (older Connect pages name it). */
export const WEBHOOK_TOKEN_HEADERS = ['authorization', 'authentication'] as const;
/** Lifetime of the sandbox's tokens. */
export const DEFAULT_WEBHOOK_TOKEN_TTL_SECONDS = 300;
/** Clock difference tolerated on `exp`, `nbf` and `iat`. */
export const DEFAULT_WEBHOOK_CLOCK_TOLERANCE_SECONDS = 60;

/** What {@link signConnectWebhook} puts into a token. */
export interface SignConnectWebhookInput {
  secret: string;
  /** The exact body that will be sent (empty for a GET). */
  body: string | Uint8Array;
  webhookId: string;
  eventId: string;
  /** Milliseconds since the epoch (default `Date.now()`). */
  now?: number;
  ttlSeconds?: number;
}

/** Options of {@link verifyConnectWebhook}. */
export interface VerifyConnectWebhookOptions {
  clockToleranceSeconds?: number;
  /** Refuse tokens without a `body_sha256` claim (default false: real Connect sends none). */
  requireBodyDigest?: boolean;
  /** Milliseconds since the epoch (tests). */
  now?: number;
}

/** The verified token's claims. */
export interface ConnectWebhookClaims extends JWTPayload {
  webhook_id?: string;
  body_sha256?: string;
}

/** The result of a successful {@link verifyConnectWebhook}. */
export interface VerifiedConnectWebhook {
  claims: ConnectWebhookClaims;
  /** True when the token's `body_sha256` was checked against the body. */
  bodyVerified: boolean;
}

/** Request headers as Fastify (`IncomingHttpHeaders`) or fetch (`Headers`) give them. */
export type WebhookHeaders = Headers | Readonly<Record<string, string | string[] | undefined>>;

/** Signs one webhook call the way the sandbox sends it: returns the compact JWS (no `Bearer `). */
export async function signConnectWebhook(input: SignConnectWebhookInput): Promise<string> {
  const now = Math.floor((input.now ?? Date.now()) / 1000);
  return new SignJWT({ webhook_id: input.webhookId, body_sha256: bodyDigest(input.body) })
    .setProtectedHeader({ alg: WEBHOOK_TOKEN_ALGORITHM, typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + (input.ttlSeconds ?? DEFAULT_WEBHOOK_TOKEN_TTL_SECONDS))
    .setJti(input.eventId)
    .sign(secretKey(input.secret));
}

/**
 * Verifies a Connect webhook call: the bearer token must be an HS256 JWS signed with
 * `secret` (jose checks the MAC with Web Crypto's constant-time verify; `alg: none` and
 * every other algorithm are refused before any key is used), carry `exp` and be within
 * it (± the clock tolerance), and, when it names a body digest, match `body` byte for byte.
 * Throws {@link ConnectWebhookError} otherwise.
 */
export async function verifyConnectWebhook(
  headers: WebhookHeaders,
  body: string | Uint8Array,
  secret: string,
  options: VerifyConnectWebhookOptions = {},
): Promise<VerifiedConnectWebhook> {
  if (secret === '') {
    throw new TypeError('The webhook secret is empty.');
  }
  const token = bearerToken(headers);
  const claims = await verifiedClaims(token, secret, options);
  const digest = claims.body_sha256;
  if (digest === undefined) {
    if (options.requireBodyDigest) {
      throw new ConnectWebhookError(
        'invalid-claims',
        'The webhook token has no body_sha256 claim.',
      );
    }
    return { claims, bodyVerified: false };
  }
  if (typeof digest !== 'string' || !sameDigest(digest, bodyDigest(body))) {
    throw new ConnectWebhookError(
      'body-mismatch',
      'The webhook body is not the one the token was signed for.',
    );
  }
  return { claims, bodyVerified: true };
}

async function verifiedClaims(
  token: string,
  secret: string,
  options: VerifyConnectWebhookOptions,
): Promise<ConnectWebhookClaims> {
  try {
    const { payload } = await jwtVerify<ConnectWebhookClaims>(token, secretKey(secret), {
      algorithms: [WEBHOOK_TOKEN_ALGORITHM],
      requiredClaims: ['exp'],
      clockTolerance: options.clockToleranceSeconds ?? DEFAULT_WEBHOOK_CLOCK_TOLERANCE_SECONDS,
      ...(options.now === undefined ? {} : { currentDate: new Date(options.now) }),
    });
    return payload;
  } catch (error) {
    throw asWebhookError(error);
  }
}

function asWebhookError(error: unknown): ConnectWebhookError {
  if (error instanceof joseErrors.JWTExpired) {
    return new ConnectWebhookError('expired', 'The webhook token has expired.');
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) {
    return new ConnectWebhookError(
      'wrong-algorithm',
      `The webhook token must be signed with ${WEBHOOK_TOKEN_ALGORITHM}.`,
    );
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return new ConnectWebhookError(
      'bad-signature',
      'The webhook token is not signed with this webhook’s secret.',
    );
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return new ConnectWebhookError(
      'invalid-claims',
      `The webhook token's ${error.claim} claim is not acceptable: ${error.reason}.`,
    );
  }
  if (error instanceof joseErrors.JOSEError) {
    return new ConnectWebhookError('malformed-token', 'The webhook token is not a valid JWT.');
  }
  throw error;
}

function bearerToken(headers: WebhookHeaders): string {
  for (const name of WEBHOOK_TOKEN_HEADERS) {
    const value = headerValue(headers, name);
    if (value === undefined) {
      continue;
    }
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(value);
    if (match === null) {
      throw new ConnectWebhookError(
        'malformed-token',
        `The ${name} header must be "Bearer <token>".`,
      );
    }
    return match[1] as string;
  }
  throw new ConnectWebhookError('missing-token', 'The webhook call has no Authorization header.');
}

function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) {
    return headers.get(name) ?? undefined;
  }
  // Node lower-cases incoming names; a hand-made record may not.
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && value !== undefined) {
      return Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return undefined;
}

function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** base64url SHA-256 of the body bytes (a string is taken as UTF-8). */
export function bodyDigest(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url');
}

function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
