import type { ProcessRevision, ProcessView, RevisionList } from '@junction/api';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

const path = (processId: string) => `/api/processes/${encodeURIComponent(processId)}/revisions`;

export function revisionListQuery(processId: string) {
  return queryOptions({
    queryKey: ['processes', 'revisions', processId] as const,
    queryFn: async () => (await api<RevisionList>(path(processId))).data.items,
  });
}

/** A saved revision never changes, so it is fetched once. */
export function revisionQuery(processId: string, revision: number) {
  return queryOptions({
    queryKey: ['processes', 'revisions', processId, revision] as const,
    queryFn: async () =>
      (await api<ProcessRevision>(`${path(processId)}/${revision}`)).data.document,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * Stores `revision` again as the process's latest revision. `latest` is the
 * revision the user saw as latest: a 409 ApiError carries the current one when
 * someone saved since, as for a save.
 */
export async function restoreRevisionRequest(processId: string, revision: number, latest: number) {
  return (
    await api<ProcessView>(`${path(processId)}/${revision}/restore`, {
      method: 'POST',
      headers: { 'if-match': `"${latest}"` },
    })
  ).data;
}
