import type { ProcessDocument } from '@junction/process-model';
import type { Database } from '../db/database.ts';
import type { ShapeStats } from '../runtime/types.ts';

export type StoredRunStatus = 'running' | 'complete' | 'error' | 'aborted';

export interface RunRecord {
  id: string;
  processId: string | null;
  processName: string;
  connectionId: string;
  status: StoredRunStatus;
  error: string | null;
  shapes: Record<string, ShapeStats>;
  connections: Record<string, number>;
  startedAt: string;
  finishedAt: string | null;
}

interface RunRow {
  id: string;
  process_id: string | null;
  process_name: string;
  connection_id: string;
  status: StoredRunStatus;
  error: string | null;
  shape_stats: Record<string, ShapeStats>;
  connection_counts: Record<string, number>;
  started_at: Date | string;
  finished_at: Date | string | null;
}

function toRecord(row: RunRow): RunRecord {
  return {
    id: row.id,
    processId: row.process_id,
    processName: row.process_name,
    connectionId: row.connection_id,
    status: row.status,
    error: row.error,
    shapes: row.shape_stats,
    connections: row.connection_counts,
    startedAt: new Date(row.started_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}

/** Runs and their per-shape progress; the process as it ran is kept with each run. */
export function createRunRepository(db: Database) {
  return {
    async create(
      accountId: string,
      run: {
        id: string;
        processId: string | null;
        document: ProcessDocument;
        connectionId: string;
      },
    ): Promise<void> {
      await db.query(
        `INSERT INTO runs (account_id, id, process_id, process_name, connection_id, document, status)
         VALUES ($1, $2, $3, $4, $5, $6, 'running')`,
        [
          accountId,
          run.id,
          run.processId,
          run.document.name,
          run.connectionId,
          JSON.stringify(run.document),
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

    async finish(
      accountId: string,
      id: string,
      outcome: {
        status: Exclude<StoredRunStatus, 'running'>;
        error: string | undefined;
        shapes: Record<string, ShapeStats>;
        connections: Record<string, number>;
      },
    ): Promise<void> {
      await db.query(
        `UPDATE runs SET status = $3, error = $4, shape_stats = $5, connection_counts = $6, finished_at = now()
         WHERE account_id = $1 AND id = $2`,
        [
          accountId,
          id,
          outcome.status,
          outcome.error ?? null,
          JSON.stringify(outcome.shapes),
          JSON.stringify(outcome.connections),
        ],
      );
    },

    async get(accountId: string, id: string): Promise<RunRecord | null> {
      const [row] = await db.query<RunRow>('SELECT * FROM runs WHERE account_id = $1 AND id = $2', [
        accountId,
        id,
      ]);
      return row ? toRecord(row) : null;
    },

    async listForProcess(
      accountId: string,
      processId: string,
      limit: number,
    ): Promise<RunRecord[]> {
      const rows = await db.query<RunRow>(
        'SELECT * FROM runs WHERE account_id = $1 AND process_id = $2 ORDER BY started_at DESC LIMIT $3',
        [accountId, processId, limit],
      );
      return rows.map(toRecord);
    },

    /** Runs left "running" by a server that stopped mid-run can never finish now. */
    async abandonInterrupted(): Promise<void> {
      await db.query(
        "UPDATE runs SET status = 'aborted', error = 'The server stopped during this run.', finished_at = now() WHERE status = 'running'",
      );
    },
  };
}

export type RunRepository = ReturnType<typeof createRunRepository>;
