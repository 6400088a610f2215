import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openDisposableTestDatabase,
  quietLog,
  storageUnderTest,
} from '../../../test/build-test-app.ts';
import type { Database } from '../../db/database.ts';
import { openRunQueue, RUN_QUEUE } from './run-queue.ts';

describe(`the run queue's settings (${storageUnderTest()})`, () => {
  let db: Database;
  let dispose = async (): Promise<void> => undefined;

  beforeAll(async () => {
    ({ db, dispose } = await openDisposableTestDatabase());
  });
  afterAll(() => dispose());

  it('wakes workers on insert, keeps finished jobs a minute and takes the heartbeat configured, also on a queue made before', async () => {
    const first = await openRunQueue(db, quietLog);
    // As a queue made by an earlier version was: polled only, finished jobs kept a week.
    await first.boss.updateQueue(RUN_QUEUE, { notify: false, deleteAfterSeconds: 604_800 });
    await first.stop();

    const queue = await openRunQueue(db, quietLog, { heartbeatSeconds: 45 });
    try {
      expect(await queue.boss.getQueue(RUN_QUEUE)).toMatchObject({
        notify: true,
        deleteAfterSeconds: 60,
        // The heartbeat configured now, which its jobs carry from when they are queued.
        heartbeatSeconds: 45,
        retryLimit: 0,
        deadLetter: 'junction-runs-lost',
      });
    } finally {
      await queue.stop();
    }
  });

  it("plans pg-boss's statements that inline their values on every call, never keeping one prepared", async () => {
    // A kept plan is the one made when the job table was empty: its fetch then walked
    // every job kept to join a batch back, over a thousand pages a fetch under load.
    const prepared: string[] = [];
    const watched: Database = {
      ...db,
      query: (sql, params) => {
        if (!params?.length) {
          prepared.push(sql);
        }
        return db.query(sql, params);
      },
    };
    const queue = await openRunQueue(watched, quietLog);
    try {
      await queue.boss.send(RUN_QUEUE, { runId: 'r1', accountId: 'a1' });
      const [job] = await queue.boss.fetch(RUN_QUEUE);
      expect(job?.data).toEqual({ runId: 'r1', accountId: 'a1' });
      await queue.boss.complete(RUN_QUEUE, job!.id);
    } finally {
      await queue.stop();
    }
    expect(prepared).toEqual([]);
  });
});
