import type { Database } from '../../db/database.ts';
import type { RunObserver } from '../../metrics/run-metrics.ts';
import type { RunRepository } from '../../repositories/run-repository.ts';
import type { RunDispatcher } from '../run-dispatcher.ts';
import { createRunExecutor, type RunExecutorDeps, SHUTDOWN_REASON } from '../run-executor.ts';
import type { RunLogger } from '../run-logger.ts';
import { openEventRelay } from './event-relay.ts';
import { startLostRunReaper } from './lost-run-reaper.ts';
import { createQueueDispatcher } from './queue-dispatcher.ts';
import { queuedRunTimeLimit, type RunQueue, type RunQueueOptions } from './run-queue.ts';
import { type RunWorker, type RunWorkerOptions, startRunWorker } from './run-worker.ts';

export interface QueueRunsOptions extends RunQueueOptions {
  /** The worker this server runs itself; false when only `junction worker`s execute runs. */
  worker?: RunWorkerOptions | false;
}

/**
 * The queue's side of a server: the dispatcher now, and the server's own worker once
 * everything a run uses (routes for the in-process sandbox, the Platform API) exists.
 */
export async function openQueueRuns(
  deps: { db: Database; runs: RunRepository; log: RunLogger; observer?: RunObserver | undefined },
  queue: RunQueue,
  options: QueueRunsOptions & { defaultConcurrency: number; maxQueuedRuns?: number },
): Promise<{
  dispatcher: RunDispatcher;
  startExecuting(executorDeps: RunExecutorDeps): Promise<void>;
}> {
  const relay = await openEventRelay(deps.db, deps.runs, deps.log);
  let worker: RunWorker | undefined;
  const dispatcher = createQueueDispatcher({
    db: deps.db,
    queue,
    runs: deps.runs,
    relay,
    log: deps.log,
    worker: () => worker,
    maxQueuedRuns: options.maxQueuedRuns,
    observer: deps.observer,
  });
  return {
    dispatcher,
    async startExecuting(executorDeps) {
      if (options.worker === false) {
        // No runs here, but this server still ends the runs of dead workers.
        const reaper = await startLostRunReaper({ ...deps, queue });
        worker = { running: 0, stop: () => reaper.stop() };
        return;
      }
      worker = await startRunWorker(
        {
          db: deps.db,
          queue,
          runs: deps.runs,
          executor: createRunExecutor({
            ...executorDeps,
            maxRunMs: queuedRunTimeLimit(executorDeps.maxRunMs),
          }),
          log: deps.log,
        },
        {
          concurrency: options.defaultConcurrency,
          shutdownReason: SHUTDOWN_REASON,
          ...options.worker,
        },
      );
    },
  };
}
