import { randomUUID } from 'node:crypto';
import {
  ConnectWebhookError,
  ConnectWebhookPayloadError,
  verifyConnectWebhook,
  webhookDocument,
} from '@junction/connect-client';
import type { RunDocument } from '@junction/runtime';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../errors.ts';
import type { ListenerSecretRepository } from '../repositories/listener-secret-repository.ts';
import type { DeployedListener } from './listener-lookup.ts';

/** Longest event id kept for deduplication; Connect's ids are short (`EV-…`, UUIDs). */
const MAX_EVENT_ID = 200;

const NOT_VERIFIED = (why: string) =>
  new HttpError(401, 'unauthorized', `This Connect webhook call is not authenticated: ${why}`);

/**
 * The webhook listener among `candidates` whose sealed JWT secret signed the call's
 * token, checked before the body is read. The body digest is checked once the body is
 * in ({@link webhookStart}); here a `body-mismatch` only says the signature is good.
 */
export async function byWebhookToken(
  request: FastifyRequest,
  candidates: readonly DeployedListener[],
  secrets: ListenerSecretRepository,
): Promise<DeployedListener | undefined> {
  for (const candidate of candidates) {
    const secret = await secrets.reveal(candidate.accountId, candidate.processId);
    if (secret === undefined || secret === '') {
      continue;
    }
    try {
      await verifyConnectWebhook(request.headers, '', secret);
      return candidate;
    } catch (error) {
      if (error instanceof ConnectWebhookError && error.code === 'body-mismatch') {
        return candidate;
      }
      if (!(error instanceof ConnectWebhookError)) {
        throw error;
      }
    }
  }
  return undefined;
}

/** A verified webhook call: its start document and the id of its event. */
export interface WebhookStart {
  document: RunDocument;
  eventId: string;
}

/**
 * Verifies the call against the body as received (401 when the token was signed for
 * another body, or has expired meanwhile) and turns it into the start document: the
 * object as the connector's Get returns it, the event as `connect.*` properties.
 * A body that is not a webhook payload is 400, saying where.
 */
export async function webhookStart(
  request: FastifyRequest,
  target: { accountId: string; processId: string; environmentId: string; path: string },
  secrets: ListenerSecretRepository,
): Promise<WebhookStart> {
  const secret = await secrets.reveal(target.accountId, target.processId);
  const body = typeof request.body === 'string' ? request.body : '';
  if (secret === undefined || secret === '') {
    throw NOT_VERIFIED('the webhook secret is not set.');
  }
  let jti: string | undefined;
  try {
    jti = (await verifyConnectWebhook(request.headers, body, secret)).claims.jti;
  } catch (error) {
    if (error instanceof ConnectWebhookError) {
      throw NOT_VERIFIED(error.message);
    }
    throw error;
  }
  const found = parsedDocument(body);
  const eventId = jti ?? found.properties['connect.event.id'] ?? '';
  if (eventId === '' || eventId.length > MAX_EVENT_ID) {
    throw new HttpError(
      400,
      'bad-request',
      `The webhook's event id must be 1 to ${MAX_EVENT_ID} characters.`,
    );
  }
  const properties = {
    ...found.properties,
    'listen.environment': target.environmentId,
    'listen.path': target.path,
  };
  return { document: { id: randomUUID(), data: JSON.stringify(found.data), properties }, eventId };
}

function parsedDocument(body: string) {
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    throw new HttpError(400, 'bad-request', 'The webhook body is not JSON.');
  }
  try {
    return webhookDocument(payload);
  } catch (error) {
    if (error instanceof ConnectWebhookPayloadError) {
      throw new HttpError(
        400,
        'bad-request',
        `The webhook body is not a Connect webhook payload at ${error.message}`,
        {
          pointer: error.pointer,
        },
      );
    }
    throw error;
  }
}
