import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { RunDocumentRepository } from '../repositories/run-document-repository.ts';
import type { RunRepository } from '../repositories/run-repository.ts';
import { executeProcess } from '../runtime/engine.ts';
import type { ConnectorGateway, ShapeStats } from '../runtime/types.ts';
import { createDocumentRecorder } from './document-recorder.ts';
import { reportingCounts } from './reporting.ts';
import { retargetConnectConnections } from './retarget-connections.ts';
import type { RunDispatcher, RunRequest } from './run-dispatcher.ts';
import { createRunEventHub } from './run-events.ts';
import type { RuntimeServices } from './runtime-services.ts';

const PROGRESS_INTERVAL_MS = 200;

export function createInProcessDispatcher(deps: {
  runs: RunRepository;
  documents: RunDocumentRepository;
  gatewayFor: (accountId: string) => ConnectorGateway;
  /** What else a run may use on this server: stored processes, stores, commands. */
  runtimeFor: (accountId: string) => RuntimeServices;
  log: FastifyBaseLogger;
}): RunDispatcher {
  const active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const hub = createRunEventHub();

  async function execute(runId: string, request: RunRequest, controller: AbortController) {
    const { accountId } = request;
    const publish = hub.publish.bind(null, runId);
    const recorder = createDocumentRecorder({
      store: deps.documents,
      accountId,
      runId,
      log: deps.log,
    });
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
    const outcome = await executeProcess(
      retargetConnectConnections(request.process, request.connectionId),
      {
        connectors: deps.gatewayFor(accountId),
        signal: controller.signal,
        executionId: runId,
        testMode: request.executionType === 'test_manual',
        ...deps.runtimeFor(accountId),
        ...(request.startDocuments ? { startDocuments: request.startDocuments } : {}),
        listener: {
          shapeStarted: (id, inputs) => {
            shapes = {
              ...shapes,
              [id]: {
                ...(shapes[id] ?? { documentsIn: 0, documentsOut: 0, documentsInError: 0 }),
                status: 'running',
              },
            };
            recorder.inputs(id, inputs);
            publish({ type: 'shape-started', shapeId: id, documents: inputs.length });
            flush();
          },
          shapeFinished: (id, stats, result) => {
            shapes = { ...shapes, [id]: { ...stats } };
            recorder.result(id, result);
            publish({ type: 'shape-finished', shapeId: id, stats: { ...stats } });
            for (const error of result?.errors ?? []) {
              publish({
                type: 'document-error',
                shapeId: id,
                documentId: error.document.id,
                message: error.message,
              });
            }
            flush();
          },
          connectionCarried: (id, count) => {
            connections = { ...connections, [id]: count };
            publish({ type: 'connection', connectionId: id, count });
          },
          shapeLogged: (id, entry) => publish({ type: 'log', shapeId: id, ...entry }),
        },
      },
    );
    const documentsStored = await recorder.finish(outcome.log ?? []);
    await flushing;
    const counts = reportingCounts(request.process, outcome, request.startDocuments !== undefined);
    await deps.runs.finish(accountId, runId, {
      status: outcome.status,
      error: outcome.error,
      shapes: outcome.shapes,
      connections: outcome.connections,
      counts,
      documentsStored,
    });
    publish({
      type: 'end',
      status: outcome.status,
      error: outcome.error ?? null,
      shapes: outcome.shapes,
      connections: outcome.connections,
      ...counts,
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
        executionType: request.executionType,
        revision: request.revision ?? null,
        originalRunId: request.originalRunId ?? null,
        deploymentId: request.deploymentId ?? null,
        environmentId: request.environmentId ?? null,
      });
      const controller = new AbortController();
      hub.open(runId);
      const done = execute(runId, request, controller)
        .catch((error) => {
          deps.log.error({ err: error, runId }, 'run failed unexpectedly');
          return deps.runs
            .finish(request.accountId, runId, {
              status: 'error',
              error: 'The run failed unexpectedly.',
              shapes: {},
              connections: {},
              counts: { documentsIn: 0, documentsOut: 0, documentsInError: 0 },
              documentsStored: 0,
            })
            .catch(() => undefined);
        })
        .finally(() => {
          active.delete(runId);
          // Watchers of a run that crashed still get their final event.
          hub.publish(runId, {
            type: 'end',
            status: 'error',
            error: 'The run failed unexpectedly.',
            shapes: {},
            connections: {},
            documentsIn: 0,
            documentsOut: 0,
            documentsInError: 0,
          });
        });
      active.set(runId, { controller, done });
      return runId;
    },
    cancel(runId) {
      const run = active.get(runId);
      run?.controller.abort();
      return run !== undefined;
    },
    subscribe: (runId, listener) => hub.subscribe(runId, listener),
    async drain() {
      await Promise.all([...active.values()].map((r) => r.done));
    },
  };
}
