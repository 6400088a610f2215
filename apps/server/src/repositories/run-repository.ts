import type { ProcessDocument } from '@junction/process-model';
import type { ShapeStats } from '@junction/runtime';
import type { Database, Queryable } from '../db/database.ts';
import { createStatementBatcher } from '../db/statement-batcher.ts';
import {
  EXECUTION_STATUS,
  type ExecutionStatus,
  type ExecutionType,
  RUN_COLUMNS,
  type RunRecord,
  type RunRow,
  type StoredRunStatus,
  toRunRecord,
} from './run-record.ts';

export type { ExecutionStatus, ExecutionType, RunRecord, StoredRunStatus };

/** What a worker reads to execute a queued run. */
export interface QueuedRun {
  processId: string | null;
  process: ProcessDocument;
  connectionId: string | null;
  executionType: ExecutionType;
  revision: number | null;
  originalRunId: string | null;
  deploymentId: string | null;
  environmentId: string | null;
  cancelRequested: boolean;
}

interface QueuedRunRow {
  process_id: string | null;
  document: ProcessDocument;
  connection_id: string | null;
  execution_type: ExecutionType;
  revision: number | null;
  original_run_id: string | null;
  deployment_id: string | null;
  environment_id: string | null;
  cancel_requested: boolean;
}

export interface ExecutionQuery {
  processId?: string | undefined;
  status?: ExecutionStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
  includeTests: boolean;
  limit: number;
  offset: number;
}

const STATUS_OF: Record<ExecutionStatus, StoredRunStatus> = Object.fromEntries(
  Object.entries(EXECUTION_STATUS).map(([stored, boomi]) => [boomi, stored]),
) as Record<ExecutionStatus, StoredRunStatus>;

/** A run as it is stored when it starts. */
export interface NewRun {
  id: string;
  processId: string | null;
  document: ProcessDocument;
  connectionId: string | null;
  executionType: ExecutionType;
  revision: number | null;
  originalRunId: string | null;
  deploymentId?: string | null | undefined;
  environmentId?: string | null | undefined;
}

/** How a run ended, as `finish` stores it. */
export interface RunOutcomeRow {
  status: Exclude<StoredRunStatus, 'running'>;
  error: string | undefined;
  shapes: Record<string, ShapeStats>;
  connections: Record<string, number>;
  counts: { documentsIn: number; documentsOut: number; documentsInError: number };
  documentsStored: number;
}

interface RunKey {
  accountId: string;
  id: string;
}
export interface RunToCreate {
  accountId: string;
  run: NewRun;
}
interface RunEnding extends RunKey {
  outcome: RunOutcomeRow;
}

/*
 * The run path's statements find each run by its id, never by scanning the running
 * ones: every run that ended since the last vacuum leaves an entry in the index of
 * running runs, and a join that reads that index (the plan chosen while the table was
 * small, and kept by each connection) read thousands of them per batch under load.
 */

/** Ends runs still running; `$2`, their ids, is the index condition the join keeps. */
export const FINISH_RUNS_SQL = `UPDATE runs SET status = e.status, error = e.error,
   shape_stats = e.shape_stats, connection_counts = e.connection_counts,
   documents_in = e.documents_in, documents_out = e.documents_out,
   documents_in_error = e.documents_in_error, documents_stored = e.documents_stored,
   finished_at = now()
 FROM jsonb_to_recordset($1::jsonb) AS e(account_id text, id text, status text, error text,
   shape_stats jsonb, connection_counts jsonb, documents_in integer, documents_out integer,
   documents_in_error integer, documents_stored integer)
 WHERE runs.id = ANY($2::text[]) AND runs.account_id = e.account_id AND runs.id = e.id
   AND runs.status = 'running'
 RETURNING runs.account_id, runs.id`;

/** Queued runs by account and id, each looked up alone (a lateral subquery). */
export const QUEUED_RUNS_SQL = `SELECT k.i, r.process_id, r.document, r.connection_id,
   r.execution_type, r.revision, r.original_run_id, r.deployment_id, r.environment_id,
   r.cancel_requested
 FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(account_id, id, i)
 CROSS JOIN LATERAL (
   SELECT * FROM runs WHERE account_id = k.account_id AND id = k.id AND status = 'running'
   OFFSET 0
 ) AS r`;

