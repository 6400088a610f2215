import type { Database } from '../db/database.ts';

/** A default install has one account; every stored record belongs to an account. */
export const DEFAULT_ACCOUNT_ID = 'default';

export async function ensureDefaultAccount(db: Database): Promise<void> {
  await db.query(
    "INSERT INTO accounts (id, name) VALUES ($1, 'Default') ON CONFLICT (id) DO NOTHING",
    [DEFAULT_ACCOUNT_ID],
  );
}
