import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll } from 'vitest';
import { type AppOptions, buildApp } from '../src/app.ts';
import type { Database } from '../src/db/database.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { withDefaultUser } from '../src/db/postgres-database.ts';
import type { RunLogger } from '../src/runs/run-logger.ts';

/**
 * Where a test's data lives: embedded PGlite in memory by default, or a schema of
 * its own (dropped after the file's tests) on the PostgreSQL server named by
 * JUNCTION_TEST_DATABASE_URL, so the same suite proves both storage engines.
 */
function testStorage(): {
  storage: { databaseUrl?: string; databaseSchema?: string };
  drop: () => Promise<void>;
} {
  const url = process.env['JUNCTION_TEST_DATABASE_URL'];
  if (!url) {
    return { storage: {}, drop: async () => undefined };
  }
  const schema = `junction_test_${randomBytes(6).toString('hex')}`;
  return {
    storage: { databaseUrl: url, databaseSchema: schema },
    drop: async () => {
      const client = new pg.Client({ connectionString: withDefaultUser(url) });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      // The job queue's tables, when the test ran runs through it (run-queue.ts).
      await client.query(`DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`);
      await client.end();
    },
  };
}

/** Like buildTestApp, for a test that builds its app inside a test or a hook (see below). */
export async function buildDisposableTestApp(
  options: AppOptions = {},
): Promise<{ app: FastifyInstance; dispose: () => Promise<void> }> {
  const { storage, drop } = testStorage();
  const app = await buildApp({
    secretKey: randomBytes(32).toString('base64'),
    egressAllow: ['127.0.0.1'],
    ...storage,
    ...options,
  });
  return {
    app,
    dispose: async () => {
      await app.close();
      await drop();
    },
  };
}

// Vitest ignores afterAll when it is called inside a hook or a test, and most files
// build their app in beforeAll: so every app and database made here is closed (and its
// schema dropped) by one hook that this module registers while the test file loads.
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
});

/** A real app for integration tests on the storage under test, closed after the file. */
export async function buildTestApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const { storage, drop } = testStorage();
  const app = await buildApp({
    secretKey: randomBytes(32).toString('base64'),
    // Tests stand in for Connect on loopback; the guard itself is tested with no allowance.
    egressAllow: ['127.0.0.1'],
    // JUNCTION_TEST_RUNS=queue runs the same suite through the job queue.
    ...(process.env['JUNCTION_TEST_RUNS'] === 'queue' ? { runs: 'queue' as const } : {}),
    ...storage,
    ...options,
  });
  cleanups.push(async () => {
    await app.close();
    await drop();
  });
  return app;
}

/**
 * A migrated database and the way to drop it, for tests that open it inside a hook or
 * a test: Vitest ignores an afterAll registered there, so `openTestDatabase`'s own
 * clean-up only runs when it is called while the file's tests are being collected.
 */
export async function openDisposableTestDatabase(): Promise<{
  db: Database;
  dispose: () => Promise<void>;
}> {
  const { storage, drop } = testStorage();
  const db = await openDatabase({
    databaseUrl: storage.databaseUrl,
    schema: storage.databaseSchema,
  });
  return {
    db,
    dispose: async () => {
      await db.close();
      await drop();
    },
  };
}

/** A migrated database on the storage under test, for repository-level tests; closed after the file. */
export async function openTestDatabase(): Promise<Database> {
  const { storage, drop } = testStorage();
  const db = await openDatabase({
    databaseUrl: storage.databaseUrl,
    schema: storage.databaseSchema,
  });
  cleanups.push(async () => {
    await db.close();
    await drop();
  });
  return db;
}

export function storageUnderTest(): string {
  return process.env['JUNCTION_TEST_DATABASE_URL'] ? 'PostgreSQL server' : 'embedded PGlite';
}

/** A run logger that drops everything, for tests that assert on state rather than logs. */
export const quietLog: RunLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
