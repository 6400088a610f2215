import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type AppOptions, buildApp } from '../src/app.ts';
import { withDefaultUser } from '../src/db/postgres-database.ts';
import { storageUnderTest } from './build-test-app.ts';
import { call, P } from './platform-fixtures.ts';
import { listRequestsProcess } from './skeleton-process.ts';

const url = process.env['JUNCTION_TEST_DATABASE_URL'];

/** Two servers' worth of storage: one PGlite directory, or one PostgreSQL schema. */
function sharedStorage(): { options: AppOptions; cleanup: () => Promise<void> } {
  const secretKey = randomBytes(32).toString('base64');
  if (url) {
    const schema = `junction_test_${randomBytes(6).toString('hex')}`;
    return {
      options: { secretKey, databaseUrl: url, databaseSchema: schema },
      async cleanup() {
        const client = new pg.Client({ connectionString: withDefaultUser(url) });
        await client.connect();
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
        await client.end();
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'junction-schedules-'));
  return {
    options: { secretKey, dataDir },
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function scheduledRuns(app: FastifyInstance) {
  const res = await call(app, 'POST', `${P}/ExecutionRecord/query`, {
    payload: {
      expression: { property: 'executionType', operator: 'EQUALS', argument: ['exec_sched'] },
    },
  });
  return res.json().result as { executionId: string; deploymentId: string; status: string }[];
}

describe(`schedules start each tick once, across restarts and servers (${storageUnderTest()})`, () => {
  const storage = sharedStorage();
  let clock = new Date('2026-03-02T10:00:30Z');
  const at = (iso: string) => {
    clock = new Date(iso);
  };
  const open = () =>
    buildApp({ ...storage.options, scheduler: { now: () => clock, intervalMs: 0 } });
  afterAll(() => storage.cleanup());

  it('runs the deployed revision on its cron ticks and records each as exec_sched', async () => {
    const first = await open();
    const imported = await call(first, 'POST', '/api/processes/import', {
      payload: listRequestsProcess('nightly'),
    });
    expect(imported.statusCode).toBe(201);
    const env = (
      await call(first, 'POST', `${P}/Environment`, { payload: { name: 'Prod' } })
    ).json();
    const refused = await call(first, 'POST', `${P}/Deployment`, {
      payload: {
        processId: 'nightly',
        environmentId: env.id,
        schedules: [{ cron: '*/5 * * * *' }, { cron: '61 * * * *' }],
      },
    });
    expect(refused.statusCode).toBe(400);
    // The message names the schedule, so a form with several can point at it.
    expect(refused.json().message).toBe('Schedule 2: Cron minute "61" is outside 0-59.');
    const deployed = await call(first, 'POST', `${P}/Deployment`, {
      payload: {
        processId: 'nightly',
        environmentId: env.id,
        schedules: [{ cron: '*/5 * * * *', timeZone: 'Europe/Berlin' }],
      },
    });
    expect(deployed.statusCode, deployed.body).toBe(201);
    expect(deployed.json().schedules).toMatchObject([
      { cron: '*/5 * * * *', timeZone: 'Europe/Berlin' },
    ]);

    expect(await first.scheduler.tick()).toBe(1); // 10:00
    expect(await first.scheduler.tick()).toBe(0); // same minute, already claimed
    await first.close();

    // A restart in the same minute: the new server looks back and finds the tick taken.
    const second = await open();
    expect(await second.scheduler.tick()).toBe(0);
    at('2026-03-02T10:05:10Z');
    if (url) {
      // Two servers on one PostgreSQL schema race for the same tick: one wins.
      const third = await open();
      const started = await Promise.all([second.scheduler.tick(), third.scheduler.tick()]);
      expect(started.sort()).toEqual([0, 1]);
      await third.close();
    } else {
      expect(await second.scheduler.tick()).toBe(1);
    }
    expect(await second.scheduler.tick()).toBe(0);
    await second.close();

    const last = await open();
    at('2026-03-02T10:09:00Z');
    expect(await last.scheduler.tick()).toBe(0);
    const runs = await scheduledRuns(last);
    expect(runs).toHaveLength(2);
    expect(runs.every((r) => r.deploymentId === deployed.json().id)).toBe(true);
    await last.close();
  });
});
