import type { ProcessDocument } from '@junction/process-model';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { StoreApi } from 'zustand/vanilla';
import { useEditor } from '../designer/store/editor-context.ts';
import type { EditorState } from '../designer/store/editor-store.ts';
import {
  rerunFromShapeRequest,
  retryRunRequest,
  runQuery,
  startRunRequest,
} from './run-queries.ts';
import { useLineageShapes } from './use-lineage-shapes.ts';
import { useRunEvents } from './use-run-events.ts';

/**
 * Everything Test mode needs in the designer: start, retry and re-run, the run
 * on show (followed live over SSE), and the lineage of the inspected document.
 */
export function useTestRun(store: StoreApi<EditorState>, onError: (message: string) => void) {
  const runId = useEditor((s) => s.runId);
  const inspectedDocument = useEditor((s) => s.inspectedDocument);
  const run = useQuery({ ...runQuery(runId ?? ''), enabled: runId !== null });
  useRunEvents(runId, run.data?.status === 'running');
  const lineageShapes = useLineageShapes(runId, inspectedDocument);
  const show = (id: string) => store.getState().showRun(id);

  const start = useMutation({
    mutationFn: ({
      connectionId,
      usePinnedInput,
    }: {
      connectionId: string;
      usePinnedInput: boolean;
    }) => {
      const doc: ProcessDocument = store.getState().document;
      return startRunRequest({
        process: doc,
        processId: doc.id,
        connectionId,
        ...(usePinnedInput ? { usePinnedInput } : {}),
      });
    },
    onSuccess: ({ id }) => show(id),
    onError: (error) => onError(`Could not start the test: ${error.message}`),
  });
  const replay = useMutation({
    mutationFn: (request: () => Promise<{ id: string }>) => request(),
    onSuccess: ({ id }) => show(id),
    onError: (error) => onError(`Could not start the run: ${error.message}`),
  });

  return {
    runId,
    run: runId ? run.data : undefined,
    inspectedDocument,
    lineageShapes,
    starting: start.isPending,
    start: (connectionId: string, usePinnedInput: boolean) =>
      start.mutate({ connectionId, usePinnedInput }),
    retry: () => runId && replay.mutate(() => retryRunRequest(runId)),
    rerunFrom: (shapeId: string) =>
      runId &&
      replay.mutate(() => rerunFromShapeRequest(runId, shapeId, store.getState().document)),
  };
}
