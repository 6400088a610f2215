import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  addShape,
  connectShapes,
  createProcess,
  type ProcessDocument,
  updateShape,
} from '@junction/process-model';
import { buildApp } from '@junction/server';
import { type Figure, fmt } from '../measure.ts';

const WINDOW_MS = 3_000;

function health(agent: Agent, base: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const req = request(`${base}/api/health`, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - began));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** One client asking /api/health back to back for `windowMs`: p50 and p99 of its answers. */
async function sample(agent: Agent, base: string, windowMs: number) {
  const latencies: number[] = [];
  const deadline = performance.now() + windowMs;
  while (performance.now() < deadline) {
    latencies.push(await health(agent, base));
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), count: latencies.length };
}

/** Start (documents handed in) -> a Custom Script that spins until its 5 s time limit -> Stop. */
function spinningProcess(): ProcessDocument {
  let doc = createProcess({ id: 'spin', name: 'Spin' });
  doc = updateShape(doc, 'start', { kind: 'start', label: '', config: { mode: 'passthrough' } });
  doc = addShape(doc, {
    id: 'spin',
    kind: 'data-process',
    position: { x: 200, y: 100 },
    shape: {
      kind: 'data-process',
      label: 'Spin',
      config: {
        steps: [{ type: 'custom-script', language: 'javascript', source: 'while (true) {}' }],
      },
    },
  });
  doc = addShape(doc, { id: 'stop', kind: 'stop', position: { x: 400, y: 100 } });
  doc = connectShapes(doc, {
    id: 'c1',
    from: { shape: 'start', port: 'default' },
    to: { shape: 'spin' },
  });
  return connectShapes(doc, {
    id: 'c2',
    from: { shape: 'spin', port: 'default' },
    to: { shape: 'stop' },
  });
}

/** Resolves once the run's events say its script shape has started. */
async function untilSpinning(base: string, runId: string): Promise<void> {
  const res = await fetch(`${base}/api/runs/${runId}/events`);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (!text.includes('"shapeId":"spin"') && !text.includes('"spin":{')) {
    const { done, value } = await reader.read();
    if (done) {
      throw new Error(`the spinning run ended before its script started: ${text}`);
    }
    text += value;
  }
  await reader.cancel();
}

/**
 * `/api/health` idle, then while a test run's script spins at its time limit, on the
 * embedded default (runs in engine threads). The run must not reach the server's
 * event loop: issue 16's goal is p99 under 50 ms during the run.
 */
export async function healthDuringCpuRunFigures(): Promise<Figure[]> {
  const app = await buildApp({ logger: false, runThreads: { warm: true } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const idle = await sample(agent, base, WINDOW_MS);
    const response = await fetch(`${base}/api/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ process: spinningProcess(), startDocuments: [{ data: '{}' }] }),
    });
    const { id } = (await response.json()) as { id: string };
    await untilSpinning(base, id);
    // Within the script's 5 s limit, so every answer is measured while it spins.
    const busy = await sample(agent, base, WINDOW_MS);
    return [
      {
        figure:
          'GET /api/health while a test run spins a Custom Script at its time limit (embedded PGlite, 1 client)',
        value: `p50 ${fmt(busy.p50)}, p99 ${fmt(busy.p99)} (${busy.count} answers)`,
        comparison: `idle, same server and run of the bench: p50 ${fmt(idle.p50)}, p99 ${fmt(idle.p99)} (${idle.count} answers)`,
        target: 'p99 < 50 ms while the run executes (issue 16)',
        met: busy.p99 < 50,
      },
    ];
  } finally {
    agent.destroy();
    await app.shutdown();
  }
}
