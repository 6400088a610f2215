import { own } from '@junction/process-model';
import type { Static } from 'typebox';
import type { PauseState } from './run-debug.ts';
import type { DocumentErrorEventSchema, LogEventSchema, RunEvent } from './run-events.ts';
import type { RunRecord } from './runs.ts';

export type LiveDocumentError = Omit<Static<typeof DocumentErrorEventSchema>, 'type'>;
export type LiveLogLine = Omit<Static<typeof LogEventSchema>, 'type'>;

/**
 * What live events change in a run, plus what only events carry while it runs:
 * document errors and log lines (the stored run keeps them as documents and logs).
 */
export type RunProgress = Pick<
  RunRecord,
  | 'status'
  | 'error'
  | 'shapes'
  | 'connections'
  | 'documentsIn'
  | 'documentsOut'
  | 'documentsInError'
> & {
  documentErrors?: LiveDocumentError[];
  log?: LiveLogLine[];
  /** Where the run waits for Continue, Step or Stop; absent while it runs. */
  paused?: PauseState | undefined;
};

/**
 * A watcher may follow a run that logs without end; the whole log is stored
 * (GET /api/runs/:id/logs), so live state keeps only the latest lines.
 */
export const LIVE_LINES_KEPT = 1000;

const appendKept = <T>(lines: readonly T[] | undefined, line: T): T[] =>
  [...(lines ?? []), line].slice(-LIVE_LINES_KEPT);

/** Folds one run event into the run's state; the same state type comes back. */
export function foldRunEvent<S extends RunProgress>(state: S, event: RunEvent): S {
  switch (event.type) {
    case 'snapshot':
      return {
        ...state,
        status: event.status,
        shapes: event.shapes,
        connections: event.connections,
        paused: event.paused,
      };
    case 'shape-started': {
      // Shape ids are user-chosen: `constructor` must not find Object.prototype's.
      const before = own(state.shapes, event.shapeId) ?? {
        documentsIn: 0,
        documentsOut: 0,
        documentsInError: 0,
        elapsedMs: 0,
      };
      return {
        ...state,
        shapes: { ...state.shapes, [event.shapeId]: { ...before, status: 'running' } },
      };
    }
    case 'shape-finished':
      return { ...state, shapes: { ...state.shapes, [event.shapeId]: event.stats } };
    case 'connection':
      return {
        ...state,
        connections: { ...state.connections, [event.connectionId]: event.count },
      };
    case 'document-error': {
      const { type: _, ...line } = event;
      return { ...state, documentErrors: appendKept(state.documentErrors, line) };
    }
    case 'log': {
      const { type: _, ...line } = event;
      return { ...state, log: appendKept(state.log, line) };
    }
    case 'paused': {
      const { type: _, ...pause } = event;
      return { ...state, paused: pause };
    }
    case 'resumed':
      return { ...state, paused: undefined };
    case 'end': {
      const { type: _, ...outcome } = event;
      return { ...state, ...outcome, paused: undefined };
    }
  }
}
