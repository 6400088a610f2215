import type { RunRecord } from '../repositories/run-record.ts';
import type { RunEvent } from './run-events.ts';

/** A finished run's `end` event, read back from its stored record. */
export function endOf(run: RunRecord): RunEvent {
  return {
    type: 'end',
    status: run.status === 'running' ? 'error' : run.status,
    error: run.error,
    shapes: run.shapes,
    connections: run.connections,
    documentsIn: run.documentsIn,
    documentsOut: run.documentsOut,
    documentsInError: run.documentsInError,
  };
}
