import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PinnedInputSchema } from '@junction/api';
import Type from 'typebox';
import { notFound } from '../errors.ts';
import type { Services } from '../services.ts';
import { AUTH_ERRORS, errors, noContent, operation } from './openapi.ts';
import { IdParams } from './schemas.ts';
import { StartDocumentsSchema } from './start-documents.ts';

/** Pinned test input: the documents a test run's Start hands on instead of fetching. */
export const testInputRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    async function requireProcess(account: string, id: string) {
      if (!(await services.processes.get(account, id))) {
        throw notFound(`Process ${id}`);
      }
    }

    app.get(
      '/api/processes/:id/test-input',
      {
        schema: {
          ...operation('getTestInput', 'runs'),
          params: IdParams,
          response: { 200: PinnedInputSchema, ...errors(400, 404), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const account = services.accountOf(request);
        await requireProcess(account, request.params.id);
        const documents = await services.pinnedInputs.get(account, request.params.id);
        return { documents: documents ?? [] };
      },
    );

    app.put(
      '/api/processes/:id/test-input',
      {
        schema: {
          ...operation('pinTestInput', 'runs'),
          params: IdParams,
          body: Type.Object({ documents: StartDocumentsSchema }, { additionalProperties: false }),
          response: { 200: PinnedInputSchema, ...errors(400, 404), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const account = services.accountOf(request);
        await requireProcess(account, request.params.id);
        const documents = request.body.documents.map((d) => ({
          data: d.data,
          properties: d.properties ?? {},
        }));
        await services.pinnedInputs.replace(account, request.params.id, documents);
        return { documents };
      },
    );

    app.delete(
      '/api/processes/:id/test-input',
      {
        schema: {
          ...operation('unpinTestInput', 'runs'),
          params: IdParams,
          response: {
            204: noContent('Unpinned.'),
            ...errors(400, 404),
            ...AUTH_ERRORS,
          },
        },
      },
      async (request, reply) => {
        const account = services.accountOf(request);
        await requireProcess(account, request.params.id);
        await services.pinnedInputs.remove(account, request.params.id);
        return reply.status(204).send();
      },
    );
  };
