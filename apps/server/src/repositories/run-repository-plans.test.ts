import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDisposableTestDatabase, storageUnderTest } from '../../test/build-test-app.ts';
import { pagesOf } from '../../test/plan-pages.ts';
import type { Database, Queryable } from '../db/database.ts';
import { DEFAULT_ACCOUNT_ID, ensureDefaultAccount } from './account-repository.ts';
import { FINISH_RUNS_SQL, GET_RUNS_SQL, QUEUED_RUNS_SQL } from './run-repository.ts';

const RUNS = 6000;
const STILL_RUNNING = ['run-5999', 'run-6000'];
const ACCOUNTS = [DEFAULT_ACCOUNT_ID, DEFAULT_ACCOUNT_ID];

/**
 * 6,000 runs started since the plan was made, all but two ended and not vacuumed:
 * each ended one leaves a dead entry in the index of running runs.
 */
async function sixThousandRuns(tx: Queryable): Promise<void> {
  await tx.query(
    `INSERT INTO runs (account_id, id, process_name, document, status)
     SELECT $1, 'run-' || i, 'Bench', '{}', 'running' FROM generate_series(1, $2::int) AS i`,
    [DEFAULT_ACCOUNT_ID, RUNS],
  );
  await tx.query(
    "UPDATE runs SET status = 'complete', finished_at = now() WHERE id <> ALL($1::text[])",
    [STILL_RUNNING],
  );
}

/**
 * A server reads runs, and a worker reads its queued runs and ends them, in batches
 * many times a second, each with the plan its connection made when the runs table was
 * small. A join planned then (a hash of all runs, or of the index of running runs)
 * read more of the table every batch, until autovacuum came; a lookup per run does not.
 */
describe(`the run path's reads and writes of runs (${storageUnderTest()})`, () => {
  let db: Database;
  let dispose = async (): Promise<void> => undefined;

  beforeAll(async () => {
    ({ db, dispose } = await openDisposableTestDatabase());
    await ensureDefaultAccount(db);
  });
  afterAll(() => dispose());

  it('reads two runs touching a few pages among 6,000 started since its plan was made', async () => {
    const read = await pagesOf(
      db,
      GET_RUNS_SQL,
      [ACCOUNTS, STILL_RUNNING],
      'text[], text[]',
      sixThousandRuns,
    );
    expect(read.rows).toBe(2);
    expect(read.pages).toBeLessThan(30);
  });

  it('reads two queued runs touching a few pages among 6,000 just ended', async () => {
    const read = await pagesOf(
      db,
      QUEUED_RUNS_SQL,
      [ACCOUNTS, STILL_RUNNING],
      'text[], text[]',
      sixThousandRuns,
    );
    expect(read.rows).toBe(2);
    expect(read.pages).toBeLessThan(30);
  });

  it('ends two runs touching a few pages among 6,000 just ended', async () => {
    const ending = STILL_RUNNING.map((id) => ({
      account_id: DEFAULT_ACCOUNT_ID,
      id,
      status: 'complete',
      error: null,
      shape_stats: {},
      connection_counts: {},
      documents_in: 0,
      documents_out: 0,
      documents_in_error: 0,
      documents_stored: 0,
    }));
    const write = await pagesOf(
      db,
      FINISH_RUNS_SQL,
      [JSON.stringify(ending), STILL_RUNNING],
      'jsonb, text[]',
      sixThousandRuns,
    );
    expect(write.rows).toBe(2);
    expect(write.pages).toBeLessThan(60);
  });
});
