import type { Database } from '../db/database.ts';
import { createStatementBatcher } from '../db/statement-batcher.ts';

/** A default install has one account; every stored record belongs to an account. */
export const DEFAULT_ACCOUNT_ID = 'default';

export type AccountStatus = 'active' | 'suspended' | 'deleted';

export interface AccountView {
  id: string;
  name: string;
  parentAccountId: string | null;
  status: AccountStatus;
  createdAt: string;
}

interface AccountRow {
  id: string;
  name: string;
  parent_id: string | null;
  status: AccountStatus;
  created_at: Date | string;
}

export const ACCOUNT_COLUMNS = 'id, name, parent_id, status, created_at';

export function toAccountView(row: AccountRow): AccountView {
  return {
    id: row.id,
    name: row.name,
    parentAccountId: row.parent_id,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function ensureDefaultAccount(db: Database): Promise<void> {
  await db.query(
    "INSERT INTO accounts (id, name) VALUES ($1, 'Default') ON CONFLICT (id) DO NOTHING",
    [DEFAULT_ACCOUNT_ID],
  );
}

/** The nearest account, among one and its ancestors, that no longer runs anything. */
export interface InactiveAccount {
  id: string;
  status: 'suspended' | 'deleted';
}

/** What a caller refused for an inactive account is told. */
export const inactiveMessage = (found: InactiveAccount) =>
  `Account ${found.id} is ${found.status}.`;

/**
 * For each account, the nearest suspended or deleted account among it and its
 * ancestors, or null: suspending a partner suspends every customer below it too, and
 * deleting one marks its whole subtree deleted (over any suspension). Repeated ids
 * are looked up once.
 */
async function inactiveAtMany(
  db: Database,
  ids: readonly string[],
): Promise<(InactiveAccount | null)[]> {
  const rows = await db.query<{ start: string; id: string; status: InactiveAccount['status'] }>(
    `WITH RECURSIVE up AS (
       SELECT k.id AS start, a.id, a.parent_id, a.status, 0 AS depth
       FROM (SELECT DISTINCT unnest($1::text[]) AS id) AS k JOIN accounts a ON a.id = k.id
       UNION ALL
       SELECT up.start, a.id, a.parent_id, a.status, up.depth + 1
       FROM accounts a JOIN up ON a.id = up.parent_id
     ) SELECT DISTINCT ON (start) start, id, status FROM up WHERE status <> 'active'
       ORDER BY start, depth`,
    [ids],
  );
  const inactive = new Map(rows.map((r) => [r.start, { id: r.id, status: r.status }]));
  return ids.map((id) => inactive.get(id) ?? null);
}

/**
 * The account hierarchy: a partner account with customer accounts under it, to
 * any depth. Deleted accounts stay as rows (their data keeps its owner) but drop
 * out of every hierarchy.
 */
export function createAccountRepository(db: Database) {
  // Asked on every authenticated request: the requests of one moment share a statement.
  const inactiveBatched = createStatementBatcher<string, InactiveAccount | null>({
    one: async (id) => (await inactiveAtMany(db, [id]))[0]!,
    many: (ids) => inactiveAtMany(db, ids),
  });
  return {
    async get(id: string): Promise<AccountView | null> {
      const [row] = await db.query<AccountRow>(
        `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = $1 AND status <> 'deleted'`,
        [id],
      );
      return row ? toAccountView(row) : null;
    },

    /** True when `target` is `root` or lies anywhere below it. */
    async within(root: string, target: string): Promise<boolean> {
      const rows = await db.query(
        `WITH RECURSIVE up AS (
           SELECT id, parent_id FROM accounts WHERE id = $2 AND status <> 'deleted'
           UNION ALL
           SELECT a.id, a.parent_id FROM accounts a JOIN up ON a.id = up.parent_id
           WHERE a.status <> 'deleted'
         ) SELECT 1 FROM up WHERE id = $1`,
        [root, target],
      );
      return rows.length > 0;
    },

    /**
     * The nearest suspended or deleted account among `id` and its ancestors, or null:
     * an account under one runs nothing and takes no request.
     */
    inactiveAt: (id: string): Promise<InactiveAccount | null> => inactiveBatched(id),

    /** `root` and every account below it, parents before children. */
    async subtree(root: string): Promise<AccountView[]> {
      const rows = await db.query<AccountRow & { depth: number }>(
        `WITH RECURSIVE down AS (
           SELECT ${ACCOUNT_COLUMNS}, 0 AS depth FROM accounts WHERE id = $1 AND status <> 'deleted'
           UNION ALL
           SELECT a.id, a.name, a.parent_id, a.status, a.created_at, down.depth + 1
           FROM accounts a JOIN down ON a.parent_id = down.id WHERE a.status <> 'deleted'
         ) SELECT * FROM down ORDER BY depth, name, id`,
        [root],
      );
      return rows.map(toAccountView);
    },

    async create(input: { id: string; name: string; parentId: string }): Promise<AccountView> {
      const [row] = await db.query<AccountRow>(
        `INSERT INTO accounts (id, name, parent_id) VALUES ($1, $2, $3) RETURNING ${ACCOUNT_COLUMNS}`,
        [input.id, input.name, input.parentId],
      );
      return toAccountView(row!);
    },

    async update(
      id: string,
      input: { name?: string | undefined; status?: 'active' | 'suspended' | undefined },
    ): Promise<AccountView | null> {
      const [row] = await db.query<AccountRow>(
        `UPDATE accounts SET name = COALESCE($2, name), status = COALESCE($3, status)
         WHERE id = $1 AND status <> 'deleted' RETURNING ${ACCOUNT_COLUMNS}`,
        [id, input.name ?? null, input.status ?? null],
      );
      return row ? toAccountView(row) : null;
    },

    /** Marks the account and everything below it deleted; their tokens stop working. */
    async remove(id: string): Promise<boolean> {
      const rows = await db.query(
        `WITH RECURSIVE down AS (
           SELECT id FROM accounts WHERE id = $1 AND status <> 'deleted'
           UNION ALL
           SELECT a.id FROM accounts a JOIN down ON a.parent_id = down.id
         ) UPDATE accounts SET status = 'deleted' WHERE id IN (SELECT id FROM down) RETURNING id`,
        [id],
      );
      return rows.length > 0;
    },
  };
}

export type AccountRepository = ReturnType<typeof createAccountRepository>;
