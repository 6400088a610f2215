import type { ConnectorGateway } from '@junction/runtime';
import { listRequestsProcess } from '@junction/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openDisposableTestDatabase,
  quietLog,
  storageUnderTest,
} from '../../../test/build-test-app.ts';
import type { Database } from '../../db/database.ts';
import {
  createAccountRepository,
  DEFAULT_ACCOUNT_ID,
  ensureDefaultAccount,
} from '../../repositories/account-repository.ts';
import { createRunDocumentRepository } from '../../repositories/run-document-repository.ts';
import { createRunRepository } from '../../repositories/run-repository.ts';
import type { RunDispatcher } from '../run-dispatcher.ts';
import { createRunExecutor } from '../run-executor.ts';
import { openEventRelay } from './event-relay.ts';
import { createQueueDispatcher } from './queue-dispatcher.ts';
import { openRunQueue } from './run-queue.ts';
import { type RunWorker, startRunWorker } from './run-worker.ts';

describe(`a worker's per-account limit (${storageUnderTest()})`, () => {
  let db: Database;
  let dispose = async (): Promise<void> => undefined;
  let dispatcher: RunDispatcher;
  let worker: RunWorker | undefined;
  // Calls in flight per account, held until released.
  const inFlight = new Map<string, number>();
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const gatewayFor = (accountId: string): ConnectorGateway => ({
    async execute() {
      inFlight.set(accountId, (inFlight.get(accountId) ?? 0) + 1);
      await gate;
      return [];
    },
  });

  beforeAll(async () => {
    ({ db, dispose } = await openDisposableTestDatabase());
    await ensureDefaultAccount(db);
    await createAccountRepository(db).create({
      id: 'other',
      name: 'Other',
      parentId: DEFAULT_ACCOUNT_ID,
    });
    const runs = createRunRepository(db);
    const queue = await openRunQueue(db, quietLog);
    const relay = await openEventRelay(db, runs, quietLog);
    dispatcher = createQueueDispatcher({
      db,
      queue,
      runs,
      relay,
      log: quietLog,
      worker: () => worker,
    });
    const executor = createRunExecutor({
      runs,
      documents: createRunDocumentRepository(db),
      gatewayFor,
      runtimeFor: () => ({}),
      log: quietLog,
    });
    worker = await startRunWorker(
      { db, queue, runs, executor, log: quietLog },
      { concurrency: 3, perAccount: 2, pollingIntervalSeconds: 0.5 },
    );
  });
  // The queue stops before its database closes and its schemas are dropped.
  afterAll(async () => {
    release();
    await dispatcher?.stop(0);
    await dispose();
  });

  it('runs at most that many of one account at once, leaving slots for the others', async () => {
    const start = (accountId: string) =>
      dispatcher.start({
        accountId,
        process: listRequestsProcess('limited'),
        processId: null,
        connectionId: null,
        executionType: 'test_manual',
      });
    // Four of one account first, then one of another: the fourth must wait, the other not.
    for (let i = 0; i < 4; i++) {
      await start(DEFAULT_ACCOUNT_ID);
    }
    await start('other');
    const until = Date.now() + 10_000;
    while ((inFlight.get('other') ?? 0) < 1 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Give a wrongly taken fourth run of the first account time to show up.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(inFlight.get('other')).toBe(1);
    expect(inFlight.get(DEFAULT_ACCOUNT_ID)).toBe(2);
    release();
    await dispatcher.drain();
    expect(inFlight.get(DEFAULT_ACCOUNT_ID)).toBe(4);
  }, 30_000);
});
