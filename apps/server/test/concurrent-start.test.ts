import { randomBytes } from 'node:crypto';
import { listRequestsProcess } from '@junction/runtime/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { withDefaultUser } from '../src/db/postgres-database.ts';
import { waitForRun } from './run-helpers.ts';

const url = process.env['JUNCTION_TEST_DATABASE_URL'];

// Only a PostgreSQL server has several connections that can race; embedded PGlite
// is one connection, and its migrations are covered beside migrations.ts.
describe.skipIf(!url)('servers starting together on one empty PostgreSQL schema', () => {
  const schema = `junction_test_${randomBytes(6).toString('hex')}`;
  // Made when the tests run: without a URL the whole block is skipped.
  let admin: pg.Client;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: withDefaultUser(url ?? '') });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it('all come up, and each migration is applied once', async () => {
    const secretKey = randomBytes(32).toString('base64');
    const start = () => buildApp({ secretKey, databaseUrl: url, databaseSchema: schema });
    // allSettled, not all: a failed start must not leave the others creating the
    // schema again after it is dropped.
    const started = await Promise.allSettled([start(), start(), start()]);
    const apps = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    try {
      expect(started.filter((s) => s.status === 'rejected')).toEqual([]);
      for (const app of apps) {
        expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      }
      const rows = (
        await admin.query<{ id: number }>(`SELECT id FROM ${schema}.schema_migrations ORDER BY id`)
      ).rows;
      expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => i + 1));
      expect(rows.length).toBeGreaterThanOrEqual(8);
    } finally {
      await Promise.all(apps.map((app) => app.close()));
    }
  });

  it('two servers with the job queue, starting at once on another empty schema, both come up and run', async () => {
    const queued = `${schema}_q`;
    const secretKey = randomBytes(32).toString('base64');
    const start = () =>
      buildApp({ secretKey, databaseUrl: url, databaseSchema: queued, runs: 'queue' });
    const started = await Promise.allSettled([start(), start()]);
    const apps = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    try {
      expect(started.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []))).toEqual(
        [],
      );
      for (const app of apps) {
        expect((await app.inject({ url: '/api/ready' })).statusCode).toBe(200);
        const id = (
          await app.inject({
            method: 'POST',
            url: '/api/runs',
            payload: { process: listRequestsProcess() },
          })
        ).json().id;
        await app.inject({ url: '/api/health' });
        await waitForRun(app, id);
        expect((await app.inject({ url: `/api/runs/${id}` })).json().status).toBe('complete');
      }
    } finally {
      await Promise.all(apps.map((app) => app.close()));
      await admin.query(`DROP SCHEMA IF EXISTS ${queued} CASCADE`);
      await admin.query(`DROP SCHEMA IF EXISTS ${queued}_queue CASCADE`);
    }
  });
});
