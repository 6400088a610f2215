import { foldRunEvent, type RunProgress } from '@junction/api';
import type { Database, Unlisten } from '../../db/database.ts';
import type { RunRepository } from '../../repositories/run-repository.ts';
import { endOf } from '../run-end.ts';
import { NOTHING_YET, type RunEvent, type RunEventListener } from '../run-events.ts';
import type { RunLogger } from '../run-logger.ts';
import { runEventsChannel } from './run-channels.ts';

// A NOTIFY can be lost (a dropped listening connection); followed runs are also
// caught up this often, so a watcher never waits forever for its end.
const CATCH_UP_MS = 2000;
// A run ended this long ago without an `end` event (aborted at a restart, or its
// event lost) gets one made from its record.
const END_GRACE_SECONDS = 2;

/** A followed run's events after a cursor: by the events' key, whatever else they hold. */
export const EVENTS_AFTER_SQL =
  'SELECT seq, event FROM run_events WHERE run_id = $1 AND seq > $2 ORDER BY seq';

/** Which of the followed runs ended a while ago: found by id, however many runs are kept. */
export const ENDED_AMONG_SQL = `SELECT account_id, id FROM runs WHERE id = ANY($1) AND status <> 'running'
  AND finished_at < now() - $2 * interval '1 second'`;

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
    ...(progress.paused ? { paused: progress.paused } : {}),
  };
}

/**
 * A server's side of live events for runs executed anywhere: it LISTENs for the runs
 * that moved, reads their new events from `run_events` and hands them, in order, to
 * this server's watchers (SSE).
 */
export async function openEventRelay(db: Database, runs: RunRepository, log: RunLogger) {
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
    const events = await db.query<StoredEvent>(EVENTS_AFTER_SQL, [runId, from]);
    for (const follower of watching) {
      deliver(runId, follower, events);
    }
  }

  /** Runs `work` after whatever is already reading `runId`, so deliveries stay in order. */
  function serially(runId: string, work: () => Promise<void>): void {
    const next = (reading.get(runId) ?? Promise.resolve())
      .then(work)
      .catch((error) => log.error({ err: error, runId }, 'could not relay run events'));
    reading.set(runId, next);
    void next.finally(() => {
      if (reading.get(runId) === next) {
        reading.delete(runId);
      }
    });
  }

  const pull = (runId: string) => serially(runId, () => read(runId));

  const pullAll = () => {
    for (const runId of followers.keys()) {
      pull(runId);
    }
  };

  /** Watchers of a run that ended without an `end` event get one from its record. */
  async function endFromRecord(accountId: string, runId: string): Promise<void> {
    const watching = [...(followers.get(runId) ?? [])];
    const record = watching.length > 0 ? await runs.get(accountId, runId) : null;
    if (record && record.status !== 'running') {
      for (const follower of watching) {
        deliver(runId, follower, [{ seq: Number.MAX_SAFE_INTEGER, event: endOf(record) }]);
      }
    }
  }

  async function catchUp(): Promise<void> {
    pullAll();
    const ids = [...followers.keys()];
    if (ids.length === 0) {
      return;
    }
    const ended = await db.query<{ account_id: string; id: string }>(ENDED_AMONG_SQL, [
      ids,
      END_GRACE_SECONDS,
    ]);
    for (const { account_id: accountId, id } of ended) {
      // After the stored events, so an `end` that is stored wins.
      serially(id, () => endFromRecord(accountId, id));
    }
  }

  const unlisten: Unlisten = await db.listen(runEventsChannel(db), pull, pullAll);
  const timer = setInterval(() => {
    catchUp().catch((error) => log.error({ err: error }, 'could not catch up run events'));
  }, CATCH_UP_MS);
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
