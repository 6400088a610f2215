import {
  EXECUTION_STATUS,
  type ExecutionStatus,
  type RunPage,
  type RunRecord,
} from '@junction/api';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/**
 * The filter speaks Boomi (EXECUTION_STATUS), the words come from RUN_STATUS_TEXT
 * by stored status; listed in the order the filter offers them.
 */
const FILTER_ORDER: readonly RunRecord['status'][] = [
  'complete',
  'complete-warn',
  'error',
  'aborted',
  'discarded',
  'running',
];
export const STATUS_FILTERS: readonly { value: ExecutionStatus; status: RunRecord['status'] }[] =
  FILTER_ORDER.map((status) => ({ value: EXECUTION_STATUS[status], status }));

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
    queryFn: async () => (await api<RunPage>(`/api/executions?${executionSearch(filter)}`)).data,
    // Keep the old page on screen while the next one loads, so paging does not flicker.
    placeholderData: keepPreviousData,
    // Poll while any execution on the page is running; stop once all have an outcome.
    refetchInterval: (query) =>
      query.state.data?.items.some((r) => r.status === 'running') ? 1000 : false,
  });
}
