import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll } from 'vitest';
import { type AppOptions, buildApp } from '../src/app.ts';
import { withDefaultUser } from '../src/db/postgres-database.ts';

/**
 * A real app for integration tests: embedded PGlite in memory by default, or the
 * PostgreSQL server named by JUNCTION_TEST_DATABASE_URL in a schema of its own
 * (dropped afterwards), so the same suite proves both storage engines.
 */
export async function buildTestApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const url = process.env['JUNCTION_TEST_DATABASE_URL'];
  const schema = url ? `junction_test_${randomBytes(6).toString('hex')}` : undefined;
  const app = await buildApp({
    secretKey: randomBytes(32).toString('base64'),
    // Tests stand in for Connect on loopback; the guard itself is tested with no allowance.
    egressAllow: ['127.0.0.1'],
    ...(url ? { databaseUrl: url, databaseSchema: schema } : {}),
    ...options,
  });
  afterAll(async () => {
    await app.close();
    if (url && schema) {
      const client = new pg.Client({ connectionString: withDefaultUser(url) });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    }
  });
  return app;
}

export function storageUnderTest(): string {
  return process.env['JUNCTION_TEST_DATABASE_URL'] ? 'PostgreSQL server' : 'embedded PGlite';
}
