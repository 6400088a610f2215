import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { validationError } from '../errors.ts';
import { isObject, type JsonObject, type JsonValue } from '../json.ts';

/** Returned by a handler whose answer is a 200 without a body (the spec declares no content). */
export const EMPTY_OK: unique symbol = Symbol('empty 200');

/** A route handler; whatever it returns (other than undefined or `EMPTY_OK`) is sent as JSON. */
export type SandboxHandler = (
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<JsonValue | undefined | typeof EMPTY_OK> | JsonValue | undefined | typeof EMPTY_OK;

/**
 * Registers a route with and without a trailing slash: older Connect SDKs call
 * `…/approve/`, newer ones `…/approve`. Skips the slash variant when the
 * host's router already folds both together (`ignoreTrailingSlash`).
 */
export function addRoute(
  app: FastifyInstance,
  method: HTTPMethods,
  url: string,
  handler: SandboxHandler,
): void {
  const options = {
    method,
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const result = await handler(request, reply);
      if (result === EMPTY_OK) {
        return reply.code(200).send();
      }
      if (result === undefined) {
        return reply.sent ? reply : reply.code(204).send();
      }
      return reply.send(result);
    },
  };
  app.route({ ...options, url });
  try {
    app.route({ ...options, url: `${url}/` });
  } catch (error) {
    // A host with `ignoreTrailingSlash` already serves `url/` through `url`.
    if ((error as { code?: unknown }).code !== 'FST_ERR_DUPLICATED_ROUTE') {
      throw error;
    }
  }
}

/** A path parameter (always present for the routes that ask for it). */
export function param(request: FastifyRequest, name: string): string {
  const params = request.params as Record<string, string | undefined>;
  return params[name] ?? '';
}

/** The JSON body as an object; an absent body counts as `{}`. Arrays and scalars → 400. */
export function bodyObject(request: FastifyRequest): JsonObject {
  const body: unknown = request.body;
  if (body === undefined || body === null || body === '') {
    return {};
  }
  if (!isObject(body)) {
    throw validationError('Invalid data. Expected a dictionary.');
  }
  return body;
}

/** The raw (still URL-encoded) query string of a request. */
export function rawQuery(request: FastifyRequest): string {
  const index = request.url.indexOf('?');
  return index < 0 ? '' : request.url.slice(index + 1);
}
