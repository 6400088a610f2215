import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listRequestsProcess } from '@junction/runtime/testing';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type AppOptions, buildApp } from '../src/app.ts';
import { withDefaultUser } from '../src/db/postgres-database.ts';
import { storageUnderTest } from './build-test-app.ts';
import { call, P } from './platform-fixtures.ts';

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
    expect(refused.json().message).toMatch(
      /^Schedule 2: Cron "61 \* \* \* \*" is not valid: Invalid value for minute: 61\. Use five fields/,
    );
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

describe(`a daily schedule runs once on both daylight-saving days (${storageUnderTest()})`, () => {
  const storage = sharedStorage();
  afterAll(() => storage.cleanup());

  /** Looks every minute from `from` to `until`, as a server running through the night would. */
  async function runThrough(
    app: FastifyInstance,
    clock: { now: Date },
    from: string,
    until: string,
  ) {
    let started = 0;
    for (let t = Date.parse(from); t <= Date.parse(until); t += 60_000) {
      clock.now = new Date(t);
      started += await app.scheduler.tick();
    }
    return started;
  }

  it('claims one tick at 03:00 when 02:30 is skipped and one when 02:30 happens twice', async () => {
    const clock = { now: new Date('2026-03-29T00:30:00Z') };
    const app = await buildApp({
      ...storage.options,
      scheduler: { now: () => clock.now, intervalMs: 0 },
    });
    await call(app, 'POST', '/api/processes/import', { payload: listRequestsProcess('nightly') });
    const env = (await call(app, 'POST', `${P}/Environment`, { payload: { name: 'Prod' } })).json();
    const deployed = await call(app, 'POST', `${P}/Deployment`, {
      payload: {
        processId: 'nightly',
        environmentId: env.id,
        schedules: [{ cron: '30 2 * * *', timeZone: 'Europe/Berlin' }, { cron: '@daily' }],
      },
    });
    expect(deployed.statusCode, deployed.body).toBe(201);

    // 01:00-04:00 Berlin on 2026-03-29 (CET until 02:00, then CEST): 02:30 does not exist.
    expect(await runThrough(app, clock, '2026-03-29T00:30:00Z', '2026-03-29T02:00:00Z')).toBe(1);
    // 01:00-03:00 Berlin on 2026-10-25 (02:00-03:00 CEST, then 02:00-03:00 again in CET).
    expect(await runThrough(app, clock, '2026-10-24T23:50:00Z', '2026-10-25T02:10:00Z')).toBe(2);
    const runs = await scheduledRuns(app);
    // 03:00 CEST on the first day; 02:30 CEST and @daily's UTC midnight on the second.
    expect(runs).toHaveLength(3);
    await app.close();
  });
});
