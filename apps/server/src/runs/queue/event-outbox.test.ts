import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openDisposableTestDatabase,
  quietLog,
  storageUnderTest,
} from '../../../test/build-test-app.ts';
import type { Database, Queryable } from '../../db/database.ts';
import { DEFAULT_ACCOUNT_ID, ensureDefaultAccount } from '../../repositories/account-repository.ts';
import type { RunEvent } from '../run-events.ts';
import { appendFinalEvent, createEventOutbox, STORE_AND_NOTIFY } from './event-outbox.ts';
import { EVENTS_AFTER_SQL, eventsAfter } from './event-relay.ts';
import { endOf } from './run-endings.ts';

const log = (message: string): RunEvent => ({
  type: 'log',
  shapeId: 'start',
  level: 'info',
  message,
});
const setting = async (q: Queryable) =>
  (await q.query<{ s: string }>("SELECT current_setting('synchronous_commit') AS s"))[0]!.s;
const told = (events: ReturnType<typeof eventsAfter>) =>
  events.map(({ seq, event }) => [seq, event.type === 'log' ? event.message : event.type]);

describe(`the event outbox's rows (${storageUnderTest()})`, () => {
  let db: Database;
  let dispose = async (): Promise<void> => undefined;
  let nextRun = 0;

  beforeAll(async () => {
    ({ db, dispose } = await openDisposableTestDatabase());
    await ensureDefaultAccount(db);
  });
  afterAll(() => dispose());

  const newRun = async () => {
    nextRun += 1;
    const id = `run-${nextRun}`;
    await db.query(
      `INSERT INTO runs (account_id, id, process_name, document, status) VALUES ($1, $2, 'Outbox', '{}', 'running')`,
      [DEFAULT_ACCOUNT_ID, id],
    );
    return id;
  };
  const read = async (runId: string, after = 0) =>
    told(eventsAfter(await db.query(EVENTS_AFTER_SQL, [runId, after]), after));

  it("stores a run's events of one write as one row, numbered in order", async () => {
    const runId = await newRun();
    const outbox = createEventOutbox(db, quietLog);
    outbox.publish(DEFAULT_ACCOUNT_ID, runId, log('a'));
    outbox.publish(DEFAULT_ACCOUNT_ID, runId, log('b'));
    outbox.publish(DEFAULT_ACCOUNT_ID, runId, endOf('aborted', 'stopped'));
    await outbox.flush();
    const rows = await db.query<{ seq: number; event: RunEvent }>(
      'SELECT seq, event FROM run_events WHERE run_id = $1',
      [runId],
    );
    // One row up to 3; its last event also where servers of the version before read it.
    expect(rows).toEqual([{ seq: 3, event: expect.objectContaining({ type: 'end' }) }]);
    expect(await read(runId)).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'end'],
    ]);
    expect(await read(runId, 1)).toEqual([
      [2, 'b'],
      [3, 'end'],
    ]);
  });

  it('reads the one-event rows a worker of the version before wrote', async () => {
    const runId = await newRun();
    await db.query(
      `INSERT INTO run_events (account_id, run_id, seq, event) VALUES ($1, $2, 1, $3), ($1, $2, 2, $4)`,
      [DEFAULT_ACCOUNT_ID, runId, JSON.stringify(log('old')), JSON.stringify(log('older'))],
    );
    await appendFinalEvent(db, DEFAULT_ACCOUNT_ID, runId, endOf('aborted', 'lost'));
    expect(await read(runId)).toEqual([
      [1, 'old'],
      [2, 'older'],
      [3, 'end'],
    ]);
  });

  it("stores the other runs' events of a write when one event holds a NUL", async () => {
    const [attacked, bystander] = [await newRun(), await newRun()];
    const outbox = createEventOutbox(db, quietLog);
    outbox.publish(DEFAULT_ACCOUNT_ID, attacked, log('before\u0000after'));
    outbox.publish(DEFAULT_ACCOUNT_ID, bystander, log('fine'));
    await outbox.flush();
    expect(await read(attacked)).toEqual([[1, 'before\ufffdafter']]);
    expect(await read(bystander)).toEqual([[1, 'fine']]);
  });
  // Live events commit without waiting for the disk; everything else on the same pooled
  // connections, the run's record among it, still waits.
  describe('committing lazily', () => {
    /** The outbox's statement storing one event of a new run. */
    const storeEvent = async (): Promise<[string, unknown[], string]> => {
      const runId = await newRun();
      const rows = [
        { account_id: DEFAULT_ACCOUNT_ID, run_id: runId, seq: 1, events: [{ type: 'log' }] },
      ];
      return [STORE_AND_NOTIFY, [JSON.stringify(rows), 'lazy_commit_test'], runId];
    };

    it('stores the events in a transaction that does not wait for the disk', async () => {
      const [sql, params, runId] = await storeEvent();
      // Inside a transaction, so the setting is read before it ends.
      const inside = await db.transaction(async (tx) => {
        await tx.query(sql, params);
        return await setting(tx);
      });
      expect(inside).toBe('off');
      const stored = await db.query('SELECT seq FROM run_events WHERE run_id = $1', [runId]);
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
});
