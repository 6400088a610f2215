import { own } from '@junction/process-model';
import type { LogLevel, ShapeStats } from '@junction/runtime';
import { keyedRecord, setOwn } from '@junction/runtime';
import type { StoredRunStatus } from '../repositories/run-record.ts';

/** What a watcher of a run hears, in order (GET /api/runs/:id/events). */
export type RunEvent =
  /** First event for every subscriber: the run as it is now (late joiners catch up). */
  | {
      type: 'snapshot';
      status: StoredRunStatus;
      shapes: Record<string, ShapeStats>;
      connections: Record<string, number>;
    }
  | { type: 'shape-started'; shapeId: string; documents: number }
  | { type: 'shape-finished'; shapeId: string; stats: ShapeStats }
  | { type: 'connection'; connectionId: string; count: number }
  | { type: 'document-error'; shapeId: string; documentId: string; message: string }
  | { type: 'log'; shapeId: string; level: LogLevel; message: string; documentId?: string }
  /** Last event: the stream ends after it. */
  | {
      type: 'end';
      status: Exclude<StoredRunStatus, 'running'>;
      error: string | null;
      shapes: Record<string, ShapeStats>;
      connections: Record<string, number>;
      documentsIn: number;
      documentsOut: number;
      documentsInError: number;
    };

export type RunEventListener = (event: RunEvent) => void;

interface LiveRun {
  shapes: Record<string, ShapeStats>;
  connections: Record<string, number>;
  listeners: Set<RunEventListener>;
}

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
    if (event.type === 'shape-started') {
      const before = own(run.shapes, event.shapeId);
      setOwn(run.shapes, event.shapeId, {
        ...(before ?? { documentsIn: 0, documentsOut: 0, documentsInError: 0, elapsedMs: 0 }),
        status: 'running',
      });
    } else if (event.type === 'shape-finished') {
      setOwn(run.shapes, event.shapeId, event.stats);
    } else if (event.type === 'connection') {
      setOwn(run.connections, event.connectionId, event.count);
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
      live.set(runId, { shapes: keyedRecord(), connections: keyedRecord(), listeners: new Set() });
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
        shapes: structuredClone(run.shapes),
        connections: { ...run.connections },
      });
      run.listeners.add(listener);
      return () => run.listeners.delete(listener);
    },
  };
}

export type RunEventHub = ReturnType<typeof createRunEventHub>;
