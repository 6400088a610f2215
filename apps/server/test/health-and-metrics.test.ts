import { listRequestsProcess } from '@junction/runtime/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDisposableTestApp, storageUnderTest } from './build-test-app.ts';
import { waitForRun } from './run-helpers.ts';

const ACCESS_TOKEN = 'a-long-enough-access-token-for-tests';

describe.each(['in-process', 'queue'] as const)(
  `health, readiness and metrics, runs %s (${storageUnderTest()})`,
  (runs) => {
    let dispose = async (): Promise<void> => undefined;
    afterAll(() => dispose());

    it('answers health and readiness without credentials, and metrics only with the access token', async () => {
      const built = await buildDisposableTestApp({ runs, accessToken: ACCESS_TOKEN });
      const { app } = built;
      dispose = built.dispose;
      const health = await app.inject({ url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toMatchObject({ status: 'ok' });
      const ready = await app.inject({ url: '/api/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({
        status: 'ready',
        database: 'ok',
        queue: runs === 'queue' ? 'ok' : 'none',
      });
      // Everything else under /api still needs the token.
      expect((await app.inject({ url: '/api/processes' })).statusCode).toBe(401);
      expect((await app.inject({ url: '/metrics' })).statusCode).toBe(401);
      const platformToken = await app.inject({
        url: '/metrics',
        headers: { authorization: 'Bearer jct_not-the-access-token' },
      });
      expect(platformToken.statusCode).toBe(401);

      const auth = { authorization: `Bearer ${ACCESS_TOKEN}` };
      const started = await app.inject({
        method: 'POST',
        url: '/api/runs',
        headers: auth,
        payload: { process: listRequestsProcess('metered') },
      });
      const run = await waitForRun(
        { inject: (o: object) => app.inject({ ...o, headers: auth }) } as never,
        started.json().id,
      );
      expect(run.status).toBe('complete');
      const metrics = await app.inject({ url: '/metrics', headers: auth });
      expect(metrics.statusCode).toBe(200);
      expect(metrics.headers['content-type']).toContain('text/plain');
      expect(metrics.body).toContain('junction_runs_started_total{type="test_manual"} 1');
      expect(metrics.body).toContain('junction_runs_finished_total{status="complete"} 1');
      expect(metrics.body).toContain('junction_run_duration_seconds_count{status="complete"} 1');
      if (runs === 'queue') {
        expect(metrics.body).toContain('junction_queue_depth 0');
        expect(metrics.body).toMatch(/junction_workers \d/);
      }
    });
  },
);
