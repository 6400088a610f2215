import type { PersistedPropertyStore, SnapshotStore } from '@junction/runtime';
import type { Database } from '../db/database.ts';
import { createStatementBatcher } from '../db/statement-batcher.ts';

interface PropertyKey {
  accountId: string;
  processId: string;
}

/** The persisted properties of processes, one statement; one record per key. */
async function loadProperties(
  db: Database,
  keys: readonly PropertyKey[],
): Promise<Record<string, string>[]> {
  const rows = await db.query<{ i: string | number; name: string; value: string }>(
    `SELECT k.i, p.name, p.value
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(account_id, process_id, i)
     JOIN process_properties p ON p.account_id = k.account_id AND p.process_id = k.process_id`,
    [keys.map((k) => k.accountId), keys.map((k) => k.processId)],
  );
  // Null-prototype records: property names are user text.
  const found = keys.map(() => Object.create(null) as Record<string, string>);
  for (const row of rows) {
    found[Number(row.i) - 1]![row.name] = row.value;
  }
  return found;
}

/**
 * Loads persisted properties for the runs starting at one moment with one statement
 * (every run of every process reads them as it starts).
 */
export function createPropertyLoader(
  db: Database,
): (key: PropertyKey) => Promise<Record<string, string>> {
  return createStatementBatcher<PropertyKey, Record<string, string>>({
    one: async (key) => (await loadProperties(db, [key]))[0]!,
    many: (keys) => loadProperties(db, keys),
  });
}

/** Persisted dynamic process properties ("persist" in Set Properties), per account. */
export function createDbPropertyStore(
  db: Database,
  accountId: string,
  load: (key: PropertyKey) => Promise<Record<string, string>> = createPropertyLoader(db),
): PersistedPropertyStore {
  return {
    load: (processId) => load({ accountId, processId }),
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
