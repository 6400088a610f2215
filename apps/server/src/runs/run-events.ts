import { foldRunEvent, type RunEvent, type RunProgress } from '@junction/api';

/** What a watcher of a run hears, in order (GET /api/runs/:id/events): @junction/api's union. */
export type { RunEvent };

export type RunEventListener = (event: RunEvent) => void;

interface LiveRun {
  progress: RunProgress;
  listeners: Set<RunEventListener>;
}

export const NOTHING_YET: RunProgress = {
  status: 'running',
  error: null,
  shapes: {},
  connections: {},
  documentsIn: 0,
  documentsOut: 0,
  documentsInError: 0,
};

/**
 * Fans a run's progress out to its watchers, in this process. It keeps each live
 * run's current counts so a late subscriber starts from a snapshot, not from zero.
 */
export function createRunEventHub() {
  const live = new Map<string, LiveRun>();

  function publish(runId: string, event: RunEvent): void {
    const run = live.get(runId);
    if (!run) {
      return;
    }
    // The snapshot carries counts only: log lines and document errors are stored, not kept here.
    if (event.type !== 'log' && event.type !== 'document-error') {
      run.progress = foldRunEvent(run.progress, event);
    }
    for (const listener of run.listeners) {
      listener(event);
    }
    if (event.type === 'end') {
      live.delete(runId);
    }
  }

  return {
    open(runId: string): void {
      live.set(runId, { progress: NOTHING_YET, listeners: new Set() });
    },
    publish,
    /** Undefined when the run is not live here (finished, or run elsewhere). */
    subscribe(runId: string, listener: RunEventListener): (() => void) | undefined {
      const run = live.get(runId);
      if (!run) {
        return undefined;
      }
      listener({
        type: 'snapshot',
        status: 'running',
        shapes: structuredClone(run.progress.shapes),
        connections: { ...run.progress.connections },
        // A watcher who arrives while the run is paused sees where it waits.
        ...(run.progress.paused ? { paused: run.progress.paused } : {}),
      });
      run.listeners.add(listener);
      return () => run.listeners.delete(listener);
    },
  };
}

export type RunEventHub = ReturnType<typeof createRunEventHub>;
