import type { RunRecord } from '@junction/api';

/** How Process Reporting names an execution type (Boomi's executionType values). */
export const EXECUTION_TYPE_TEXT: Record<RunRecord['executionType'], string> = {
  exec_manual: 'Manual',
  exec_sched: 'Scheduled',
  exec_listener: 'Listener',
  retry_manual: 'Retry',
  test_manual: 'Test',
};

/**
 * An execution's elapsed time, short enough for a table cell: milliseconds under
 * a second, tenths of a second under a minute, then minutes and hours. A running
 * execution (no duration yet) shows a dash.
 */
export function formatElapsed(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) {
    return '—';
  }
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  if (ms < 60_000) {
    // Floor, not round: 59.96 s must not read "60.0 s".
    return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
  }
  const totalSeconds = Math.floor(ms / 1000);
  const seconds = totalSeconds % 60;
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) {
    return `${totalMinutes} min ${String(seconds).padStart(2, '0')} s`;
  }
  const hours = Math.floor(totalMinutes / 60);
  return `${hours} h ${String(totalMinutes % 60).padStart(2, '0')} min`;
}
