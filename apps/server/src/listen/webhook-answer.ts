import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.ts';
import type { ListenerSecretRepository } from '../repositories/listener-secret-repository.ts';
import type { WebhookEventRepository } from '../repositories/webhook-event-repository.ts';
import {
  answerCall,
  type CallTarget,
  EXECUTION_HEADER,
  type ListenerCallDeps,
} from './listener-call.ts';
import { webhookStart } from './webhook-call.ts';

export interface WebhookAnswerDeps extends ListenerCallDeps {
  secrets: ListenerSecretRepository;
  events: WebhookEventRepository;
}

/**
 * A Connect webhook call, authenticated already by its token's signature: verified
 * against the body, claimed by its event id, then run like any listener call (202 at
 * once, or sync when the listener says so). An event taken before answers 200
 * DUPLICATE with the run it started, so Connect's retries never start a second run.
 */
export async function answerWebhook(
  deps: WebhookAnswerDeps,
  target: CallTarget,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<unknown> {
  const { accountId, processId } = target;
  if (processId === null) {
    throw new HttpError(404, 'not-found', 'A Connect webhook listens only when deployed.');
  }
  const { document, eventId } = await webhookStart(
    request,
    { accountId, processId, environmentId: target.environmentId, path: target.path },
    deps.secrets,
  );
  const claim = await deps.events.claim(accountId, processId, eventId);
  if (!claim.fresh) {
    if (claim.runId !== null) {
      reply.header(EXECUTION_HEADER, claim.runId);
    }
    return reply.status(200).send({ executionId: claim.runId, status: 'DUPLICATE' });
  }
  let started = false;
  try {
    return await answerCall(
      deps,
      target,
      request,
      reply,
      async (runId) => {
        started = true;
        await deps.events.started(accountId, processId, eventId, runId);
      },
      document,
    );
  } catch (error) {
    if (!started) {
      // Busy or not started: Connect's retry of this event must be able to run it.
      await deps.events.release(accountId, processId, eventId);
    }
    throw error;
  }
}