/** Stores new runs, as running, with one statement. */
async function insertRuns(into: Queryable, items: readonly RunToCreate[]): Promise<void> {
  const payload = items.map(({ accountId, run }) => ({
    account_id: accountId,
    id: run.id,
    process_id: run.processId,
    process_name: run.document.name,
    connection_id: run.connectionId,
    document: run.document,
    execution_type: run.executionType,
    revision: run.revision,
    original_run_id: run.originalRunId,
    deployment_id: run.deploymentId ?? null,
    environment_id: run.environmentId ?? null,
  }));
  await into.query(
    `INSERT INTO runs (account_id, id, process_id, process_name, connection_id, document, status,
       execution_type, revision, original_run_id, deployment_id, environment_id, heartbeat_at)
     SELECT r.account_id, r.id, r.process_id, r.process_name, r.connection_id, r.document, 'running',
       r.execution_type, r.revision, r.original_run_id, r.deployment_id, r.environment_id, now()
     FROM jsonb_to_recordset($1::jsonb) AS r(account_id text, id text, process_id text,
       process_name text, connection_id text, document jsonb, execution_type text, revision integer,
       original_run_id text, deployment_id text, environment_id text)`,
    [JSON.stringify(payload)],
  );
}

/**
 * Stores runs' ends with one statement, each only over a run still running; per item,
 * whether this call ended it.
 */
async function finishRuns(into: Queryable, items: readonly RunEnding[]): Promise<boolean[]> {
  const payload = items.map(({ accountId, id, outcome }) => ({
    account_id: accountId,
    id,
    status: outcome.status,
    error: outcome.error ?? null,
    shape_stats: outcome.shapes,
    connection_counts: outcome.connections,
    documents_in: outcome.counts.documentsIn,
    documents_out: outcome.counts.documentsOut,
    documents_in_error: outcome.counts.documentsInError,
    documents_stored: outcome.documentsStored,
  }));
  const rows = await into.query<{ account_id: string; id: string }>(FINISH_RUNS_SQL, [
    JSON.stringify(payload),
    items.map((item) => item.id),
  ]);
  const ended = new Set(rows.map((r) => `${r.account_id}/${r.id}`));
  return items.map((item) => ended.has(`${item.accountId}/${item.id}`));
}

/** Queued runs as their workers need them, one statement; null for each that has ended. */
async function queuedRuns(db: Queryable, keys: readonly RunKey[]): Promise<(QueuedRun | null)[]> {
  const rows = await db.query<QueuedRunRow & { i: string | number }>(QUEUED_RUNS_SQL, [
    keys.map((k) => k.accountId),
    keys.map((k) => k.id),
  ]);
  const found: (QueuedRun | null)[] = keys.map(() => null);
  for (const row of rows) {
    found[Number(row.i) - 1] = {
      processId: row.process_id,
      process: row.document,
      connectionId: row.connection_id,
      executionType: row.execution_type,
      revision: row.revision,
      originalRunId: row.original_run_id,
      deploymentId: row.deployment_id,
      environmentId: row.environment_id,
      cancelRequested: row.cancel_requested,
    };
  }
  return found;
}

/** RUN_COLUMNS of the table named `r`. */
const RUN_COLUMNS_OF_R = RUN_COLUMNS.replace(/(^|,\s*)(\w+)/g, '$1r.$2');

/** Runs by account and id, each looked up alone (a join's kept plan scanned them all). */
export const GET_RUNS_SQL = `SELECT k.i, ${RUN_COLUMNS_OF_R}
 FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(account_id, id, i)
 CROSS JOIN LATERAL (
   SELECT * FROM runs WHERE account_id = k.account_id AND id = k.id OFFSET 0
 ) AS r`;

/** Runs' records by account and id, one statement; each key gets its own row (or null). */
async function getRuns(db: Queryable, keys: readonly RunKey[]): Promise<(RunRecord | null)[]> {
  const rows = await db.query<RunRow & { i: string | number }>(GET_RUNS_SQL, [
    keys.map((k) => k.accountId),
    keys.map((k) => k.id),
  ]);
  const found: (RunRecord | null)[] = keys.map(() => null);
  for (const row of rows) {
    found[Number(row.i) - 1] = toRunRecord(row);
  }
  return found;
}

