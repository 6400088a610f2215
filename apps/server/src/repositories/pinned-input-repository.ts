import type { Database } from '../db/database.ts';

/** A test input document as the user pins it: data and optional properties. */
export interface PinnedDocument {
  data: string;
  properties: Record<string, string>;
}

/** Test input kept per process (Boomi keeps test extensions per process the same way). */
export function createPinnedInputRepository(db: Database) {
  return {
    async get(accountId: string, processId: string): Promise<PinnedDocument[] | null> {
      const [row] = await db.query<{ documents: PinnedDocument[] }>(
        'SELECT documents FROM pinned_inputs WHERE account_id = $1 AND process_id = $2',
        [accountId, processId],
      );
      return row?.documents ?? null;
    },

    async replace(accountId: string, processId: string, documents: PinnedDocument[]) {
      await db.query(
        `INSERT INTO pinned_inputs (account_id, process_id, documents) VALUES ($1, $2, $3)
         ON CONFLICT (account_id, process_id) DO UPDATE SET documents = EXCLUDED.documents, updated_at = now()`,
        [accountId, processId, JSON.stringify(documents)],
      );
    },

    async remove(accountId: string, processId: string): Promise<boolean> {
      const rows = await db.query(
        'DELETE FROM pinned_inputs WHERE account_id = $1 AND process_id = $2 RETURNING process_id',
        [accountId, processId],
      );
      return rows.length > 0;
    },
  };
}

export type PinnedInputRepository = ReturnType<typeof createPinnedInputRepository>;
