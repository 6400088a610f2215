import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDisposableTestDatabase, storageUnderTest } from '../../../test/build-test-app.ts';
import { pagesOf } from '../../../test/plan-pages.ts';
import type { Database } from '../../db/database.ts';
import { DEFAULT_ACCOUNT_ID, ensureDefaultAccount } from '../../repositories/account-repository.ts';
import { ENDED_AMONG_SQL, EVENTS_AFTER_MANY_SQL, EVENTS_AFTER_SQL } from './event-relay.ts';

const RUNS = 2000;
const EVENTS_PER_RUN = 10;

/**
 * The relay knows a run only by its id (a NOTIFY carries nothing else), and reads for
 * every followed run. Each read must touch a few pages however many runs and events
 * are kept: reading them all made every execution followed with ?wait slower than
 * the last, at a few hundred a second.
 * (Embedded PGlite's newer PostgreSQL skipped through the old key account by account;
 * a PostgreSQL 15 server read all of it.)
 */
describe(`the event relay's reads (${storageUnderTest()})`, () => {
  let db: Database;
  let dispose = async (): Promise<void> => undefined;

  beforeAll(async () => {
    ({ db, dispose } = await openDisposableTestDatabase());
    await ensureDefaultAccount(db);
    await db.query(
      `INSERT INTO runs (account_id, id, process_name, document, status, finished_at)
       SELECT $1, 'run-' || i, 'Bench', '{}', CASE WHEN i % 2 = 0 THEN 'complete' ELSE 'running' END,
              CASE WHEN i % 2 = 0 THEN now() - interval '1 minute' END
         FROM generate_series(1, $2::int) AS i`,
      [DEFAULT_ACCOUNT_ID, RUNS],
    );
    await db.query(
      `INSERT INTO run_events (account_id, run_id, seq, events)
       SELECT $1, 'run-' || i, s, '[{"type":"log"}]'
         FROM generate_series(1, $2::int) AS i, generate_series(1, $3::int) AS s`,
      [DEFAULT_ACCOUNT_ID, RUNS, EVENTS_PER_RUN],
    );
  }, 60_000);
  afterAll(() => dispose());

  const pages = (sql: string, params: unknown[], types: string) => pagesOf(db, sql, params, types);

  it("reads a run's new events touching a few pages among 20,000 events", async () => {
    const read = await pages(EVENTS_AFTER_SQL, ['run-1500', 4], 'text, int');
    expect(read.rows).toBe(EVENTS_PER_RUN - 4);
    expect(read.pages).toBeLessThan(20);
  });

  it("reads several runs' new events in one statement, touching a few pages each", async () => {
    const read = await pages(
      EVENTS_AFTER_MANY_SQL,
      [
        ['run-7', 'run-1999', 'run-404'],
        [0, 8, 10],
      ],
      'text[], int[]',
    );
    expect(read.rows).toBe(EVENTS_PER_RUN + 2);
    expect(read.pages).toBeLessThan(40);
  });

  it('finds which followed runs ended touching a few pages among 2,000 runs', async () => {
    const read = await pages(ENDED_AMONG_SQL, [['run-10', 'run-11', 'run-12'], 2], 'text[], int');
    expect(read.rows).toBe(2);
    expect(read.pages).toBeLessThan(20);
  });
});
