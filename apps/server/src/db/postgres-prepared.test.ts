import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { openPostgresDatabase } from './postgres-database.ts';

const DATABASE_URL = process.env['JUNCTION_TEST_DATABASE_URL'];

describe.skipIf(!DATABASE_URL)('statements on PostgreSQL, prepared once per connection', () => {
  const opened: { db: Database; schema: string }[] = [];
  async function open() {
    const schema = `junction_prep_${randomBytes(5).toString('hex')}`;
    const db = await openPostgresDatabase(DATABASE_URL!, schema);
    opened.push({ db, schema });
    return db;
  }
  afterAll(async () => {
    for (const { db, schema } of opened) {
      await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.close();
    }
  });

  it('prepares a repeated statement once and answers each call with its own parameters', async () => {
    const db = await open();
    const sql = 'SELECT $1::int * 2 AS doubled';
    const answers = await db.transaction(async (tx) => {
      const first = await tx.query<{ doubled: number }>(sql, [2]);
      const second = await tx.query<{ doubled: number }>(sql, [21]);
      const prepared = await tx.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM pg_prepared_statements WHERE statement = $1',
        [sql],
      );
      return { first, second, prepared };
    });
    expect(answers.first).toEqual([{ doubled: 4 }]);
    expect(answers.second).toEqual([{ doubled: 42 }]);
    expect(answers.prepared).toEqual([{ count: 1 }]);
  });

  it('still answers when a table changed shape under a prepared statement (another server migrated)', async () => {
    const db = await open();
    await db.exec(
      'CREATE TABLE items (id int PRIMARY KEY, name text); INSERT INTO items VALUES (1, $$one$$)',
    );
    const read = 'SELECT * FROM items WHERE id = $1';
    // Prepared on every pooled connection, as a busy server would have it.
    await Promise.all(Array.from({ length: 12 }, () => db.query(read, [1])));
    await db.exec('ALTER TABLE items ADD COLUMN price numeric DEFAULT 2');
    const after = await Promise.all(Array.from({ length: 12 }, () => db.query(read, [1])));
    expect(after.flat()).toEqual(
      Array.from({ length: 12 }, () => ({ id: 1, name: 'one', price: '2' })),
    );
  });

  it('keeps working past the number of texts it names', async () => {
    const db = await open();
    const answers = await Promise.all(
      Array.from({ length: 600 }, (_, i) =>
        db.query<{ n: number }>(`SELECT $1::int + ${i} AS n`, [1]),
      ),
    );
    expect(answers.map((rows) => rows[0]?.n)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
  });
});
