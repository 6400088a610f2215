import type { RunRecord } from '@junction/api';

/** What a run's status says to a person (Boomi's Process Reporting words, §8). */
export const RUN_STATUS_TEXT: Record<RunRecord['status'], string> = {
  running: 'Running',
  complete: 'Complete',
  'complete-warn': 'Complete with warnings',
  error: 'Error',
  aborted: 'Cancelled',
  discarded: 'Discarded',
};
