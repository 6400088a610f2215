import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

// The server's tests start it and its workers the same way.
import { CLI_MAIN, freePort, spawnUntil } from '../../apps/server/test/spawn-helpers.ts';

/** Stops a child this bench started, by its pid (SIGTERM), and waits until it has exited. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
    const exited = once(child, 'exit');
    process.kill(child.pid, 'SIGTERM');
    await exited;
  }
}

export interface QueueClusterOptions {
  /** The PostgreSQL database; the cluster lives in a fresh schema of its own there. */
  databaseUrl: string;
  /** How many `junction worker` processes take runs. */
  workers: number;
  /** Runs each worker executes at once (`--concurrency`). */
  concurrency: number;
  /** The server's JUNCTION_MAX_QUEUED_RUNS; its default when left out. */
  maxQueuedRuns?: number;
}

export interface QueueCluster {
  /** The server's address, `http://127.0.0.1:<port>`. */
  base: string;
  /** The server process (queue mode, executing no runs itself). */
  server: ChildProcess;
  workers: ChildProcess[];
  /** Stops the workers and the server, then drops the schema and its `_queue` schema. */
  stop(): Promise<void>;
}

/**
 * A server in queue mode that executes nothing itself and `workers` `junction worker`
 * processes taking its runs, all on one fresh schema of a PostgreSQL database. Resolves
 * once every process says it is ready; if one fails to start, what started is stopped
 * and dropped before the error is thrown.
 */
export async function startQueueCluster(options: QueueClusterOptions): Promise<QueueCluster> {
  const schema = `junction_bench_${randomBytes(6).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'junction-bench-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const shared = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    JUNCTION_DATABASE_SCHEMA: schema,
    JUNCTION_SECRET_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'error',
  };
  const children: ChildProcess[] = [];
  const workers: ChildProcess[] = [];
  // Once, however often it is called: a suite may stop the cluster early, then again in `finally`.
  let stopped: Promise<void> | undefined;
  const stopCluster = () => {
    stopped ??= (async () => {
      await Promise.all(children.reverse().map(stop));
      rmSync(dataDir, { recursive: true, force: true });
      await dropSchemas(options.databaseUrl, schema);
    })();
    return stopped;
  };
  try {
    children.push(
      await spawnUntil(
        ['src/main.ts'],
        {
          ...shared,
          PORT: String(port),
          JUNCTION_DATA_DIR: dataDir,
          JUNCTION_WEB_DIST: join(dataDir, 'no-web'),
          JUNCTION_RUNS: 'queue',
          JUNCTION_SERVER_WORKER: 'off',
          ...(options.maxQueuedRuns === undefined
            ? {}
            : { JUNCTION_MAX_QUEUED_RUNS: String(options.maxQueuedRuns) }),
        },
        'Junction is running at',
      ),
    );
    // Settled, not all: a worker that started beside one that failed is still stopped.
    const started = await Promise.allSettled(
      Array.from({ length: options.workers }, () =>
        spawnUntil(
          [CLI_MAIN, 'worker', '--concurrency', String(options.concurrency)],
          { ...shared, JUNCTION_SERVER_URL: base },
          'taking runs',
        ),
      ),
    );
    for (const result of started) {
      if (result.status === 'fulfilled') {
        children.push(result.value);
        workers.push(result.value);
      }
    }
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) {
      throw failed.reason;
    }
  } catch (error) {
    await stopCluster();
    throw error;
  }
  return { base, server: children[0]!, workers, stop: stopCluster };
}

async function dropSchemas(databaseUrl: string, schema: string): Promise<void> {
  const connection = new URL(databaseUrl);
  connection.username ||= userInfo().username;
  const client = new pg.Client({ connectionString: connection.toString() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`);
  } finally {
    await client.end();
  }
}
