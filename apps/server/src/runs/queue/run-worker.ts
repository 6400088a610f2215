import type { Job } from 'pg-boss';
import type { Database, Unlisten } from '../../db/database.ts';
import type { RunRepository } from '../../repositories/run-repository.ts';
import type { RunRequest } from '../run-dispatcher.ts';
import type { RunEvent } from '../run-events.ts';
import { HostAbort, type RunExecutor, UNEXPECTED_END } from '../run-executor.ts';
import type { RunLogger } from '../run-logger.ts';
import { within } from '../within.ts';
import { createEventOutbox } from './event-outbox.ts';
import { startJobFeed } from './job-feed.ts';
import { startLostRunReaper } from './lost-run-reaper.ts';
import { runCancelChannel } from './run-channels.ts';
import {
  CANCELLED_WHILE_QUEUED,
  endOf,
  WORKER_LOST_REASON,
  WORKER_SHUTDOWN_REASON,
} from './run-endings.ts';
import { RUN_QUEUE, type RunJob, type RunQueue } from './run-queue.ts';

export { CANCELLED_WHILE_QUEUED, WORKER_LOST_REASON, WORKER_SHUTDOWN_REASON };

/** Its claim was taken away (heartbeat missed, run too long): someone else has ended it. */
const LOST_CLAIM = new HostAbort(WORKER_LOST_REASON);

export interface RunWorkerOptions {
  /** Runs this worker executes at once. */
  concurrency: number;
  /** Runs of one account at once on this worker, so one account cannot take every slot. */
  perAccount?: number | undefined;
  /** How often an idle worker asks for a job. */
  pollingIntervalSeconds?: number;
  /** The reason runs cut off by this worker's shutdown end with. */
  shutdownReason?: string;
}

export interface RunWorker {
  /** Runs executing on this worker now. */
  readonly running: number;
  /**
   * Takes no more jobs, gives running runs `graceMs`, then aborts them with the
   * shutdown reason; resolves once every run has stored its end.
   */
  stop(graceMs: number): Promise<void>;
}

/**
 * Takes run jobs from the queue and executes them with the shared run executor,
 * publishing events for watchers on any server and obeying cancels sent to any
 * server. It also ends the runs of workers that died (the lost-run queue).
 */
export async function startRunWorker(
  deps: {
    db: Database;
    queue: RunQueue;
    runs: RunRepository;
    executor: RunExecutor;
    log: RunLogger;
  },
  options: RunWorkerOptions,
): Promise<RunWorker> {
  const { db, queue, runs, executor, log } = deps;
  const outbox = createEventOutbox(db, log);
  const active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const shutdown = new HostAbort(options.shutdownReason ?? WORKER_SHUTDOWN_REASON);
  const unlisten: Unlisten = await db.listen(runCancelChannel(db), (runId) =>
    active.get(runId)?.controller.abort(),
  );

  // Set once the shutdown's grace has passed: a run that had not started by then ends
  // with the shutdown's reason instead of starting.
  let cutOff = false;

  async function execute(job: Job<RunJob>, controller: AbortController): Promise<void> {
    const { runId, accountId, startDocuments, breakpoints } = job.data;
    const publish = (event: RunEvent) => outbox.publish(accountId, runId, event);
    const queued = await runs.queued(accountId, runId);
    if (!queued) {
      return; // Ended while it waited (abandoned); nothing to run.
    }
    if (cutOff) {
      await executor.endUnstarted(accountId, runId, 'aborted', shutdown.message);
      return publish(endOf('aborted', shutdown.message));
    }
    if (queued.cancelRequested || controller.signal.aborted) {
      await executor.endUnstarted(accountId, runId, 'aborted', CANCELLED_WHILE_QUEUED);
      return publish(endOf('aborted', CANCELLED_WHILE_QUEUED));
    }
    const { cancelRequested: _, ...stored } = queued;
    const request: RunRequest = { accountId, ...stored, startDocuments, breakpoints };
    try {
      await executor.execute(runId, request, controller.signal, publish);
    } catch (error) {
      await executor.failUnexpectedly(accountId, runId, error);
      publish(UNEXPECTED_END);
    }
  }

  function run(job: Job<RunJob>, claim: AbortSignal): Promise<void> {
    const controller = new AbortController();
    if (claim.aborted) {
      controller.abort(LOST_CLAIM);
    }
    claim.addEventListener('abort', () => controller.abort(LOST_CLAIM), { once: true });
    // Registered before the run is read, so a cancel sent meanwhile is not missed.
    // Its job completes once its events are stored too.
    const done = execute(job, controller)
      .then(() => outbox.flush())
      .catch((error) => log.error({ err: error, runId: job.data.runId }, 'run job failed'))
      .finally(() => active.delete(job.data.runId));
    active.set(job.data.runId, { controller, done });
    return done;
  }

  // Started first: a feed must never run without a worker to stop it.
  const reaper = await startLostRunReaper({ db, queue, runs, log });
  const feed = startJobFeed<RunJob>(
    queue.boss,
    RUN_QUEUE,
    {
      concurrency: options.concurrency,
      perGroup: options.perAccount,
      pollingMs: (options.pollingIntervalSeconds ?? 0.5) * 1000,
      heartbeatSeconds: queue.heartbeatSeconds,
    },
    run,
    log,
    (job) => job.data.accountId,
  );
  // A job's insert NOTIFYs: the feed fetches at once instead of at its next poll.
  const unwatch = queue.onQueued(RUN_QUEUE, feed.wake);

  return {
    get running() {
      return active.size;
    },
    async stop(graceMs) {
      unwatch();
      await feed.stop();
      await reaper.stop();
      if (feed.running > 0 && !(await within(feed.drained(), graceMs))) {
        log.warn({ runs: feed.running, graceMs }, 'aborting the runs still running at shutdown');
        cutOff = true;
        for (const run of active.values()) {
          run.controller.abort(shutdown);
        }
      }
      await feed.drained();
      await outbox.flush();
      await unlisten();
    },
  };
}
