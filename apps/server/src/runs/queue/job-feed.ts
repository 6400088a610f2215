import type { Job, PgBoss } from 'pg-boss';
import { createStatementBatcher } from '../../db/statement-batcher.ts';
import type { RunLogger } from '../run-logger.ts';

/** Jobs one fetch takes at most. */
const MAX_FETCH = 32;

export interface JobFeedOptions {
  /** Jobs handled at once. */
  concurrency: number;
  /** Jobs of one group (account) at once, so one group cannot take every slot. */
  perGroup?: number | undefined;
  /** How often an idle feed looks for jobs it was not told of. */
  pollingMs: number;
  /** The queue's heartbeat: a claim is refreshed twice within it. */
  heartbeatSeconds: number;
}

export interface JobFeed {
  /** Jobs being handled now. */
  readonly running: number;
  /** Fetch now: a job was queued (its NOTIFY) or the notifications were lost. */
  wake(): void;
  /** Takes no more jobs; resolves once the loop has stopped (handlers go on). */
  stop(): Promise<void>;
  /**
   * Resolves once every job taken is handled and completed in the queue (after `stop`,
   * so none is taken meanwhile); claims are refreshed until then.
   */
  drained(): Promise<void>;
}

/**
 * Feeds a queue's jobs to `handle`, each completed in the queue the moment its handler
 * ends. pg-boss's `work()` completes a fetched batch together and fetches again only
 * then, so one long job held the slots of its whole batch (a worker at 8 with four long
 * runs ran four); one job per fetch instead cost a fetch per job, and a NOTIFY woke every
 * idle fetcher at once. This loop fetches what fits the free slots, as one statement,
 * and uses pg-boss's own fetch, complete, touch and restore, so claims, heartbeats,
 * dead letters and groups keep pg-boss's rules.
 */
export function startJobFeed<T>(
  boss: PgBoss,
  queue: string,
  options: JobFeedOptions,
  handle: (job: Job<T>, claim: AbortSignal) => Promise<void>,
  log: RunLogger,
  groupOf: (job: Job<T>) => string | undefined,
): JobFeed {
  // Every job claimed and not yet completed, handled or waiting for its group's turn.
  const held = new Map<string, { job: Job<T>; claim: AbortController }>();
  const perGroup = new Map<string, number>();
  const waiting = new Map<string, Job<T>[]>();
  const handling = new Set<Promise<void>>();
  let stopping = false;
  let backlog = false;
  // Set by a wake that came while a fetch was out: that fetch may have missed the job.
  let woken = false;
  let wakeUp: (() => void) | undefined;

  const attempt = (job: Job<T>) => ({ id: job.id, retryCount: job.retryCount });
  const complete = createStatementBatcher<Job<T>, void>({
    one: async (job) => {
      await boss.complete(queue, [attempt(job)]);
    },
    async many(jobs) {
      await boss.complete(queue, jobs.map(attempt));
      return jobs.map(() => undefined);
    },
  });

  const wake = () => {
    woken = true;
    const resume = wakeUp;
    wakeUp = undefined;
    resume?.();
  };

  const full = (group: string) => (perGroup.get(group) ?? 0) >= (options.perGroup ?? Infinity);

  /**
   * A job fetched beyond its group's slots (a fetch skips only groups already full, so
   * one batch can bring several of a group) waits here, claimed, for a slot of its own.
   */
  function admit(job: Job<T>): void {
    held.set(job.id, { job, claim: new AbortController() });
    const group = groupOf(job);
    if (group !== undefined && full(group)) {
      waiting.set(group, [...(waiting.get(group) ?? []), job]);
      return;
    }
    start(job, group);
  }

  function start(job: Job<T>, group: string | undefined): void {
    if (group !== undefined) {
      perGroup.set(group, (perGroup.get(group) ?? 0) + 1);
    }
    const claim = held.get(job.id)!.claim;
    const done = handle(job, claim.signal)
      .catch((error) => log.error({ err: error, jobId: job.id }, 'job failed'))
      .then(() => finish(job, group));
    handling.add(done);
    void done.finally(() => handling.delete(done));
  }

  /** A job handled: its slot goes to the next of its group, or back to the feed. */
  async function finish(job: Job<T>, group: string | undefined): Promise<void> {
    held.delete(job.id);
    if (group !== undefined) {
      perGroup.set(group, (perGroup.get(group) ?? 1) - 1);
      const [next, ...rest] = waiting.get(group) ?? [];
      rest.length > 0 ? waiting.set(group, rest) : waiting.delete(group);
      if (next) {
        start(next, group);
      } else if (perGroup.get(group) === 0) {
        perGroup.delete(group);
      }
    }
    if (backlog) {
      wake();
    }
    await complete(job).catch((error) =>
      log.error({ err: error, jobId: job.id }, 'could not complete the job'),
    );
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      const room = Math.min(options.concurrency - held.size, MAX_FETCH);
      let fetched = 0;
      woken = false;
      if (room > 0) {
        try {
          const ignoreGroups = [...perGroup.keys()].filter(full);
          const jobs = await boss.fetch<T>(queue, {
            batchSize: room,
            ...(ignoreGroups.length > 0 ? { ignoreGroups } : {}),
          });
          fetched = jobs.length;
          jobs.forEach(admit);
        } catch (error) {
          log.error({ err: error }, 'could not fetch jobs');
        }
      }
      // No room, or a fetch that filled it, may leave jobs waiting in the queue: a slot
      // that frees looks again at once. Otherwise a NOTIFY or the poll does; one that
      // came during the fetch may name a job the fetch did not see yet.
      backlog = room === 0 || fetched === room;
      if ((room > 0 && (backlog || woken)) || stopping) {
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollingMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Refreshes the claims held; one the queue no longer has is aborted (taken for lost). */
  function refreshClaims(): void {
    const jobs = [...held.values()].map(({ job }) => job);
    if (jobs.length === 0) {
      return;
    }
    boss
      .touch(queue, jobs.map(attempt))
      .then((touched) => {
        // pg-boss types the answer as empty; it carries the ids it refreshed.
        const { settled } = touched as { settled?: string[] };
        const refreshed = new Set(settled ?? jobs.map((job) => job.id));
        for (const job of jobs) {
          if (!refreshed.has(job.id)) {
            held.get(job.id)?.claim.abort(new Error(`job ${job.id} is no longer claimed`));
          }
        }
      })
      .catch((error) => log.error({ err: error }, 'could not refresh job claims'));
  }
  const heartbeat = setInterval(refreshClaims, (options.heartbeatSeconds * 1000) / 2);
  heartbeat.unref();

  const looping = loop();
  return {
    get running() {
      return held.size;
    },
    wake,
    async stop() {
      stopping = true;
      wake();
      await looping;
    },
    async drained() {
      while (handling.size > 0) {
        await Promise.all(handling);
      }
      clearInterval(heartbeat);
    },
  };
}
