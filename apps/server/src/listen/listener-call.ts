import type { Listener, ProcessDocument } from '@junction/process-model';
import type { RunDocument } from '@junction/runtime';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.ts';
import type { RunDocumentRepository } from '../repositories/run-document-repository.ts';
import type { ExecutionType } from '../repositories/run-record.ts';
import type { RunRepository } from '../repositories/run-repository.ts';
import type { RunDispatcher } from '../runs/run-dispatcher.ts';
import { checkBody } from './body-schema.ts';
import { listenerAnswer } from './listener-answer.ts';
import type { ListenerGate } from './listener-gate.ts';
import { endsWithin, runEnded } from './run-end.ts';
import { startDocumentOf } from './start-document.ts';

/** The header that carries a call's execution id on every answer after the run started. */
export const EXECUTION_HEADER = 'x-junction-execution-id';

export interface ListenerCallDeps {
  dispatcher: RunDispatcher;
  runs: RunRepository;
  runDocuments: RunDocumentRepository;
  gate: ListenerGate;
}

/** What a call runs: a deployed revision, or Test mode's copy of the process. */
export interface CallTarget {
  /** Names the listener for its limits and its compiled body schema. */
  key: string;
  accountId: string;
  processId: string | null;
  process: ProcessDocument;
  listener: Listener;
  environmentId: string;
  path: string;
  executionType: ExecutionType;
  deploymentId?: string | undefined;
  revision?: number | undefined;
}

/**
 * Turns an authenticated call into an execution and answers it: checks the body
 * against the listener's schema, takes a concurrency slot (429 when none is free),
 * starts the run through the dispatcher, then answers 202 at once (async) or with
 * what reached Return Documents, 504 with the run id past the timeout (sync).
 * `start` is the start document when the caller made it already (a Connect webhook's
 * object); otherwise it is made of the call.
 */
export async function answerCall(
  deps: ListenerCallDeps,
  target: CallTarget,
  request: FastifyRequest,
  reply: FastifyReply,
  onStarted?: (runId: string) => void | Promise<void>,
  start?: RunDocument,
): Promise<unknown> {
  const body = typeof request.body === 'string' ? request.body : '';
  const listener = target.listener;
  if (listener.kind === 'http') {
    checkBody(target.key, listener, body);
  }
  const leave = deps.gate.tryEnter(target.key, target.listener.limits.concurrency);
  if (!leave) {
    reply.header('retry-after', '1');
    throw new HttpError(
      429,
      'listener-busy',
      `This listener already runs ${target.listener.limits.concurrency} calls at once; try again shortly.`,
    );
  }
  let runId: string;
  try {
    runId = await deps.dispatcher.start({
      accountId: target.accountId,
      process: target.process,
      processId: target.processId,
      connectionId: null,
      executionType: target.executionType,
      revision: target.revision ?? null,
      deploymentId: target.deploymentId ?? null,
      environmentId: target.deploymentId ? target.environmentId : null,
      startDocuments: [
        start ??
          startDocumentOf(
            {
              method: request.method,
              environmentId: target.environmentId,
              path: target.path,
              headers: request.headers,
              query: request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '',
              body,
            },
            listener.kind === 'http' ? listener : undefined,
          ),
      ],
    });
  } catch (error) {
    leave();
    throw error;
  }
  // Every answer names its execution, to find it in Process Reporting.
  reply.header(EXECUTION_HEADER, runId);
  const ended = runEnded(deps.dispatcher, deps.runs, target.accountId, runId);
  void ended.then(leave);
  await onStarted?.(runId);
  const answer = target.listener.answer;
  if (answer.mode === 'async') {
    return reply.status(202).send({ executionId: runId, status: 'STARTED' });
  }
  if (!(await endsWithin(ended, answer.timeoutSeconds * 1000))) {
    throw new HttpError(
      504,
      'listener-timeout',
      `The process did not answer within ${answer.timeoutSeconds} s; it goes on running as execution ${runId}.`,
      { runId },
    );
  }
  const result = await listenerAnswer(deps, target.accountId, runId, target.process);
  return reply.status(result.status).headers(result.headers).send(result.body);
}
