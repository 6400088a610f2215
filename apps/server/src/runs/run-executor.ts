import { own } from '@junction/process-model';
import type { ConnectorGateway, RunOutcome, ShapeStats } from '@junction/runtime';
import { executeProcess, succeeded } from '@junction/runtime';
import type { RunObserver } from '../metrics/run-metrics.ts';
import type { RunDocumentRepository } from '../repositories/run-document-repository.ts';
import type { RunRepository } from '../repositories/run-repository.ts';
import type { PauseBoard } from './debug/pause-board.ts';
import {
  createDocumentRecorder,
  listenedDocuments,
  type RecordingScope,
} from './document-recorder.ts';
import { HostAbort } from './host-abort.ts';
import { redactEvent, redactSecrets } from './redact-secrets.ts';
import { reportingCounts } from './reporting.ts';
import { retargetConnectConnections } from './retarget-connections.ts';
import type { RunRequest } from './run-dispatcher.ts';
import { endOf } from './run-end.ts';
import type { RunEvent } from './run-events.ts';
import type { RunLogger } from './run-logger.ts';
import { DEFAULT_MAX_RUN_MS, withRunTimeLimit } from './run-time-limit.ts';
import type { RuntimeServices } from './runtime-services.ts';

const PROGRESS_INTERVAL_MS = 200;

export { HostAbort };

export const SHUTDOWN_REASON = 'Server shut down before the run finished';
/** The abort reason of runs cut off by the server's shutdown. */
export const SHUTDOWN = new HostAbort(SHUTDOWN_REASON);

const NO_COUNTS = { documentsIn: 0, documentsOut: 0, documentsInError: 0 };

/** What the dispatcher says when a run crashed outside the runtime's own error handling. */
export const UNEXPECTED_FAILURE = 'The run failed unexpectedly.';

/** The `end` event watchers of a crashed run still get. */
export const UNEXPECTED_END: RunEvent = {
  type: 'end',
  status: 'error',
  error: UNEXPECTED_FAILURE,
  shapes: {},
  connections: {},
  ...NO_COUNTS,
};

/**
 * A run the host cut off (shutdown, lost claim) is ABORTED with the host's reason,
 * whatever the cut made it fail with (a closed connection, a cancelled call). A run
 * that still did its work keeps its status.
 */
function afterHostAbort(outcome: RunOutcome, signal: AbortSignal): RunOutcome {
  if (!(signal.reason instanceof HostAbort) || succeeded(outcome.status)) {
    return outcome;
  }
  return { ...outcome, status: 'aborted', error: signal.reason.message };
}

export interface RunExecutorDeps {
  runs: RunRepository;
  documents: RunDocumentRepository;
  gatewayFor: (accountId: string) => ConnectorGateway;
  /** What else a run may use on this host: stored processes, stores, commands. */
  runtimeFor: (accountId: string) => RuntimeServices;
  log: RunLogger;
  /** Counts each run's end and duration (Prometheus), where there is one. */
  observer?: RunObserver | undefined;
  /** How long a run may take before it is aborted (JUNCTION_MAX_RUN_MINUTES). */
  maxRunMs?: number | undefined;
  /**
   * What executes the process: the engine threads (`openRunThreads`) in servers and
   * workers, so no run holds their event loop; the engine right here by default.
   */
  execute?: typeof executeProcess | undefined;
  /** Where test runs with breakpoints pause; without it, breakpoints are ignored. */
  pauses?: PauseBoard | undefined;
}

/**
 * Executes one stored run and records everything it does: progress, documents, log
 * and its end. Both dispatchers use it, the in-process one inside the server and the
 * queue's workers, so a run records the same wherever it executes.
 */
