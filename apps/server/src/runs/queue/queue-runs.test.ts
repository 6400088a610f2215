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
import { createRunRepository } from '../../repositories/run-repository.ts';
import type { RunDispatcher } from '../run-dispatcher.ts';
import type { RunEvent } from '../run-events.ts';
import { createRunExecutor } from '../run-executor.ts';
import { type EventRelay, openEventRelay } from './event-relay.ts';
import { createQueueDispatcher } from './queue-dispatcher.ts';
import { openRunQueue, RUN_QUEUE, type RunQueue } from './run-queue.ts';
import { type RunWorker, startRunWorker, WORKER_LOST_REASON } from './run-worker.ts';

/**
 * A Connect stand-in whose calls wait until released or cancelled, counting calls by
 * run, so a test can hold a run mid-flight and see whether anything ran twice.
 */
function heldGateway() {
  const calls: string[] = [];
  let release: () => void = () => undefined;
  let gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const gateway: ConnectorGateway = {
    async execute(_operation, _request, signal) {
      calls.push('call');
      await new Promise<void>((resolve, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        void gate.then(resolve);
      });
      return [];
    },
  };
  return {
    gateway,
    calls,
    release: () => release(),
    hold: () => {
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
    },
  };
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms: number) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) {
      return value;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The shapes a watcher learned of, in order: those the snapshot already held (a worker
 * woken by the job's NOTIFY may have started the run before the watcher came), then
 * each `shape-started` after it. Compared sorted: a snapshot's shapes are a map, not a
 * sequence (the order of events is what the end-last and snapshot-first checks hold).
 */
function shapesSeen(events: readonly RunEvent[]): string[] {
  const snapshot = events[0]?.type === 'snapshot' ? Object.keys(events[0].shapes) : [];
  const live = events.flatMap((e) => (e.type === 'shape-started' ? [e.shapeId] : []));
  return [...new Set([...snapshot, ...live])];
}

describe(`runs through the pg-boss job queue (${storageUnderTest()})`, () => {
  let db: Database;
  let dispose = async (): Promise<void> => undefined;
  let queue: RunQueue;
  let relay: EventRelay;
  let dispatcher: RunDispatcher;
  let worker: RunWorker | undefined;
  const held = heldGateway();
  const runs = () => createRunRepository(db);
  const start = () =>
    dispatcher.start({
      accountId: DEFAULT_ACCOUNT_ID,
      process: listRequestsProcess('queued'),
      processId: null,
      connectionId: null,
      executionType: 'test_manual',
    });
  const startWorker = async (pollingIntervalSeconds = 0.5) => {
    worker = await startRunWorker(
      {
        db,
        queue,
        runs: runs(),
        executor: createRunExecutor({
          runs: runs(),
          documents: createRunDocumentRepository(db),
          gatewayFor: () => held.gateway,
          runtimeFor: () => ({}),
          log: quietLog,
        }),
        log: quietLog,
      },
      { concurrency: 2, pollingIntervalSeconds },
    );
  };

  beforeAll(async () => {
    ({ db, dispose } = await openDisposableTestDatabase());
    await ensureDefaultAccount(db);
    // pg-boss's floor for heartbeats; supervision each second finds a dead worker's job fast.
    queue = await openRunQueue(db, quietLog, { heartbeatSeconds: 10, superviseIntervalSeconds: 1 });
    relay = await openEventRelay(db, runs(), quietLog);
    dispatcher = createQueueDispatcher({
      db,
      queue,
      runs: runs(),
      relay,
      log: quietLog,
      worker: () => worker,
    });
  });
  // The queue stops before its database closes and its schemas are dropped.
  afterAll(async () => {
    held.release();
    await dispatcher?.stop(0);
    await dispose();
  });

  it('stores the run and its job together, and aborts it when its worker dies, never running it again', async () => {
    const runId = await start();
    const job = await queue.boss.getJobById(RUN_QUEUE, runId);
    expect(job?.data).toMatchObject({ runId, accountId: DEFAULT_ACCOUNT_ID });
    // A worker claims it and dies: it never reports again.
    const [claimed] = await queue.boss.fetch(RUN_QUEUE);
    expect(claimed?.id).toBe(runId);
    const events: RunEvent[] = [];
    dispatcher.subscribe(runId, (event) => events.push(event));
    await startWorker();
    const run = await waitFor(
      () => runs().get(DEFAULT_ACCOUNT_ID, runId),
      (r) => r?.status !== 'running',
      20_000,
    );
    expect(run).toMatchObject({ status: 'aborted', error: WORKER_LOST_REASON });
    expect((await queue.boss.getJobById(RUN_QUEUE, runId))?.state).toBe('failed');
    await waitFor(
      async () => events,
      (e) => e.at(-1)?.type === 'end',
      5000,
    );
    expect(events.map((e) => e.type)).toEqual(['snapshot', 'end']);
    expect(held.calls).toHaveLength(0);
  }, 30_000);

  it('executes a run on a worker and relays its events in order, snapshot first', async () => {
    held.release();
    const runId = await start();
    const events: RunEvent[] = [];
    dispatcher.subscribe(runId, (event) => events.push(event));
    await dispatcher.drain();
    expect((await runs().get(DEFAULT_ACCOUNT_ID, runId))?.status).toBe('complete');
    await waitFor(
      async () => events,
      (e) => e.at(-1)?.type === 'end',
      5000,
    );
    expect(events[0]?.type).toBe('snapshot');
    expect(events.at(-1)).toMatchObject({ type: 'end', status: 'complete' });
    expect(shapesSeen(events).sort()).toEqual(['list', 'start']);
    // Once the run is over its live events go; the run's record keeps the result.
    expect(await runs().deleteEventsOfFinishedRuns(0)).toBeGreaterThan(0);
    expect(await db.query('SELECT seq FROM run_events WHERE run_id = $1', [runId])).toEqual([]);
  });

  it('relays the events of runs followed together, each in its order, with one read for all', async () => {
    held.release();
    const ids = await Promise.all(Array.from({ length: 6 }, () => start()));
    const seen = new Map(ids.map((id) => [id, [] as RunEvent[]]));
    // Followed in one turn: their reads go out as one statement.
    for (const id of ids) {
      dispatcher.subscribe(id, (event) => seen.get(id)?.push(event));
    }
    await dispatcher.drain();
    for (const id of ids) {
      const events = await waitFor(
        async () => seen.get(id) ?? [],
        (e) => e.at(-1)?.type === 'end',
        5000,
      );
      expect(events[0]?.type).toBe('snapshot');
      expect(events.filter((e) => e.type === 'end')).toHaveLength(1);
      expect(events.at(-1)).toMatchObject({ type: 'end', status: 'complete' });
      expect(shapesSeen(events).sort()).toEqual(['list', 'start']);
    }
    // Each is forgotten with its end, not kept for the catch-up to read again.
    expect(relay.following).toBe(0);
  });

  it('cancels a run held by a worker within 2 s, and a queued one before it starts', async () => {
    held.hold();
    const first = await start();
    const second = await start();
    const third = await start();
    // Two slots: the first two are held mid-call, the third waits in the queue.
    await waitFor(
      async () => held.calls.length,
      (n) => n >= 2,
      10_000,
    );
    const asked = Date.now();
    dispatcher.cancel(first);
    dispatcher.cancel(third);
    const cancelled = await waitFor(
      () => runs().get(DEFAULT_ACCOUNT_ID, first),
      (r) => r?.status !== 'running',
      5000,
    );
    expect(cancelled?.status).toBe('aborted');
    expect(Date.now() - asked).toBeLessThan(2000);
    held.release();
    await dispatcher.drain();
    expect((await runs().get(DEFAULT_ACCOUNT_ID, second))?.status).toBe('complete');
    expect(await runs().get(DEFAULT_ACCOUNT_ID, third)).toMatchObject({ status: 'aborted' });
  });

  it('ends a watcher of a run that ended without an end event (aborted at a restart) from its record', async () => {
    held.hold();
    const runId = await start();
    const events: RunEvent[] = [];
    dispatcher.subscribe(runId, (event) => events.push(event));
    // What a restart of the embedded install does to runs it finds running.
    await db.query(
      "UPDATE runs SET status = 'aborted', error = 'The server running it stopped.', finished_at = now() - interval '5 seconds' WHERE id = $1",
      [runId],
    );
    await waitFor(
      async () => events,
      (e) => e.at(-1)?.type === 'end',
      6000,
    );
    expect(events.at(-1)).toMatchObject({
      type: 'end',
      status: 'aborted',
      error: 'The server running it stopped.',
    });
    held.release();
    await dispatcher.drain();
  });

  it('keeps a run ABORTED when its stalled worker wakes after the run was taken for lost', async () => {
    held.hold();
    if (!worker) {
      await startWorker();
    }
    const calls = held.calls.length;
    const runId = await start();
    expect(
      await waitFor(
        async () => held.calls.length,
        (n) => n > calls,
        10_000,
      ),
    ).toBe(calls + 1);
    const events: RunEvent[] = [];
    dispatcher.subscribe(runId, (event) => events.push(event));
    // What the lost-run reaper does once the worker's heartbeat stopped.
    expect(await runs().abortIfRunning(DEFAULT_ACCOUNT_ID, runId, WORKER_LOST_REASON)).toBe(true);
    // The worker wakes up and its run completes: it must not store that over the abort.
    held.release();
    await waitFor(
      async () => worker?.running ?? 0,
      (n) => n === 0,
      10_000,
    );
    expect(await runs().get(DEFAULT_ACCOUNT_ID, runId)).toMatchObject({
      status: 'aborted',
      error: WORKER_LOST_REASON,
    });
    await waitFor(
      async () => events,
      (e) => e.at(-1)?.type === 'end',
      6000,
    );
    expect(events.filter((e) => e.type === 'end')).toEqual([
      expect.objectContaining({ status: 'aborted', error: WORKER_LOST_REASON }),
    ]);
  });

  it('stores no run when its job cannot be queued', async () => {
    const before = await db.query('SELECT id FROM runs');
    // The run's row is written first in the transaction; the job then fails to serialize.
    const unsendable = dispatcher.start({
      accountId: DEFAULT_ACCOUNT_ID,
      process: listRequestsProcess('unsendable'),
      processId: null,
      connectionId: null,
      executionType: 'test_manual',
      startDocuments: [{ id: 'd1', data: 1n } as never],
    });
    await expect(unsendable).rejects.toThrow(/BigInt/);
    expect(await db.query('SELECT id FROM runs')).toHaveLength(before.length);
  });

  it("queues a run inside the caller's transaction, and neither run nor job survives its rollback", async () => {
    let runId = '';
    const claimedThenFailed = db.transaction(async (tx) => {
      runId = await dispatcher.startWithin!(tx, {
        accountId: DEFAULT_ACCOUNT_ID,
        process: listRequestsProcess('scheduled'),
        processId: null,
        connectionId: null,
        executionType: 'exec_sched',
      });
      throw new Error('the tick could not be recorded');
    });
    await expect(claimedThenFailed).rejects.toThrow('the tick could not be recorded');
    expect(runId).not.toBe('');
    expect(await runs().get(DEFAULT_ACCOUNT_ID, runId)).toBeNull();
    expect(await queue.boss.getJobById(RUN_QUEUE, runId)).toBeNull();
  });

  it('wakes an idle worker the moment a run is queued, not at its next poll', async () => {
    held.release();
    await worker?.stop(0);
    // A first run waits for the new worker, whose pollers then all sleep for 30 s.
    const first = await start();
    await startWorker(30);
    await dispatcher.drain();
    expect((await runs().get(DEFAULT_ACCOUNT_ID, first))?.status).toBe('complete');
    const queuedAt = Date.now();
    const second = await start();
    const run = await waitFor(
      () => runs().get(DEFAULT_ACCOUNT_ID, second),
      (r) => r?.status !== 'running',
      10_000,
    );
    expect(run?.status).toBe('complete');
    // The insert's NOTIFY woke it: a poll would have come 30 s after the first run.
    expect(Date.now() - queuedAt).toBeLessThan(10_000);
  }, 30_000);
});
