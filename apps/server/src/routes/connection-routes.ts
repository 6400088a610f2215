import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ConnectionListSchema,
  ConnectionTestResultSchema,
  ConnectionViewSchema as ConnectionView,
} from '@junction/api';
import Type from 'typebox';
import { requireTokenForNewOrigin } from '../connect/token-follows-endpoint.ts';
import { HttpError, notFound } from '../errors.ts';
import type { Services } from '../services.ts';
import { AUTH_ERRORS, errors, noContent, operation } from './openapi.ts';
import { IdParams } from './schemas.ts';

const Endpoint = Type.String({ minLength: 1, maxLength: 500, pattern: '^https?://' });
const Token = Type.String({ minLength: 1, maxLength: 1000 });

/**
 * Connect connections. The API token is write-only: accepted on create and
 * update, encrypted at rest, and absent from every response schema (Fastify's
 * serializer drops it even if a handler returned it).
 */
export const connectionRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { connections } = services;

    app.get(
      '/api/connections',
      {
        schema: {
          ...operation('listConnections', 'connections'),
          response: { 200: ConnectionListSchema, ...AUTH_ERRORS },
        },
      },
      async (request) => ({ items: await connections.list(services.accountOf(request)) }),
    );

    app.get(
      '/api/connections/:id',
      {
        schema: {
          ...operation('getConnection', 'connections'),
          params: IdParams,
          response: { 200: ConnectionView, ...errors(400, 404), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const found = await connections.get(services.accountOf(request), request.params.id);
        if (!found) {
          throw notFound(`Connection ${request.params.id}`);
        }
        return found;
      },
    );

    app.post(
      '/api/connections',
      {
        schema: {
          ...operation('createConnection', 'connections'),
          body: Type.Object(
            {
              name: Type.String({ minLength: 1, maxLength: 120 }),
              /** `junction-platform`: this server's Platform API; the token is a `jct_` token. */
              kind: Type.Optional(
                Type.Union([Type.Literal('cloudblue-connect'), Type.Literal('junction-platform')]),
              ),
              endpoint: Type.Optional(Endpoint),
              token: Token,
            },
            { additionalProperties: false },
          ),
          response: { 201: ConnectionView, ...errors(400), ...AUTH_ERRORS },
        },
      },
      async (request, reply) => {
        const { kind = 'cloudblue-connect', endpoint, token } = request.body;
        if (kind === 'cloudblue-connect' && endpoint === undefined) {
          throw new HttpError(400, 'bad-request', 'A Connect connection needs an endpoint.');
        }
        if (kind === 'junction-platform' && !token.startsWith('jct_')) {
          throw new HttpError(400, 'bad-request', 'A Platform API connection needs a jct_ token.');
        }
        const created = await connections.create(services.accountOf(request), {
          id: randomUUID(),
          kind,
          name: request.body.name,
          endpoint:
            kind === 'junction-platform'
              ? 'junction:platform'
              : (endpoint ?? '').replace(/\/+$/, ''),
          token,
        });
        return reply.status(201).send(created);
      },
    );

    app.put(
      '/api/connections/:id',
      {
        schema: {
          ...operation('updateConnection', 'connections'),
          params: IdParams,
          body: Type.Object(
            {
              name: Type.String({ minLength: 1, maxLength: 120 }),
              endpoint: Endpoint,
              token: Type.Optional(Token),
            },
            { additionalProperties: false },
          ),
          response: { 200: ConnectionView, ...errors(400, 404, 409), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const account = services.accountOf(request);
        const existing = await connections.get(account, request.params.id);
        if (!existing) {
          throw notFound(`Connection ${request.params.id}`);
        }
        if (existing.kind === 'sandbox') {
          throw new HttpError(
            409,
            'read-only',
            'The built-in Sandbox connection cannot be changed.',
          );
        }
        const endpoint = request.body.endpoint.replace(/\/+$/, '');
        requireTokenForNewOrigin(existing.endpoint, endpoint, request.body.token);
        const updated = await connections.update(account, request.params.id, {
          name: request.body.name,
          endpoint,
          token: request.body.token,
        });
        return updated!;
      },
    );

    app.delete(
      '/api/connections/:id',
      {
        schema: {
          ...operation('deleteConnection', 'connections'),
          params: IdParams,
          response: {
            204: noContent('Deleted.'),
            ...errors(400, 404, 409),
            ...AUTH_ERRORS,
          },
        },
      },
      async (request, reply) => {
        const account = services.accountOf(request);
        const existing = await connections.get(account, request.params.id);
        if (!existing) {
          throw notFound(`Connection ${request.params.id}`);
        }
        if (existing.kind === 'sandbox') {
          throw new HttpError(
            409,
            'read-only',
            'The built-in Sandbox connection cannot be deleted.',
          );
        }
        await connections.remove(account, request.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/connections/:id/test',
      {
        schema: {
          ...operation('testConnection', 'connections'),
          params: IdParams,
          response: { 200: ConnectionTestResultSchema, ...errors(400, 404), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const account = services.accountOf(request);
        if (!(await connections.get(account, request.params.id))) {
          throw notFound(`Connection ${request.params.id}`);
        }
        return services.testConnection(account, request.params.id);
      },
    );
  };
