import { listRequestsProcess } from '@junction/runtime/testing';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { maxRunReason } from '../src/runs/run-time-limit.ts';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { heldConnect, waitForRun } from './run-helpers.ts';

const start = async (app: FastifyInstance, connectionId: string) =>
  (
    await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { process: listRequestsProcess(), connectionId },
    })
  ).json().id as string;
const get = async (app: FastifyInstance, id: string) =>
  (await app.inject({ url: `/api/runs/${id}` })).json();

describe(`the queue's line of waiting runs (${storageUnderTest()})`, () => {
  it('stores a run DISCARDED, with the reason and no job, once JUNCTION_MAX_QUEUED_RUNS runs wait', async () => {
    // No worker anywhere: every run waits in the queue.
    const app = await buildTestApp({
      runs: 'queue',
      queue: { worker: false },
      runLimits: { queuedRuns: 2 },
    });
    const held = await heldConnect(app, 200, []);
    try {
      const waiting = [await start(app, held.connectionId), await start(app, held.connectionId)];
      const discarded = await start(app, held.connectionId);
      expect(await get(app, discarded)).toMatchObject({
        status: 'discarded',
        executionStatus: 'DISCARDED',
        error: 'Discarded due to load: 2 runs were waiting for a worker.',
        documentsStored: 0,
      });
      expect((await app.inject({ url: `/api/runs/${discarded}/logs` })).json().items).toEqual([]);
      for (const id of waiting) {
        expect((await get(app, id)).status).toBe('running');
      }
      // A run that leaves the line makes room for the next.
      await app.inject({ method: 'POST', url: `/api/runs/${waiting[0]}/cancel` });
      await waitForRun(app, waiting[0]!);
      const next = await start(app, held.connectionId);
      expect((await get(app, next)).status).toBe('running');
    } finally {
      held.close();
    }
  });

  it('fills the line with runs started at the same moment and discards the rest', async () => {
    const app = await buildTestApp({
      runs: 'queue',
      queue: { worker: false },
      runLimits: { queuedRuns: 2 },
    });
    const held = await heldConnect(app, 200, []);
    try {
      const ids = await Promise.all(Array.from({ length: 6 }, () => start(app, held.connectionId)));
      const runs = await Promise.all(ids.map((id) => get(app, id)));
      // The limit is soft (starts in separate transactions at one instant can each see
      // a place left), but the line fills and what is beyond it is discarded.
      const waiting = runs.filter((r) => r.status === 'running');
      expect(waiting.length).toBeGreaterThanOrEqual(2);
      expect(waiting.length).toBeLessThan(6);
      for (const run of runs.filter((r) => r.status !== 'running')) {
        expect(run).toMatchObject({
          status: 'discarded',
          error: 'Discarded due to load: 2 runs were waiting for a worker.',
        });
      }
      // Each run in line has its job: cancelled, it leaves the queue and ends at once.
      for (const { id } of waiting) {
        await app.inject({ method: 'POST', url: `/api/runs/${id}/cancel` });
        expect(await waitForRun(app, id)).toMatchObject({ status: 'aborted' });
      }
      expect((await get(app, await start(app, held.connectionId))).status).toBe('running');
    } finally {
      held.close();
    }
  });
});

describe.each(['in-process', 'queue'] as const)(
  `the maximum run time, runs %s (${storageUnderTest()})`,
  (runs) => {
    it('aborts a run that goes past it, with a reason naming the limit', async () => {
      const app = await buildTestApp({ runs, maxRunMs: 700 });
      const held = await heldConnect(app, 200, [{ id: 'PR-1' }]);
      try {
        const id = await start(app, held.connectionId);
        const run = await waitForRun(app, id);
        expect(run).toMatchObject({
          status: 'aborted',
          executionStatus: 'ABORTED',
          error: maxRunReason(700),
        });
        expect(run.error).toBe(
          'The run went past the maximum run time of 0.7 seconds (JUNCTION_MAX_RUN_MINUTES) and was stopped.',
        );
        // A run within the limit is untouched.
        held.release();
        expect((await waitForRun(app, await start(app, held.connectionId))).status).toBe(
          'complete',
        );
      } finally {
        held.close();
      }
    });
  },
);
