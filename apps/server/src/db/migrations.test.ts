import { describe, expect, it } from 'vitest';
import { migrate } from './migrations.ts';
import { openPgliteDatabase } from './pglite-database.ts';

describe('migrate on embedded PGlite', () => {
  it('takes the advisory lock on its one connection and applies each migration once', async () => {
    const db = await openPgliteDatabase(undefined);
    try {
      // Two at once, as two app instances in one process would: the second finds nothing to do.
      await Promise.all([migrate(db), migrate(db)]);
      await migrate(db);
      const ids = (
        await db.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id')
      ).map((r) => r.id);
      expect(ids).toEqual(ids.map((_, i) => i + 1));
      expect(ids.length).toBeGreaterThanOrEqual(8);
      // The lock went with the transaction: nothing is left held.
      const held = await db.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory'");
      expect(held).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
