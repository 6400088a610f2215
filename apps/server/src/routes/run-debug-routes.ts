import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  type PauseAnswerBody,
  PauseAnswerBodySchema,
  type PauseState,
  PauseStateSchema,
  RunIdSchema,
} from '@junction/api';
import { HttpError, notFound } from '../errors.ts';
import type { Services } from '../services.ts';
import { AUTH_ERRORS, errors, operation } from './openapi.ts';
import { IdParams } from './schemas.ts';

/** Property names that would reach an object's prototype where code reads them as keys. */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** Refuses edits the pause cannot take, saying which document and why. */
function checkEdits(body: PauseAnswerBody, pause: PauseState): void {
  const waiting = new Set(pause.documents.map((doc) => doc.id));
  const seen = new Set<string>();
  for (const [i, doc] of (body.documents ?? []).entries()) {
    if (!waiting.has(doc.id)) {
      throw new HttpError(
        400,
        'bad-request',
        `/documents/${i}/id: document ${doc.id} is not among the documents waiting before shape ${pause.shapeId}.`,
      );
    }
    if (seen.has(doc.id)) {
      throw new HttpError(
        400,
        'bad-request',
        `/documents/${i}/id: document ${doc.id} is edited twice.`,
      );
    }
    seen.add(doc.id);
    for (const name of Object.keys(doc.properties ?? {})) {
      if (RESERVED_NAMES.has(name)) {
        throw new HttpError(
          400,
          'bad-request',
          `/documents/${i}/properties: "${name}" cannot be a property name.`,
        );
      }
    }
  }
  if (body.action === 'stop' && seen.size > 0) {
    throw new HttpError(400, 'bad-request', '/documents: Stop runs nothing, so it takes no edits.');
  }
}

/**
 * Breakpoints in Test mode: where a paused run waits, and its answer (Continue, Step,
 * Stop, with edited waiting documents). Answering needs the builder role, as running
 * an edited process does: an edited document can carry anything into a connector.
 */
export const runDebugRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/runs/:id/pause',
      {
        schema: {
          ...operation('getRunPause', 'runs'),
          params: IdParams,
          response: { 200: PauseStateSchema, ...errors(400, 404), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const account = services.accountOf(request);
        const pause = await services.runPauses.current(account, request.params.id);
        if (!pause) {
          throw notFound(`A pause of run ${request.params.id}`);
        }
        return pause;
      },
    );

    app.post(
      '/api/runs/:id/debug',
      {
        schema: {
          ...operation('answerRunPause', 'runs'),
          params: IdParams,
          body: PauseAnswerBodySchema,
          response: { 202: RunIdSchema, ...errors(400, 404, 409), ...AUTH_ERRORS },
        },
      },
      async (request, reply) => {
        const account = services.accountOf(request);
        const runId = request.params.id;
        const run = await services.runs.get(account, runId);
        if (!run) {
          throw notFound(`Run ${runId}`);
        }
        const body = request.body;
        const pause = await services.runPauses.current(account, runId);
        if (!pause || pause.pause !== body.pause) {
          throw new HttpError(
            409,
            'not-paused',
            pause
              ? `Run ${runId} is paused at pause ${pause.pause} (before shape ${pause.shapeId}), not at pause ${body.pause}.`
              : `Run ${runId} is not paused: it went on, was stopped, timed out or ended.`,
          );
        }
        checkEdits(body, pause);
        const answered = await services.runPauses.answer(account, runId, body.pause, {
          action: body.action,
          ...(body.documents?.length
            ? {
                documents: body.documents.map((doc) => ({
                  id: doc.id,
                  data: doc.data,
                  properties: doc.properties ?? {},
                })),
              }
            : {}),
        });
        if (!answered) {
          throw new HttpError(
            409,
            'not-paused',
            `Pause ${body.pause} of run ${runId} was answered or timed out meanwhile.`,
          );
        }
        await services.pauseBoard.announce(runId);
        return reply.status(202).send({ id: runId });
      },
    );
  };
