import type { RunDocument } from '@junction/runtime';
import { type Db, PgBoss } from 'pg-boss';
import type { Database, Queryable } from '../../db/database.ts';
import { MIGRATION_LOCK_KEY, MIGRATION_LOCK_SQL } from '../../db/migrations.ts';
import type { RunLogger } from '../run-logger.ts';

/** Runs to execute; the job's id is the run's id. */
export const RUN_QUEUE = 'junction-runs';
/**
 * Where pg-boss moves a run's job that failed without its worker settling it (the
 * worker died or stalled past its heartbeat): its run is aborted, never run again.
 */
export const LOST_RUN_QUEUE = 'junction-runs-lost';

/** What a worker needs beyond the run's row: only what the row does not keep. */
export interface RunJob {
  runId: string;
  accountId: string;
  startDocuments?: RunDocument[] | undefined;
  /** Test mode's breakpoints, which the stored run does not keep. */
  breakpoints?: string[] | undefined;
}

export interface RunQueueOptions {
  /**
   * How long a worker may go without saying it still holds a job before pg-boss fails
   * it (at least 10, pg-boss's floor). It must outlast the longest stretch a run keeps
   * the event loop busy (a script's time limit), or a live run is taken for a dead one.
   */
  heartbeatSeconds?: number;
  /** How often a node looks for jobs whose heartbeat stopped. */
  superviseIntervalSeconds?: number;
  /** Whether this process takes runs (a worker, or a server with one): it is then named RUN_TAKER. */
  takesRuns?: boolean;
}

export const DEFAULT_RUN_QUEUE_OPTIONS: Required<RunQueueOptions> = {
  heartbeatSeconds: 30,
  superviseIntervalSeconds: 5,
  takesRuns: false,
};

/**
 * pg-boss's instance name of a process that takes runs. Its instances list the queues
 * their `work()` serves, and the run feed takes runs without `work()`: the name is what
 * tells the junction_workers gauge which processes take runs.
 */
export const RUN_TAKER = 'junction-run-taker';

/**
 * How long a finished run's job stays (pg-boss keeps them a week by default). The
 * run's row is its record; every finished job left in the job table is one more row
 * each fetch and count of the queue's indexes walk past.
 */
const FINISHED_JOB_SECONDS = 60;

// pg-boss's ceiling for a job's active time (it allows no more than 24 h); a run still
// going then is failed and its run aborted as lost.
const MAX_RUN_SECONDS = 24 * 60 * 60;

/**
 * A queued run's time limit: the configured one, but stopping at least a minute before
 * pg-boss would fail the job, so a run that long ends with the time limit's reason
 * rather than as a lost worker's.
 */
export function queuedRunTimeLimit(maxRunMs: number | undefined): number {
  return Math.min(maxRunMs ?? Number.POSITIVE_INFINITY, (MAX_RUN_SECONDS - 60) * 1000);
}

/** Who hears that a queue has new jobs (pg-boss's NOTIFY), by queue. */
type QueuedListeners = Map<string, Set<() => void>>;

/** pg-boss over the product's own database, so it needs no pool or connection of its own. */
function bossDatabase(db: Database, queued: QueuedListeners): Db {
  return {
    // pg-boss sends its schema and locked blocks, and statements that inline their
    // values (its fetch), without parameters: those are planned on every call. Prepared,
    // the fetch kept the plan made while the job table was empty, which walked every job
    // the table kept to join its batch back (over a thousand pages a fetch under load).
    executeSql: async (text, values) => ({
      rows: values?.length ? await db.query(text, values) : await db.exec(text),
    }),
    // A job's insert NOTIFYs (the run queue opts in) with the queue's name. pg-boss wakes
    // its own workers with it; the run feed (job-feed.ts) takes no part in pg-boss's
    // `work()`, so it hears it here. After a lost connection, every feed looks once.
    listen: async (channel, onNotification, onReconnect) => {
      const tell = (name: string) => {
        for (const listener of queued.get(name) ?? []) {
          listener();
        }
      };
      return {
        close: await db.listen(
          channel,
          (name) => {
            onNotification(name);
            tell(name);
          },
          () => {
            onReconnect?.();
            for (const name of queued.keys()) {
              tell(name);
            }
          },
        ),
      };
    },
  };
}

/** pg-boss statements inside the caller's transaction: the job commits with the run. */
function inTransaction(tx: Queryable): Db {
  return { executeSql: async (text, values) => ({ rows: await tx.query(text, values ?? []) }) };
}

/** pg-boss keeps its tables beside the app's, in a schema of its own per app schema. */
export function queueSchema(db: Database): string {
  return db.schema === 'public' ? 'junction_queue' : `${db.schema}_queue`;
}

