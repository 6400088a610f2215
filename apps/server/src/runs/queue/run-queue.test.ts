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

  it('wakes workers on insert and keeps finished jobs a minute, also on a queue made before', async () => {
    const first = await openRunQueue(db, quietLog);
    // As a queue made by an earlier version was: polled only, finished jobs kept a week.
    await first.boss.updateQueue(RUN_QUEUE, { notify: false, deleteAfterSeconds: 604_800 });
    await first.stop();

    const queue = await openRunQueue(db, quietLog);
    try {
      expect(await queue.boss.getQueue(RUN_QUEUE)).toMatchObject({
        notify: true,
        deleteAfterSeconds: 60,
        retryLimit: 0,
        deadLetter: 'junction-runs-lost',
      });
    } finally {
      await queue.stop();
    }
  });
});
