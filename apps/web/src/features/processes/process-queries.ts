import type {
  BoomiImportPreview,
  ProcessReplacePreview,
  ProcessSummary,
  ProcessView,
} from '@junction/api';
import type { ProcessDocument, ValidationIssue } from '@junction/process-model';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export const processKeys = {
  all: ['processes'] as const,
  list: (search: string) => ['processes', 'list', search] as const,
  detail: (id: string) => ['processes', 'detail', id] as const,
};

export function processListQuery(search: string) {
  return queryOptions({
    queryKey: processKeys.list(search),
    queryFn: async () =>
      (
        await api<{ items: ProcessSummary[]; total: number }>(
          `/api/processes?limit=200&search=${encodeURIComponent(search)}`,
        )
      ).data,
  });
}

export function processQuery(id: string) {
  return queryOptions({
    queryKey: processKeys.detail(id),
    queryFn: async () => (await api<ProcessView>(`/api/processes/${encodeURIComponent(id)}`)).data,
    // The editor keeps its own working copy; refetching under it would only confuse.
    staleTime: Number.POSITIVE_INFINITY,
    // This is the designer's saved copy: a save writes the very document it sent,
    // and dirty checks compare by identity first. Sharing would hand back a merge.
    structuralSharing: false,
  });
}

export async function createProcessRequest(name: string) {
  return (
    await api<{ id: string; revision: number; document: ProcessDocument }>('/api/processes', {
      method: 'POST',
      body: { name },
    })
  ).data;
}

/** Imports a process: a file's text as read (so repeated keys and bad JSON are reported where they are), or a document. */
export async function importProcessRequest(file: string | ProcessDocument) {
  return (
    await api<{ id: string; issues: ValidationIssue[] }>('/api/processes/import', {
      method: 'POST',
      ...(typeof file === 'string' ? { text: file } : { body: file }),
    })
  ).data;
}

/** Converts a Boomi process export (XML text) into a preview; the server stores nothing. */
export async function previewBoomiImportRequest(xml: string) {
  return (
    await api<BoomiImportPreview>('/api/processes/import/boomi', {
      method: 'POST',
      text: xml,
      headers: { 'content-type': 'application/xml' },
    })
  ).data;
}

/**
 * Reads a process file (its text as read, so the server locates bad JSON and keys
 * written twice) as the replacement of a stored process, beside that process's
 * latest revision; the server stores nothing.
 */
export async function previewReplaceRequest(processId: string, file: string) {
  return (
    await api<ProcessReplacePreview>(
      `/api/processes/${encodeURIComponent(processId)}/replace-preview`,
      { method: 'POST', text: file },
    )
  ).data;
}

export async function deleteProcessRequest(id: string) {
  await api(`/api/processes/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Saves with optimistic concurrency; a 409 ApiError carries the current revision. */
export async function saveProcessRequest(document: ProcessDocument, revision: number) {
  return (
    await api<{ revision: number; issues: ValidationIssue[] }>(
      `/api/processes/${encodeURIComponent(document.id)}`,
      {
        method: 'PUT',
        body: document,
        headers: { 'if-match': `"${revision}"` },
      },
    )
  ).data;
}
