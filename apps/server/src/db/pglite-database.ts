import { PGlite } from '@electric-sql/pglite';
import { preparePrivateDir, tightenTree } from './data-dir.ts';
import type { Database, Queryable } from './database.ts';

/** Embedded PostgreSQL (wasm). `dataDir` undefined keeps everything in memory (tests). */
export async function openPgliteDatabase(dataDir: string | undefined): Promise<Database> {
  if (dataDir) {
    preparePrivateDir(dataDir);
  }
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  let copies = 0;
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
    async copyBinary(into, data) {
      // A file in PGlite's in-memory /tmp, not its '/dev/blob' device: writing the file
      // is one copy, while a Blob is copied twice on the way in and the device hands it
      // to PostgreSQL a byte at a time (about 2.5 times slower for 12 MB of documents).
      const path = `/tmp/junction-copy-${++copies}.bin`;
      const fs = db.Module.FS;
      fs.writeFile(path, data);
      try {
        await db.query(`COPY ${into} FROM '${path}' WITH (FORMAT binary)`);
      } finally {
        fs.unlink(path);
      }
    },
    // One embedded session: a NOTIFY from it reaches its own listeners; nothing to reconnect.
    listen: (channel, onPayload) => db.listen(channel, onPayload),
    close: async () => {
      await db.close();
      tighten();
    },
  };
}
