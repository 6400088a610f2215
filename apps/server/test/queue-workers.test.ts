import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_DEMO_TOKEN } from '@junction/connect-sandbox/demo-token';
import {
  addShape,
  connectShapes,
  createProcess,
  type ProcessDocument,
  updateShape,
} from '@junction/process-model';
import { listRequestsProcess } from '@junction/runtime/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { withDefaultUser } from '../src/db/postgres-database.ts';
import { WORKER_LOST_REASON } from '../src/worker/index.ts';
import { CLI_MAIN, freePort, killChild, SERVER_MAIN, spawnUntil } from './spawn-helpers.ts';

const DATABASE_URL = process.env['JUNCTION_TEST_DATABASE_URL'];
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

/**
 * The shapes a watcher learned had started: those in its first snapshot (a worker woken
 * by the job's NOTIFY can start a run before the watcher connects), then each live
 * `shape-started`; compare them sorted, as a stored record keys its shapes its own way.
 */
function shapesSeen(events: readonly { type: string; data: unknown }[]): string[] {
  const first = events[0];
  const snapshot =
    first?.type === 'snapshot'
      ? Object.keys((first.data as { shapes?: Record<string, unknown> }).shapes ?? {})
      : [];
  const live = events.flatMap((e) =>
    e.type === 'shape-started' ? [(e.data as { shapeId: string }).shapeId] : [],
  );
  return [...new Set([...snapshot, ...live])];
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
  // A skipped suite's body still runs (its afterAll does not): no directory to leave behind.
  const dataDir = DATABASE_URL ? mkdtempSync(join(tmpdir(), 'junction-queue-')) : '';
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
    // It was cancelled while held in its connector call: the watcher knew that shape ran.
    expect(shapesSeen(await events).sort()).toEqual(['list', 'start']);

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

const WRITE_LATENCY_MS = 1500;

/**
 * Start → Message (a case whose subject is the execution's id) → Create Resource · Case
 * on the built-in sandbox → Stop: one tagged Connect write per execution.
 */
function caseWritingProcess(): ProcessDocument {
  let doc = createProcess({ id: 'case-writer', name: 'Case writer' });
  doc = addShape(doc, { id: 'message', kind: 'message', position: { x: 200, y: 100 } });
  doc = addShape(doc, { id: 'create', kind: 'connector', position: { x: 400, y: 100 } });
  doc = addShape(doc, { id: 'stop', kind: 'stop', position: { x: 600, y: 100 } });
  const path: [string, string, string][] = [
    ['c1', 'start', 'message'],
    ['c2', 'message', 'create'],
    ['c3', 'create', 'stop'],
  ];
  for (const [id, from, to] of path) {
    doc = connectShapes(doc, { id, from: { shape: from, port: 'default' }, to: { shape: to } });
  }
  const message = doc.shapes['message'];
  const create = doc.shapes['create'];
  if (message?.kind !== 'message' || create?.kind !== 'connector') {
    throw new Error('unreachable: the shapes were just added');
  }
  doc = updateShape(doc, 'message', {
    ...message,
    config: {
      ...message.config,
      jsonSafe: true,
      text: '{"subject": "{1}", "description": "queue test", "receiver": {"account": {"id": "PA-000-000"}}}',
      parameters: [{ type: 'execution-property', name: 'EXECUTION_ID' }],
    },
  });
  return updateShape(doc, 'create', {
    ...create,
    config: {
      ...create.config,
      connectionId: 'sandbox',
      action: 'create',
      object: 'case',
    } as typeof create.config,
  });
}

/**
 * A worker's way to the server (its JUNCTION_SERVER_URL): passes every request on
 * unchanged and notes the subject of each case it carries, so the test knows which
 * worker made which write.
 */
async function notingProxy(target: string) {
  const subjects: string[] = [];
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.method === 'POST' && req.url?.endsWith('/helpdesk/cases')) {
        subjects.push(String(JSON.parse(body.toString()).subject));
      }
      const { host: _, ...headers } = req.headers;
      const upstream = httpRequest(`${target}${req.url}`, { method: req.method, headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      upstream.end(body);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    subjects,
    requests,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

describe.skipIf(!DATABASE_URL)(
  'one server and three `junction worker` processes on PostgreSQL, 60 executions writing to the sandbox',
  () => {
    const schema = `junction_test_${randomBytes(6).toString('hex')}`;
    const dataDir = DATABASE_URL ? mkdtempSync(join(tmpdir(), 'junction-queue-')) : '';
    const children: ChildProcess[] = [];
    const proxies: Awaited<ReturnType<typeof notingProxy>>[] = [];

    afterAll(async () => {
      for (const child of children) {
        killChild(child);
      }
      for (const proxy of proxies) {
        proxy.close();
      }
      rmSync(dataDir, { recursive: true, force: true });
      const client = new pg.Client({ connectionString: withDefaultUser(DATABASE_URL!) });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.query(`DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`);
      await client.end();
    });

    it('ends every run, writes nothing twice, completes the other workers’ runs after a kill -9, relays SSE in order and cancels within 2 s', async () => {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const shared: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL,
        JUNCTION_DATABASE_SCHEMA: schema,
        JUNCTION_SECRET_KEY: randomBytes(32).toString('base64'),
        JUNCTION_RUN_HEARTBEAT_SECONDS: '10',
      };
      const server = await spawnUntil(
        [SERVER_MAIN],
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
      for (let i = 0; i < 3; i++) {
        proxies.push(await notingProxy(base));
      }
      const workers = await Promise.all(
        proxies.map((proxy) =>
          spawnUntil(
            [CLI_MAIN, 'worker', '--concurrency', '4'],
            { ...shared, JUNCTION_SERVER_URL: proxy.url },
            'taking runs',
          ),
        ),
      );
      children.push(...workers);
      const [doomed, ...survivors] = proxies as [(typeof proxies)[0], ...typeof proxies];

      const call = async (method: string, path: string, body?: unknown) => {
        const res = await fetch(`${base}${path}`, {
          method,
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return (await res.json()) as Record<string, unknown>;
      };
      const run = async (id: string) =>
        (await call('GET', `/api/runs/${id}`)) as { status: string; error: string | null };
      // Each case write takes a while, so the kill finds writes in flight.
      await call('PUT', '/sandbox/admin/faults', {
        rules: [
          {
            path: '/helpdesk/cases',
            method: 'POST',
            fault: 'latency',
            latencyMs: WRITE_LATENCY_MS,
          },
          { path: '/requests', method: 'GET', fault: 'timeout', holdMs: 60_000 },
        ],
      });
      const created = await call('POST', '/api/processes', { name: 'Case writer' });
      const processId = String(created['id']);
      const saved = await fetch(`${base}/api/processes/${processId}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'if-match': '"1"' },
        body: JSON.stringify({ ...caseWritingProcess(), id: processId }),
      });
      expect(saved.status).toBe(200);

      const began = Date.now();
      const ids = await Promise.all(
        Array.from({ length: 60 }, async () =>
          String((await call('POST', `/api/processes/${processId}/executions`, {}))['id']),
        ),
      );
      // About 2 s in, with the doomed worker's writes on their way: kill -9.
      await until(
        () => doomed.subjects.length,
        (n) => n > 0,
        20_000,
      );
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 2000 - (Date.now() - began))));
      process.kill(workers[0]!.pid!, 'SIGKILL');

      const ended = await until(
        () => Promise.all(ids.map(run)),
        (runs) => runs.every((r) => r.status !== 'running'),
        45_000,
      );
      const byId = new Map(ids.map((id, i) => [id, ended[i]!]));
      // Every write of a surviving worker belongs to a run that completed.
      const survived = survivors.flatMap((p) => p.subjects);
      for (const id of survived) {
        expect(byId.get(id)?.status, `run ${id} on a surviving worker`).toBe('complete');
      }
      // The rest were the killed worker's: completed before the kill, or aborted as lost.
      const aborted = ids.filter((id) => byId.get(id)?.status !== 'complete');
      expect(aborted.length).toBeGreaterThan(0);
      for (const id of aborted) {
        expect(byId.get(id)).toMatchObject({ status: 'aborted', error: WORKER_LOST_REASON });
        expect(survived).not.toContain(id);
      }
      // No write twice: each execution's case exists at most once, each completed one once.
      const cases = await sandboxCases(base);
      const writes = new Map<string, number>();
      for (const subject of cases) {
        writes.set(subject, (writes.get(subject) ?? 0) + 1);
      }
      for (const id of ids) {
        const written = writes.get(id) ?? 0;
        expect(written, `cases written by ${id}`).toBeLessThanOrEqual(1);
        if (byId.get(id)?.status === 'complete') {
          expect(written, `cases written by ${id}`).toBe(1);
        }
      }

      // Live events of a run on a worker, relayed by the server in the order they happened.
      const watched = String(
        (await call('POST', `/api/processes/${processId}/executions`, {}))['id'],
      );
      const events = await readEvents(`${base}/api/runs/${watched}/events`);
      const types = events.map((e) => e.type);
      expect(types[0]).toBe('snapshot');
      expect(types.at(-1)).toBe('end');
      expect(events.at(-1)?.data).toMatchObject({ status: 'complete' });
      const order = events
        .filter((e) => e.type === 'shape-started' || e.type === 'shape-finished')
        .map((e) => `${e.type}:${(e.data as { shapeId: string }).shapeId}`);
      const expected = ['start', 'message', 'create', 'stop'].flatMap((s) => [
        `shape-started:${s}`,
        `shape-finished:${s}`,
      ]);
      // A watcher that joined late gets the start in its snapshot; what follows is in order.
      expect(expected.slice(expected.length - order.length)).toEqual(order);
      // (A run over before the watcher came is a snapshot of its record, keyed as stored.)
      expect(shapesSeen(events).sort()).toEqual(['create', 'message', 'start', 'stop']);

      // A cancel sent to the server reaches the worker holding the run.
      const held = String(
        (await call('POST', '/api/runs', { process: listRequestsProcess('held') }))['id'],
      );
      await until(
        () => survivors.flatMap((p) => p.requests),
        (seen) => seen.some((line) => line.startsWith('GET /sandbox/connect/public/v1/requests')),
        15_000,
      );
      const asked = Date.now();
      await call('POST', `/api/runs/${held}/cancel`, {});
      await until(
        () => run(held),
        (r) => r.status !== 'running',
        2000,
      );
      expect(Date.now() - asked).toBeLessThan(2000);
      expect((await run(held)).status).toBe('aborted');
      // Wall time on a loaded 2-core machine: about 20 s from the first execution to here.
    }, 120_000);
  },
);

/** Subjects of every case in the built-in sandbox, read through its Connect API. */
async function sandboxCases(base: string): Promise<string[]> {
  const subjects: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const res = await fetch(
      `${base}/sandbox/connect/public/v1/helpdesk/cases?limit=100&offset=${offset}`,
      { headers: { authorization: SANDBOX_DEMO_TOKEN } },
    );
    const page = (await res.json()) as { subject: string }[];
    subjects.push(...page.map((c) => c.subject));
    if (page.length < 100) {
      return subjects;
    }
  }
}
