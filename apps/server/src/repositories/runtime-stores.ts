import type { PersistedPropertyStore, SnapshotStore } from '@junction/runtime';
import type { Database } from '../db/database.ts';

/** Persisted dynamic process properties ("persist" in Set Properties), per account. */
export function createDbPropertyStore(db: Database, accountId: string): PersistedPropertyStore {
  return {
    async load(processId) {
      const rows = await db.query<{ name: string; value: string }>(
        'SELECT name, value FROM process_properties WHERE account_id = $1 AND process_id = $2',
        [accountId, processId],
      );
      return Object.fromEntries(rows.map((r) => [r.name, r.value]));
    },
    async save(processId, name, value) {
      await db.query(
        `INSERT INTO process_properties (account_id, process_id, name, value) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id, process_id, name) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [accountId, processId, name, value],
      );
    },
  };
}

/** Find Changes snapshots (record key → record JSON), kept between executions. */
export function createDbSnapshotStore(db: Database, accountId: string): SnapshotStore {
  return {
    async load(processId, name) {
      const [row] = await db.query<{ records: Record<string, string> }>(
        'SELECT records FROM change_snapshots WHERE account_id = $1 AND process_id = $2 AND name = $3',
        [accountId, processId, name],
      );
      return row ? new Map(Object.entries(row.records)) : undefined;
    },
    async save(processId, name, snapshot) {
      await db.query(
        `INSERT INTO change_snapshots (account_id, process_id, name, records) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id, process_id, name) DO UPDATE SET records = EXCLUDED.records, updated_at = now()`,
        [accountId, processId, name, JSON.stringify(Object.fromEntries(snapshot))],
      );
    },
  };
}
