import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ExecutionStartedSchema,
  ExecutionStatusSchema,
  RunPageSchema,
  RunRecordSchema,
  WaitQuerySchema,
} from '@junction/api';
import Type from 'typebox';
import { HttpError, notFound } from '../errors.ts';
import { refuseInvalid } from '../process-validation.ts';
import type { Services } from '../services.ts';
import { AUTH_ERRORS, errors, operation } from './openapi.ts';
import { acceptAnyBody, IdParams, MAX_INT32 } from './schemas.ts';
import { answerAfterWait, readWait } from './wait-query.ts';

function readRevision(body: unknown): number | undefined {
  if (body === undefined || body === null) {
    return undefined;
  }
  const revision = typeof body === 'object' ? (body as { revision?: unknown }).revision : body;
  if (revision === undefined) {
    return undefined;
  }
  if (
    typeof revision !== 'number' ||
    !Number.isInteger(revision) ||
    revision < 1 ||
    revision > MAX_INT32
  ) {
    throw new HttpError(400, 'bad-request', '/revision must be a revision number (1 or more).');
  }
  return revision;
}

/**
 * Executions of saved revisions (not tests) and Process Reporting's search
 * (process-semantics.md §8, §10). An execution uses the process's own connections.
 */
export const executionRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/api/processes/:id/executions',
      {
        schema: {
          ...operation('executeProcess', 'executions'),
          params: IdParams,
          querystring: WaitQuerySchema,
          body: Type.Object({
            revision: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_INT32 })),
          }),
          response: {
            201: ExecutionStartedSchema,
            200: RunRecordSchema,
            202: RunRecordSchema,
            ...errors(400, 404, 422, 503),
            ...AUTH_ERRORS,
          },
        },
        // The body is optional (no body runs the latest revision), which a schema cannot
        // say; that skips the querystring's check too, so `?wait` is read by hand.
        validatorCompiler: acceptAnyBody,
      },
      async (request, reply) => {
        const account = services.accountOf(request);
        const { id } = request.params;
        const wanted = readRevision(request.body);
        const wait = readWait(request.query);
        const stored = await services.processes.get(account, id);
        if (!stored) {
          throw notFound(`Process ${id}`);
        }
        const revision = wanted ?? stored.revision;
        const document =
          wanted === undefined
            ? stored.document
            : await services.processes.revision(account, id, wanted);
        if (!document) {
          throw notFound(`Revision ${revision} of process ${id}`);
        }
        await refuseInvalid(services.processes, account, document);
        const runId = await services.dispatcher.start({
          accountId: account,
          process: document,
          processId: id,
          connectionId: null,
          executionType: 'exec_manual',
          revision,
        });
        if (wait === undefined) {
          return reply.status(201).send({ id: runId, revision });
        }
        return answerAfterWait(services, reply, account, runId, wait, 'Execution', true);
      },
    );

    app.get(
      '/api/executions',
      {
        schema: {
          ...operation('searchExecutions', 'executions'),
          querystring: Type.Object({
            processId: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
            status: Type.Optional(ExecutionStatusSchema),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
            includeTests: Type.Boolean({ default: false }),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            offset: Type.Integer({ minimum: 0, maximum: MAX_INT32, default: 0 }),
          }),
          response: { 200: RunPageSchema, ...errors(400), ...AUTH_ERRORS },
        },
      },
      async (request) => services.runs.executions(services.accountOf(request), request.query),
    );

    app.get(
      '/api/executions/:id',
      {
        schema: {
          ...operation('getExecution', 'executions'),
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
        const { wait } = request.query;
        if (wait !== undefined) {
          return answerAfterWait(services, reply, account, request.params.id, wait);
        }
        const run = await services.runs.get(account, request.params.id);
        if (!run) {
          throw notFound(`Execution ${request.params.id}`);
        }
        return run;
      },
    );
  };