/** Runs and their per-shape progress; the process as it ran is kept with each run. */
export function createRunRepository(db: Database) {
  // Runs start, end and are read by many requests at once: each kind of statement
  // carries every call that queued while the previous one ran (statement-batcher.ts).
  const createBatched = createStatementBatcher<RunToCreate, void>({
    one: (item) => insertRuns(db, [item]),
    many: async (items) => {
      await insertRuns(db, items);
      return items.map(() => undefined);
    },
  });
  const finishBatched = createStatementBatcher<RunEnding, boolean>({
    one: async (item) => (await finishRuns(db, [item]))[0]!,
    many: (items) => finishRuns(db, items),
  });
  const getBatched = createStatementBatcher<RunKey, RunRecord | null>({
    one: async (item) => (await getRuns(db, [item]))[0]!,
    many: (items) => getRuns(db, items),
  });
  // A worker takes its jobs in batches: their runs are read together.
  const queuedBatched = createStatementBatcher<RunKey, QueuedRun | null>({
    one: async (item) => (await queuedRuns(db, [item]))[0]!,
    many: (items) => queuedRuns(db, items),
  });
  return {
    async create(
      accountId: string,
      run: NewRun,
      /** The transaction to store it in (a queued run commits with its job). */
      into: Queryable = db,
    ): Promise<void> {
      if (into !== db) {
        return insertRuns(into, [{ accountId, run }]);
      }
      await createBatched({ accountId, run });
    },

    /** Several runs at once, in the caller's transaction (queued runs commit with their jobs). */
    createAll: (items: readonly RunToCreate[], into: Queryable): Promise<void> =>
      insertRuns(into, items),

    async progress(
      accountId: string,
      id: string,
      shapes: Record<string, ShapeStats>,
      connections: Record<string, number>,
    ): Promise<void> {
      await db.query(
        "UPDATE runs SET shape_stats = $3, connection_counts = $4 WHERE account_id = $1 AND id = $2 AND status = 'running'",
        [accountId, id, JSON.stringify(shapes), JSON.stringify(connections)],
      );
    },

    /**
     * Stores a run's end, but only over a run still running: a worker that stalled
     * past its heartbeat and wakes after its run was aborted (lost worker, cancel while
     * queued) must not overwrite that. True when this call ended the run.
     */
    async finish(
      accountId: string,
      id: string,
      outcome: RunOutcomeRow,
      /** The transaction to store it in (a run discarded as it is queued). */
      into: Queryable = db,
    ): Promise<boolean> {
      const ending = { accountId, id, outcome };
      return into === db ? finishBatched(ending) : (await finishRuns(into, [ending]))[0]!;
    },

    /** A queued run as its worker needs it; null once it has ended (cancelled, abandoned). */
    queued: (accountId: string, id: string): Promise<QueuedRun | null> =>
      queuedBatched({ accountId, id }),

    /**
     * Marks a running run as to be cancelled and tells every worker on `channel`; the
     * one holding it stops it, and one taking it from the queue later ends it at once.
     */
    async requestCancel(id: string, channel: string): Promise<boolean> {
      const rows = await db.query(
        `WITH marked AS (
           UPDATE runs SET cancel_requested = true WHERE id = $1 AND status = 'running' RETURNING id
         )
         SELECT pg_notify($2, id) FROM marked`,
        [id, channel],
      );
      return rows.length > 0;
    },

    /**
     * Aborts a run no worker is executing (its worker is gone, or it never left the
     * queue) if it is still marked running; false when it had ended.
     */
    async abortIfRunning(accountId: string, id: string, reason: string): Promise<boolean> {
      const rows = await db.query(
        `UPDATE runs SET status = 'aborted', error = $3, finished_at = now()
         WHERE account_id = $1 AND id = $2 AND status = 'running' RETURNING id`,
        [accountId, id, reason],
      );
      return rows.length > 0;
    },

    get: (accountId: string, id: string): Promise<RunRecord | null> =>
      getBatched({ accountId, id }),

    /** The process exactly as the run executed it (retry, re-run from a shape). */
    async document(accountId: string, id: string): Promise<ProcessDocument | null> {
      const [row] = await db.query<{ document: ProcessDocument }>(
        'SELECT document FROM runs WHERE account_id = $1 AND id = $2',
        [accountId, id],
      );
      return row?.document ?? null;
    },

    async listForProcess(
      accountId: string,
      processId: string,
      limit: number,
    ): Promise<RunRecord[]> {
      const rows = await db.query<RunRow>(
        `SELECT ${RUN_COLUMNS} FROM runs WHERE account_id = $1 AND process_id = $2 ORDER BY started_at DESC, id LIMIT $3`,
        [accountId, processId, limit],
      );
      return rows.map(toRunRecord);
    },

    /** Process Reporting's execution search (§10): newest first, filtered, paged. */
    async executions(
      accountId: string,
      query: ExecutionQuery,
    ): Promise<{ items: RunRecord[]; total: number }> {
      const params: unknown[] = [accountId];
      const where = ['account_id = $1'];
      const filters: [string, unknown][] = [
        ['process_id = ?', query.processId],
        ['status = ?', query.status && STATUS_OF[query.status]],
        ['started_at >= ?::timestamptz', query.from],
        ['started_at < ?::timestamptz', query.to],
      ];
      for (const [clause, value] of filters) {
        if (value !== undefined) {
          params.push(value);
          where.push(clause.replace('?', `$${params.length}`));
        }
      }
      if (!query.includeTests) {
        where.push("execution_type <> 'test_manual'");
      }
      const filter = where.join(' AND ');
      const rows = await db.query<RunRow>(
        `SELECT ${RUN_COLUMNS} FROM runs WHERE ${filter} ORDER BY started_at DESC, id
         LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, query.limit, query.offset],
      );
      const [count] = await db.query<{ total: string | number }>(
        `SELECT count(*) AS total FROM runs WHERE ${filter}`,
        params,
      );
      return { items: rows.map(toRunRecord), total: Number(count?.total ?? 0) };
    },

    /** Deletes finished runs older than `ageMs`, with their documents and logs; returns how many. */
    async deleteFinishedOlderThan(ageMs: number): Promise<number> {
      // Document rows go by a trigger (migration 17), the rest by their foreign keys.
      const rows = await db.query<{ id: string }>(
        "DELETE FROM runs WHERE status <> 'running' AND finished_at < now() - $1 * interval '1 millisecond' RETURNING id",
        [ageMs],
      );
      return rows.length;
    },

    /**
     * Live events only serve watchers of running runs; a finished run's record holds
     * its result. They go `ageMs` after the end, once late readers are done.
     */
    async deleteEventsOfFinishedRuns(ageMs: number): Promise<number> {
      const rows = await db.query(
        `DELETE FROM run_events e USING runs r
         WHERE r.account_id = e.account_id AND r.id = e.run_id AND r.status <> 'running'
           AND r.finished_at < now() - $1 * interval '1 millisecond'
         RETURNING e.seq`,
        [ageMs],
      );
      return rows.length;
    },

    /** Says the server running these runs is alive (see `abandonInterrupted`). */
    async heartbeat(ids: readonly string[]): Promise<void> {
      if (ids.length > 0) {
        await db.query(
          "UPDATE runs SET heartbeat_at = now() WHERE id = ANY($1) AND status = 'running'",
          [ids],
        );
      }
    },

    /**
     * Runs left "running" by a server that stopped mid-run can never finish now.
     * Without `staleAfterMs` every running run is abandoned (a server that owns its
     * database, at start); with it only runs whose server has not sent a heartbeat
     * for that long (servers sharing a PostgreSQL database).
     */
    async abandonInterrupted(staleAfterMs?: number): Promise<number> {
      const stale =
        staleAfterMs === undefined
          ? ''
          : " AND (heartbeat_at IS NULL OR heartbeat_at < now() - $1 * interval '1 millisecond')";
      const rows = await db.query<{ id: string }>(
        `UPDATE runs SET status = 'aborted', error = 'The server running it stopped.', finished_at = now()
         WHERE status = 'running'${stale} RETURNING id`,
        staleAfterMs === undefined ? [] : [staleAfterMs],
      );
      return rows.length;
    },
  };
}

export type RunRepository = ReturnType<typeof createRunRepository>;
