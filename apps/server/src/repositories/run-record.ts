import {
  EXECUTION_STATUS,
  type ExecutionStatus,
  type ExecutionType,
  type RunRecord,
  type StoredRunStatus,
} from '@junction/api';
import type { ShapeStats } from '@junction/runtime';

// The wire shapes live in @junction/api; the server's code keeps importing them from here.
export {
  EXECUTION_STATUS,
  type ExecutionStatus,
  type ExecutionType,
  type RunRecord,
  type StoredRunStatus,
};

/** The same mapping in SQL, for queries that filter or sort on Boomi's status. */
export const EXECUTION_STATUS_SQL = `CASE status ${Object.entries(EXECUTION_STATUS)
  .map(([stored, boomi]) => `WHEN '${stored}' THEN '${boomi}'`)
  .join(' ')} END`;

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
