import { PGlite } from '@electric-sql/pglite';
import { preparePrivateDir, tightenTree } from './data-dir.ts';
import type { Database, Queryable } from './database.ts';

/** Embedded PostgreSQL (wasm). `dataDir` undefined keeps everything in memory (tests). */
export async function openPgliteDatabase(dataDir: string | undefined): Promise<Database> {
  if (dataDir) {
    preparePrivateDir(dataDir);
  }
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const tighten = () => (dataDir ? tightenTree(dataDir) : undefined);
  tighten();
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await q.query<T>(sql, params);
      return result.rows;
    },
  });
  return {
    kind: 'pglite',
    schema: 'public',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async exec(script) {
      try {
        const results = await db.exec(script);
        return results.flatMap((r) => r.rows as Record<string, unknown>[]);
      } catch (error) {
        // One connection: a script that failed inside its own BEGIN would leave every
        // later statement in an aborted transaction. A pool would hand out a new one.
        await db.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    async copyFrom(sql, data) {
      await db.query(sql, [], { blob: new Blob([data]) });
    },
    // One embedded session: a NOTIFY from it reaches its own listeners; nothing to reconnect.
    listen: (channel, onPayload) => db.listen(channel, onPayload),
    close: async () => {
      await db.close();
      tighten();
    },
  };
}
