import type { SandboxPersistence, SandboxSnapshot } from '@junction/connect-sandbox';
import type { Database } from '../db/database.ts';

/**
 * Keeps the built-in sandbox's objects in the database, so approvals and other
 * changes made while testing survive a restart (JUNCTION_SANDBOX_PERSIST=1). The
 * sandbox is one per server, shared by every account, like Connect's test tenant.
 */
export function createSandboxPersistence(db: Database): SandboxPersistence {
  return {
    async load() {
      const [row] = await db.query<{ snapshot: SandboxSnapshot }>(
        "SELECT snapshot FROM sandbox_state WHERE id = 'default'",
      );
      return row?.snapshot;
    },
    async save(snapshot) {
      await db.query(
        `INSERT INTO sandbox_state (id, snapshot) VALUES ('default', $1)
         ON CONFLICT (id) DO UPDATE SET snapshot = EXCLUDED.snapshot, saved_at = now()`,
        [JSON.stringify(snapshot)],
      );
    },
  };
}
