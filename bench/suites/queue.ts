import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, spawnUntil } from '../../apps/server/test/spawn-helpers.ts';
import { postgresPids, startCpuMeter } from '../cpu-time.ts';
import { type Figure, fmt } from '../measure.ts';
import { startQueueCluster, stop } from './queue-cluster.ts';
import { queueFloor } from './queue-floor.ts';
import { type Load, load, rate, send as sendTo } from './server.ts';

const EXECUTIONS = 1000;
const SUBMITTERS = 20;
const HEALTH_CLIENTS = 20;
const WORKER_COUNTS = [1, 2, 4];
// Short runs: a worker fetches, ends and completes its runs in batches, so more at once
// means fewer statements per run (16 at once: about 2.2 ms of PostgreSQL CPU per
// execution, 64: about 1.4 ms, in one A/B window). README's Scaling out says so.
const WORKER_CONCURRENCY = 64;
// Issue 17's target 1 as the issue measured it: clients that each start an execution
// and wait for its end in the same request, as many as the in-process figure's.
const WAITING_CLIENTS = 32;
const WAIT_WINDOWS = 3;
const WAIT_WINDOW_MS = 3_000;

/** The database `pnpm bench` may use for its PostgreSQL figures. */
export const DATABASE_URL =
  process.env['JUNCTION_BENCH_DATABASE_URL'] ?? process.env['JUNCTION_TEST_DATABASE_URL'];

/** server.ts's `send` by a full URL, with method, body and headers in order. */
export function send(
  agent: Agent,
  url: string,
  method = 'GET',
  body?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const { origin, pathname, search } = new URL(url);
  return sendTo(agent, origin, {
    method,
    path: `${pathname}${search}`,
    headers,
    ...(body === undefined ? {} : { body }),
  });
}

/** Start (no data) -> Stop, saved, so executions run a stored revision. */
async function saveTwoShapeProcess(agent: Agent, base: string): Promise<string> {
  const { createProcess, addShape, connectShapes } = await import('@junction/process-model');
  const created = JSON.parse(
    (await send(agent, `${base}/api/processes`, 'POST', '{"name":"Two shapes"}')).body,
  ) as { id: string };
  let doc = createProcess({ id: created.id, name: 'Two shapes' });
  doc = addShape(doc, { id: 'stop', kind: 'stop', position: { x: 300, y: 100 } });
  doc = connectShapes(doc, {
    id: 'c1',
    from: { shape: 'start', port: 'default' },
    to: { shape: 'stop' },
  });
  const saved = await send(
    agent,
    `${base}/api/processes/${created.id}`,
    'PUT',
    JSON.stringify(doc),
    {
      'if-match': '"1"',
    },
  );
  if (saved.status !== 200) {
    throw new Error(`could not save the bench process: ${saved.body}`);
  }
  return created.id;
}

interface Throughput {
  executionsPerSecond: number;
  healthPerSecond: number;
  healthP99: number;
  failed: number;
}

/**
 * EXECUTIONS executions of the 2-shape process, posted by SUBMITTERS clients, timed
 * from the first post until the last has ended; meanwhile HEALTH_CLIENTS clients call
 * /api/health in a loop, so its rate and p99 are those of a server busy with the runs.
 */
async function measure(base: string): Promise<Throughput> {
  const agent = new Agent({ keepAlive: true, maxSockets: SUBMITTERS + HEALTH_CLIENTS + 2 });
  try {
    const processId = await saveTwoShapeProcess(agent, base);
    const done = { value: false };
    const latencies: number[] = [];
    const healthStarted = performance.now();
    const health = Promise.all(
      Array.from({ length: HEALTH_CLIENTS }, async () => {
        while (!done.value) {
          const t = performance.now();
          await send(agent, `${base}/api/health`);
          latencies.push(performance.now() - t);
        }
      }),
    );
    const began = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: SUBMITTERS }, async () => {
        while (next < EXECUTIONS) {
          next += 1;
          const res = await send(
            agent,
            `${base}/api/processes/${processId}/executions`,
            'POST',
            '{}',
          );
          if (res.status !== 201) {
            throw new Error(`execution refused: ${res.status} ${res.body}`);
          }
        }
      }),
    );
    const count = async (status?: string) =>
      (
        JSON.parse(
          (
            await send(
              agent,
              `${base}/api/executions?processId=${processId}&limit=1${status ? `&status=${status}` : ''}`,
            )
          ).body,
        ) as { total: number }
      ).total;
    while ((await count('INPROCESS')) > 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const elapsed = (performance.now() - began) / 1000;
    done.value = true;
    await health;
    const healthElapsed = (performance.now() - healthStarted) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      executionsPerSecond: EXECUTIONS / elapsed,
      healthPerSecond: latencies.length / healthElapsed,
      healthP99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
      failed: EXECUTIONS - (await count('COMPLETE')),
    };
  } finally {
    agent.destroy();
  }
}

