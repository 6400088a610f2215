import type {
  ProcessSummary,
  RevisionAuthor,
  RevisionSummary,
  StoredRunStatus,
} from '@junction/api';
import type { ProcessDocument } from '@junction/process-model';
import type { Caller } from '../auth/roles.ts';
import type { Database, Queryable } from '../db/database.ts';
import { createStatementBatcher } from '../db/statement-batcher.ts';

export type { ProcessSummary };

/** Who is saving: a platform token (its id, in its home account) or the install's own access. */
export type Saver = Pick<Caller, 'homeAccountId' | 'tokenId'>;

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

interface SummaryRow extends ProcessRow {
  run_id: string | null;
  run_status: StoredRunStatus | null;
  run_started_at: Date | string | null;
}

interface RevisionRow {
  revision: number;
  saved_at: Date | string;
  saved_by: 'install' | 'token' | null;
  saved_by_token_id: string | null;
  token_name: string | null;
  /** Whether the token's account lies within the viewer's home account. */
  token_shown: boolean | null;
  restored_from: number | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();

function authorOf(row: RevisionRow): RevisionAuthor {
  if (row.saved_by === 'token' && row.saved_by_token_id !== null) {
    // A token of an account above the viewer's is that account's to name.
    return row.token_shown
      ? { kind: 'token', tokenId: row.saved_by_token_id, name: row.token_name }
      : { kind: 'parent-account' };
  }
  return row.saved_by === 'install' ? { kind: 'install' } : { kind: 'unknown' };
}

async function insertRevision(
  tx: Queryable,
  accountId: string,
  document: ProcessDocument,
  revision: number,
  saver: Saver,
  restoredFrom: number | null = null,
): Promise<void> {
  await tx.query(
    `INSERT INTO process_revisions
       (account_id, process_id, revision, document, saved_by, saved_by_token_account, saved_by_token_id, restored_from)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      accountId,
      document.id,
      revision,
      JSON.stringify(document),
      saver.tokenId === undefined ? 'install' : 'token',
      saver.tokenId === undefined ? null : saver.homeAccountId,
      saver.tokenId ?? null,
      restoredFrom,
    ],
  );
}

async function current(
  tx: Queryable,
  accountId: string,
  id: string,
): Promise<StoredProcess | null> {
  const [row] = await tx.query<ProcessRow>(
    'SELECT document, revision, updated_at FROM processes WHERE account_id = $1 AND id = $2 AND deleted_at IS NULL',
    [accountId, id],
  );
  return row
    ? { document: row.document, revision: row.revision, updatedAt: iso(row.updated_at) }
    : null;
}

/** A new latest revision over `expectedRevision`, or why not (inside the caller's transaction). */
async function saveRevision(
  tx: Queryable,
  accountId: string,
  document: ProcessDocument,
  expectedRevision: number,
  saver: Saver,
  restoredFrom: number | null,
): Promise<UpdateResult> {
  const [row] = await tx.query<{ revision: number }>(
    `UPDATE processes SET document = $3, name = $4, revision = revision + 1, updated_at = now()
     WHERE account_id = $1 AND id = $2 AND deleted_at IS NULL AND revision = $5 RETURNING revision`,
    [accountId, document.id, JSON.stringify(document), document.name, expectedRevision],
  );
  if (!row) {
    const stored = await current(tx, accountId, document.id);
    return stored
      ? { ok: false, reason: 'conflict', current: stored }
      : { ok: false, reason: 'not-found' };
  }
  await insertRevision(tx, accountId, document, row.revision, saver, restoredFrom);
  return { ok: true, revision: row.revision };
}

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
      // The latest run per listed process, through runs_by_process: one index probe each.
      const rows = await db.query<SummaryRow>(
        `SELECT p.id, p.name, p.revision, p.updated_at,
                r.id AS run_id, r.status AS run_status, r.started_at AS run_started_at
         FROM (SELECT account_id, id, name, revision, updated_at FROM processes WHERE ${where}
               ORDER BY updated_at DESC, id LIMIT $3 OFFSET $4) p
         LEFT JOIN LATERAL (
           SELECT id, status, started_at FROM runs
           WHERE account_id = p.account_id AND process_id = p.id
           ORDER BY started_at DESC LIMIT 1
         ) r ON true
         ORDER BY p.updated_at DESC, p.id`,
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
          lastRun:
            r.run_id === null || r.run_status === null || r.run_started_at === null
              ? null
              : { id: r.run_id, status: r.run_status, startedAt: iso(r.run_started_at) },
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
    async create(accountId: string, document: ProcessDocument, saver: Saver): Promise<boolean> {
      return db.transaction(async (tx) => {
        const inserted = await tx.query(
          `INSERT INTO processes (account_id, id, name, revision, document) VALUES ($1, $2, $3, 1, $4)
           ON CONFLICT (account_id, id) DO NOTHING RETURNING id`,
          [accountId, document.id, document.name, JSON.stringify(document)],
        );
        if (inserted.length === 0) {
          return false;
        }
        await insertRevision(tx, accountId, document, 1, saver);
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
      saver: Saver,
    ): Promise<UpdateResult> {
      return db.transaction((tx) =>
        saveRevision(tx, accountId, document, expectedRevision, saver, null),
      );
    },

    /**
     * Stores an older revision again as the new latest one, under the same
     * optimistic concurrency as a save; every revision in between stays.
     */
    async restore(
      accountId: string,
      id: string,
      revision: number,
      expectedRevision: number,
      saver: Saver,
    ): Promise<UpdateResult | { ok: false; reason: 'no-revision' }> {
      return db.transaction(async (tx) => {
        const [old] = await tx.query<{ document: ProcessDocument }>(
          'SELECT document FROM process_revisions WHERE account_id = $1 AND process_id = $2 AND revision = $3',
          [accountId, id, revision],
        );
        if (!old) {
          return (await current(tx, accountId, id))
            ? { ok: false, reason: 'no-revision' }
            : { ok: false, reason: 'not-found' };
        }
        return saveRevision(tx, accountId, old.document, expectedRevision, saver, revision);
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

    /**
     * Every revision, newest first, with who saved it: a token by its name when its
     * account lies within `viewerHome` (the caller's home account), otherwise only as
     * a parent account's (a partner saving in a customer's account).
     */
    async revisions(accountId: string, id: string, viewerHome: string): Promise<RevisionSummary[]> {
      const rows = await db.query<RevisionRow>(
        `SELECT r.revision, r.saved_at, r.saved_by, r.saved_by_token_id, t.name AS token_name,
           shown.yes AS token_shown, r.restored_from
         FROM process_revisions r
         LEFT JOIN api_tokens t ON t.account_id = r.saved_by_token_account AND t.id = r.saved_by_token_id
         LEFT JOIN LATERAL (
           WITH RECURSIVE up AS (
             SELECT id, parent_id FROM accounts WHERE id = r.saved_by_token_account
             UNION ALL
             SELECT a.id, a.parent_id FROM accounts a JOIN up ON a.id = up.parent_id
           ) SELECT true AS yes FROM up WHERE id = $3 LIMIT 1
         ) AS shown ON true
         WHERE r.account_id = $1 AND r.process_id = $2 ORDER BY r.revision DESC`,
        [accountId, id, viewerHome],
      );
      return rows.map((r) => ({
        revision: r.revision,
        savedAt: iso(r.saved_at),
        author: authorOf(r),
        restoredFrom: r.restored_from,
      }));
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
