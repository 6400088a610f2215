import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listRequestsProcess } from '@junction/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { heldConnect, waitForRun } from './run-helpers.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

describe(`runs under load: waiting and DISCARDED (${storageUnderTest()})`, () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp({ runLimits: { concurrentRuns: 1, queuedRuns: 1 } });
  });

  const start = async (connectionId: string) =>
    (
      await app.inject({
        method: 'POST',
        url: '/api/runs',
        payload: { process: listRequestsProcess(), connectionId },
      })
    ).json().id as string;
  const get = async (id: string) => (await app.inject({ url: `/api/runs/${id}` })).json();

  it('runs one at a time, lines up the next, and discards a run when the line is full', async () => {
    const held = await heldConnect(app, 200, [{ id: 'PR-1' }]);
    try {
      const running = await start(held.connectionId);
      const waiting = await start(held.connectionId);
      const discarded = await start(held.connectionId);

      expect(await get(discarded)).toMatchObject({
        status: 'discarded',
        executionStatus: 'DISCARDED',
        error: expect.stringMatching(/^Discarded due to load: 1 runs were running and 1 waiting/),
        documentsStored: 0,
      });
      // Discarded before it started: no documents and no log.
      const logs = await app.inject({ url: `/api/runs/${discarded}/logs` });
      expect(logs.json().items).toEqual([]);
      expect((await get(waiting)).status).toBe('running');

      held.release();
      expect((await waitForRun(app, running)).status).toBe('complete');
      expect(await waitForRun(app, waiting)).toMatchObject({
        status: 'complete',
        shapes: { start: { documentsOut: 1 } },
      });
    } finally {
      held.close();
    }
  });

  it('cancels a waiting run at once, without waiting for a free slot', async () => {
    const held = await heldConnect(app, 200, []);
    try {
      const running = await start(held.connectionId);
      const waiting = await start(held.connectionId);
      const cancel = await app.inject({ method: 'POST', url: `/api/runs/${waiting}/cancel` });
      expect(cancel.statusCode).toBeLessThan(300);
      expect(await waitForRun(app, waiting)).toMatchObject({
        status: 'aborted',
        executionStatus: 'ABORTED',
      });
      expect((await get(running)).status).toBe('running');
      held.release();
      expect((await waitForRun(app, running)).status).toBe('complete');
    } finally {
      held.close();
    }
  });
});

describe('shutting down with runs waiting', () => {
  it('lets the running run finish within the grace period and ends the waiting ones as aborted', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'junction-shutdown-'));
    const options = {
      dataDir,
      secretKey: randomBytes(32).toString('base64'),
      egressAllow: ['127.0.0.1'],
      runLimits: { concurrentRuns: 1, queuedRuns: 5 },
      shutdownGraceMs: 20_000,
    };
    try {
      const app = await buildApp(options);
      const held = await heldConnect(app, 200, [{ id: 'PR-1' }]);
      const running = await held.startList();
      const waiting = [await held.startList(), await held.startList()];
      // The graceful path main.ts takes on SIGTERM; a plain close() gives no grace.
      const closed = app.shutdown();
      held.release();
      await closed;
      held.close();

      const reopened = await buildApp(options);
      try {
        const status = async (id: string) =>
          (await reopened.inject({ url: `/api/runs/${id}` })).json();
        expect(await status(running)).toMatchObject({ status: 'complete' });
        for (const id of waiting) {
          expect(await status(id)).toMatchObject({
            status: 'aborted',
            error: 'Server shut down before the run finished',
          });
        }
      } finally {
        await reopened.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
