import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RunIdSchema } from '@junction/api';
import { own } from '@junction/process-model';
import Type from 'typebox';
import { HttpError, notFound } from '../errors.ts';
import { refuseInvalid } from '../process-validation.ts';
import { startingAtShape } from '../runs/rerun-from-shape.ts';
import type { Services } from '../services.ts';
import { AUTH_ERRORS, errors, operation } from './openapi.ts';
import { refuseUnsavedForOperator } from './operator-runs.ts';
import { readProcessBody } from './process-body.ts';
import { acceptAnyBody, IdParams, ProcessDocumentSchema } from './schemas.ts';
import { asRunDocuments } from './start-documents.ts';

/**
 * Running an earlier run's documents again: a retry feeds the documents its
 * Start produced back in (no refetch, Boomi's "Retry Previous Test"); a re-run
 * from a shape feeds the documents that entered that shape, optionally through
 * an edited process.
 */
export const runReplayRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    async function earlierRun(account: string, id: string) {
      const run = await services.runs.get(account, id);
      const document = run && (await services.runs.document(account, id));
      if (!run || !document) {
        throw notFound(`Run ${id}`);
      }
      if (run.status === 'running') {
        throw new HttpError(409, 'run-in-progress', `Run ${id} has not finished yet.`);
      }
      return { run, document };
    }

    app.post(
      '/api/runs/:id/retry',
      {
        schema: {
          ...operation('retryRun', 'runs'),
          params: IdParams,
          response: { 201: RunIdSchema, ...errors(400, 404, 409, 422, 503), ...AUTH_ERRORS },
        },
      },
      async (request, reply) => {
        const account = services.accountOf(request);
        const { run, document } = await earlierRun(account, request.params.id);
        // What was valid then may not be now (a called process deleted since).
        await refuseInvalid(services.processes, account, document);
        const start = Object.entries(document.shapes).find(([, s]) => s.kind === 'start')?.[0];
        const stored = start
          ? await services.runDocuments.documentsInto(account, run.id, start, 'out')
          : [];
        const id = await services.dispatcher.start({
          accountId: account,
          process: document,
          processId: run.processId,
          connectionId: run.connectionId,
          executionType: run.executionType === 'test_manual' ? 'test_manual' : 'retry_manual',
          revision: run.revision,
          originalRunId: run.id,
          // Start made nothing last time (it failed): let it fetch again.
          startDocuments: stored.length > 0 ? asRunDocuments(stored) : undefined,
        });
        return reply.status(201).send({ id });
      },
    );

    app.post(
      '/api/runs/:id/rerun',
      {
        schema: {
          ...operation('rerunFromShape', 'runs'),
          params: IdParams,
          body: Type.Object({
            shapeId: Type.String({ minLength: 1, maxLength: 200 }),
            process: Type.Optional(ProcessDocumentSchema),
          }),
          response: { 201: RunIdSchema, ...errors(400, 404, 409, 422, 503), ...AUTH_ERRORS },
        },
        validatorCompiler: acceptAnyBody,
      },
      async (request, reply) => {
        const body = (request.body ?? {}) as Record<string, unknown>;
        const shapeId = body['shapeId'];
        if (typeof shapeId !== 'string' || shapeId === '') {
          throw new HttpError(400, 'bad-request', '/shapeId must name the shape to start at.');
        }
        const account = services.accountOf(request);
        const { run, document: ran } = await earlierRun(account, request.params.id);
        const edited =
          body['process'] === undefined
            ? undefined
            : readProcessBody(
                body['process'],
                'The process to run does not match the file format.',
              );
        if (edited) {
          await refuseUnsavedForOperator(services, request, run.processId, edited);
        }
        const document = edited ?? ran;
        await refuseInvalid(services.processes, account, document);
        if (!own(document.shapes, shapeId)) {
          throw new HttpError(400, 'bad-request', `The process has no shape "${shapeId}".`);
        }
        const entered = await services.runDocuments.documentsInto(account, run.id, shapeId, 'in');
        if (entered.length === 0) {
          throw new HttpError(
            409,
            'no-documents',
            run.executionType === 'test_manual'
              ? `No documents entered shape "${shapeId}" in run ${run.id}.`
              : `Run ${run.id} is an execution, which keeps only tracked documents; none entered shape "${shapeId}". Re-run from a test run instead.`,
          );
        }
        const id = await services.dispatcher.start({
          accountId: account,
          process: startingAtShape(document, shapeId),
          processId: run.processId,
          connectionId: run.connectionId,
          executionType: 'test_manual',
          originalRunId: run.id,
          startDocuments: asRunDocuments(entered),
        });
        return reply.status(201).send({ id });
      },
    );
  };
