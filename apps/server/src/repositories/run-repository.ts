import type { ProcessDocument } from '@junction/process-model';
import type { ShapeStats } from '@junction/runtime';
import type { Database, Queryable } from '../db/database.ts';
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

/** Runs and their per-shape progress; the process as it ran is kept with each run. */
export function createRunRepository(db: Database) {
  return {
    async create(
      accountId: string,
      run: {
        id: string;
        processId: string | null;
        document: ProcessDocument;
        connectionId: string | null;
        executionType: ExecutionType;
        revision: number | null;
        originalRunId: string | null;
        deploymentId?: string | null | undefined;
        environmentId?: string | null | undefined;
      },
      /** The transaction to store it in (a queued run commits with its job). */
      into: Queryable = db,
    ): Promise<void> {
      await into.query(
        `INSERT INTO runs (account_id, id, process_id, process_name, connection_id, document, status,
           execution_type, revision, original_run_id, deployment_id, environment_id, heartbeat_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'running', $7, $8, $9, $10, $11, now())`,
        [
          accountId,
          run.id,
          run.processId,
          run.document.name,
          run.connectionId,
          JSON.stringify(run.document),
          run.executionType,
          run.revision,
          run.originalRunId,
          run.deploymentId ?? null,
          run.environmentId ?? null,
        ],
      );
    },

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
      outcome: {
        status: Exclude<StoredRunStatus, 'running'>;
        error: string | undefined;
        shapes: Record<string, ShapeStats>;
        connections: Record<string, number>;
        counts: { documentsIn: number; documentsOut: number; documentsInError: number };
        documentsStored: number;
      },
      /** The transaction to store it in (a run discarded as it is queued). */
      into: Queryable = db,
    ): Promise<boolean> {
      const rows = await into.query(
        `UPDATE runs SET status = $3, error = $4, shape_stats = $5, connection_counts = $6,
           documents_in = $7, documents_out = $8, documents_in_error = $9, documents_stored = $10,
           finished_at = now()
         WHERE account_id = $1 AND id = $2 AND status = 'running'
         RETURNING id`,
        [
          accountId,
          id,
          outcome.status,
          outcome.error ?? null,
          JSON.stringify(outcome.shapes),
          JSON.stringify(outcome.connections),
          outcome.counts.documentsIn,
          outcome.counts.documentsOut,
          outcome.counts.documentsInError,
          outcome.documentsStored,
        ],
      );
      return rows.length > 0;
    },

    /** A queued run as its worker needs it; null once it has ended (cancelled, abandoned). */
    async queued(accountId: string, id: string): Promise<QueuedRun | null> {
      const [row] = await db.query<QueuedRunRow>(
        `SELECT process_id, document, connection_id, execution_type, revision, original_run_id,
           deployment_id, environment_id, cancel_requested
         FROM runs WHERE account_id = $1 AND id = $2 AND status = 'running'`,
        [accountId, id],
      );
      return row
        ? {
            processId: row.process_id,
            process: row.document,
            connectionId: row.connection_id,
            executionType: row.execution_type,
            revision: row.revision,
            originalRunId: row.original_run_id,
            deploymentId: row.deployment_id,
            environmentId: row.environment_id,
            cancelRequested: row.cancel_requested,
          }
        : null;
    },

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

    async get(accountId: string, id: string): Promise<RunRecord | null> {
      const [row] = await db.query<RunRow>(
        `SELECT ${RUN_COLUMNS} FROM runs WHERE account_id = $1 AND id = $2`,
        [accountId, id],
      );
      return row ? toRunRecord(row) : null;
    },

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
