import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProcessDocument } from '@junction/process-model';
import { listRequestsProcess } from '@junction/runtime/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { withDefaultUser } from '../src/db/postgres-database.ts';
import { WORKER_LOST_REASON } from '../src/worker/index.ts';

const DATABASE_URL = process.env['JUNCTION_TEST_DATABASE_URL'];
const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const CLI_MAIN = fileURLToPath(new URL('../../cli/src/main.ts', import.meta.url));
const CALL_MS = 3000;

/**
 * A Connect stand-in on loopback: each List answers after CALL_MS, or never for a tag
 * starting with "hold"; it counts the calls per tag (the run's `id` filter), so a run
 * executed twice would show.
 */
async function taggedStub() {
  const calls = new Map<string, number>();
  let inFlight = 0;
  const server: Server = createServer((req, res) => {
    const tag = /eq\(id,([^)]+)\)/.exec(decodeURIComponent(req.url ?? ''))?.[1] ?? '?';
    calls.set(tag, (calls.get(tag) ?? 0) + 1);
    if (tag.startsWith('hold')) {
      return;
    }
    inFlight += 1;
    setTimeout(() => {
      inFlight -= 1;
      res.writeHead(200, { 'content-type': 'application/json', 'content-range': 'items 0-0/1' });
      res.end(JSON.stringify([{ id: tag }]));
    }, CALL_MS);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/public/v1`,
    calls,
    inFlight: () => inFlight,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Spawns `node <args>` and resolves once its stdout says `ready`. */
async function spawnUntil(args: string[], env: NodeJS.ProcessEnv, ready: string) {
  const child = spawn(process.execPath, args, {
    cwd: SERVER_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(ready)) {
        resolve();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) =>
      reject(new Error(`${args.join(' ')} exited (${code}): ${output}`)),
    );
  });
  return child;
}

/** Start -> List Resource · Request filtered on `tag` (on `connectionId`) -> Stop. */
function taggedProcess(tag: string): ProcessDocument {
  const doc = listRequestsProcess(`tagged-${tag}`);
  const list = doc.shapes['list'];
  if (list?.kind !== 'connector') {
    throw new Error('unreachable: the sample has a connector');
  }
  return {
    ...doc,
    shapes: {
      ...doc.shapes,
      list: {
        ...list,
        config: {
          ...list.config,
          parameters: [{ name: 'id', value: { type: 'static', value: tag } }],
        } as typeof list.config,
      },
    },
  };
}

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${ms} ms; last value ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Reads a run's Server-Sent Events until `end`, event names in arrival order. */
async function readEvents(url: string): Promise<{ type: string; data: unknown }[]> {
  const response = await fetch(url);
  const events: { type: string; data: unknown }[] = [];
  let text = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    text += Buffer.from(chunk).toString();
    let cut = text.indexOf('\n\n');
    while (cut >= 0) {
      const block = text.slice(0, cut);
      text = text.slice(cut + 2);
      const type = /^event: (.*)$/m.exec(block)?.[1] ?? '';
      events.push({ type, data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null') });
      cut = text.indexOf('\n\n');
    }
    if (events.at(-1)?.type === 'end') {
      break;
    }
  }
  return events;
}

describe.skipIf(!DATABASE_URL)('a server and two `junction worker` processes on PostgreSQL', () => {
  const schema = `junction_test_${randomBytes(6).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'junction-queue-'));
  const children: ChildProcess[] = [];
  let stub: Awaited<ReturnType<typeof taggedStub>> | undefined;

  afterAll(async () => {
    for (const child of children) {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        process.kill(child.pid, 'SIGKILL');
      }
    }
    stub?.close();
    rmSync(dataDir, { recursive: true, force: true });
    const client = new pg.Client({ connectionString: withDefaultUser(DATABASE_URL!) });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`);
    await client.end();
  });

  it('runs executions on the workers; a worker killed mid-run aborts only its runs, nothing runs twice; SSE and cancel cross processes', async () => {
    stub = await taggedStub();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const shared: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL,
      JUNCTION_DATABASE_SCHEMA: schema,
      JUNCTION_SECRET_KEY: randomBytes(32).toString('base64'),
      JUNCTION_EGRESS_ALLOW: '127.0.0.1',
      JUNCTION_RUN_HEARTBEAT_SECONDS: '10',
    };
    const server = await spawnUntil(
      ['src/main.ts'],
      {
        ...shared,
        PORT: String(port),
        HOST: '127.0.0.1',
        JUNCTION_DATA_DIR: dataDir,
        JUNCTION_WEB_DIST: join(dataDir, 'no-web'),
        JUNCTION_RUNS: 'queue',
        JUNCTION_SERVER_WORKER: 'off',
      },
      'Junction is running at',
    );
    children.push(server);
    const workerEnv = { ...shared, JUNCTION_SERVER_URL: base };
    const startWorker = (...extra: string[]) =>
      spawnUntil([CLI_MAIN, 'worker', '--concurrency', '3', ...extra], workerEnv, 'taking runs');
    const metricsPort = await freePort();
    const [doomed, survivor] = [
      await startWorker(),
      await startWorker('--metrics-port', String(metricsPort)),
    ];
    children.push(doomed, survivor);

    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await res.json()) as { id: string };
    };
    const run = async (id: string) =>
      (await (await fetch(`${base}/api/runs/${id}`)).json()) as {
        status: string;
        error: string | null;
      };
    const connection = await post('/api/connections', {
      name: 'Tagged',
      endpoint: stub.endpoint,
      token: 'ApiKey SU-000:tagged',
    });

    const tags = Array.from({ length: 12 }, (_, i) => `PR-${String(i).padStart(4, '0')}`);
    const ids: string[] = [];
    for (const tag of tags) {
      ids.push(
        (await post('/api/runs', { process: taggedProcess(tag), connectionId: connection.id })).id,
      );
    }
    // Both workers hold three calls each: kill one of them mid-run.
    await until(
      () => stub!.inFlight(),
      (n) => n >= 6,
      20_000,
    );
    process.kill(doomed.pid!, 'SIGKILL');

    const ended = await until(
      () => Promise.all(ids.map(run)),
      (runs) => runs.every((r) => r.status !== 'running'),
      60_000,
    );
    const aborted = ended.filter((r) => r.status === 'aborted');
    expect(aborted.length).toBeGreaterThanOrEqual(1);
    expect(aborted.length).toBeLessThanOrEqual(3);
    for (const r of aborted) {
      expect(r.error).toBe(WORKER_LOST_REASON);
    }
    expect(ended.filter((r) => r.status === 'complete')).toHaveLength(ids.length - aborted.length);
    // Nothing ran twice: every tag was called once at most, every completed one exactly once.
    expect(Math.max(...stub.calls.values())).toBe(1);
    expect(tags.filter((t) => stub!.calls.has(t))).toHaveLength(ids.length);

    // The built-in sandbox lives in the server: the worker calls it over HTTP.
    const sandboxed = await post('/api/runs', { process: listRequestsProcess('sandboxed') });
    expect(
      await until(
        () => run(sandboxed.id),
        (r) => r.status !== 'running',
        20_000,
      ),
    ).toMatchObject({ status: 'complete' });

    // Live events from the surviving worker, through the server, in order; then a cancel.
    const held = await post('/api/runs', {
      process: taggedProcess('hold-1'),
      connectionId: connection.id,
    });
    const events = readEvents(`${base}/api/runs/${held.id}/events`);
    await until(
      () => stub!.calls.get('hold-1') ?? 0,
      (n) => n === 1,
      10_000,
    );
    const asked = Date.now();
    await post(`/api/runs/${held.id}/cancel`, {});
    await until(
      () => run(held.id),
      (r) => r.status !== 'running',
      2000,
    );
    expect(Date.now() - asked).toBeLessThan(2000);
    expect((await run(held.id)).status).toBe('aborted');
    const types = (await events).map((e) => e.type);
    expect(types[0]).toBe('snapshot');
    expect(types.at(-1)).toBe('end');
    expect(types.indexOf('shape-started')).toBeGreaterThan(0);

    // The surviving worker's own metrics: the runs it executed, and the live workers.
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toMatch(/junction_runs_finished_total\{status="complete"\} [1-9]/);
    expect(metrics).toMatch(/junction_workers [1-9]/);

    // A clean stop: SIGTERM, exit 0.
    const stopped = [once(survivor, 'exit'), once(server, 'exit')];
    process.kill(survivor.pid!, 'SIGTERM');
    process.kill(server.pid!, 'SIGTERM');
    const codes = (await Promise.all(stopped)).map(([code]) => code);
    expect(codes).toEqual([0, 0]);
  }, 120_000);
});
