import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { ProcessDocument, Shape } from '@junction/process-model';
import { type Figure, fmt } from '../measure.ts';
import { referenceFlow } from './engine-reference.ts';
import { MAP_WITH_FUNCTIONS, passing } from './map-reference.ts';
import { DATABASE_URL, send } from './queue.ts';
import { startQueueCluster } from './queue-cluster.ts';

const DOCUMENTS = 1_000_000;
/** Records each generated block holds: a JSONata range stays far inside its time limit. */
const BLOCK = 1_000;
const IDLE_WINDOW_MS = 3_000;
const TARGET_MB = 1024;

/**
 * The reference flow of the Map figures (split -> Map -> Decision total > 100 ->
 * Set Properties -> Stop) behind a source that makes `documents` order records
 * inside the run, so an execution needs no external system: a Map makes the block
 * numbers, a split gives one document each, a second Map turns each into BLOCK
 * records, and the reference split makes one document per record.
 */
export function scaleProcess(id: string, documents: number): ProcessDocument {
  const blocks = Math.ceil(documents / BLOCK);
  const map = (expression: string): Shape => ({
    kind: 'map',
    label: '',
    config: { expression, mappings: [] },
  });
  const split: Shape = {
    kind: 'data-process',
    label: '',
    config: { steps: [{ type: 'split', path: '$', batchCount: 1 }] },
  };
  return referenceFlow({
    id,
    name: 'Scale reference',
    map: MAP_WITH_FUNCTIONS,
    decide: { path: 'total', operator: 'gt', value: '100' },
    property: { name: 'customer', path: 'name' },
    source: [
      ['blocks', map(`[0..${blocks - 1}]`)],
      ['block', split],
      [
        'records',
        map(
          `($b := $ * ${BLOCK}; [0..${BLOCK - 1}].($i := $b + $; {"id": $i, "name": "customer " & $i, "qty": $i % 10 + 1, "price": 19.5}))`,
        ),
      ],
    ],
  });
}

/** A process's kilobytes from /proc: the peak resident set (VmHWM) or the current one (VmRSS). */
function procKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Number(line?.replace(/\D+/g, '') ?? 0);
}

interface Latencies {
  p50: number;
  p99: number;
  count: number;
}

/** One client asking /api/health back to back while `going()`: p50 and p99 of its answers. */
async function healthWhile(agent: Agent, base: string, going: () => boolean): Promise<Latencies> {
  const latencies: number[] = [];
  while (going()) {
    const began = performance.now();
    const res = await send(agent, `${base}/api/health`);
    if (res.status !== 200) {
      throw new Error(`/api/health answered ${res.status}: ${res.body}`);
    }
    latencies.push(performance.now() - began);
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), count: latencies.length };
}

interface ScaleRun {
  status: string;
  seconds: number;
  stopped: number;
  peakMb: number;
  idleMb: number;
  idle: Latencies;
  busy: Latencies;
}

/** Saves the process, executes it once and measures the worker and the health route meanwhile. */
async function executeAndMeasure(base: string, worker: ChildProcess): Promise<ScaleRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  try {
    const created = JSON.parse(
      (await send(agent, `${base}/api/processes`, 'POST', '{"name":"Scale reference"}')).body,
    ) as { id: string };
    const saved = await send(
      agent,
      `${base}/api/processes/${created.id}`,
      'PUT',
      JSON.stringify(scaleProcess(created.id, DOCUMENTS)),
      { 'if-match': '"1"' },
    );
    if (saved.status !== 200) {
      throw new Error(`could not save the scale process: ${saved.body}`);
    }
    const pid = worker.pid as number;
    const idleMb = procKb(pid, 'VmRSS') / 1024;
    const idleUntil = performance.now() + IDLE_WINDOW_MS;
    const idle = await healthWhile(agent, base, () => performance.now() < idleUntil);

    const began = performance.now();
    const started = await send(
      agent,
      `${base}/api/processes/${created.id}/executions`,
      'POST',
      '{}',
    );
    if (started.status !== 201) {
      throw new Error(`execution refused: ${started.status} ${started.body}`);
    }
    const { id } = JSON.parse(started.body) as { id: string };
    let record: { status: string; shapes?: Record<string, { documentsIn: number }> } = {
      status: 'running',
    };
    const running = () => record.status === 'running';
    const busy = healthWhile(agent, base, running);
    while (running()) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      record = JSON.parse((await send(agent, `${base}/api/executions/${id}`)).body);
    }
    const seconds = (performance.now() - began) / 1000;
    return {
      status: record.status,
      seconds,
      stopped: record.shapes?.['stop']?.documentsIn ?? 0,
      peakMb: procKb(pid, 'VmHWM') / 1024,
      idleMb,
      idle,
      busy: await busy,
    };
  } finally {
    agent.destroy();
  }
}

/**
 * A million documents through the reference flow as an execution (not a test) on a
 * server in queue mode on PostgreSQL with one `junction worker` process: the worker's
 * peak resident memory (its /proc VmHWM: host thread, engine thread, database
 * client), the run's time, and GET /api/health on the server while the worker runs
 * it, next to the same route idle. Skipped without a PostgreSQL database.
 */
export async function scaleFigures(): Promise<Figure[]> {
  if (!DATABASE_URL) {
    return [];
  }
  const cluster = await startQueueCluster({
    databaseUrl: DATABASE_URL,
    workers: 1,
    concurrency: 1,
  });
  try {
    const run = await executeAndMeasure(cluster.base, cluster.workers[0] as ChildProcess);
    const complete = run.status === 'complete' && run.stopped === passing(DOCUMENTS);
    const perSecond = Math.round(DOCUMENTS / run.seconds).toLocaleString('en');
    return [
      {
        figure: `scale: ${DOCUMENTS.toLocaleString('en')} documents through the reference flow, one execution on a \`junction worker\` (PostgreSQL queue): the worker's peak memory`,
        value: `${Math.round(run.peakMb)} MB (VmHWM) in ${run.seconds.toFixed(1)} s, ${perSecond} documents/s (${run.status}, ${run.stopped.toLocaleString('en')} reached Stop)`,
        comparison: `the worker idle before the run: ${Math.round(run.idleMb)} MB`,
        target: `< ${TARGET_MB} MB, the run complete`,
        met: complete && run.peakMb < TARGET_MB,
      },
      {
        figure: `scale: GET /api/health on the server while the worker executes the ${DOCUMENTS.toLocaleString('en')}-document run (1 client)`,
        value: `p50 ${fmt(run.busy.p50)}, p99 ${fmt(run.busy.p99)} (${run.busy.count} answers)`,
        comparison: `idle, same server before the run: p50 ${fmt(run.idle.p50)}, p99 ${fmt(run.idle.p99)} (${run.idle.count} answers)`,
        target: 'p99 < 50 ms while the run executes',
        met: run.busy.p99 < 50,
      },
    ];
  } finally {
    await cluster.stop();
  }
}

// `node bench/suites/scale.ts` runs this suite alone.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const f of await scaleFigures()) {
    console.log(
      `| ${f.figure} | ${f.value} | ${f.comparison} | ${f.target} | ${f.met ? 'yes' : 'no'} |`,
    );
  }
}
