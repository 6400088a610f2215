import type { AddressInfo } from 'node:net';
import {
  addShape,
  connectShapes,
  createProcess,
  type ProcessDocument,
  type Shape,
} from '@junction/process-model';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build-test-app.ts';
import { waitForRun } from './run-helpers.ts';

/** Start (documents handed in) → each shape in turn → Stop. */
function chain(id: string, shapes: Shape[]): ProcessDocument {
  let doc = createProcess({ id, name: id });
  const start = doc.shapes['start'];
  if (start?.kind !== 'start') {
    throw new Error('unreachable: every process has a Start');
  }
  doc = { ...doc, shapes: { ...doc.shapes, start: { ...start, config: { mode: 'passthrough' } } } };
  const ids = ['start', ...shapes.map((_, i) => `s${i + 1}`), 'stop'];
  shapes.forEach((shape, i) => {
    doc = addShape(doc, { id: `s${i + 1}`, kind: shape.kind, position: { x: 0, y: 0 }, shape });
  });
  doc = addShape(doc, { id: 'stop', kind: 'stop', position: { x: 0, y: 0 } });
  ids.slice(1).forEach((to, i) => {
    doc = connectShapes(doc, {
      id: `c${i + 1}`,
      from: { shape: ids[i] ?? 'start', port: 'default' },
      to: { shape: to },
    });
  });
  return doc;
}

const SPIN: Shape = {
  kind: 'data-process',
  label: 'Spin',
  config: {
    steps: [{ type: 'custom-script', language: 'javascript', source: 'while (true) {}' }],
  },
};

async function startRun(app: FastifyInstance, process: ProcessDocument, data = '{}') {
  const started = await app.inject({
    method: 'POST',
    url: '/api/runs',
    payload: { process, startDocuments: [{ data }] },
  });
  expect(started.statusCode).toBe(201);
  return started.json().id as string;
}

/** Resolves once the run's shape `shapeId` has started, as its live events say. */
async function untilShapeRuns(base: string, runId: string, shapeId: string) {
  const res = await fetch(`${base}/api/runs/${runId}/events`);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  // A shape-started event, or a snapshot (sent first) that already holds the shape.
  const started = [`"shapeId":"${shapeId}"`, `"${shapeId}":{`];
  while (!started.some((part) => text.includes(part))) {
    const { done, value } = await reader.read();
    if (done) {
      throw new Error(`shape ${shapeId} of run ${runId} never started`);
    }
    text += value;
  }
  await reader.cancel();
}

describe('a CPU-bound run executes off the server event loop', () => {
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    app = await buildTestApp();
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });

  it('keeps answering /api/health quickly while a script spins until its time limit', async () => {
    const runId = await startRun(app, chain('spin', [SPIN]));
    await untilShapeRuns(base, runId, 's1');
    const answers: number[] = [];
    let status = 'running';
    // The script spins for its whole 5 s limit; in the server's thread that froze every request.
    while (status === 'running') {
      const began = performance.now();
      const health = await fetch(`${base}/api/health`);
      answers.push(performance.now() - began);
      expect(health.status).toBe(200);
      const run = (await (await fetch(`${base}/api/runs/${runId}`)).json()) as { status: string };
      status = run.status;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Generous for a busy two-core machine; the run itself blocks for 5 s.
    expect(Math.max(...answers)).toBeLessThan(500);
    expect(answers.length).toBeGreaterThan(10);
    const run = await waitForRun(app, runId);
    expect(run.status).toBe('error');
    expect(JSON.stringify(run.shapes.s1)).toMatch(/time limit|timed out|interrupted/i);
  });

  it('ends a spinning run ABORTED when it is cancelled', async () => {
    const runId = await startRun(app, chain('spin-cancel', [SPIN]));
    await untilShapeRuns(base, runId, 's1');
    const began = performance.now();
    const cancel = await fetch(`${base}/api/runs/${runId}/cancel`, { method: 'POST' });
    expect(cancel.status).toBeLessThan(300);
    const run = await waitForRun(app, runId);
    expect(run.status).toBe('aborted');
    // The script is stopped by the cancel, not by its 5 s time limit.
    expect(performance.now() - began).toBeLessThan(2_000);
  });
});