/**
 * pg-boss creates its schema with CREATE SCHEMA IF NOT EXISTS, which two servers
 * starting at once on an empty database can both run: one then fails on pg_namespace's
 * unique index (seen with two servers in test/concurrent-start.test.ts). Created here
 * first, under the migration lock on its name, pg-boss finds it there.
 */
async function createQueueSchema(db: Database): Promise<void> {
  const schema = queueSchema(db);
  await db.transaction(async (tx) => {
    await tx.query(MIGRATION_LOCK_SQL, [MIGRATION_LOCK_KEY, schema]);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  });
}

export interface RunQueue {
  readonly boss: PgBoss;
  /** How long a claim lives without a heartbeat (the run queue's `heartbeatSeconds`). */
  readonly heartbeatSeconds: number;
  /** Calls `listener` whenever jobs are queued on `name` (a NOTIFY); returns its removal. */
  onQueued(name: string, listener: () => void): () => void;
  /** Adds the run's job inside `tx`, the transaction that stores the run. */
  enqueue(tx: Queryable, job: RunJob): Promise<void>;
  /** Adds several runs' jobs with one statement, inside `tx`. */
  enqueueAll(tx: Queryable, jobs: readonly RunJob[]): Promise<void>;
  /** Runs waiting for a worker, counted up to `upTo` (enough to compare with a limit). */
  waiting(tx: Queryable, upTo: number): Promise<number>;
  stop(): Promise<void>;
}

/** Starts pg-boss (creating or migrating its schema) and the two queues runs use. */
export async function openRunQueue(
  db: Database,
  log: RunLogger,
  options: RunQueueOptions = {},
): Promise<RunQueue> {
  const settings = { ...DEFAULT_RUN_QUEUE_OPTIONS, ...options };
  const queued: QueuedListeners = new Map();
  const boss = new PgBoss({
    db: bossDatabase(db, queued),
    backend: db.kind === 'pglite' ? 'pglite' : 'postgres',
    schema: queueSchema(db),
    schedule: false,
    superviseIntervalSeconds: settings.superviseIntervalSeconds,
    monitorIntervalSeconds: settings.superviseIntervalSeconds,
    // Each process says every 5 s that it is alive, for the junction_workers gauge.
    instanceHeartbeatSeconds: 5,
    ...(settings.takesRuns ? { instanceName: RUN_TAKER } : {}),
    useListenNotify: true,
  });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await createQueueSchema(db);
  await boss.start();
  await boss.createQueue(LOST_RUN_QUEUE);
  await boss.createQueue(RUN_QUEUE, {
    // Never again by itself: connector calls such as Approve are not safe to repeat.
    retryLimit: 0,
    heartbeatSeconds: settings.heartbeatSeconds,
    expireInSeconds: MAX_RUN_SECONDS,
    deadLetter: LOST_RUN_QUEUE,
    notify: true,
    deleteAfterSeconds: FINISHED_JOB_SECONDS,
  });
  // A queue made before keeps its own settings through createQueue; its jobs take the
  // heartbeat configured now (JUNCTION_RUN_HEARTBEAT_SECONDS) from when they are queued.
  await boss.updateQueue(RUN_QUEUE, {
    notify: true,
    deleteAfterSeconds: FINISHED_JOB_SECONDS,
    heartbeatSeconds: settings.heartbeatSeconds,
  });
  return {
    boss,
    heartbeatSeconds: settings.heartbeatSeconds,
    onQueued(name, listener) {
      const listeners = queued.get(name) ?? new Set();
      listeners.add(listener);
      queued.set(name, listeners);
      return () => listeners.delete(listener);
    },
    async enqueue(tx, job) {
      await boss.send(RUN_QUEUE, job, {
        id: job.runId,
        group: { id: job.accountId },
        db: inTransaction(tx),
      });
    },
    async enqueueAll(tx, jobs) {
      if (jobs.length > 0) {
        // insert() takes the queue's own settings (no retry, heartbeat, dead letter) as send() does.
        await boss.insert(
          RUN_QUEUE,
          jobs.map((job) => ({ id: job.runId, data: job, group: { id: job.accountId } })),
          { db: inTransaction(tx) },
        );
      }
    },
    async waiting(tx, upTo) {
      // pg-boss counts a queue's jobs only outside the caller's transaction and from
      // stats it refreshes every few seconds, so its job table is read here: jobs of the
      // run queue not yet taken (created or retry come before active). `NOT blocked`
      // (always true: runs use no flows) matches the partial index pg-boss fetches by;
      // without it the count read every job the table keeps.
      const [row] = await tx.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM (
           SELECT 1 FROM ${queueSchema(db)}.job
            WHERE name = $1 AND state < 'active' AND NOT blocked LIMIT $2
         ) AS line`,
        [RUN_QUEUE, upTo],
      );
      return row?.waiting ?? 0;
    },
    stop: () => boss.stop({ graceful: true, close: false, timeout: 5000 }),
  };
}