export function createRunExecutor(deps: RunExecutorDeps) {
  /**
   * Progress is written at most every PROGRESS_INTERVAL_MS, one write at a time, and
   * first once the run has gone on that long: a shorter run's stats are stored with its
   * end, so it costs no progress write (live watchers hear its events either way). A
   * change that comes sooner is written when the interval is up, not dropped: a List
   * that starts at once and reads for minutes would otherwise show no shape running to
   * anyone reading the record (the designer's poll, Process Reporting, other servers).
   */
  function progressWriter(accountId: string, runId: string) {
    let lastFlush = Date.now();
    let flushing: Promise<void> = Promise.resolve();
    let latest: { shapes: Record<string, ShapeStats>; connections: Record<string, number> };
    let due: NodeJS.Timeout | undefined;
    let stopped = false;
    const write = () => {
      due = undefined;
      lastFlush = Date.now();
      // The state when the write goes out: a database slower than the interval gets
      // the newest stats, not a queue of older ones.
      flushing = flushing
        .then(() => {
          const { shapes, connections } = structuredClone(latest);
          return deps.runs.progress(accountId, runId, shapes, connections);
        })
        .catch((error) => deps.log.error({ err: error, runId }, 'could not store run progress'));
    };
    return {
      flush(shapes: Record<string, ShapeStats>, connections: Record<string, number>) {
        latest = { shapes, connections };
        if (!stopped) {
          due ??= setTimeout(write, Math.max(0, lastFlush + PROGRESS_INTERVAL_MS - Date.now()));
        }
      },
      /** The run has ended (or failed): nothing more is written. */
      stop() {
        stopped = true;
        clearTimeout(due);
        due = undefined;
      },
      /** Resolves once every write started is stored. */
      settled: () => flushing,
    };
  }

  const executeProcessHere = deps.execute ?? executeProcess;

  async function execute(
    runId: string,
    request: RunRequest,
    cancel: AbortSignal,
    emit: (event: RunEvent) => void,
  ): Promise<void> {
    const limit = withRunTimeLimit(cancel, deps.maxRunMs ?? DEFAULT_MAX_RUN_MS);
    try {
      await executeWithin(runId, request, limit.signal, emit);
    } finally {
      limit.clear();
    }
  }

  async function executeWithin(
    runId: string,
    request: RunRequest,
    signal: AbortSignal,
    emit: (event: RunEvent) => void,
  ): Promise<void> {
    const { accountId } = request;
    const began = performance.now();
    // Watchers hear what the run records: no tokens (see redact-secrets.ts).
    const publish = (event: RunEvent) => emit(redactEvent(event));
    const scope: RecordingScope =
      request.executionType === 'test_manual'
        ? { keep: 'all' }
        : { keep: 'tracked', process: request.process };
    const recorder = createDocumentRecorder({
      store: deps.documents,
      accountId,
      runId,
      log: deps.log,
      scope,
    });
    // An execution is handed only the documents it records: the others stay in the
    // engine (its thread), which lets each batch go once the next shape has its own.
    const documents = listenedDocuments(scope);
    const progress = progressWriter(accountId, runId);
    let shapes: Record<string, ShapeStats> = {};
    let connections: Record<string, number> = {};
    const executed = await executeProcessHere(
      retargetConnectConnections(request.process, request.connectionId),
      {
        connectors: deps.gatewayFor(accountId),
        signal,
        executionId: runId,
        testMode: request.executionType === 'test_manual',
        ...deps.runtimeFor(accountId),
        ...(request.startDocuments ? { startDocuments: request.startDocuments } : {}),
        ...(request.executionType === 'test_manual' && request.breakpoints?.length && deps.pauses
          ? {
              breakpoints: request.breakpoints,
              pauseAt: deps.pauses.hostFor(accountId, runId, publish),
            }
          : {}),
        listener: {
          ...(documents ? { documents } : {}),
          shapeStarted: (id, inputs, count) => {
            shapes = {
              ...shapes,
              [id]: { ...(own(shapes, id) ?? { ...NO_COUNTS, elapsedMs: 0 }), status: 'running' },
            };
            recorder.inputs(id, inputs);
            publish({ type: 'shape-started', shapeId: id, documents: count });
            progress.flush(shapes, connections);
          },
          // A connector's records are stored page by page, while it reads the next.
          shapeEmitting: (id, port, outputs) => recorder.emitting(id, port, outputs),
          shapeWithdrawing: (id, outputs) => recorder.withdrawing(id, outputs),
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
            progress.flush(shapes, connections);
          },
          connectionCarried: (id, count) => {
            connections = { ...connections, [id]: count };
            publish({ type: 'connection', connectionId: id, count });
          },
          shapeLogged: (id, entry) => publish({ type: 'log', shapeId: id, ...entry }),
        },
      },
    ).finally(progress.stop);
    const outcome = afterHostAbort(executed, signal);
    const documentsStored = await recorder.finish(outcome.log ?? []);
    await progress.settled();
    const counts = reportingCounts(request.process, outcome, request.startDocuments !== undefined);
    const ended = await deps.runs.finish(accountId, runId, {
      status: outcome.status,
      error: outcome.error === undefined ? undefined : redactSecrets(outcome.error),
      shapes: outcome.shapes,
      connections: outcome.connections,
      counts,
      documentsStored,
    });
    if (!ended) {
      // Someone ended it meanwhile (the worker was taken for lost): its end stands.
      return publishStoredEnd(accountId, runId, emit);
    }
    deps.observer?.finished(outcome.status, (performance.now() - began) / 1000);
    publish({
      type: 'end',
      status: outcome.status,
      error: outcome.error ?? null,
      shapes: outcome.shapes,
      connections: outcome.connections,
      ...counts,
    });
  }

  /** Watchers of a run ended by someone else hear the end that was stored. */
  async function publishStoredEnd(
    accountId: string,
    runId: string,
    emit: (event: RunEvent) => void,
  ): Promise<void> {
    deps.log.warn({ runId }, 'the run had already ended; its stored end stands');
    const stored = await deps.runs.get(accountId, runId);
    if (stored) {
      emit(endOf(stored));
    }
  }

  /** Ends a run that never started (discarded, aborted while queued): no documents, no log. */
  async function endUnstarted(
    accountId: string,
    runId: string,
    status: 'discarded' | 'aborted' | 'error',
    error: string,
  ): Promise<void> {
    const ended = await deps.runs.finish(accountId, runId, {
      status,
      error,
      shapes: {},
      connections: {},
      counts: NO_COUNTS,
      documentsStored: 0,
    });
    if (ended) {
      deps.observer?.finished(status, undefined);
    }
  }

  /** A run that crashed outside the runtime is stored as ERROR; a storage failure is logged. */
  async function failUnexpectedly(accountId: string, runId: string, error: unknown) {
    deps.log.error({ err: error, runId }, 'run failed unexpectedly');
    await endUnstarted(accountId, runId, 'error', UNEXPECTED_FAILURE).catch(() => undefined);
  }

  return { execute, endUnstarted, failUnexpectedly };
}

export type RunExecutor = ReturnType<typeof createRunExecutor>;
