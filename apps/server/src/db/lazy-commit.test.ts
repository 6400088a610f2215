import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDisposableTestDatabase, storageUnderTest } from '../../test/build-test-app.ts';
import { DEFAULT_ACCOUNT_ID, ensureDefaultAccount } from '../repositories/account-repository.ts';
import { STORE_AND_NOTIFY } from '../runs/queue/event-outbox.ts';
import type { Database, Queryable } from './database.ts';

const setting = async (q: Queryable) =>
  (await q.query<{ s: string }>("SELECT current_setting('synchronous_commit') AS s"))[0]!.s;

/**
 * Live events commit without waiting for the disk; everything else on the same pooled
 * connections, the run's record among it, still waits.
 */
describe(`live events commit lazily (${storageUnderTest()})`, () => {
  let db: Database;
  let dispose = async (): Promise<void> => undefined;
  let nextRun = 0;

  beforeAll(async () => {
    ({ db, dispose } = await openDisposableTestDatabase());
    await ensureDefaultAccount(db);
  });
  afterAll(() => dispose());

  /** A run's row, and the outbox's statement storing one event of it. */
  const storeEvent = async (): Promise<[string, unknown[]]> => {
    nextRun += 1;
    const runId = `run-${nextRun}`;
    await db.query(
      `INSERT INTO runs (account_id, id, process_name, document, status) VALUES ($1, $2, 'Lazy', '{}', 'running')`,
      [DEFAULT_ACCOUNT_ID, runId],
    );
    const rows = [
      { account_id: DEFAULT_ACCOUNT_ID, run_id: runId, seq: 1, events: [{ type: 'log' }] },
    ];
    return [STORE_AND_NOTIFY, [JSON.stringify(rows), 'lazy_commit_test']];
  };

  it('stores the events in a transaction that does not wait for the disk', async () => {
    const [sql, params] = await storeEvent();
    // Inside a transaction, so the setting is read before it ends.
    const inside = await db.transaction(async (tx) => {
      await tx.query(sql, params);
      return await setting(tx);
    });
    expect(inside).toBe('off');
    const stored = await db.query('SELECT seq FROM run_events WHERE run_id = $1', [
      `run-${nextRun}`,
    ]);
    expect(stored).toHaveLength(1);
  });

  it('leaves the pooled connections waiting for the disk afterwards', async () => {
    for (let i = 0; i < 12; i++) {
      const [sql, params] = await storeEvent();
      await db.query(sql, params);
    }
    for (let i = 0; i < 12; i++) {
      expect(await setting(db)).toBe('on');
    }
  });
});
