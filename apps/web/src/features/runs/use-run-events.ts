import {
  foldRunEvent,
  RUN_EVENT_TYPES,
  type RunEvent,
  type RunProgress,
  type RunRecord,
} from '@junction/api';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { runQuery } from './run-queries.ts';

/** The run in the query cache while it is watched: the record plus what only events carry. */
export type WatchedRun = RunRecord & Pick<RunProgress, 'documentErrors' | 'log' | 'paused'>;

/**
 * Follows a running run over Server-Sent Events and folds each event into the
 * run's query cache entry, so the canvas repaints as shapes start and finish.
 * The stored run is refetched at the end for the final numbers. `onFollowing` hears
 * the run's id while the stream is open and null while it is not (connecting again
 * after an error, or closed), so the record is polled only when events cannot keep it.
 */
export function useRunEvents(
  runId: string | null,
  running: boolean,
  onFollowing: (runId: string | null) => void,
): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!runId || !running) {
      return;
    }
    const key = runQuery(runId).queryKey;
    const source = new EventSource(`/api/runs/${encodeURIComponent(runId)}/events`);
    source.addEventListener('open', () => onFollowing(runId));
    source.addEventListener('error', () => onFollowing(null));
    const onEvent = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as RunEvent;
      queryClient.setQueryData(key, (run: WatchedRun | undefined) =>
        run ? foldRunEvent(run, event) : run,
      );
      if (event.type === 'end') {
        source.close();
        onFollowing(null);
        void queryClient.invalidateQueries({ queryKey: key });
      }
    };
    // EventSource delivers named events only to listeners of that name: listen to every one.
    for (const type of RUN_EVENT_TYPES) {
      source.addEventListener(type, onEvent);
    }
    return () => {
      source.close();
      onFollowing(null);
    };
  }, [runId, running, queryClient, onFollowing]);
}
