import { foldRunEvent, type RunProgress } from '@junction/api';
import type { Database, Unlisten } from '../../db/database.ts';
import { NOTHING_YET, type RunEvent, type RunEventListener } from '../run-events.ts';
import type { RunLogger } from '../run-logger.ts';
import { runEventsChannel } from './run-channels.ts';

// A NOTIFY can be lost (a dropped listening connection); followed runs are also
// caught up this often, so a watcher never waits forever for its end.
const CATCH_UP_MS = 2000;

interface Follower {
  listener: RunEventListener;
  /** The last sequence number delivered; undefined until the snapshot went out. */
  cursor: number | undefined;
}

interface StoredEvent {
  seq: number;
  event: RunEvent;
}

/** The snapshot a late watcher starts from: the counts of every event so far. */
function snapshotOf(events: readonly StoredEvent[]): RunEvent {
  let progress: RunProgress = NOTHING_YET;
  for (const { event } of events) {
    if (event.type !== 'log' && event.type !== 'document-error') {
      progress = foldRunEvent(progress, event);
    }
  }
  return {
    type: 'snapshot',
    status: 'running',
    shapes: structuredClone(progress.shapes),
    connections: { ...progress.connections },
  };
}

/**
 * A server's side of live events for runs executed anywhere: it LISTENs for the runs
 * that moved, reads their new events from `run_events` and hands them, in order, to
 * this server's watchers (SSE).
 */
export async function openEventRelay(db: Database, log: RunLogger) {
  const followers = new Map<string, Set<Follower>>();
  // One read at a time per run keeps each watcher's events in order.
  const reading = new Map<string, Promise<void>>();

  function deliver(runId: string, follower: Follower, events: readonly StoredEvent[]) {
    const stop = (event: RunEvent) => {
      follower.listener(event);
      followers.get(runId)?.delete(follower);
    };
    if (follower.cursor === undefined) {
      // Log lines and document errors before the snapshot are stored, not replayed.
      follower.listener(snapshotOf(events));
      follower.cursor = events.at(-1)?.seq ?? 0;
      const end = events.find((e) => e.event.type === 'end');
      if (end) {
        stop(end.event);
      }
      return;
    }
    for (const { seq, event } of events) {
      if (seq <= follower.cursor) {
        continue;
      }
      follower.cursor = seq;
      if (event.type === 'end') {
        return stop(event);
      }
      follower.listener(event);
    }
  }

  async function read(runId: string): Promise<void> {
    const watching = [...(followers.get(runId) ?? [])];
    if (watching.length === 0) {
      followers.delete(runId);
      return;
    }
    const from = Math.min(...watching.map((f) => f.cursor ?? 0));
    const events = await db.query<StoredEvent>(
      'SELECT seq, event FROM run_events WHERE run_id = $1 AND seq > $2 ORDER BY seq',
      [runId, from],
    );
    for (const follower of watching) {
      deliver(runId, follower, events);
    }
  }

  function pull(runId: string): void {
    const next = (reading.get(runId) ?? Promise.resolve())
      .then(() => read(runId))
      .catch((error) => log.error({ err: error, runId }, 'could not relay run events'));
    reading.set(runId, next);
    void next.finally(() => {
      if (reading.get(runId) === next) {
        reading.delete(runId);
      }
    });
  }

  const pullAll = () => {
    for (const runId of followers.keys()) {
      pull(runId);
    }
  };
  const unlisten: Unlisten = await db.listen(runEventsChannel(db), pull, pullAll);
  const timer = setInterval(pullAll, CATCH_UP_MS);
  timer.unref();

  return {
    /** Follows a run executed anywhere: a snapshot first, then every event up to `end`. */
    follow(runId: string, listener: RunEventListener): () => void {
      const follower: Follower = { listener, cursor: undefined };
      const set = followers.get(runId) ?? new Set();
      set.add(follower);
      followers.set(runId, set);
      pull(runId);
      return () => {
        set.delete(follower);
      };
    },
    async close(): Promise<void> {
      clearInterval(timer);
      followers.clear();
      await Promise.all(reading.values());
      await unlisten();
    },
  };
}

export type EventRelay = Awaited<ReturnType<typeof openEventRelay>>;
