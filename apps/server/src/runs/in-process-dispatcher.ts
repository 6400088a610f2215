import { randomUUID } from 'node:crypto';
import type { ConnectorOperation, ProcessDocument } from '@junction/process-model';
import type { FastifyBaseLogger } from 'fastify';
import type { RunRepository } from '../repositories/run-repository.ts';
import { executeProcess } from '../runtime/engine.ts';
import type { ConnectorGateway, ShapeStats } from '../runtime/types.ts';
import type { RunDispatcher, RunRequest } from './run-dispatcher.ts';

const PROGRESS_INTERVAL_MS = 200;

/** Points every connector operation at the run's chosen connection. */
function withConnection(process: ProcessDocument, connectionId: string): ProcessDocument {
  const retarget = (op: ConnectorOperation): ConnectorOperation => ({ ...op, connectionId });
  const shapes = Object.fromEntries(
    Object.entries(process.shapes).map(([id, shape]) => {
      if (shape.kind === 'connector') {
        return [id, { ...shape, config: retarget(shape.config) }];
      }
      if (shape.kind === 'start' && shape.config.mode === 'connector') {
        return [
          id,
          { ...shape, config: { ...shape.config, operation: retarget(shape.config.operation) } },
        ];
      }
      return [id, shape];
    }),
  );
  return { ...process, shapes };
}

export function createInProcessDispatcher(deps: {
  runs: RunRepository;
  gatewayFor: (accountId: string) => ConnectorGateway;
  log: FastifyBaseLogger;
}): RunDispatcher {
  const active = new Map<string, { controller: AbortController; done: Promise<void> }>();

  async function execute(runId: string, request: RunRequest, controller: AbortController) {
    const { accountId } = request;
    let shapes: Record<string, ShapeStats> = {};
    let connections: Record<string, number> = {};
    let lastFlush = 0;
    let flushing: Promise<void> = Promise.resolve();
    // Progress is written at most every PROGRESS_INTERVAL_MS, one write at a time.
    const flush = () => {
      const now = Date.now();
      if (now - lastFlush < PROGRESS_INTERVAL_MS) {
        return;
      }
      lastFlush = now;
      const snapshot = structuredClone({ shapes, connections });
      flushing = flushing
        .then(() => deps.runs.progress(accountId, runId, snapshot.shapes, snapshot.connections))
        .catch((error) => deps.log.error({ err: error, runId }, 'could not store run progress'));
    };
    const outcome = await executeProcess(withConnection(request.process, request.connectionId), {
      connectors: deps.gatewayFor(accountId),
      signal: controller.signal,
      listener: {
        shapeStarted: (id) => {
          shapes = {
            ...shapes,
            [id]: {
              ...(shapes[id] ?? { documentsIn: 0, documentsOut: 0, documentsInError: 0 }),
              status: 'running',
            },
          };
          flush();
        },
        shapeFinished: (id, stats) => {
          shapes = { ...shapes, [id]: { ...stats } };
          flush();
        },
        connectionCarried: (id, count) => {
          connections = { ...connections, [id]: count };
        },
      },
    });
    await flushing;
    await deps.runs.finish(accountId, runId, {
      status: outcome.status,
      error: outcome.error,
      shapes: outcome.shapes,
      connections: outcome.connections,
    });
  }

  return {
    async start(request) {
      const runId = randomUUID();
      await deps.runs.create(request.accountId, {
        id: runId,
        processId: request.processId,
        document: request.process,
        connectionId: request.connectionId,
      });
      const controller = new AbortController();
      const done = execute(runId, request, controller)
        .catch((error) => deps.log.error({ err: error, runId }, 'run failed unexpectedly'))
        .finally(() => active.delete(runId));
      active.set(runId, { controller, done });
      return runId;
    },
    cancel(runId) {
      const run = active.get(runId);
      run?.controller.abort();
      return run !== undefined;
    },
    async drain() {
      await Promise.all([...active.values()].map((r) => r.done));
    },
  };
}
