import type { Database } from '../db/database.ts';

/**
 * How long an event id is remembered. Connect retries a failed call with the same
 * event id for a while (its documentation names no bound; the sandbox retries within
 * minutes); a day covers every retry while bounding the table to a day of calls per
 * listener, which the listener's rate limit caps in turn.
 */
export const WEBHOOK_EVENT_RETENTION = '1 day';

/** A claim on an event: new (start the run), or seen before (the run it started, if any yet). */
export type EventClaim = { fresh: true } | { fresh: false; runId: string | null };

/**
 * The Connect webhook events each listener has taken, keyed by the event id (the JWT's
 * `jti`). A table rather than an in-memory LRU: the unique key makes the claim atomic
 * across every server sharing the database and survives a restart, so a retry that
 * lands on another server, or after a deploy, still starts nothing.
 */
export function createWebhookEventRepository(db: Database) {
  return {
    /** Claims `eventId` for the listener of `processId`, forgetting events past retention. */
    async claim(accountId: string, processId: string, eventId: string): Promise<EventClaim> {
      await db.query(
        `DELETE FROM webhook_events WHERE account_id = $1 AND process_id = $2
           AND received_at < now() - interval '${WEBHOOK_EVENT_RETENTION}'`,
        [accountId, processId],
      );
      const inserted = await db.query(
        `INSERT INTO webhook_events (account_id, process_id, event_id) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [accountId, processId, eventId],
      );
      if (inserted.length > 0) {
        return { fresh: true };
      }
      const [seen] = await db.query<{ run_id: string | null }>(
        'SELECT run_id FROM webhook_events WHERE account_id = $1 AND process_id = $2 AND event_id = $3',
        [accountId, processId, eventId],
      );
      return { fresh: false, runId: seen?.run_id ?? null };
    },

    /** Records the run an event started, to name it when the event comes again. */
    async started(accountId: string, processId: string, eventId: string, runId: string) {
      await db.query(
        'UPDATE webhook_events SET run_id = $4 WHERE account_id = $1 AND process_id = $2 AND event_id = $3',
        [accountId, processId, eventId, runId],
      );
    },

    /** Forgets a claim whose run never started (busy listener, dispatcher error): a retry may run. */
    async release(accountId: string, processId: string, eventId: string) {
      await db.query(
        'DELETE FROM webhook_events WHERE account_id = $1 AND process_id = $2 AND event_id = $3 AND run_id IS NULL',
        [accountId, processId, eventId],
      );
    },
  };
}

export type WebhookEventRepository = ReturnType<typeof createWebhookEventRepository>;
