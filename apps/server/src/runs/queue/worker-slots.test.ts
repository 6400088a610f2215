import {
  addShape,
  connectShapes,
  createProcess,
  type ProcessDocument,
} from '@junction/process-model';
import type { ConnectorGateway } from '@junction/runtime';
import { listRequestsProcess } from '@junction/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openDisposableTestDatabase,
  quietLog,
  storageUnderTest,
} from '../../../test/build-test-app.ts';
import type { Database } from '../../db/database.ts';
import { DEFAULT_ACCOUNT_ID, ensureDefaultAccount } from '../../repositories/account-repository.ts';
import { createRunDocumentRepository } from '../../repositories/run-document-repository.ts';
import { createRunRepository, type RunRepository } from '../../repositories/run-repository.ts';
import type { RunDispatcher } from '../run-dispatcher.ts';
import { createRunExecutor } from '../run-executor.ts';
import { openEventRelay } from './event-relay.ts';
import { createQueueDispatcher } from './queue-dispatcher.ts';
import { openRunQueue, type RunQueue } from './run-queue.ts';
import { type RunWorker, startRunWorker } from './run-worker.ts';

/** Start -> Stop: a run that ends at once. */
function quickProcess(): ProcessDocument {
  let doc = createProcess({ id: 'quick', name: 'Quick' });
  doc = addShape(doc, { id: 'stop', kind: 'stop', position: { x: 300, y: 100 } });
  return connectShapes(doc, {
    id: 'c1',
    from: { shape: 'start', port: 'default' },
    to: { shape: 'stop' },
  });
}

/**
 * A worker's slots are its runs at once, whatever else it holds: a long run must not
 * keep the slots of the runs fetched with it. (pg-boss's `work()` completed a fetched
 * batch together and fetched again only then: a worker at 8 holding four long runs,
 * each fetched beside a short one, ran four runs and left four slots idle.)
 */
describe(`a worker's slots (${storageUnderTest()})`, () => {
  let db: Database;
  let dispose = async (): Promise<void> => undefined;
  let queue: RunQueue;
  let runs: RunRepository;
  let dispatcher: RunDispatcher;
  let worker: RunWorker | undefined;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  // Connect calls wait for the gate: the listing process is the long run.
  const gateway: ConnectorGateway = {
    async execute() {
      await gate;
      return [];
    },
  };
  const start = (process: ProcessDocument) =>
    dispatcher.start({
      accountId: DEFAULT_ACCOUNT_ID,
      process,
      processId: null,
      connectionId: null,
      executionType: 'exec_manual',
    });
  const allEnded = async (ids: string[], ms: number) => {
    const until = Date.now() + ms;
    for (;;) {
      const ended = await Promise.all(
        ids.map(async (id) => (await runs.get(DEFAULT_ACCOUNT_ID, id))?.status !== 'running'),
      );
      if (ended.every(Boolean) || Date.now() > until) {
        return ended.every(Boolean);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    ({ db, dispose } = await openDisposableTestDatabase());
    await ensureDefaultAccount(db);
    runs = createRunRepository(db);
    queue = await openRunQueue(db, quietLog);
    const relay = await openEventRelay(db, runs, quietLog);
    dispatcher = createQueueDispatcher({
      db,
      queue,
      runs,
      relay,
      log: quietLog,
      worker: () => worker,
    });
  });
  afterAll(async () => {
    release();
    await dispatcher?.stop(0);
    await dispose();
  });

  it('runs new runs in the slots left beside long ones fetched together with short ones', async () => {
    // Queued before the worker starts, long and short in turn, so fetches bring both.
    const long: string[] = [];
    const short: string[] = [];
    for (let i = 0; i < 4; i++) {
      long.push(await start(listRequestsProcess('long')));
      short.push(await start(quickProcess()));
    }
    worker = await startRunWorker(
      {
        db,
        queue,
        runs,
        executor: createRunExecutor({
          runs,
          documents: createRunDocumentRepository(db),
          gatewayFor: () => gateway,
          runtimeFor: () => ({}),
          log: quietLog,
        }),
        log: quietLog,
      },
      { concurrency: 8, pollingIntervalSeconds: 0.5 },
    );
    expect(await allEnded(short, 10_000)).toBe(true);
    expect(worker.running).toBe(4);

    const later = await Promise.all(Array.from({ length: 4 }, () => start(quickProcess())));
    expect(await allEnded(later, 5000)).toBe(true);
    expect(await allEnded(long, 0)).toBe(false);

    release();
    expect(await allEnded(long, 10_000)).toBe(true);
  }, 30_000);
});
