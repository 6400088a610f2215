import type { PauseAction, PauseState, WaitingDocument } from '@junction/api';
import type { Database } from '../db/database.ts';

/** What a pause was answered with; `documents` replace waiting documents by id. */
export interface StoredAnswer {
  action: PauseAction;
  documents?: WaitingDocument[] | undefined;
  message?: string | undefined;
}

interface PauseRow {
  pause: number;
  shape_id: string;
  reason: PauseState['reason'];
  documents: string;
  document_count: number;
  expires_at: Date | string;
}

const asState = (row: PauseRow): PauseState => ({
  pause: row.pause,
  shapeId: row.shape_id,
  reason: row.reason,
  documents: JSON.parse(row.documents) as WaitingDocument[],
  documentCount: row.document_count,
  expiresAt: new Date(row.expires_at).toISOString(),
});

/**
 * Test runs paused at a breakpoint, and the answers they wait for. The run waits on
 * whichever worker executes it; the answer is written here by whichever server the
 * builder reached, so both sides meet in the database, and the first answer (a
 * person's, or the idle timeout's) is the only one taken.
 */
export function createRunPauseRepository(db: Database) {
  return {
    async open(accountId: string, runId: string, state: PauseState): Promise<void> {
      await db.query(
        `INSERT INTO run_pauses
           (account_id, run_id, pause, shape_id, reason, documents, document_count, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          accountId,
          runId,
          state.pause,
          state.shapeId,
          state.reason,
          JSON.stringify(state.documents),
          state.documentCount,
          state.expiresAt,
        ],
      );
    },

    /** The pause the run waits at now: unanswered and not expired, of a running run. */
    async current(accountId: string, runId: string): Promise<PauseState | null> {
      const [row] = await db.query<PauseRow>(
        `SELECT p.pause, p.shape_id, p.reason, p.documents, p.document_count, p.expires_at
           FROM run_pauses p JOIN runs r ON r.account_id = p.account_id AND r.id = p.run_id
          WHERE p.account_id = $1 AND p.run_id = $2 AND p.answer IS NULL
            AND p.expires_at > now() AND r.status = 'running'
          ORDER BY p.pause DESC LIMIT 1`,
        [accountId, runId],
      );
      return row ? asState(row) : null;
    },

    /**
     * Answers the pause unless it was answered (or expired) meanwhile; false then.
     * `expired` lets the idle timeout answer a pause whose time is up.
     */
    async answer(
      accountId: string,
      runId: string,
      pause: number,
      answer: StoredAnswer,
      options: { expired?: boolean } = {},
    ): Promise<boolean> {
      const rows = await db.query(
        `UPDATE run_pauses SET answer = $4, answered_at = now()
          WHERE account_id = $1 AND run_id = $2 AND pause = $3 AND answer IS NULL
            AND ${options.expired ? 'expires_at <= now()' : 'expires_at > now()'}
          RETURNING pause`,
        [accountId, runId, pause, JSON.stringify(answer)],
      );
      return rows.length > 0;
    },

    /** The answer given to a pause, once there is one. */
    async answerOf(accountId: string, runId: string, pause: number): Promise<StoredAnswer | null> {
      const [row] = await db.query<{ answer: string | null }>(
        'SELECT answer FROM run_pauses WHERE account_id = $1 AND run_id = $2 AND pause = $3',
        [accountId, runId, pause],
      );
      return row?.answer ? (JSON.parse(row.answer) as StoredAnswer) : null;
    },
  };
}

export type RunPauseRepository = ReturnType<typeof createRunPauseRepository>;
