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
import { type RunWorker, type RunWorkerOptions, startRunWorker } from './run-worker.ts';

const OTHER_ACCOUNT = 'other';

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
 * A database with two accounts, a queue and its dispatcher; a worker started on demand
 * runs the listing process (the long run) until `release`, through a Connect stand-in.
 */
async function queueWithHeldWorker() {
  const { db, dispose } = await openDisposableTestDatabase();
  await ensureDefaultAccount(db);
  await createAccountRepository(db).create({
    id: OTHER_ACCOUNT,
    name: 'Other',
    parentId: DEFAULT_ACCOUNT_ID,
  });
  const runs = createRunRepository(db);
  const queue = await openRunQueue(db, quietLog);
  let worker: RunWorker | undefined;
  const dispatcher: RunDispatcher = createQueueDispatcher({
    db,
    queue,
    runs,
    relay: await openEventRelay(db, runs, quietLog),
    log: quietLog,
    worker: () => worker,
  });
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const gateway: ConnectorGateway = {
    async execute() {
      await gate;
      return [];
    },
  };
  return {
    db: db as Database,
    release: () => release(),
    start: (process: ProcessDocument, accountId = DEFAULT_ACCOUNT_ID) =>
      dispatcher.start({
        accountId,
        process,
        processId: null,
        connectionId: null,
        executionType: 'exec_manual',
      }),
    async startWorker(options: RunWorkerOptions): Promise<RunWorker> {
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
        options,
      );
      return worker;
    },
    /** Whether every run of `ids` ended within `ms`. */
    async allEnded(ids: string[], ms: number, accountId = DEFAULT_ACCOUNT_ID): Promise<boolean> {
      const until = Date.now() + ms;
      for (;;) {
        const ended = await Promise.all(
          ids.map(async (id) => (await runs.get(accountId, id))?.status !== 'running'),
        );
        if (ended.every(Boolean) || Date.now() > until) {
          return ended.every(Boolean);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    /**
     * Whether the worker settles at `count` runs within `ms`: a run's end is stored
     * before its events, and it leaves the worker's count once those are stored too.
     */
    async settlesAt(worker: RunWorker, count: number, ms: number): Promise<boolean> {
      const until = Date.now() + ms;
      while (worker.running !== count && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return worker.running === count;
    },
    async close() {
      release();
      await dispatcher.stop(0);
      await dispose();
    },
  };
}

/**
 * A worker's slots are its runs at once, whatever else it holds: a long run must not
 * keep the slots of the runs fetched with it. (pg-boss's `work()` completed a fetched
 * batch together and fetched again only then: a worker at 8 holding four long runs,
 * each fetched beside a short one, ran four runs and left four slots idle.)
 */
describe(`a worker's slots (${storageUnderTest()})`, () => {
  let setup: Awaited<ReturnType<typeof queueWithHeldWorker>>;
  beforeAll(async () => {
    setup = await queueWithHeldWorker();
  });
  afterAll(() => setup?.close());

  it('runs new runs in the slots left beside long ones fetched together with short ones', async () => {
    // Queued before the worker starts, long and short in turn, so fetches bring both.
    const long: string[] = [];
    const short: string[] = [];
    for (let i = 0; i < 4; i++) {
      long.push(await setup.start(listRequestsProcess('long')));
      short.push(await setup.start(quickProcess()));
    }
    const worker = await setup.startWorker({ concurrency: 8, pollingIntervalSeconds: 0.5 });
    expect(await setup.allEnded(short, 10_000)).toBe(true);
    expect(await setup.settlesAt(worker, 4, 5000)).toBe(true);

    const later = await Promise.all(Array.from({ length: 4 }, () => setup.start(quickProcess())));
    expect(await setup.allEnded(later, 5000)).toBe(true);
    expect(await setup.allEnded(long, 0)).toBe(false);

    setup.release();
    expect(await setup.allEnded(long, 10_000)).toBe(true);
  }, 30_000);
});

describe(`a worker's per-account slots with one account's backlog (${storageUnderTest()})`, () => {
  let setup: Awaited<ReturnType<typeof queueWithHeldWorker>>;
  beforeAll(async () => {
    setup = await queueWithHeldWorker();
  });
  afterAll(() => setup?.close());

  it("runs another account's run while one account's backlog waits for its own slots", async () => {
    const backlog: string[] = [];
    for (let i = 0; i < 6; i++) {
      backlog.push(await setup.start(listRequestsProcess('long')));
    }
    const other = await setup.start(quickProcess(), OTHER_ACCOUNT);
    const worker = await setup.startWorker({
      concurrency: 4,
      perAccount: 2,
      pollingIntervalSeconds: 0.5,
    });
    // The backlog takes its two slots and no more; the other account's run is not
    // held behind the rest of it.
    expect(await setup.allEnded([other], 5000, OTHER_ACCOUNT)).toBe(true);
    expect(await setup.settlesAt(worker, 2, 5000)).toBe(true);
    const queued = await setup.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM runs WHERE status = 'running'",
    );
    expect(queued[0]?.n).toBe(6);

    setup.release();
    expect(await setup.allEnded(backlog, 15_000)).toBe(true);
  }, 30_000);
});
