import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { RunRecord } from '../runs/run-queries.ts';

/** Boomi's ExecutionRecord.status, which `GET /api/executions?status=` filters on. */
export type ExecutionStatus =
  | 'INPROCESS'
  | 'COMPLETE'
  | 'COMPLETE_WARN'
  | 'ERROR'
  | 'ABORTED'
  | 'DISCARDED';

/**
 * The stored status each Boomi status stands for (the server's EXECUTION_STATUS):
 * the filter speaks Boomi, the words come from RUN_STATUS_TEXT by stored status.
 */
export const STATUS_FILTERS: readonly { value: ExecutionStatus; status: RunRecord['status'] }[] = [
  { value: 'COMPLETE', status: 'complete' },
  { value: 'COMPLETE_WARN', status: 'complete-warn' },
  { value: 'ERROR', status: 'error' },
  { value: 'ABORTED', status: 'aborted' },
  { value: 'DISCARDED', status: 'discarded' },
  { value: 'INPROCESS', status: 'running' },
];

/** A run as Process Reporting lists it: the run plus its reporting counts. */
export interface ExecutionRecord extends RunRecord {
  executionStatus: ExecutionStatus;
  revision: number | null;
  deploymentId: string | null;
  environmentId: string | null;
  documentsIn: number;
  documentsOut: number;
  documentsInError: number;
  durationMs: number | null;
}

export interface ExecutionFilter {
  status?: ExecutionStatus | undefined;
  processId?: string | undefined;
  page: number;
}

export const REPORTING_PAGE_SIZE = 20;

/** The query string for one page of Process Reporting; empty filters are left out. */
export function executionSearch(filter: ExecutionFilter): string {
  const params = new URLSearchParams();
  if (filter.status) {
    params.set('status', filter.status);
  }
  if (filter.processId) {
    params.set('processId', filter.processId);
  }
  params.set('limit', String(REPORTING_PAGE_SIZE));
  params.set('offset', String(filter.page * REPORTING_PAGE_SIZE));
  return params.toString();
}

export function executionsQuery(filter: ExecutionFilter) {
  return queryOptions({
    queryKey: ['executions', filter],
    queryFn: async () =>
      (
        await api<{ items: ExecutionRecord[]; total: number }>(
          `/api/executions?${executionSearch(filter)}`,
        )
      ).data,
    // Keep the old page on screen while the next one loads, so paging does not flicker.
    placeholderData: keepPreviousData,
    // Poll while any execution on the page is running; stop once all have an outcome.
    refetchInterval: (query) =>
      query.state.data?.items.some((r) => r.status === 'running') ? 1000 : false,
  });
}
