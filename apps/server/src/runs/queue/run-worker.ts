import type { Job } from 'pg-boss';
import type { Database, Unlisten } from '../../db/database.ts';
import type { RunRepository } from '../../repositories/run-repository.ts';
import type { RunRequest } from '../run-dispatcher.ts';
import type { RunEvent } from '../run-events.ts';
import { HostAbort, type RunExecutor, UNEXPECTED_END } from '../run-executor.ts';
import type { RunLogger } from '../run-logger.ts';
import { within } from '../within.ts';
import { createEventOutbox } from './event-outbox.ts';
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

/** Pollers fetching jobs at most. */
const MAX_POLLERS = 4;

/**
 * How a worker running `concurrency` runs at once fetches them: a few pollers, each
 * taking a batch of jobs per fetch and running them together, so a busy queue costs
 * one fetch per batch rather than per run. Batches are small enough that a long run
 * holds up few others' completion (a job completes with its batch), and divide
 * `concurrency`, so pollers × batch is exactly the runs allowed at once (a prime
 * concurrency fetches one job at a time).
 */
export function fetchPlan(concurrency: number): { pollers: number; batchSize: number } {
  let batchSize = Math.ceil(concurrency / MAX_POLLERS);
  while (concurrency % batchSize !== 0) {
    batchSize -= 1;
  }
  return { pollers: concurrency / batchSize, batchSize };
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

  async function execute(job: Job<RunJob>, controller: AbortController): Promise<void> {
    const { runId, accountId, startDocuments, breakpoints } = job.data;
    const publish = (event: RunEvent) => outbox.publish(accountId, runId, event);
    const queued = await runs.queued(accountId, runId);
    if (!queued) {
      return; // Ended while it waited (abandoned); nothing to run.
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

  function run(job: Job<RunJob>): Promise<void> {
    const controller = new AbortController();
    job.signal.addEventListener('abort', () => controller.abort(LOST_CLAIM), { once: true });
    // Registered before the run is read, so a cancel sent meanwhile is not missed.
    const done = execute(job, controller)
      .catch((error) => log.error({ err: error, runId: job.data.runId }, 'run job failed'))
      .finally(() => active.delete(job.data.runId));
    active.set(job.data.runId, { controller, done });
    return done;
  }

  /** The runs of one fetch, all at once; the jobs complete once every run has ended. */
  async function handle(jobs: Job<RunJob>[]): Promise<void> {
    await Promise.all(jobs.map(run));
    await outbox.flush();
  }

  const polling = options.pollingIntervalSeconds ?? 0.5;
  const fetching = fetchPlan(options.concurrency);
  await queue.boss.work<RunJob>(
    RUN_QUEUE,
    {
      batchSize: fetching.batchSize,
      localConcurrency: fetching.pollers,
      // A full batch means more are waiting: fetch again at once instead of after the
      // polling interval, which would cap each poller at a batch per interval.
      burstWhenBatchFull: true,
      ...(options.perAccount ? { localGroupConcurrency: options.perAccount } : {}),
      pollingIntervalSeconds: polling,
      // With the insert's NOTIFY a poll is only the floor, but it also finds jobs held
      // back for an account at its limit once a run of it ends: keep it as frequent.
      notifyPollingIntervalSeconds: polling,
    },
    handle,
  );
  const reaper = await startLostRunReaper({ db, queue, runs, log });

  return {
    get running() {
      return active.size;
    },
    async stop(graceMs) {
      await queue.boss.offWork(RUN_QUEUE, { wait: false });
      await reaper.stop();
      const all = () => Promise.all([...active.values()].map((r) => r.done));
      if (active.size > 0 && !(await within(all(), graceMs))) {
        log.warn({ runs: active.size, graceMs }, 'aborting the runs still running at shutdown');
        for (const run of active.values()) {
          run.controller.abort(shutdown);
        }
      }
      await all();
      await outbox.flush();
      await unlisten();
    },
  };
}
