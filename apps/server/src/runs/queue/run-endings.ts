import type { RunEvent } from '../run-events.ts';

export const WORKER_LOST_REASON =
  'The worker running it stopped before the run finished. It was not run again, because connector calls such as Approve are not safe to repeat.';
export const CANCELLED_WHILE_QUEUED = 'Cancelled before a worker started it.';
export const WORKER_SHUTDOWN_REASON = 'Worker shut down before the run finished';

/** The `end` of a run that ended without its executor (no shapes, no counts). */
export function endOf(status: 'aborted', error: string): RunEvent {
  return {
    type: 'end',
    status,
    error,
    shapes: {},
    connections: {},
    documentsIn: 0,
    documentsOut: 0,
    documentsInError: 0,
  };
}
