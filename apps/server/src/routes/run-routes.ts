import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { HttpError, notFound } from '../errors.ts';
import { refuseInvalid } from '../process-validation.ts';
import type { Services } from '../services.ts';
import { refuseUnsavedForOperator } from './operator-runs.ts';
import { readProcessBody } from './process-body.ts';
import { acceptAnyBody, IdParams, ProcessDocumentSchema } from './schemas.ts';
import { asRunDocuments, readStartDocuments, StartDocumentsSchema } from './start-documents.ts';

const SANDBOX_CONNECTION_ID = 'sandbox';

/**
 * Test runs. The process is sent as it is in the editor (saved or not), so a
 * builder never has to save to try a change; an operator runs saved revisions only.
 * Runs of a stored process are listed with it.
 */
export const runRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/api/runs',
      {
        schema: {
          tags: ['runs'],
          body: Type.Object({
            process: ProcessDocumentSchema,
            processId: Type.Optional(Type.String()),
            connectionId: Type.Optional(Type.String()),
            startDocuments: Type.Optional(StartDocumentsSchema),
            usePinnedInput: Type.Optional(Type.Boolean()),
          }),
        },
        validatorCompiler: acceptAnyBody,
      },
      async (request, reply) => {
        const body = (request.body ?? {}) as Record<string, unknown>;
        const document = readProcessBody(
          body['process'],
          'The process to run does not match the file format.',
        );
        const account = services.accountOf(request);
        const processId = typeof body['processId'] === 'string' ? body['processId'] : null;
        await refuseUnsavedForOperator(services, request, processId, document);
        await refuseInvalid(services.processes, account, document);
        const connectionId =
          typeof body['connectionId'] === 'string' ? body['connectionId'] : SANDBOX_CONNECTION_ID;
        if (!(await services.connections.get(account, connectionId))) {
          throw notFound(`Connection ${connectionId}`);
        }
        let startDocuments =
          body['startDocuments'] === undefined
            ? undefined
            : readStartDocuments(body['startDocuments'], '/startDocuments');
        if (body['usePinnedInput'] === true) {
          if (startDocuments) {
            throw new HttpError(
              400,
              'bad-request',
              'Send startDocuments or usePinnedInput, not both.',
            );
          }
          const pinned = processId && (await services.pinnedInputs.get(account, processId));
          if (!pinned) {
            throw new HttpError(
              409,
              'no-pinned-input',
              `Process ${processId ?? '(unsaved)'} has no pinned test input.`,
            );
          }
          startDocuments = pinned;
        }
        const id = await services.dispatcher.start({
          accountId: account,
          process: document,
          processId,
          connectionId,
          executionType: 'test_manual',
          startDocuments: startDocuments && asRunDocuments(startDocuments),
        });
        return reply.status(201).send({ id });
      },
    );

    app.get('/api/runs/:id', { schema: { tags: ['runs'], params: IdParams } }, async (request) => {
      const run = await services.runs.get(services.accountOf(request), request.params.id);
      if (!run) {
        throw notFound(`Run ${request.params.id}`);
      }
      return run;
    });

    app.post(
      '/api/runs/:id/cancel',
      { schema: { tags: ['runs'], params: IdParams } },
      async (request, reply) => {
        const run = await services.runs.get(services.accountOf(request), request.params.id);
        if (!run) {
          throw notFound(`Run ${request.params.id}`);
        }
        services.dispatcher.cancel(run.id);
        return reply.status(202).send({ id: run.id });
      },
    );

    app.get(
      '/api/processes/:id/runs',
      { schema: { tags: ['runs'], params: IdParams } },
      async (request) => ({
        items: await services.runs.listForProcess(
          services.accountOf(request),
          request.params.id,
          50,
        ),
      }),
    );
  };
