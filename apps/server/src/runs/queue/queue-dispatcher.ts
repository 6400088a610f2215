import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../db/database.ts';
import { createStatementBatcher } from '../../db/statement-batcher.ts';
import { HttpError } from '../../errors.ts';
import type { RunObserver } from '../../metrics/run-metrics.ts';
import type { RunRepository } from '../../repositories/run-repository.ts';
import { newRun, type RunDispatcher, type RunRequest } from '../run-dispatcher.ts';
import type { RunLogger } from '../run-logger.ts';
import { DEFAULT_RUN_SLOT_LIMITS } from '../run-slots.ts';
import { appendFinalEvent } from './event-outbox.ts';
import type { EventRelay } from './event-relay.ts';
import { runCancelChannel } from './run-channels.ts';
import { CANCELLED_WHILE_QUEUED, endOf } from './run-endings.ts';
import { RUN_QUEUE, type RunJob, type RunQueue } from './run-queue.ts';
import type { RunWorker } from './run-worker.ts';

const DRAIN_POLL_MS = 50;

const discarded = (error: string) => ({
  status: 'discarded' as const,
  error,
  shapes: {},
  connections: {},
  counts: { documentsIn: 0, documentsOut: 0, documentsInError: 0 },
  documentsStored: 0,
});
const EVENT_SWEEP_MS = 60_000;

/** Start transactions in flight at once on PostgreSQL (its pool holds 10 connections). */
const START_TRANSACTIONS_AT_ONCE = 4;

/** What a worker needs of a run that its stored row does not keep. */
function jobOf(runId: string, request: RunRequest): RunJob {
  return {
    runId,
    accountId: request.accountId,
    ...(request.startDocuments ? { startDocuments: request.startDocuments } : {}),
    ...(request.breakpoints?.length ? { breakpoints: request.breakpoints } : {}),
  };
}

/**
 * Runs go through the job queue: `start` stores the run and its job in one
 * transaction (a run is never queued twice nor stored without its job) and returns;
 * workers (this server's own, when it has one, or `junction worker` processes)
 * execute them. Cancels and live events cross processes through LISTEN/NOTIFY.
 */
