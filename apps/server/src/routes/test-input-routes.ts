import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { notFound } from '../errors.ts';
import type { Services } from '../services.ts';
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
      { schema: { tags: ['runs'], params: IdParams } },
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
          tags: ['runs'],
          params: IdParams,
          body: Type.Object({ documents: StartDocumentsSchema }, { additionalProperties: false }),
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
      { schema: { tags: ['runs'], params: IdParams } },
      async (request, reply) => {
        const account = services.accountOf(request);
        await requireProcess(account, request.params.id);
        await services.pinnedInputs.remove(account, request.params.id);
        return reply.status(204).send();
      },
    );
  };
