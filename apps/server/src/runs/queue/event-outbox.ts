import type { Database } from '../../db/database.ts';
import { LAZY_COMMIT } from '../../db/lazy-commit.ts';
import type { RunEvent } from '../run-events.ts';
import type { RunLogger } from '../run-logger.ts';
import { runEventsChannel } from './run-channels.ts';

const FLUSH_MS = 50;

interface Row {
  account_id: string;
  run_id: string;
  seq: number;
  event: RunEvent;
}

// One statement stores the batch and, on commit, tells every server which runs moved.
// Its commit does not wait for the disk (lazy-commit.ts): a run's end is stored, durably,
// before its `end` event.
export const STORE_AND_NOTIFY = `
  WITH ${LAZY_COMMIT},
  stored AS (
    INSERT INTO run_events (account_id, run_id, seq, event)
    SELECT account_id, run_id, seq, event
      FROM jsonb_to_recordset($1::jsonb) AS b(account_id text, run_id text, seq integer, event jsonb)
    ON CONFLICT DO NOTHING
    RETURNING run_id
  )
  SELECT pg_notify($2, run_id) FROM (SELECT DISTINCT run_id FROM stored) AS moved, lazy_commit`;

/**
 * A worker's run events on their way to watchers on any server: buffered for up to
 * FLUSH_MS, stored in `run_events` with a sequence number per run (the order watchers
 * replay) and announced with one NOTIFY per run and batch. A payload would be capped
 * at 8000 bytes; a stored row is not, and a late watcher can start from the rows.
 */
export function createEventOutbox(db: Database, log: RunLogger) {
  const channel = runEventsChannel(db);
  const nextSeq = new Map<string, number>();
  let buffer: Row[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  let nextWriteQueued = false;

  /** Stores everything buffered when it starts. */
  async function write(): Promise<void> {
    nextWriteQueued = false;
    const batch = buffer;
    buffer = [];
    if (batch.length > 0) {
      await db.query(STORE_AND_NOTIFY, [JSON.stringify(batch), channel]);
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
      buffer.push({ account_id: accountId, run_id: runId, seq, event });
      if (event.type === 'end') {
        nextSeq.delete(runId);
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
       INSERT INTO run_events (account_id, run_id, seq, event)
       SELECT $1, $2, COALESCE(MAX(seq), 0) + 1, $3::jsonb FROM run_events
        WHERE account_id = $1 AND run_id = $2
       ON CONFLICT DO NOTHING
       RETURNING run_id
     )
     SELECT pg_notify($4, run_id) FROM stored`,
    [accountId, runId, JSON.stringify(event), runEventsChannel(db)],
  );
}
