import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  MAX_BREAKPOINTS,
  RunIdSchema,
  RunListSchema,
  RunRecordSchema,
  WaitQuerySchema,
} from '@junction/api';
import Type from 'typebox';
import { HttpError, notFound } from '../errors.ts';
import { refuseInvalid } from '../process-validation.ts';
import type { Services } from '../services.ts';
import { readBreakpoints } from './breakpoints.ts';
import { AUTH_ERRORS, errors, operation } from './openapi.ts';
import { refuseUnsavedForOperator } from './operator-runs.ts';
import { readProcessBody } from './process-body.ts';
import { acceptAnyBody, IdParams, ProcessDocumentSchema } from './schemas.ts';
import { asRunDocuments, readStartDocuments, StartDocumentsSchema } from './start-documents.ts';
import { answerAfterWait } from './wait-query.ts';

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
          ...operation('startTestRun', 'runs'),
          body: Type.Object({
            process: ProcessDocumentSchema,
            processId: Type.Optional(Type.String()),
            connectionId: Type.Optional(Type.String()),
            startDocuments: Type.Optional(StartDocumentsSchema),
            usePinnedInput: Type.Optional(Type.Boolean()),
            breakpoints: Type.Optional(
              Type.Array(Type.String(), { maxItems: MAX_BREAKPOINTS, uniqueItems: true }),
            ),
          }),
          response: { 201: RunIdSchema, ...errors(400, 404, 409, 422, 503), ...AUTH_ERRORS },
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
        const breakpoints = readBreakpoints(request, body['breakpoints'], document);
        const id = await services.dispatcher.start({
          accountId: account,
          process: document,
          processId,
          connectionId,
          executionType: 'test_manual',
          startDocuments: startDocuments && asRunDocuments(startDocuments),
          breakpoints,
        });
        return reply.status(201).send({ id });
      },
    );

    app.get(
      '/api/runs/:id',
      {
        schema: {
          ...operation('getRun', 'runs'),
          params: IdParams,
          querystring: WaitQuerySchema,
          response: {
            200: RunRecordSchema,
            202: RunRecordSchema,
            ...errors(400, 404),
            ...AUTH_ERRORS,
          },
        },
      },
      async (request, reply) => {
        const account = services.accountOf(request);
        if (request.query.wait !== undefined) {
          return answerAfterWait(
            services,
            reply,
            account,
            request.params.id,
            request.query.wait,
            'Run',
          );
        }
        const run = await services.runs.get(account, request.params.id);
        if (!run) {
          throw notFound(`Run ${request.params.id}`);
        }
        // A test run waiting at a breakpoint says where, so a reloaded page shows it.
        const paused =
          run.status === 'running' && (await services.runPauses.current(account, run.id));
        return paused ? { ...run, paused } : run;
      },
    );

    app.post(
      '/api/runs/:id/cancel',
      {
        schema: {
          ...operation('cancelRun', 'runs'),
          params: IdParams,
          response: { 202: RunIdSchema, ...errors(400, 404), ...AUTH_ERRORS },
        },
      },
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
      {
        schema: {
          ...operation('listProcessRuns', 'runs'),
          params: IdParams,
          response: { 200: RunListSchema, ...errors(400), ...AUTH_ERRORS },
        },
      },
      async (request) => ({
        items: await services.runs.listForProcess(
          services.accountOf(request),
          request.params.id,
          50,
        ),
      }),
    );
  };
