import type { ProcessDocument } from '@junction/process-model';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  rerunFromShapeRequest,
  retryRunRequest,
  runQuery,
  startRunRequest,
} from './run-queries.ts';
import { useLineageShapes } from './use-lineage-shapes.ts';
import { useRunEvents } from './use-run-events.ts';

/**
 * What Test mode needs from the editor that hosts it. Owned here, so runs/ never
 * depends on the designer's store: the designer passes its state in.
 */
export interface TestRunHost {
  /** The run on show, if any. */
  runId: string | null;
  /** The run document open in the inspector. */
  inspectedDocument: string | null;
  /** The working copy at this moment: a test runs the unsaved version. */
  currentDocument(): ProcessDocument;
  /** The shapes a test pauses before, at this moment. */
  breakpoints(): readonly string[];
  showRun(runId: string): void;
  onError(message: string): void;
}

/**
 * Everything Test mode needs in the designer: start, retry and re-run, the run
 * on show (followed live over SSE), and the lineage of the inspected document.
 */
export function useTestRun(host: TestRunHost) {
  const { runId, inspectedDocument, onError } = host;
  // The run whose events stream is open: its record is then kept by the events, and
  // polling it as well would read it every second for nothing.
  const [followed, setFollowed] = useState<string | null>(null);
  const run = useQuery({
    ...runQuery(runId ?? ''),
    enabled: runId !== null,
    ...(followed !== null && followed === runId ? { refetchInterval: false } : {}),
  });
  useRunEvents(runId, run.data?.status === 'running', setFollowed);
  const lineageShapes = useLineageShapes(runId, inspectedDocument);
  const show = (id: string) => host.showRun(id);

  const start = useMutation({
    mutationFn: ({
      connectionId,
      usePinnedInput,
    }: {
      connectionId: string;
      usePinnedInput: boolean;
    }) => {
      const doc = host.currentDocument();
      // Breakpoints on shapes deleted since they were set are left behind.
      const breakpoints = host.breakpoints().filter((id) => doc.shapes[id] !== undefined);
      return startRunRequest({
        process: doc,
        processId: doc.id,
        connectionId,
        ...(usePinnedInput ? { usePinnedInput } : {}),
        ...(breakpoints.length > 0 ? { breakpoints } : {}),
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
      runId && replay.mutate(() => rerunFromShapeRequest(runId, shapeId, host.currentDocument())),
  };
}
