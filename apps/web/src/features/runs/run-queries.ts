import type { ProcessDocument } from '@junction/process-model';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export interface ShapeStats {
  status: 'running' | 'done' | 'error';
  documentsIn: number;
  documentsOut: number;
  documentsInError: number;
  message?: string;
}

export interface RunRecord {
  id: string;
  processId: string | null;
  processName: string;
  connectionId: string;
  status: 'running' | 'complete' | 'error' | 'aborted';
  error: string | null;
  shapes: Record<string, ShapeStats>;
  connections: Record<string, number>;
  startedAt: string;
  finishedAt: string | null;
}

export function runQuery(id: string) {
  return queryOptions({
    queryKey: ['runs', id],
    queryFn: async () => (await api<RunRecord>(`/api/runs/${encodeURIComponent(id)}`)).data,
    // Poll while the run is going; stop once it has an outcome.
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 250 : false),
  });
}

export async function startRunRequest(input: {
  process: ProcessDocument;
  processId: string;
  connectionId: string;
}) {
  return (await api<{ id: string }>('/api/runs', { method: 'POST', body: input })).data;
}

export async function cancelRunRequest(id: string) {
  await api(`/api/runs/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
}
