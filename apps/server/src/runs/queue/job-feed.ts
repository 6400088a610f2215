import type { Job, PgBoss } from 'pg-boss';
import { createStatementBatcher } from '../../db/statement-batcher.ts';
import type { RunLogger } from '../run-logger.ts';

/** Jobs one fetch takes at most. */
const MAX_FETCH = 32;

/** How often the claims held are checked for one due a heartbeat. */
const CLAIM_CHECK_MS = 1000;

export interface JobFeedOptions {
  /** Jobs handled at once. */
  concurrency: number;
  /** Jobs of one group (account) at once, so one group cannot take every slot. */
  perGroup?: number | undefined;
  /** How often an idle feed looks for jobs it was not told of. */
  pollingMs: number;
  /** The queue's heartbeat, for a job that carries none: a claim is refreshed twice within it. */
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
  // Every job claimed and not yet completed, with when its claim was last refreshed.
  const held = new Map<string, { job: Job<T>; claim: AbortController; touched: number }>();
  const perGroup = new Map<string, number>();
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

  const limit = options.perGroup ?? Number.POSITIVE_INFINITY;
  const full = (group: string) => (perGroup.get(group) ?? 0) >= limit;

  /**
   * Jobs the next fetch may take: the free slots, and no more than any group not yet
   * full has left (a group not running here has `perGroup`), so a batch never brings
   * more of one group than it may run. Full groups are skipped by the fetch itself.
   * pg-boss's `work()` gave a batch's excess back with `restore`, which its API does
   * not offer; fetching none is also one statement fewer.
   */
  function room(): number {
    let fits = Math.min(options.concurrency - held.size, MAX_FETCH, limit);
    for (const count of perGroup.values()) {
      if (count < limit) {
        fits = Math.min(fits, limit - count);
      }
    }
    return fits;
  }

  function start(job: Job<T>): void {
    const claim = new AbortController();
    held.set(job.id, { job, claim, touched: Date.now() });
    // Counted at once: the next fetch is sized by it. A job too malformed to name its
    // group still goes to its handler, which fails it.
    let group: string | undefined;
    try {
      group = groupOf(job);
    } catch {
      group = undefined;
    }
    if (group !== undefined) {
      perGroup.set(group, (perGroup.get(group) ?? 0) + 1);
    }
    const done = Promise.resolve()
      .then(() => handle(job, claim.signal))
      .catch((error) => log.error({ err: error, jobId: job.id }, 'job failed'))
      .then(() => finish(job, group));
    handling.add(done);
    void done.finally(() => handling.delete(done));
  }

  /** A job handled: its slot is free, and the job completes in the queue. */
  async function finish(job: Job<T>, group: string | undefined): Promise<void> {
    held.delete(job.id);
    if (group !== undefined) {
      const wasFull = full(group);
      const left = (perGroup.get(group) ?? 1) - 1;
      left > 0 ? perGroup.set(group, left) : perGroup.delete(group);
      // The last fetch skipped this group: it may have runs waiting.
      if (wasFull) {
        wake();
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
      const fits = room();
      let fetched = 0;
      woken = false;
      if (fits > 0) {
        try {
          const ignoreGroups = [...perGroup.keys()].filter(full);
          const jobs = await boss.fetch<T>(queue, {
            batchSize: fits,
            ...(ignoreGroups.length > 0 ? { ignoreGroups } : {}),
          });
          fetched = jobs.length;
          jobs.forEach(start);
        } catch (error) {
          log.error({ err: error }, 'could not fetch jobs');
        }
      }
      // No room, or a fetch that filled it, may leave jobs waiting in the queue: a slot
      // that frees looks again at once. Otherwise a NOTIFY or the poll does; one that
      // came during the fetch may name a job the fetch did not see yet.
      backlog = fits === 0 || fetched === fits;
      if ((fits > 0 && (fetched === fits || woken)) || stopping) {
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

  /**
   * Refreshes each claim at half its job's heartbeat (a job carries its queue's setting
   * from when it was queued, which this process's may not match); a claim the queue no
   * longer has aborts its job (taken for lost).
   */
  let touching = false;
  function refreshClaims(): void {
    const now = Date.now();
    const due = [...held.values()].filter(
      ({ job, touched }) =>
        now - touched >= ((job.heartbeatSeconds || options.heartbeatSeconds) * 1000) / 2,
    );
    if (due.length === 0 || touching) {
      return;
    }
    touching = true;
    const jobs = due.map(({ job }) => job);
    boss
      .touch(queue, jobs.map(attempt))
      .then((touched) => {
        // pg-boss types the answer as empty; it carries the ids it refreshed.
        const { settled } = touched as { settled?: string[] };
        const refreshed = new Set(settled ?? jobs.map((job) => job.id));
        for (const job of jobs) {
          const entry = held.get(job.id);
          if (!refreshed.has(job.id)) {
            entry?.claim.abort(new Error(`job ${job.id} is no longer claimed`));
          } else if (entry) {
            entry.touched = now;
          }
        }
      })
      .catch((error) => log.error({ err: error }, 'could not refresh job claims'))
      .finally(() => {
        touching = false;
      });
  }
  const heartbeat = setInterval(refreshClaims, CLAIM_CHECK_MS);
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
