import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ListenerSecretBodySchema,
  ListenerSecretViewSchema,
  ListenerTestViewSchema,
} from '@junction/api';
import Type from 'typebox';
import { HttpError, notFound } from '../errors.ts';
import { refuseInvalid } from '../process-validation.ts';
import type { ListenerSecretRepository } from '../repositories/listener-secret-repository.ts';
import { AUTH_ERRORS, errors, noContent, operation } from '../routes/openapi.ts';
import { readProcessBody } from '../routes/process-body.ts';
import { acceptAnyBody, IdParams, ProcessDocumentSchema } from '../routes/schemas.ts';
import type { Services } from '../services.ts';
import { listenerOf } from './listener-lookup.ts';
import type { ListenerTests } from './listener-tests.ts';

const TokenParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 80 }),
  token: Type.String({ maxLength: 100 }),
});

/**
 * A process's listener secret (set, cleared, and whether it is set: never read
 * back) and Test mode's one-call listeners (open, follow, close).
 */
export const listenerAdminRoutes =
  (deps: {
    services: Services;
    secrets: ListenerSecretRepository;
    tests: ListenerTests;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { services, secrets, tests } = deps;
    async function requireProcess(account: string, id: string) {
      if (!(await services.processes.get(account, id))) {
        throw notFound(`Process ${id}`);
      }
    }

    app.get(
      '/api/processes/:id/listener-secret',
      {
        schema: {
          ...operation('getListenerSecret', 'listeners'),
          params: IdParams,
          response: { 200: ListenerSecretViewSchema, ...errors(400, 404), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const account = services.accountOf(request);
        await requireProcess(account, request.params.id);
        return secrets.view(account, request.params.id);
      },
    );

    app.put(
      '/api/processes/:id/listener-secret',
      {
        schema: {
          ...operation('setListenerSecret', 'listeners'),
          params: IdParams,
          body: ListenerSecretBodySchema,
          response: { 200: ListenerSecretViewSchema, ...errors(400, 404), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const account = services.accountOf(request);
        await requireProcess(account, request.params.id);
        return secrets.set(account, request.params.id, request.body.secret);
      },
    );

    app.delete(
      '/api/processes/:id/listener-secret',
      {
        schema: {
          ...operation('clearListenerSecret', 'listeners'),
          params: IdParams,
          response: { 204: noContent('Cleared.'), ...errors(400, 404), ...AUTH_ERRORS },
        },
      },
      async (request, reply) => {
        const account = services.accountOf(request);
        await requireProcess(account, request.params.id);
        await secrets.remove(account, request.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/processes/:id/listener-tests',
      {
        schema: {
          ...operation('openTestListener', 'listeners'),
          params: IdParams,
          body: Type.Object({ process: ProcessDocumentSchema }),
          response: { 201: ListenerTestViewSchema, ...errors(400, 404, 409, 422), ...AUTH_ERRORS },
        },
        validatorCompiler: acceptAnyBody,
      },
      async (request, reply) => {
        const account = services.accountOf(request);
        await requireProcess(account, request.params.id);
        const body = (request.body ?? {}) as Record<string, unknown>;
        const process = readProcessBody(
          body['process'],
          'The process to test does not match the file format.',
        );
        await refuseInvalid(services.processes, account, process);
        const listener = listenerOf(process);
        if (listener?.kind !== 'http') {
          throw new HttpError(
            409,
            'not-a-listener',
            listener
              ? 'A Connect webhook takes only calls signed by Connect: test it by deploying it and triggering the webhook.'
              : 'The process’s Start shape does not listen for HTTP calls.',
          );
        }
        return reply
          .status(201)
          .send(
            tests.open({ accountId: account, processId: request.params.id, process, listener }),
          );
      },
    );

    app.get(
      '/api/processes/:id/listener-tests/:token',
      {
        schema: {
          ...operation('getTestListener', 'listeners'),
          params: TokenParams,
          response: { 200: ListenerTestViewSchema, ...errors(400, 404), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const found = tests.get(services.accountOf(request), request.params.token);
        if (!found) {
          throw notFound('Test listener');
        }
        return found;
      },
    );

    app.delete(
      '/api/processes/:id/listener-tests/:token',
      {
        schema: {
          ...operation('closeTestListener', 'listeners'),
          params: TokenParams,
          response: { 204: noContent('Closed.'), ...errors(400, 404), ...AUTH_ERRORS },
        },
      },
      async (request, reply) => {
        if (!tests.close(services.accountOf(request), request.params.token)) {
          throw notFound('Test listener');
        }
        return reply.status(204).send();
      },
    );
  };
