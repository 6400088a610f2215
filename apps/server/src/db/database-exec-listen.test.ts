import { afterAll, describe, expect, it } from 'vitest';
import { openDisposableTestDatabase, storageUnderTest } from '../../test/build-test-app.ts';

describe(`the database seam's scripts and LISTEN (${storageUnderTest()})`, () => {
  const disposals: (() => Promise<void>)[] = [];
  const openTestDatabase = async () => {
    const { db, dispose } = await openDisposableTestDatabase();
    disposals.push(dispose);
    return db;
  };
  afterAll(async () => {
    await Promise.all(disposals.map((dispose) => dispose()));
  });

  it('runs a script of statements, and a failed one leaves no aborted transaction behind', async () => {
    const db = await openTestDatabase();
    expect(await db.exec('CREATE TEMP TABLE t (n int); SELECT 1 AS a; SELECT 2 AS b')).toEqual([
      { a: 1 },
      { b: 2 },
    ]);
    await expect(db.exec('BEGIN; SELECT 1 AS a; SELECT 1 / 0; COMMIT')).rejects.toThrow(
      /division by zero/,
    );
    // Every pooled connection still answers (the failed one was rolled back).
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => db.query<{ ok: number }>('SELECT 1 AS ok')),
    );
    expect(answers.flat()).toEqual(Array.from({ length: 12 }, () => ({ ok: 1 })));
  });

  it('hears NOTIFY on a channel until it stops listening', async () => {
    const db = await openTestDatabase();
    const heard: string[] = [];
    const channel = `junction_test_${db.schema}`;
    const unlisten = await db.listen(channel, (payload) => heard.push(payload));
    await db.query('SELECT pg_notify($1, $2)', [channel, 'first']);
    for (let i = 0; i < 40 && heard.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await unlisten();
    await db.query('SELECT pg_notify($1, $2)', [channel, 'second']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toEqual(['first']);
  });
});