const figure = (name: string, t: Throughput): Figure => ({
  figure: `executions of Start (no data) -> Stop, ${name}, ${SUBMITTERS} clients posting ${EXECUTIONS}`,
  value: `${Math.round(t.executionsPerSecond)} executions/s${t.failed ? ` (${t.failed} not complete)` : ''}`,
  comparison: `/api/health meanwhile, ${HEALTH_CLIENTS} clients: ${Math.round(t.healthPerSecond).toLocaleString('en')}/s, p99 ${t.healthP99.toFixed(1)} ms`,
  target: 'every execution completes; health p99 < 50 ms while runs execute',
  met: t.failed === 0 && t.healthP99 < 50,
});

/** The server as `npm start` runs it, on the embedded database, executing runs itself. */
async function embedded(): Promise<Figure> {
  const dataDir = mkdtempSync(join(tmpdir(), 'junction-bench-'));
  const port = await freePort();
  const server = await spawnUntil(
    ['src/main.ts'],
    {
      ...process.env,
      PORT: String(port),
      JUNCTION_DATA_DIR: dataDir,
      JUNCTION_WEB_DIST: join(dataDir, 'no-web'),
      LOG_LEVEL: 'error',
      JUNCTION_MAX_QUEUED_RUNS: String(EXECUTIONS * 2),
    },
    'Junction is running at',
  );
  try {
    return figure(
      'embedded PGlite (the default install)',
      await measure(`http://127.0.0.1:${port}`),
    );
  } finally {
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One server that executes nothing and `workers` `junction worker` processes on PostgreSQL. */
async function queued(databaseUrl: string, workers: number): Promise<Figure> {
  const cluster = await startQueueCluster({
    databaseUrl,
    workers,
    concurrency: WORKER_CONCURRENCY,
    // Every run is queued before the first ends: the line must hold them all.
    maxQueuedRuns: EXECUTIONS * 2,
  });
  try {
    const name = `PostgreSQL, ${workers} \`junction worker\` process${workers > 1 ? 'es' : ''} (${WORKER_CONCURRENCY} runs each at once), server executing none`;
    return figure(name, await measure(cluster.base));
  } finally {
    await cluster.stop();
  }
}

/** The median of `windows` loads by its rate (the machines are shared and noisy). */
async function medianLoad(windows: number, once: () => Promise<Load>): Promise<Load> {
  const loads: Load[] = [];
  for (let i = 0; i < windows; i++) {
    loads.push(await once());
  }
  loads.sort((a, b) => a.perSecond - b.perSecond);
  return loads[Math.floor(loads.length / 2)]!;
}

/**
 * Where an execution's time went: CPU milliseconds per execution of each process
 * group, and the rate all of it allows on this machine's cores.
 */
function cpuPerExecution(used: Record<string, number> | undefined, executions: number): string {
  if (!used || executions === 0) {
    return '';
  }
  const parts = Object.entries(used).map(([name, ms]) => `${name} ${fmt(ms / executions)}`);
  const total = Object.values(used).reduce((a, b) => a + b, 0) / executions;
  const ceiling = (availableParallelism() * 1000) / total;
  return `; CPU per execution: ${parts.join(', ')} (${fmt(total)} in all: ${availableParallelism()} cores allow ${rate(ceiling)})`;
}

/**
 * Target 1 on PostgreSQL: WAITING_CLIENTS clients each POST …/executions?wait=60 and
 * are answered at the run's end, against a server that executes none and one worker;
 * beside it, the same server's health route with the same clients, in the same run.
 */
async function waitedExecutions(databaseUrl: string): Promise<Figure> {
  const cluster = await startQueueCluster({
    databaseUrl,
    workers: 1,
    concurrency: WORKER_CONCURRENCY,
  });
  const agent = new Agent({ keepAlive: true, maxSockets: WAITING_CLIENTS });
  try {
    const processId = await saveTwoShapeProcess(agent, cluster.base);
    let completed = 0;
    const execute = async () => {
      const res = await sendTo(agent, cluster.base, {
        method: 'POST',
        path: `/api/processes/${processId}/executions?wait=60`,
        body: '{}',
      });
      const ok = res.status === 200 && res.body.includes('"executionStatus":"COMPLETE"');
      completed += ok ? 1 : 0;
      return ok;
    };
    const health = async () =>
      (await sendTo(agent, cluster.base, { method: 'GET', path: '/api/health' })).status === 200;
    await load(WAITING_CLIENTS, execute, 1_000); // warm-up: connections, plans, JIT
    completed = 0;
    const cpu = startCpuMeter({
      PostgreSQL: postgresPids,
      server: () => [cluster.server.pid],
      worker: () => cluster.workers.map((w) => w.pid),
      clients: () => [process.pid],
    });
    const executions = await medianLoad(WAIT_WINDOWS, () =>
      load(WAITING_CLIENTS, execute, WAIT_WINDOW_MS),
    );
    const used = cpu.stop();
    const floor = await load(WAITING_CLIENTS, health, WAIT_WINDOW_MS);
    agent.destroy();
    await cluster.stop();
    // Measured with the cluster stopped: the queue alone on the same PostgreSQL.
    const queue = await queueFloor(databaseUrl, WAITING_CLIENTS, WAIT_WINDOW_MS);
    return {
      figure: `executions of Start (No Data) -> Stop, ${WAITING_CLIENTS} clients, each POST …/executions?wait=60 answered at the run's end (PostgreSQL queue, 1 \`junction worker\` with ${WORKER_CONCURRENCY} runs at once, server executing none; median of ${WAIT_WINDOWS} windows)`,
      value: `${rate(executions.perSecond)}, p50 ${fmt(executions.p50)}, p99 ${fmt(executions.p99)}${executions.failures ? ` (${executions.failures} failed)` : ''}`,
      comparison: `/api/health on the same server, same clients: ${rate(floor.perSecond)} (executions ×${(floor.perSecond / executions.perSecond).toFixed(1)} slower); pg-boss's own job lifecycle alone (send, fetch, complete, batched as Junction does; no HTTP, run record or event), same clients: ${rate(queue.perSecond)}${cpuPerExecution(used, completed)}`,
      target: '≥ 1,000 executions/s on PostgreSQL, no failures',
      met: executions.perSecond >= 1000 && executions.failures === 0,
    };
  } finally {
    agent.destroy();
    await cluster.stop();
  }
}

/**
 * Executions per second with the queue and 1, 2 and 4 worker processes on PostgreSQL
 * (JUNCTION_BENCH_DATABASE_URL or JUNCTION_TEST_DATABASE_URL; skipped without one),
 * and on the embedded default, each beside the health route's rate in the same run.
 */
export async function queueFigures(): Promise<Figure[]> {
  const figures = [await embedded()];
  if (DATABASE_URL) {
    figures.push(await waitedExecutions(DATABASE_URL));
    for (const workers of WORKER_COUNTS) {
      figures.push(await queued(DATABASE_URL, workers));
    }
  }
  return figures;
}

// `node bench/suites/queue.ts` runs this suite alone.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const f of await queueFigures()) {
    console.log(
      `| ${f.figure} | ${f.value} | ${f.comparison} | ${f.target} | ${f.met ? 'yes' : 'no'} |`,
    );
  }
}