export function createQueueDispatcher(deps: {
  db: Database;
  queue: RunQueue;
  runs: RunRepository;
  relay: EventRelay;
  log: RunLogger;
  /** The worker this server hosts, if any (started once the app is built); stopped first. */
  worker?: () => RunWorker | undefined;
  /** Runs that may wait for a worker; one beyond is DISCARDED (JUNCTION_MAX_QUEUED_RUNS). */
  maxQueuedRuns?: number | undefined;
  /** Counts the runs discarded here (Prometheus). */
  observer?: RunObserver | undefined;
}): RunDispatcher {
  const { db, runs, log } = deps;
  const cancelChannel = runCancelChannel(db);
  const maxQueued = deps.maxQueuedRuns ?? DEFAULT_RUN_SLOT_LIMITS.queuedRuns;
  // Runs started here, for drain(); forgotten once seen ended.
  const started = new Set<string>();
  const pending = new Set<Promise<unknown>>();
  let accepting = true;
  const sweep = setInterval(() => {
    track(
      runs
        .deleteEventsOfFinishedRuns(EVENT_SWEEP_MS)
        .catch((error) => log.error({ err: error }, 'could not delete old run events')),
    );
  }, EVENT_SWEEP_MS);
  sweep.unref();

  function refuseWhenStopping() {
    if (!accepting) {
      throw new HttpError(
        503,
        'shutting-down',
        'The server is shutting down; start the run again once it is back.',
      );
    }
  }

  /** DISCARDED (§8) as in process: recorded, never queued, no documents or log. */
  async function discard(tx: Queryable, accountId: string, runId: string) {
    const error = `Discarded due to load: ${maxQueued} runs were waiting for a worker.`;
    log.warn({ runId }, error);
    await runs.finish(accountId, runId, discarded(error), tx);
    deps.observer?.finished('discarded', undefined);
  }

  /** The run's row and its job, in the caller's transaction. */
  async function startWithin(tx: Queryable, request: RunRequest): Promise<string> {
    refuseWhenStopping();
    const runId = randomUUID();
    // Counted before the row is stored; starts racing on other connections may each
    // see one place left, so the line can pass the limit by that many.
    const full = (await deps.queue.waiting(tx, maxQueued)) >= maxQueued;
    await runs.create(request.accountId, newRun(runId, request), tx);
    if (full) {
      await discard(tx, request.accountId, runId);
      return runId;
    }
    await deps.queue.enqueue(tx, jobOf(runId, request));
    // Forgotten by drain() if the transaction rolls back: no such run is running.
    started.add(runId);
    return runId;
  }

  /**
   * Marks the run cancelled and tells the workers; a run still waiting in the queue
   * is taken out of it and ends ABORTED at once, as in process.
   */
  async function cancelRun(runId: string): Promise<void> {
    if (!(await runs.requestCancel(runId, cancelChannel))) {
      return;
    }
    const job = await deps.queue.boss.getJobById<RunJob>(RUN_QUEUE, runId);
    if (job?.state !== 'created') {
      return; // A worker holds it (or held it): the NOTIFY stops it there.
    }
    await deps.queue.boss.cancel(RUN_QUEUE, runId);
    // Had a worker taken it meanwhile, the NOTIFY already stopped it there; either way
    // it ends ABORTED, and a worker never starts a run that has ended.
    const { accountId } = job.data;
    if (await runs.abortIfRunning(accountId, runId, CANCELLED_WHILE_QUEUED)) {
      await appendFinalEvent(db, accountId, runId, endOf('aborted', CANCELLED_WHILE_QUEUED));
    }
  }

  /**
   * Runs started at one moment, stored and queued in one transaction (group commit):
   * the line is counted once and each run takes the next place in it, as one after
   * another would. Each caller is answered only once the transaction holding its run
   * and its job has committed.
   */
  async function startAllWithin(tx: Queryable, requests: RunRequest[]): Promise<string[]> {
    refuseWhenStopping();
    const waiting = await deps.queue.waiting(tx, maxQueued);
    const items = requests.map((request) => ({
      accountId: request.accountId,
      run: newRun(randomUUID(), request),
    }));
    await runs.createAll(items, tx);
    const room = Math.max(0, maxQueued - waiting);
    for (const { accountId, run } of items.slice(room)) {
      await discard(tx, accountId, run.id);
    }
    const queued = items.slice(0, room);
    await deps.queue.enqueueAll(
      tx,
      queued.map(({ run }, i) => jobOf(run.id, requests[i]!)),
    );
    for (const { run } of queued) {
      started.add(run.id);
    }
    return items.map(({ run }) => run.id);
  }

  const startBatched = createStatementBatcher<RunRequest, string>({
    one: (request) => db.transaction((tx) => startWithin(tx, request)),
    many: (requests) => db.transaction((tx) => startAllWithin(tx, requests)),
    // A start is a transaction of several round trips; on PostgreSQL's pool a few of
    // them run at once (embedded PGlite has one connection).
    concurrency: db.kind === 'postgres' ? START_TRANSACTIONS_AT_ONCE : 1,
  });

  const track = (work: Promise<unknown>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  return {
    async start(request) {
      refuseWhenStopping();
      return await startBatched(request);
    },
    startWithin,
    // The worker holding the run may be anywhere: the request is stored and announced.
    cancel(runId) {
      track(
        cancelRun(runId).catch((error) =>
          log.error({ err: error, runId }, 'could not cancel the run'),
        ),
      );
      return true;
    },
    subscribe: (runId, listener) => deps.relay.follow(runId, listener),
    async drain() {
      while (started.size > 0) {
        const running = await db.query<{ id: string }>(
          "SELECT id FROM runs WHERE id = ANY($1) AND status = 'running'",
          [[...started]],
        );
        const still = new Set(running.map((r) => r.id));
        for (const id of started) {
          if (!still.has(id)) {
            started.delete(id);
          }
        }
        if (started.size > 0) {
          await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
        }
      }
    },
    async stop(graceMs = 0) {
      accepting = false;
      clearInterval(sweep);
      await deps.worker?.()?.stop(graceMs);
      await Promise.all(pending);
      await deps.queue.stop();
      await deps.relay.close();
    },
  };
}
