import type { LastRun } from '@junction/api';
import { RUN_STATUS_TEXT } from '../runs/run-status-text.ts';

/** The name a process opens with from Create process; it is renamed in the designer. */
export const UNTITLED_PROCESS = 'Untitled process';

/** A process's last run in the list: its status and when it started, or that it never ran. */
export function lastRunText(lastRun: LastRun | null, locale?: string): string {
  if (lastRun === null) {
    return 'Never run';
  }
  return `${RUN_STATUS_TEXT[lastRun.status]} · ${new Date(lastRun.startedAt).toLocaleString(locale)}`;
}

/** What an empty list says to do next: create or import, or change the search. */
export function emptyListText(search: string): string {
  return search.trim() === ''
    ? 'No processes yet. Choose Create process to open a blank canvas, or import a process file (a Junction .json or a Boomi .xml export).'
    : `No process name contains “${search.trim()}”. Clear the search to see every process.`;
}
