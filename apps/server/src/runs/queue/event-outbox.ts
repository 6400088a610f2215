import type { Database } from '../../db/database.ts';
import { LAZY_COMMIT } from '../../db/lazy-commit.ts';
import { withoutEscapedNul } from '../../db/postgres-text.ts';
import type { RunEvent } from '../run-events.ts';
import type { RunLogger } from '../run-logger.ts';
import { runEventsChannel } from './run-channels.ts';

const FLUSH_MS = 50;

/** One run's events of one write, numbered up to `seq` (the last one's number). */
interface Row {
  account_id: string;
  run_id: string;
  seq: number;
  events: RunEvent[];
}

// One statement stores the batch, a row per run, and, on commit, tells every server
// which runs moved. Its commit does not wait for the disk (lazy-commit.ts): a run's end
// is stored, durably, before its `end` event. `event`, the row's last event, is for
// servers of the version before (migration 15).
export const STORE_AND_NOTIFY = `
  WITH ${LAZY_COMMIT},
  stored AS (
    INSERT INTO run_events (account_id, run_id, seq, events, event)
    SELECT account_id, run_id, seq, events, events -> -1
      FROM jsonb_to_recordset($1::jsonb) AS b(account_id text, run_id text, seq integer, events jsonb)
    ON CONFLICT DO NOTHING
    RETURNING run_id
  )
  SELECT pg_notify($2, run_id) FROM stored CROSS JOIN lazy_commit`;

/**
 * A worker's run events on their way to watchers on any server: buffered for up to
 * FLUSH_MS, stored in `run_events` with a sequence number per run (the order watchers
 * replay) and announced with one NOTIFY per run and batch. A run's events of one write
 * are one row, numbered up to its `seq`: each row costs PostgreSQL its key, a conflict
 * check and its run's check, so a short run's six events cost one. A payload would be
 * capped at 8000 bytes; a stored row is not, and a late watcher can start from the rows.
 */
export function createEventOutbox(db: Database, log: RunLogger) {
  const channel = runEventsChannel(db);
  const nextSeq = new Map<string, number>();
  let buffer: Row[] = [];
  // Each run's row in `buffer` that its next events join; an `end` closes it.
  let open = new Map<string, Row>();
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  let nextWriteQueued = false;

  /** Stores everything buffered when it starts. */
  async function write(): Promise<void> {
    nextWriteQueued = false;
    const batch = buffer;
    buffer = [];
    open = new Map();
    if (batch.length > 0) {
      // A NUL in one event (a log line's text) would refuse every run's events of the write.
      await db.query(STORE_AND_NOTIFY, [withoutEscapedNul(JSON.stringify(batch)), channel]);
    }
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    // One write at a time, so a run's events are stored in the order they happened. The
    // next write takes the buffer when it starts, not when it is asked for: the ends of
    // many runs arriving during one write go out together in the next.
    if (buffer.length > 0 && !nextWriteQueued) {
      nextWriteQueued = true;
      writing = writing
        .then(write)
        .catch((error) => log.error({ err: error }, 'could not publish run events'));
    }
    return writing;
  }

  return {
    publish(accountId: string, runId: string, event: RunEvent): void {
      const seq = nextSeq.get(runId) ?? 1;
      nextSeq.set(runId, seq + 1);
      const row = open.get(runId);
      if (row) {
        row.events.push(event);
        row.seq = seq;
      } else {
        const added: Row = { account_id: accountId, run_id: runId, seq, events: [event] };
        buffer.push(added);
        open.set(runId, added);
      }
      if (event.type === 'end') {
        nextSeq.delete(runId);
        open.delete(runId);
        void flush();
      } else {
        timer ??= setTimeout(() => void flush(), FLUSH_MS);
      }
    },
    /** Resolves once everything published so far is stored and announced. */
    flush,
  };
}

export type EventOutbox = ReturnType<typeof createEventOutbox>;

/**
 * The last word on a run whose worker is gone, from whoever aborts it: numbered after
 * whatever the worker managed to store.
 */
export async function appendFinalEvent(
  db: Database,
  accountId: string,
  runId: string,
  event: RunEvent,
): Promise<void> {
  await db.query(
    `WITH stored AS (
       INSERT INTO run_events (account_id, run_id, seq, events, event)
       SELECT $1, $2, COALESCE(MAX(seq), 0) + 1, jsonb_build_array($3::jsonb), $3::jsonb FROM run_events
        WHERE account_id = $1 AND run_id = $2
       ON CONFLICT DO NOTHING
       RETURNING run_id
     )
     SELECT pg_notify($4, run_id) FROM stored`,
    [accountId, runId, withoutEscapedNul(JSON.stringify(event)), runEventsChannel(db)],
  );
}
