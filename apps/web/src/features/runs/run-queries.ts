import type {
  DocumentDetail,
  DocumentDirection,
  DocumentPreview,
  PauseAnswerBody,
  PinnedDocument,
  RunLog,
  RunRecord,
} from '@junction/api';
import type { ProcessDocument } from '@junction/process-model';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { DocumentPlace } from './document-at-shape.ts';

export function runQuery(id: string) {
  return queryOptions({
    queryKey: ['runs', id],
    queryFn: async () => (await api<RunRecord>(`/api/runs/${encodeURIComponent(id)}`)).data,
    // Poll while the run is going; stop once it has an outcome. A run followed over
    // SSE (use-run-events) is not polled while its stream is open (use-test-run).
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1000 : false),
  });
}

export async function startRunRequest(input: {
  process: ProcessDocument;
  processId: string;
  connectionId: string | null;
  usePinnedInput?: boolean;
  breakpoints?: readonly string[];
}) {
  return (await api<{ id: string }>('/api/runs', { method: 'POST', body: input })).data;
}

/** Continue, Step or Stop a test run paused at a breakpoint, with edited waiting documents. */
export async function answerPauseRequest(runId: string, answer: PauseAnswerBody) {
  await api(`/api/runs/${encodeURIComponent(runId)}/debug`, { method: 'POST', body: answer });
}

export async function cancelRunRequest(id: string) {
  await api(`/api/runs/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
}

/** Documents are fetched a page at a time as the list scrolls. */
export const DOCUMENT_PAGE = 200;

/**
 * How often a page of a run still going is fetched again: a connector's documents are
 * stored page by page as it reads them, long before its shape finishes and any run
 * event says so. The run's end refetches every page once more (use-run-events).
 */
export const LIVE_DOCUMENTS_MS = 1000;

export function documentPageQuery(
  runId: string,
  shapeId: string,
  direction: DocumentDirection,
  page: number,
  live = false,
) {
  return queryOptions({
    queryKey: ['runs', runId, 'documents', shapeId, direction, page],
    queryFn: async () =>
      (
        await api<{ items: DocumentPreview[]; total: number }>(
          `/api/runs/${encodeURIComponent(runId)}/shapes/${encodeURIComponent(shapeId)}/documents?direction=${direction}&offset=${page * DOCUMENT_PAGE}&limit=${DOCUMENT_PAGE}`,
        )
      ).data,
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: live ? LIVE_DOCUMENTS_MS : false,
  });
}

/** A document through the run; with `at`, its data and properties as they were there. */
export function documentQuery(runId: string, documentId: string, at?: DocumentPlace) {
  const where = at
    ? `?shape=${encodeURIComponent(at.shape)}&direction=${encodeURIComponent(at.direction)}`
    : '';
  return queryOptions({
    queryKey: ['runs', runId, 'document', documentId, at?.shape ?? null, at?.direction ?? null],
    queryFn: async () =>
      (
        await api<DocumentDetail>(
          `/api/runs/${encodeURIComponent(runId)}/documents/${encodeURIComponent(documentId)}${where}`,
        )
      ).data,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function runLogsQuery(runId: string) {
  return queryOptions({
    queryKey: ['runs', runId, 'logs'],
    queryFn: async () =>
      (await api<{ items: RunLog[] }>(`/api/runs/${encodeURIComponent(runId)}/logs`)).data.items,
  });
}

export function processRunsQuery(processId: string) {
  return queryOptions({
    queryKey: ['processes', processId, 'runs'],
    queryFn: async () =>
      (await api<{ items: RunRecord[] }>(`/api/processes/${encodeURIComponent(processId)}/runs`))
        .data.items,
  });
}

export function testInputQuery(processId: string) {
  return queryOptions({
    queryKey: ['processes', processId, 'test-input'],
    queryFn: async () =>
      (
        await api<{ documents: PinnedDocument[] }>(
          `/api/processes/${encodeURIComponent(processId)}/test-input`,
        )
      ).data.documents,
  });
}

export async function saveTestInputRequest(processId: string, documents: PinnedDocument[]) {
  await api(`/api/processes/${encodeURIComponent(processId)}/test-input`, {
    method: 'PUT',
    body: { documents },
  });
}

export async function retryRunRequest(runId: string) {
  return (
    await api<{ id: string }>(`/api/runs/${encodeURIComponent(runId)}/retry`, {
      method: 'POST',
      body: {},
    })
  ).data;
}

export async function rerunFromShapeRequest(
  runId: string,
  shapeId: string,
  process: ProcessDocument,
) {
  return (
    await api<{ id: string }>(`/api/runs/${encodeURIComponent(runId)}/rerun`, {
      method: 'POST',
      body: { shapeId, process },
    })
  ).data;
}
