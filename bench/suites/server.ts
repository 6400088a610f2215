import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addShape, connectShapes, createProcess } from '@junction/process-model';
import { buildApp } from '@junction/server';
import Fastify, { type FastifyInstance } from 'fastify';
import { type Figure, fmt } from '../measure.ts';
import { chainProcess } from './process-model.ts';
import { healthDuringCpuRunFigures } from './server-health.ts';

const CLIENTS = 200;
const RUN_CLIENTS = 20;
const EXECUTION_CLIENTS = 32;
const WINDOW_MS = 3_000;

export interface Load {
  p50: number;
  p99: number;
  perSecond: number;
  failures: number;
}

export function send(
  agent: Agent,
  base: string,
  options: { method: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${options.path}`,
      {
        agent,
        method: options.method,
        headers: {
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** `clients` loops calling `once` for `windowMs` over keep-alive sockets; latency per call. */
export async function load(
  clients: number,
  once: (client: number) => Promise<boolean>,
  windowMs = WINDOW_MS,
): Promise<Load> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + windowMs;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < deadline) {
        const t = performance.now();
        const ok = await once(client);
        latencies.push(performance.now() - t);
        failures += ok ? 0 : 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))]!;
  return { p50: at(0.5), p99: at(0.99), perSecond: latencies.length / elapsed, failures };
}

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** The floor: the same clients against a Fastify route that answers {hello: 'world'}. */
async function helloWorld(clients: number): Promise<Load> {
  const app = Fastify();
  app.get('/', async () => ({ hello: 'world' }));
  const base = await listen(app);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  try {
    return await load(
      clients,
      async () => (await send(agent, base, { method: 'GET', path: '/' })).status === 200,
    );
  } finally {
    agent.destroy();
    await app.close();
  }
}

export const rate = (n: number) => `${Math.round(n).toLocaleString('en')}/s`;

/**
 * The API over a real loopback socket, client and server in this process: saving
 * (store a revision and validate) a 250-shape process from 200 clients, and test
 * runs of Start -> List -> Stop followed to their end over SSE.
 */
export async function serverFigures(): Promise<Figure[]> {
  const app = await buildApp({ logger: false, runThreads: { warm: true } });
  const base = await listen(app);
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  try {
    // One process per client, so no save conflicts with another's revision.
    const template = chainProcess(250);
    const clients = await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const created = JSON.parse(
          (
            await send(agent, base, {
              method: 'POST',
              path: '/api/processes',
              body: '{"name":"Bench"}',
            })
          ).body,
        ) as { id: string };
        return {
          id: created.id,
          revision: 1,
          body: JSON.stringify({ ...template, id: created.id }),
        };
      }),
    );
    const save = async (i: number) => {
      const client = clients[i]!;
      const res = await send(agent, base, {
        method: 'PUT',
        path: `/api/processes/${client.id}`,
        headers: { 'if-match': `"${client.revision}"` },
        body: client.body,
      });
      client.revision += 1;
      return res.status === 200;
    };
    // One client first: what a save costs alone, before 200 of them queue up.
    const alone = await load(1, save, 1_000);
    const saves = await load(CLIENTS, save);
    const baseline = await helloWorld(CLIENTS);

    const { listRequestsProcess } = await import('@junction/runtime/testing');
    const runBody = JSON.stringify({ process: listRequestsProcess() });
    let documents = 0;
    const run = async () => {
      const started = await send(agent, base, { method: 'POST', path: '/api/runs', body: runBody });
      const { id } = JSON.parse(started.body) as { id: string };
      // The events stream ends with the run; its last event says how it ended.
      const events = await send(agent, base, { method: 'GET', path: `/api/runs/${id}/events` });
      documents = Number(/"stop":\{[^}]*"documentsIn":(\d+)/.exec(events.body)?.[1] ?? 0);
      return events.body.includes('"type":"end","status":"complete"');
    };
    const runAlone = await load(1, run, 1_000);
    const runs = await load(RUN_CLIENTS, run);
    const runBaseline = await helloWorld(RUN_CLIENTS);

    // Start (No Data) -> Stop, executed and waited for in one request each (?wait).
    let twoShapes = addShape(createProcess({ id: 'two', name: 'Two shapes' }), {
      id: 'stop',
      kind: 'stop',
      position: { x: 300, y: 160 },
    });
    twoShapes = connectShapes(twoShapes, {
      id: 'c1',
      from: { shape: 'start', port: 'default' },
      to: { shape: 'stop' },
    });
    const { id: twoId } = JSON.parse(
      (await send(agent, base, { method: 'POST', path: '/api/processes', body: '{"name":"Two"}' }))
        .body,
    ) as { id: string };
    await send(agent, base, {
      method: 'PUT',
      path: `/api/processes/${twoId}`,
      headers: { 'if-match': '"1"' },
      body: JSON.stringify({ ...twoShapes, id: twoId }),
    });
    const execute = async () => {
      const res = await send(agent, base, {
        method: 'POST',
        path: `/api/processes/${twoId}/executions?wait=60`,
        body: '{}',
      });
      return res.status === 200 && res.body.includes('"executionStatus":"COMPLETE"');
    };
    // Warmed up first, as the PostgreSQL row is: its first second ran at about two
    // thirds of the rest (the route, the engine threads and PGlite's caches still cold).
    await load(EXECUTION_CLIENTS, execute, 1_000);
    const executions = await load(EXECUTION_CLIENTS, execute);
    const health = await load(
      EXECUTION_CLIENTS,
      async () => (await send(agent, base, { method: 'GET', path: '/api/health' })).status === 200,
    );

    const healthDuringRun = await healthDuringCpuRunFigures();
    return [
      ...healthDuringRun,
      {
        figure: `save + validate a 250-shape process, ${CLIENTS} concurrent clients over 127.0.0.1`,
        value: `p50 ${fmt(saves.p50)}, p99 ${fmt(saves.p99)}, ${rate(saves.perSecond)}${saves.failures ? ` (${saves.failures} failed)` : ''}`,
        comparison: `one client alone: p50 ${fmt(alone.p50)}; Fastify hello world, same 200 clients: p50 ${fmt(baseline.p50)}, p99 ${fmt(baseline.p99)}, ${rate(baseline.perSecond)}`,
        target:
          '≥ 40 saves/s on embedded PGlite, no failures (latency under load is queueing: 200 ÷ saves/s)',
        met: saves.perSecond >= 40 && saves.failures === 0,
      },
      {
        figure: `test runs of Start -> List (${documents} requests) -> Stop on the sandbox, ${RUN_CLIENTS} clients, each followed over SSE`,
        value: `${rate(runs.perSecond)} runs, p50 ${fmt(runs.p50)}, p99 ${fmt(runs.p99)}${runs.failures ? ` (${runs.failures} failed)` : ''}`,
        comparison: `one client alone: ${rate(runAlone.perSecond)}, p50 ${fmt(runAlone.p50)}; Fastify hello world, same clients: ${rate(runBaseline.perSecond)} requests`,
        target: '≥ 5 test runs/s (every document stored), no failures',
        met: runs.perSecond >= 5 && runs.failures === 0,
      },
      {
        figure: `executions of Start (No Data) -> Stop, ${EXECUTION_CLIENTS} clients, each POST …/executions?wait=60 answered at the run's end (embedded PGlite, in process)`,
        value: `${rate(executions.perSecond)}, p50 ${fmt(executions.p50)}, p99 ${fmt(executions.p99)}${executions.failures ? ` (${executions.failures} failed)` : ''}`,
        comparison: `/api/health on the same server, same clients: ${rate(health.perSecond)}`,
        target: '≥ 600 executions/s on the embedded default, no failures',
        met: executions.perSecond >= 600 && executions.failures === 0,
      },
    ];
  } finally {
    agent.destroy();
    await app.close();
  }
}
