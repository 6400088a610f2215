import type { Job } from 'pg-boss';
import type { Database } from '../../db/database.ts';
import type { RunRepository } from '../../repositories/run-repository.ts';
import type { RunLogger } from '../run-logger.ts';
import { appendFinalEvent } from './event-outbox.ts';
import { endOf, WORKER_LOST_REASON } from './run-endings.ts';
import { LOST_RUN_QUEUE, type RunJob, type RunQueue } from './run-queue.ts';

/**
 * Ends the runs whose worker died: pg-boss fails a job whose heartbeat stopped and,
 * with no retries, moves it to the lost-run queue; here its run ends ABORTED with the
 * reason and its watchers get their `end`. Never run again. Every worker and every
 * server with the queue runs one, so it works while any of them is up.
 */
export async function startLostRunReaper(deps: {
  db: Database;
  queue: RunQueue;
  runs: RunRepository;
  log: RunLogger;
}): Promise<{ stop(): Promise<void> }> {
  const { db, queue, runs, log } = deps;
  await queue.boss.work<RunJob>(LOST_RUN_QUEUE, { pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const { data } of jobs as Job<RunJob>[]) {
      if (await runs.abortIfRunning(data.accountId, data.runId, WORKER_LOST_REASON)) {
        log.warn({ runId: data.runId }, 'aborted a run whose worker stopped');
        await appendFinalEvent(
          db,
          data.accountId,
          data.runId,
          endOf('aborted', WORKER_LOST_REASON),
        );
      }
    }
  });
  return { stop: () => queue.boss.offWork(LOST_RUN_QUEUE, { wait: false }) };
}
