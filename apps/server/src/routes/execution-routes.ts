import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { HttpError, notFound } from '../errors.ts';
import { refuseInvalid } from '../process-validation.ts';
import { EXECUTION_STATUS } from '../repositories/run-record.ts';
import type { Services } from '../services.ts';
import { acceptAnyBody, IdParams, MAX_INT32 } from './schemas.ts';

const ExecutionStatusSchema = Type.Union(
  [...new Set(Object.values(EXECUTION_STATUS))].map((status) => Type.Literal(status)),
);

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
          tags: ['executions'],
          params: IdParams,
          body: Type.Object({
            revision: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_INT32 })),
          }),
        },
        // The body is optional (no body runs the latest revision), which a schema cannot say.
        validatorCompiler: acceptAnyBody,
      },
      async (request, reply) => {
        const account = services.accountOf(request);
        const { id } = request.params;
        const wanted = readRevision(request.body);
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
        return reply.status(201).send({ id: runId, revision });
      },
    );

    app.get(
      '/api/executions',
      {
        schema: {
          tags: ['executions'],
          querystring: Type.Object({
            processId: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
            status: Type.Optional(ExecutionStatusSchema),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
            includeTests: Type.Boolean({ default: false }),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            offset: Type.Integer({ minimum: 0, maximum: MAX_INT32, default: 0 }),
          }),
        },
      },
      async (request) => services.runs.executions(services.accountOf(request), request.query),
    );

    app.get(
      '/api/executions/:id',
      { schema: { tags: ['executions'], params: IdParams } },
      async (request) => {
        const run = await services.runs.get(services.accountOf(request), request.params.id);
        if (!run) {
          throw notFound(`Execution ${request.params.id}`);
        }
        return run;
      },
    );
  };
