import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { type RunRecord, runQuery } from './run-queries.ts';

export type RunEvent =
  | {
      type: 'snapshot';
      status: RunRecord['status'];
      shapes: RunRecord['shapes'];
      connections: RunRecord['connections'];
    }
  | { type: 'shape-started'; shapeId: string }
  | { type: 'shape-finished'; shapeId: string; stats: RunRecord['shapes'][string] }
  | { type: 'connection'; connectionId: string; count: number }
  | { type: 'end'; status: RunRecord['status']; error: string | null };

/** Folds one event into the run record the canvas paints from. */
export function applyRunEvent(run: RunRecord, event: RunEvent): RunRecord {
  switch (event.type) {
    case 'snapshot':
      return { ...run, status: event.status, shapes: event.shapes, connections: event.connections };
    case 'shape-started': {
      const before = run.shapes[event.shapeId] ?? {
        documentsIn: 0,
        documentsOut: 0,
        documentsInError: 0,
      };
      return {
        ...run,
        shapes: { ...run.shapes, [event.shapeId]: { ...before, status: 'running' } },
      };
    }
    case 'shape-finished':
      return { ...run, shapes: { ...run.shapes, [event.shapeId]: event.stats } };
    case 'connection':
      return { ...run, connections: { ...run.connections, [event.connectionId]: event.count } };
    case 'end':
      return { ...run, status: event.status, error: event.error };
  }
}

const EVENT_TYPES = ['snapshot', 'shape-started', 'shape-finished', 'connection', 'end'] as const;

/**
 * Follows a running run over Server-Sent Events and folds each event into the
 * run's query cache entry, so the canvas repaints as shapes start and finish.
 * The stored run is refetched at the end for the final numbers.
 */
export function useRunEvents(runId: string | null, running: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!runId || !running) {
      return;
    }
    const key = runQuery(runId).queryKey;
    const source = new EventSource(`/api/runs/${encodeURIComponent(runId)}/events`);
    const onEvent = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as RunEvent;
      queryClient.setQueryData(key, (run: RunRecord | undefined) =>
        run ? applyRunEvent(run, event) : run,
      );
      if (event.type === 'end') {
        source.close();
        void queryClient.invalidateQueries({ queryKey: key });
      }
    };
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, onEvent);
    }
    return () => source.close();
  }, [runId, running, queryClient]);
}
