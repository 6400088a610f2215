import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { shoutProcess } from '@junction/runtime/testing';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { withDefaultUser } from '../src/db/postgres-database.ts';
import { pauseOf, v } from './breakpoint-fixtures.ts';
import { waitForRun } from './run-helpers.ts';
import { CLI_MAIN, killChild, spawnUntil } from './spawn-helpers.ts';

const DATABASE_URL = process.env['JUNCTION_TEST_DATABASE_URL'];
const IDLE_SECONDS = 3;

/**
 * The server takes the builder's answers; the run pauses and waits on a separate
 * `junction worker` process, so everything between them crosses the database.
 */
describe.skipIf(!DATABASE_URL)('breakpoints on a `junction worker` (PostgreSQL)', () => {
  const schema = `junction_test_${randomBytes(6).toString('hex')}`;
  const secretKey = randomBytes(32).toString('base64');
  let app: FastifyInstance;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    app = await buildApp({
      databaseUrl: DATABASE_URL,
      databaseSchema: schema,
      secretKey,
      runs: 'queue',
      queue: { worker: false },
    });
    worker = await spawnUntil(
      [CLI_MAIN, 'worker', '--concurrency', '2'],
      {
        ...process.env,
        DATABASE_URL,
        JUNCTION_DATABASE_SCHEMA: schema,
        JUNCTION_SECRET_KEY: secretKey,
        JUNCTION_PAUSE_IDLE_SECONDS: String(IDLE_SECONDS),
      },
      'taking runs',
    );
  });

  afterAll(async () => {
    if (worker) {
      killChild(worker);
    }
    await app?.close();
    const client = new pg.Client({ connectionString: withDefaultUser(DATABASE_URL!) });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`);
    await client.end();
  });

  const start = async () =>
    (
      await app.inject({
        method: 'POST',
        url: '/api/runs',
        payload: {
          process: shoutProcess(),
          startDocuments: [{ data: v('a') }, { data: v('b') }],
          breakpoints: ['shout'],
        },
      })
    ).json().id as string;
  const answer = (runId: string, body: object) =>
    app.inject({ method: 'POST', url: `/api/runs/${runId}/debug`, payload: body });

  it('pauses on the worker, takes an edit and a Step from the server, then Continue', async () => {
    const runId = await start();
    const first = await pauseOf(app, runId);
    expect(first).toMatchObject({ shapeId: 'shout', reason: 'breakpoint', documentCount: 2 });
    const stepped = await answer(runId, {
      pause: 1,
      action: 'step',
      documents: [{ id: 'in-1', data: v('edited') }],
    });
    expect(stepped.statusCode, stepped.body).toBe(202);
    const second = await pauseOf(app, runId);
    expect(second).toMatchObject({ pause: 2, shapeId: 'end', reason: 'step' });
    expect(second.documents.map((d) => d.data)).toEqual(['edited!', 'b!']);
    expect((await answer(runId, { pause: 2, action: 'continue' })).statusCode).toBe(202);
    expect((await waitForRun(app, runId)).status).toBe('complete');
  });

  it('stops on the worker when told to, and when nobody answers within the idle time', async () => {
    const stopped = await start();
    await pauseOf(app, stopped);
    expect((await answer(stopped, { pause: 1, action: 'stop' })).statusCode).toBe(202);
    const run = await waitForRun(app, stopped);
    expect(run).toMatchObject({ status: 'aborted', error: 'Stopped while paused before Shout.' });

    const idle = await start();
    await pauseOf(app, idle);
    const ended = await waitForRun(app, idle);
    expect(ended).toMatchObject({
      status: 'aborted',
      error: `Stopped: the run stayed paused for ${IDLE_SECONDS} seconds with no Continue, Step or Stop.`,
    });
  });
});
