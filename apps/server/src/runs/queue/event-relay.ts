import { foldRunEvent, type RunProgress } from '@junction/api';
import type { Database, Unlisten } from '../../db/database.ts';
import { createStatementBatcher } from '../../db/statement-batcher.ts';
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

/** A row's events; a worker of the version before wrote one `event` a row. */
const ROW_EVENTS = 'COALESCE(events, jsonb_build_array(event)) AS events';

/**
 * A followed run's rows holding events after a cursor, by the rows' key. A row holds a
 * write's events numbered up to its `seq`, so every row with a later event is one whose
 * `seq` is past the cursor.
 */
export const EVENTS_AFTER_SQL = `SELECT seq, ${ROW_EVENTS} FROM run_events
  WHERE run_id = $1 AND seq > $2 ORDER BY seq`;

/**
 * The same for several runs in one statement; rows come by `i`, each run's in order.
 * Each run's events are a lateral subquery (its ORDER BY keeps it one), so each is an
 * index lookup whatever the plan a connection caches: as a join, the generic plan
 * read every event kept.
 */
export const EVENTS_AFTER_MANY_SQL = `SELECT k.i::int AS i, e.seq, e.events
  FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS k(run_id, after, i)
  CROSS JOIN LATERAL (
    SELECT seq, ${ROW_EVENTS} FROM run_events WHERE run_id = k.run_id AND seq > k.after
     ORDER BY seq
  ) AS e
  ORDER BY k.i, e.seq`;

/**
 * Which of the followed runs ended a while ago, each looked up by its id (a lateral
 * subquery, OFFSET 0 keeping it one: `id = ANY($1)` had a generic plan read every run).
 */
export const ENDED_AMONG_SQL = `SELECT r.account_id, r.id FROM unnest($1::text[]) AS k(id)
  CROSS JOIN LATERAL (
    SELECT account_id, id FROM runs
     WHERE id = k.id AND status <> 'running' AND finished_at < now() - $2 * interval '1 second'
    OFFSET 0
  ) AS r`;

interface Follower {
  listener: RunEventListener;
  /** The last sequence number delivered; undefined until the snapshot went out. */
  cursor: number | undefined;
}

interface StoredEvent {
  seq: number;
  event: RunEvent;
}

/** A stored row: one write's events of a run, the last numbered `seq`. */
interface StoredRow {
  seq: number;
  events: RunEvent[];
}

/**
 * The events of `rows` (in key order) numbered after `after`, each with its own number.
 * A number already given is skipped: a run's last word, appended by whoever aborted it,
 * can share numbers with a late write of its gone worker, and comes first.
 */
export function eventsAfter(rows: readonly StoredRow[], after: number): StoredEvent[] {
  const out: StoredEvent[] = [];
  let last = after;
  for (const { seq, events } of rows) {
    const first = seq - events.length + 1;
    events.forEach((event, i) => {
      if (first + i > last) {
        last = first + i;
        out.push({ seq: last, event });
      }
    });
  }
  return out;
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
  // Reads of the runs that moved in one turn, and while the last read was out, go as
  // one statement (a NOTIFY per run and batch, a read per follow: two per execution
  // waited for). One read at a time, so a run's reads still come back in order.
  const readAfter = createStatementBatcher<{ runId: string; after: number }, StoredEvent[]>({
    one: async ({ runId, after }) =>
      eventsAfter(await db.query<StoredRow>(EVENTS_AFTER_SQL, [runId, after]), after),
    async many(items) {
      const rows = await db.query<StoredRow & { i: number }>(EVENTS_AFTER_MANY_SQL, [
        items.map((item) => item.runId),
        items.map((item) => item.after),
      ]);
      const byItem = items.map((): StoredRow[] => []);
      for (const row of rows) {
        byItem[row.i - 1]!.push(row);
      }
      return byItem.map((itemRows, i) => eventsAfter(itemRows, items[i]!.after));
    },
  });
  // One read at a time per run keeps each watcher's events in order.
  const reading = new Map<string, Promise<void>>();

  /**
   * A run no one follows is forgotten at once: the catch-up reads every run followed,
   * and kept until its next read, the runs that ended in the last turn were hundreds.
   */
  function unfollow(runId: string, follower: Follower) {
    const set = followers.get(runId);
    if (set?.delete(follower) && set.size === 0) {
      followers.delete(runId);
    }
  }

  function deliver(runId: string, follower: Follower, events: readonly StoredEvent[]) {
    const stop = (event: RunEvent) => {
      follower.listener(event);
      unfollow(runId, follower);
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
    const events = await readAfter({ runId, after: from });
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
    /** Runs this server's watchers follow now. */
    get following(): number {
      return followers.size;
    },
    /** Follows a run executed anywhere: a snapshot first, then every event up to `end`. */
    follow(runId: string, listener: RunEventListener): () => void {
      const follower: Follower = { listener, cursor: undefined };
      const set = followers.get(runId) ?? new Set();
      set.add(follower);
      followers.set(runId, set);
      pull(runId);
      return () => unfollow(runId, follower);
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
