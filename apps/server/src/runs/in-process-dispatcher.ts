import { randomUUID } from 'node:crypto';
import { own } from '@junction/process-model';
import type { FastifyBaseLogger } from 'fastify';
import { HttpError } from '../errors.ts';
import type { RunDocumentRepository } from '../repositories/run-document-repository.ts';
import type { RunRepository } from '../repositories/run-repository.ts';
import { executeProcess } from '../runtime/engine.ts';
import { succeeded } from '../runtime/run-status.ts';
import type { ConnectorGateway, RunOutcome, ShapeStats } from '../runtime/types.ts';
import { createDocumentRecorder } from './document-recorder.ts';
import { redactEvent, redactSecrets } from './redact-secrets.ts';
import { reportingCounts } from './reporting.ts';
import { retargetConnectConnections } from './retarget-connections.ts';
import {
  DEFAULT_RUN_LIVENESS,
  type RunDispatcher,
  type RunLiveness,
  type RunRequest,
} from './run-dispatcher.ts';
import { createRunEventHub, type RunEvent } from './run-events.ts';
import { createRunSlots, DEFAULT_RUN_SLOT_LIMITS, type RunSlotLimits } from './run-slots.ts';
import type { RuntimeServices } from './runtime-services.ts';

const PROGRESS_INTERVAL_MS = 200;

export const SHUTDOWN_REASON = 'Server shut down before the run finished';
// The abort reason of runs cut off by shutdown, told apart from a user's cancel by identity.
const SHUTDOWN = new Error(SHUTDOWN_REASON);

/**
 * A run the shutdown cut off is ABORTED with the shutdown's reason, whatever the cut
 * made it fail with (a closed connection, a cancelled call). A run that still did its
 * work keeps its status.
 */
function afterShutdown(outcome: RunOutcome, signal: AbortSignal): RunOutcome {
  if (signal.reason !== SHUTDOWN || succeeded(outcome.status)) {
    return outcome;
  }
  return { ...outcome, status: 'aborted', error: SHUTDOWN_REASON };
}

/** Resolves true when `work` settles within `ms`, false when the time runs out first. */
function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([work.then(() => true), timeout]).finally(() => clearTimeout(timer));
}

export function createInProcessDispatcher(deps: {
  runs: RunRepository;
  documents: RunDocumentRepository;
  gatewayFor: (accountId: string) => ConnectorGateway;
  /** What else a run may use on this server: stored processes, stores, commands. */
  runtimeFor: (accountId: string) => RuntimeServices;
  log: FastifyBaseLogger;
  /** Runs at once and runs waiting; a run beyond both is discarded. */
  limits?: RunSlotLimits | undefined;
  /** How often this server says its runs are alive, and when another's count as stopped. */
  liveness?: RunLiveness | undefined;
}): RunDispatcher {
  const active = new Map<
    string,
    { controller: AbortController; done: Promise<void>; started: boolean }
  >();
  const hub = createRunEventHub();
  const limits = deps.limits ?? DEFAULT_RUN_SLOT_LIMITS;
  const slots = createRunSlots(limits);
  const noCounts = { documentsIn: 0, documentsOut: 0, documentsInError: 0 };
  const liveness = deps.liveness ?? DEFAULT_RUN_LIVENESS;
  let accepting = true;
  // Heartbeats for this server's runs, and a sweep of runs whose server went away
  // (a shared PostgreSQL database outlives any one server).
  const beat = setInterval(() => {
    void deps.runs
      .heartbeat([...active.keys()])
      .then(() => deps.runs.abandonInterrupted(liveness.staleAfterMs))
      .then((abandoned) => {
        if (abandoned > 0) {
          deps.log.warn({ abandoned }, 'marked runs of a stopped server as aborted');
        }
      })
      .catch((error) => deps.log.error({ err: error }, 'run heartbeat failed'));
  }, liveness.heartbeatMs);
  beat.unref();

  /** DISCARDED (§8): recorded, never started, no documents or log. */
  async function discard(accountId: string, runId: string) {
    const error = `Discarded due to load: ${limits.concurrentRuns} runs were running and ${limits.queuedRuns} waiting.`;
    deps.log.warn({ runId }, error);
    await deps.runs.finish(accountId, runId, {
      status: 'discarded',
      error,
      shapes: {},
      connections: {},
      counts: noCounts,
      documentsStored: 0,
    });
  }

  async function execute(runId: string, request: RunRequest, controller: AbortController) {
    const { accountId } = request;
    // Watchers hear what the run records: no tokens (see redact-secrets.ts).
    const publish = (event: RunEvent) => hub.publish(runId, redactEvent(event));
    const recorder = createDocumentRecorder({
      store: deps.documents,
      accountId,
      runId,
      log: deps.log,
      scope:
        request.executionType === 'test_manual'
          ? { keep: 'all' }
          : { keep: 'tracked', process: request.process },
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
    const executed = await executeProcess(
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
                ...(own(shapes, id) ?? { ...noCounts, elapsedMs: 0 }),
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
    const outcome = afterShutdown(executed, controller.signal);
    const documentsStored = await recorder.finish(outcome.log ?? []);
    await flushing;
    const counts = reportingCounts(request.process, outcome, request.startDocuments !== undefined);
    await deps.runs.finish(accountId, runId, {
      status: outcome.status,
      error: outcome.error === undefined ? undefined : redactSecrets(outcome.error),
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
      if (!accepting) {
        throw new HttpError(
          503,
          'shutting-down',
          'The server is shutting down; start the run again once it is back.',
        );
      }
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
      const slot = slots.acquire(controller.signal);
      if (!slot) {
        await discard(request.accountId, runId);
        return runId;
      }
      hub.open(runId);
      // A run cancelled while it waits still goes through execute, which ends it as aborted.
      const done = slot
        .then(async (release) => {
          const entry = active.get(runId);
          if (entry) {
            entry.started = true;
          }
          try {
            await execute(runId, request, controller);
          } finally {
            release();
          }
        })
        .catch((error) => {
          deps.log.error({ err: error, runId }, 'run failed unexpectedly');
          return deps.runs
            .finish(request.accountId, runId, {
              status: 'error',
              error: 'The run failed unexpectedly.',
              shapes: {},
              connections: {},
              counts: noCounts,
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
      active.set(runId, { controller, done, started: false });
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
    async stop(graceMs = 0) {
      accepting = false;
      // Runs still waiting for a slot are not started on the way down.
      for (const run of active.values()) {
        if (!run.started) {
          run.controller.abort(SHUTDOWN);
        }
      }
      const all = () => Promise.all([...active.values()].map((r) => r.done));
      if (active.size > 0 && !(await within(all(), graceMs))) {
        deps.log.warn(
          { runs: active.size, graceMs },
          'aborting the runs still running at shutdown',
        );
        for (const run of active.values()) {
          run.controller.abort(SHUTDOWN);
        }
      }
      // The aborted runs store their end while the database is still open.
      await all();
      clearInterval(beat);
    },
  };
}
