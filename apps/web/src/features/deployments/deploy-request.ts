import type { ScheduleInput } from '@junction/api';
import { ApiError } from '../../lib/api.ts';
import type { DeployRequest } from './deployment-queries.ts';

/** What the deploy form holds; a schedule row left blank means "no schedule". */
export interface DeployDraft {
  environmentId: string;
  processId: string;
  /** The chosen revision; null deploys the latest saved one. */
  revision: number | null;
  schedules: ScheduleInput[];
}

export const DEFAULT_TIME_ZONE = 'UTC';

/**
 * The deploy-process body for a draft. Cron text is sent as typed (trimmed) so
 * the server, which owns the cron rules, judges it and says what is wrong.
 */
export function buildDeployRequest(draft: DeployDraft): DeployRequest {
  const schedules = draft.schedules
    .map((s) => ({ cron: s.cron.trim(), timeZone: s.timeZone.trim() || DEFAULT_TIME_ZONE }))
    .filter((s) => s.cron !== '');
  return {
    environmentId: draft.environmentId,
    processId: draft.processId,
    ...(draft.revision !== null ? { revision: draft.revision } : {}),
    ...(schedules.length > 0 ? { schedules } : {}),
  };
}

/** The revisions a process can be deployed at, newest first (the default is the first). */
export function revisionChoices(latest: number): number[] {
  return Array.from({ length: Math.max(0, latest) }, (_, i) => latest - i);
}

/**
 * Whether the server refused the deploy for its schedules: a cron or time zone it
 * cannot use (`bad-schedule`), or a schedule that fails the body's schema. Such a
 * message belongs next to the schedule fields, not at the foot of the form.
 */
export function isScheduleError(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status < 500 &&
    (error.body['error'] === 'bad-schedule' || /^Invalid body: \/schedules\b/.test(error.message))
  );
}
