import type { ProcessSummary } from '@junction/api';
import type { ProcessDocument } from '@junction/process-model';
import type { Database } from '../db/database.ts';
import { createStatementBatcher } from '../db/statement-batcher.ts';

export type { ProcessSummary };

export interface StoredProcess {
  document: ProcessDocument;
  revision: number;
  updatedAt: string;
}

export type UpdateResult =
  | { ok: true; revision: number }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'conflict'; current: StoredProcess };

interface ProcessRow {
  id: string;
  name: string;
  revision: number;
  document: ProcessDocument;
  updated_at: Date | string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/** Stored processes by account and id, one statement; each key gets its own row (or null). */
async function getProcesses(
  db: Database,
  keys: readonly { accountId: string; id: string }[],
): Promise<(StoredProcess | null)[]> {
  const rows = await db.query<ProcessRow & { i: string | number }>(
    `SELECT k.i, p.document, p.revision, p.updated_at
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(account_id, id, i)
     JOIN processes p ON p.account_id = k.account_id AND p.id = k.id AND p.deleted_at IS NULL`,
    [keys.map((k) => k.accountId), keys.map((k) => k.id)],
  );
  const found: (StoredProcess | null)[] = keys.map(() => null);
  for (const row of rows) {
    found[Number(row.i) - 1] = {
      document: row.document,
      revision: row.revision,
      updatedAt: iso(row.updated_at),
    };
  }
  return found;
}

/** Processes and their revision history. Every save is a new revision. */
export function createProcessRepository(db: Database) {
  // Every execution and run reads its process: the reads of one moment share a statement.
  const getBatched = createStatementBatcher<
    { accountId: string; id: string },
    StoredProcess | null
  >({
    one: async (key) => (await getProcesses(db, [key]))[0]!,
    many: (keys) => getProcesses(db, keys),
  });
  const get = (accountId: string, id: string): Promise<StoredProcess | null> =>
    getBatched({ accountId, id });

  return {
    get,

    async list(
      accountId: string,
      query: { search?: string | undefined; limit: number; offset: number },
    ): Promise<{ items: ProcessSummary[]; total: number }> {
      const pattern = `%${(query.search ?? '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const where = 'account_id = $1 AND deleted_at IS NULL AND name ILIKE $2';
      const rows = await db.query<ProcessRow>(
        `SELECT id, name, revision, updated_at FROM processes WHERE ${where} ORDER BY updated_at DESC, id LIMIT $3 OFFSET $4`,
        [accountId, pattern, query.limit, query.offset],
      );
      const [count] = await db.query<{ total: string | number }>(
        `SELECT count(*) AS total FROM processes WHERE ${where}`,
        [accountId, pattern],
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          revision: r.revision,
          updatedAt: iso(r.updated_at),
        })),
        total: Number(count?.total ?? 0),
      };
    },

    /** Which of `ids` name processes of the account (not deleted). */
    async existingIds(accountId: string, ids: readonly string[]): Promise<Set<string>> {
      const rows = await db.query<{ id: string }>(
        'SELECT id FROM processes WHERE account_id = $1 AND id = ANY($2) AND deleted_at IS NULL',
        [accountId, [...new Set(ids)]],
      );
      return new Set(rows.map((r) => r.id));
    },

    /** Stores a new process as revision 1; false when the id is taken. */
    async create(accountId: string, document: ProcessDocument): Promise<boolean> {
      return db.transaction(async (tx) => {
        const inserted = await tx.query(
          `INSERT INTO processes (account_id, id, name, revision, document) VALUES ($1, $2, $3, 1, $4)
           ON CONFLICT (account_id, id) DO NOTHING RETURNING id`,
          [accountId, document.id, document.name, JSON.stringify(document)],
        );
        if (inserted.length === 0) {
          return false;
        }
        await tx.query(
          'INSERT INTO process_revisions (account_id, process_id, revision, document) VALUES ($1, $2, 1, $3)',
          [accountId, document.id, JSON.stringify(document)],
        );
        return true;
      });
    },

    /**
     * Saves a new revision only if the caller saw the latest one (optimistic
     * concurrency): a stale save gets the current revision back instead of
     * overwriting someone else's work.
     */
    async update(
      accountId: string,
      document: ProcessDocument,
      expectedRevision: number,
    ): Promise<UpdateResult> {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<{ revision: number }>(
          `UPDATE processes SET document = $3, name = $4, revision = revision + 1, updated_at = now()
           WHERE account_id = $1 AND id = $2 AND deleted_at IS NULL AND revision = $5 RETURNING revision`,
          [accountId, document.id, JSON.stringify(document), document.name, expectedRevision],
        );
        if (!row) {
          const [current] = await tx.query<ProcessRow>(
            'SELECT document, revision, updated_at FROM processes WHERE account_id = $1 AND id = $2 AND deleted_at IS NULL',
            [accountId, document.id],
          );
          return current
            ? {
                ok: false,
                reason: 'conflict',
                current: {
                  document: current.document,
                  revision: current.revision,
                  updatedAt: iso(current.updated_at),
                },
              }
            : { ok: false, reason: 'not-found' };
        }
        await tx.query(
          'INSERT INTO process_revisions (account_id, process_id, revision, document) VALUES ($1, $2, $3, $4)',
          [accountId, document.id, row.revision, JSON.stringify(document)],
        );
        return { ok: true, revision: row.revision };
      });
    },

    /** Soft delete: the rows and revisions stay, the process disappears from the API. */
    async remove(accountId: string, id: string): Promise<boolean> {
      const rows = await db.query(
        'UPDATE processes SET deleted_at = now() WHERE account_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING id',
        [accountId, id],
      );
      return rows.length > 0;
    },

    async revisions(
      accountId: string,
      id: string,
    ): Promise<{ revision: number; savedAt: string }[]> {
      const rows = await db.query<{ revision: number; saved_at: Date | string }>(
        'SELECT revision, saved_at FROM process_revisions WHERE account_id = $1 AND process_id = $2 ORDER BY revision DESC',
        [accountId, id],
      );
      return rows.map((r) => ({ revision: r.revision, savedAt: iso(r.saved_at) }));
    },

    async revision(
      accountId: string,
      id: string,
      revision: number,
    ): Promise<ProcessDocument | null> {
      const [row] = await db.query<{ document: ProcessDocument }>(
        'SELECT document FROM process_revisions WHERE account_id = $1 AND process_id = $2 AND revision = $3',
        [accountId, id, revision],
      );
      return row?.document ?? null;
    },
  };
}

export type ProcessRepository = ReturnType<typeof createProcessRepository>;
