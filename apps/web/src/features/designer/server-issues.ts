import type { ProcessDocument, ValidationIssue } from '@junction/process-model';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../lib/api.ts';

/** How long the working copy must rest before the server is asked again. */
const SETTLE_MS = 400;

/**
 * Issues only the server can find (a Process Call naming a process that is missing
 * from the account, a JSONata pattern the linear-time engine refuses), for the working
 * copy once editing pauses. The local validation answers everything else at once.
 */
export function useServerIssues(document: ProcessDocument): readonly ValidationIssue[] {
  const settled = useSettled(document, SETTLE_MS);
  const text = useMemo(() => JSON.stringify(settled), [settled]);
  const query = useQuery({
    queryKey: ['server-validation', text],
    queryFn: async () =>
      (await api<{ issues: ValidationIssue[] }>('/api/validate', { method: 'POST', text })).data
        .issues,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return query.data ?? NONE;
}

const NONE: readonly ValidationIssue[] = [];

/** `value`, once it has stopped changing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The local issues plus the server's that the local validation does not report (the
 * same code at the same place counts once). Local issues come first, in their order.
 */
export function withServerIssues(
  local: readonly ValidationIssue[],
  server: readonly ValidationIssue[],
): readonly ValidationIssue[] {
  if (server.length === 0) {
    return local;
  }
  const seen = new Set(local.map((issue) => `${issue.code} ${issue.pointer}`));
  const extra = server.filter((issue) => !seen.has(`${issue.code} ${issue.pointer}`));
  return extra.length === 0 ? local : [...local, ...extra];
}
