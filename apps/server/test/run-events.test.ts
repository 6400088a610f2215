import type { AddressInfo } from 'node:net';
import { listRequestsProcess } from '@junction/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../src/runs/run-events.ts';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { heldConnect, waitForRun } from './run-helpers.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

/** Reads a whole SSE stream over a real socket; resolves when the server ends it. */
async function readEvents(
  base: string,
  runId: string,
  onFirstChunk: () => void = () => undefined,
): Promise<RunEvent[]> {
  const res = await fetch(`${base}/api/runs/${runId}/events`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    text += value;
    onFirstChunk();
  }
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const data = block.split('\n').find((line) => line.startsWith('data: '));
      return JSON.parse(data?.slice('data: '.length) ?? 'null') as RunEvent;
    });
}

describe(`live run progress over Server-Sent Events (${storageUnderTest()})`, () => {
  let app: App;
  let base: string;
  beforeAll(async () => {
    app = await buildTestApp();
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });

  it('streams a snapshot, shape and connection events, and a final event, then ends', async () => {
    const held = await heldConnect(app, 200, [{ id: 'PR-1' }, { id: 'PR-2' }]);
    try {
      const started = await fetch(`${base}/api/runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          process: listRequestsProcess(),
          connectionId: held.connectionId,
        }),
      });
      const { id } = (await started.json()) as { id: string };
      const events = await readEvents(base, id, held.release);
      expect(events[0]).toMatchObject({ type: 'snapshot', status: 'running' });
      const types = events.map((e) => e.type);
      expect(types.at(-1)).toBe('end');
      expect(types.filter((t) => t === 'end')).toHaveLength(1);
      expect(events).toContainEqual(
        expect.objectContaining({ type: 'shape-finished', shapeId: 'list' }),
      );
      expect(events).toContainEqual({ type: 'connection', connectionId: 'c2', count: 2 });
      expect(events).toContainEqual(
        expect.objectContaining({ type: 'shape-started', shapeId: 'stop', documents: 2 }),
      );
      const stored = await waitForRun(app, id);
      expect(events.at(-1)).toMatchObject({
        status: 'complete',
        shapes: stored.shapes,
        connections: stored.connections,
      });
    } finally {
      held.close();
    }
  });

  it('stores a shape that started at once and works on as running, not only at the end', async () => {
    // The List starts within the first 200 ms and its call is held: no later event comes
    // until it is released, so the record must not wait for one to show it running.
    const held = await heldConnect(app, 200, [{ id: 'PR-1' }]);
    try {
      const id = await held.startList();
      const record = async () => (await app.inject({ url: `/api/runs/${id}` })).json();
      await expect
        .poll(async () => (await record()).shapes.list?.status, { timeout: 5_000 })
        .toBe('running');
      expect((await record()).status).toBe('running');
      held.release();
      expect((await waitForRun(app, id)).shapes.list).toMatchObject({
        status: 'done',
        documentsOut: 1,
      });
    } finally {
      held.close();
    }
  });

  it('gives a client that connects after the run the final state at once', async () => {
    const started = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { process: listRequestsProcess() },
    });
    const run = await waitForRun(app, started.json().id);
    const events = await readEvents(base, run.id);
    expect(events.map((e) => e.type)).toEqual(['snapshot', 'end']);
    expect(events[0]).toMatchObject({ status: 'complete', shapes: run.shapes });
  });

  it('sends document errors and logs as they happen', async () => {
    const held = await heldConnect(app, 404, { error_code: 'NOT_FOUND', errors: ['no such'] });
    try {
      const events = await readEvents(base, await held.startList(), held.release);
      expect(events[0]).toMatchObject({ type: 'snapshot', status: 'running' });
      expect(events.at(-1)).toMatchObject({ type: 'end', status: 'error', documentsInError: 1 });
      expect(events).toContainEqual(
        expect.objectContaining({ type: 'document-error', shapeId: 'list' }),
      );
      expect(events).toContainEqual(
        expect.objectContaining({ type: 'log', shapeId: 'list', level: 'error' }),
      );
    } finally {
      held.close();
    }
  });

  it('ends the stream with an aborted run when the run is cancelled', async () => {
    const held = await heldConnect(app, 200, []);
    try {
      const id = await held.startList();
      const events = await readEvents(base, id, () => {
        void app.inject({ method: 'POST', url: `/api/runs/${id}/cancel` });
      });
      expect(events[0]).toMatchObject({ type: 'snapshot', status: 'running' });
      expect(events.at(-1)).toMatchObject({ type: 'end', status: 'aborted' });
      expect((await waitForRun(app, id)).executionStatus).toBe('ABORTED');
    } finally {
      held.close();
    }
  });

  it('answers an unknown run with 404 before streaming', async () => {
    const res = await fetch(`${base}/api/runs/nope/events`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toBe('not-found');
  });
});
