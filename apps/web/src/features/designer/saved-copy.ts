import type { ProcessView } from '@junction/api';
import {
  type ProcessDocument,
  serializeProcess,
  type ValidationIssue,
} from '@junction/process-model';
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { processKeys, processQuery } from '../processes/process-queries.ts';
import { useEditor } from './store/editor-context.ts';

/*
 * The saved copy of a process lives only in the query cache (processQuery): the
 * editor store keeps the working copy and the revision it is based on. Keeping a
 * second saved copy in the store let the two disagree after a save or a conflict.
 */

/**
 * Unsaved changes: compared as files, so an edit undone by hand is not "dirty".
 * With no saved copy known, everything is unsaved.
 */
export function isDirty(working: ProcessDocument, saved: ProcessDocument | undefined): boolean {
  return (
    saved === undefined ||
    (working !== saved && serializeProcess(working) !== serializeProcess(saved))
  );
}

export function readSavedCopy(client: QueryClient, processId: string): ProcessView | undefined {
  return client.getQueryData(processKeys.detail(processId));
}

/** Records what the server now stores for the process: after a save, or theirs after a conflict. */
export function writeSavedCopy(
  client: QueryClient,
  saved: { document: ProcessDocument; revision: number; issues?: ValidationIssue[] },
): void {
  client.setQueryData(
    processKeys.detail(saved.document.id),
    (old: ProcessView | undefined): ProcessView => ({
      issues: [],
      updatedAt: new Date().toISOString(),
      ...old,
      ...saved,
    }),
  );
}

/** The saved copy of a process, from the cache the designer page loaded it into. */
export function useSavedCopy(processId: string): ProcessView | undefined {
  return useQuery(processQuery(processId)).data;
}

/** Whether the open editor's working copy differs from the saved copy in the cache. */
export function useIsDirty(): boolean {
  const working = useEditor((s) => s.document);
  const saved = useSavedCopy(working.id)?.document;
  return useMemo(() => isDirty(working, saved), [working, saved]);
}
