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
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: async () => {
      await db.close();
      tighten();
    },
  };
}
