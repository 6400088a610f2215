import type { RunStatus, ShapeStats } from '@junction/runtime';

/** A run's status as stored: running, what the runtime ended with, or discarded before it ran. */
export type StoredRunStatus = 'running' | RunStatus | 'discarded';

/** Boomi's ExecutionRecord.executionType values Junction produces (process-semantics.md §8). */
export type ExecutionType = 'test_manual' | 'exec_manual' | 'exec_sched' | 'retry_manual';

/** Boomi's ExecutionRecord.status for a stored run. */
export type ExecutionStatus =
  | 'INPROCESS'
  | 'COMPLETE'
  | 'COMPLETE_WARN'
  | 'ERROR'
  | 'ABORTED'
  | 'DISCARDED';

export const EXECUTION_STATUS: Record<StoredRunStatus, ExecutionStatus> = {
  running: 'INPROCESS',
  complete: 'COMPLETE',
  'complete-warn': 'COMPLETE_WARN',
  error: 'ERROR',
  aborted: 'ABORTED',
  discarded: 'DISCARDED',
};

/** The same mapping in SQL, for queries that filter or sort on Boomi's status. */
export const EXECUTION_STATUS_SQL = `CASE status ${Object.entries(EXECUTION_STATUS)
  .map(([stored, boomi]) => `WHEN '${stored}' THEN '${boomi}'`)
  .join(' ')} END`;

export interface RunRecord {
  id: string;
  processId: string | null;
  processName: string;
  /** The saved revision an execution ran; null for a test of the editor's copy. */
  revision: number | null;
  /** The connection that replaced every connector's for a test; null = the process's own. */
  connectionId: string | null;
  executionType: ExecutionType;
  /** The run this one retried or re-ran from a shape. */
  originalRunId: string | null;
  /** The deployment (and its environment) an execution ran; null for tests and manual runs. */
  deploymentId: string | null;
  environmentId: string | null;
  status: StoredRunStatus;
  executionStatus: ExecutionStatus;
  error: string | null;
  shapes: Record<string, ShapeStats>;
  connections: Record<string, number>;
  /** Reporting counts (§10): Start's documents in, outbound connector documents out. */
  documentsIn: number;
  documentsOut: number;
  documentsInError: number;
  /** Document rows kept for the run's shapes (0 when storing them failed). */
  documentsStored: number;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
}

export interface RunRow {
  id: string;
  process_id: string | null;
  process_name: string;
  revision: number | null;
  connection_id: string | null;
  execution_type: ExecutionType;
  original_run_id: string | null;
  deployment_id: string | null;
  environment_id: string | null;
  status: StoredRunStatus;
  error: string | null;
  shape_stats: Record<string, ShapeStats>;
  connection_counts: Record<string, number>;
  documents_in: number;
  documents_out: number;
  documents_in_error: number;
  documents_stored: number;
  started_at: Date | string;
  finished_at: Date | string | null;
}

/** Every column but the stored process document, which lists never need. */
export const RUN_COLUMNS = `id, process_id, process_name, revision, connection_id, execution_type,
  original_run_id, deployment_id, environment_id, status, error, shape_stats, connection_counts, documents_in, documents_out,
  documents_in_error, documents_stored, started_at, finished_at`;

export function toRunRecord(row: RunRow): RunRecord {
  const started = new Date(row.started_at);
  const finished = row.finished_at ? new Date(row.finished_at) : null;
  return {
    id: row.id,
    processId: row.process_id,
    processName: row.process_name,
    revision: row.revision,
    connectionId: row.connection_id,
    executionType: row.execution_type,
    originalRunId: row.original_run_id,
    deploymentId: row.deployment_id,
    environmentId: row.environment_id,
    status: row.status,
    executionStatus: EXECUTION_STATUS[row.status],
    error: row.error,
    shapes: row.shape_stats,
    connections: row.connection_counts,
    documentsIn: row.documents_in,
    documentsOut: row.documents_out,
    documentsInError: row.documents_in_error,
    documentsStored: row.documents_stored,
    startedAt: started.toISOString(),
    finishedAt: finished ? finished.toISOString() : null,
    durationMs: finished ? finished.getTime() - started.getTime() : null,
  };
}
