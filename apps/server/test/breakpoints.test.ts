import type { AddressInfo } from 'node:net';
import { shoutProcess } from '@junction/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { pauseOf, v } from './breakpoint-fixtures.ts';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { bearer, call, P } from './platform-fixtures.ts';
import { waitForRun } from './run-helpers.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

describe(`breakpoints and stepping in Test mode (${storageUnderTest()})`, () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp({ pauseIdleMs: 60_000 });
  });

  const start = async (breakpoints: string[], headers = {}) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/runs',
      headers,
      payload: {
        process: shoutProcess(),
        startDocuments: [{ data: v('a') }, { data: v('b'), properties: { origin: 'test' } }],
        breakpoints,
      },
    });
    return res;
  };
  const answer = (runId: string, body: object, headers = {}) =>
    app.inject({ method: 'POST', url: `/api/runs/${runId}/debug`, headers, payload: body });
  const arrivedAtEnd = async (runId: string) =>
    (await app.inject({ url: `/api/runs/${runId}/shapes/end/documents?direction=in` })).json()
      .items as Array<{ data: string; properties: Record<string, string> }>;

  it('pauses before the breakpoint shape with its documents; an edited document goes on edited', async () => {
    const started = await start(['shout']);
    expect(started.statusCode, started.body).toBe(201);
    const runId = started.json().id as string;
    const pause = await pauseOf(app, runId);
    expect(pause).toMatchObject({
      pause: 1,
      shapeId: 'shout',
      reason: 'breakpoint',
      documentCount: 2,
    });
    expect(pause.documents).toEqual([
      { id: 'in-1', data: v('a'), properties: {} },
      { id: 'in-2', data: v('b'), properties: { origin: 'test' } },
    ]);
    // The run is still running while it waits, says where, and the waiting shape has not run.
    const waiting = (await app.inject({ url: `/api/runs/${runId}` })).json();
    expect(waiting).toMatchObject({ status: 'running', paused: { pause: 1, shapeId: 'shout' } });
    expect(waiting.shapes.shout).toBeUndefined();

    const continued = await answer(runId, {
      pause: 1,
      action: 'continue',
      documents: [{ id: 'in-2', data: v('edited'), properties: { origin: 'edited' } }],
    });
    expect(continued.statusCode, continued.body).toBe(202);
    const run = await waitForRun(app, runId);
    expect(run.status).toBe('complete');
    const ended = await arrivedAtEnd(runId);
    expect(ended.map((d) => d.data)).toEqual(['a!', 'edited!']);
    expect(ended[1]?.properties).toMatchObject({ origin: 'edited' });
    const logs = (await app.inject({ url: `/api/runs/${runId}/logs` })).json().items as Array<{
      message: string;
    }>;
    expect(logs.map((l) => l.message)).toEqual(
      expect.arrayContaining([
        'Paused before Shout (breakpoint), 2 documents waiting.',
        'Continued with 1 edited document.',
      ]),
    );
  });

  it('steps to the next shape, then stops there: ABORTED, and the shape never runs', async () => {
    const runId = (await start(['shout'])).json().id as string;
    await pauseOf(app, runId);
    expect((await answer(runId, { pause: 1, action: 'step' })).statusCode).toBe(202);
    const next = await pauseOf(app, runId);
    expect(next).toMatchObject({ pause: 2, shapeId: 'end', reason: 'step' });
    expect(next.documents.map((d) => d.data)).toEqual(['a!', 'b!']);
    expect((await answer(runId, { pause: 2, action: 'stop' })).statusCode).toBe(202);
    const run = await waitForRun(app, runId);
    expect(run.status).toBe('aborted');
    expect(run.error).toBe('Stopped while paused before shape end.');
    expect(run.shapes.end).toBeUndefined();
  });

  it('shows a watcher who arrives during the pause where the run waits', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const runId = (await start(['shout'])).json().id as string;
    await pauseOf(app, runId);
    const res = await fetch(`${base}/api/runs/${runId}/events`);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('\n\n')) {
      text += (await reader.read()).value ?? '';
    }
    const data = text.split('\n').find((line) => line.startsWith('data: '));
    expect(JSON.parse(data!.slice(6))).toMatchObject({
      type: 'snapshot',
      paused: { pause: 1, shapeId: 'shout', documentCount: 2 },
    });
    await answer(runId, { pause: 1, action: 'continue' });
    let rest = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      rest += value;
    }
    expect(rest).toContain('event: resumed');
    expect(rest).toContain('event: end');
  });

  it('refuses stale and malformed answers, saying where, and ends cleanly on cancel', async () => {
    const runId = (await start(['shout'])).json().id as string;
    await pauseOf(app, runId);
    const stale = await answer(runId, { pause: 7, action: 'continue' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('paused at pause 1');
    const stranger = await answer(runId, {
      pause: 1,
      action: 'continue',
      documents: [{ id: 'd999', data: '{}' }],
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().message).toContain('/documents/0/id');
    const proto = await answer(runId, {
      pause: 1,
      action: 'continue',
      documents: [{ id: 'in-1', data: '{}', properties: { constructor: 'x' } }],
    });
    expect(proto.statusCode).toBe(400);
    expect(proto.json().message).toContain('/documents/0/properties');
    const unknownAction = await answer(runId, { pause: 1, action: 'rewind' });
    expect(unknownAction.statusCode).toBe(400);
    const unknownShape = await start(['nowhere']);
    expect(unknownShape.statusCode).toBe(400);
    expect(unknownShape.json().message).toContain('/breakpoints/0');

    expect(
      (await app.inject({ method: 'POST', url: `/api/runs/${runId}/cancel` })).statusCode,
    ).toBe(202);
    const run = await waitForRun(app, runId);
    expect(run.status).toBe('aborted');
    const late = await answer(runId, { pause: 1, action: 'continue' });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('is not paused');
  });

  it('lets only builders set breakpoints and answer; viewers may look', async () => {
    const token = async (role: string) =>
      (await call(app, 'POST', `${P}/Token`, { payload: { name: role, role } })).json()
        .token as string;
    const [operator, viewer, builder] = [
      await token('operator'),
      await token('viewer'),
      await token('builder'),
    ];
    const refused = await start(['shout'], bearer(operator));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('builder role');
    const runId = (await start(['shout'], bearer(builder))).json().id as string;
    expect((await pauseOf(app, runId, bearer(viewer))).shapeId).toBe('shout');
    expect(
      (await answer(runId, { pause: 1, action: 'continue' }, bearer(operator))).statusCode,
    ).toBe(403);
    expect((await answer(runId, { pause: 1, action: 'continue' }, bearer(viewer))).statusCode).toBe(
      403,
    );
    expect(
      (await answer(runId, { pause: 1, action: 'continue' }, bearer(builder))).statusCode,
    ).toBe(202);
    expect((await waitForRun(app, runId)).status).toBe('complete');
  });
});

describe(`a paused run that nobody answers (${storageUnderTest()})`, () => {
  it('ends ABORTED after the idle time, saying so', async () => {
    const app = await buildTestApp({ pauseIdleMs: 1_500 });
    const res = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: {
        process: shoutProcess(),
        startDocuments: [{ data: v('a') }],
        breakpoints: ['shout'],
      },
    });
    const runId = res.json().id as string;
    const pause = await pauseOf(app, runId);
    expect(Date.parse(pause.expiresAt) - Date.now()).toBeLessThanOrEqual(1_500);
    const run = await waitForRun(app, runId);
    expect(run.status).toBe('aborted');
    expect(run.error).toBe(
      'Stopped: the run stayed paused for 2 seconds with no Continue, Step or Stop.',
    );
    const late = await app.inject({
      method: 'POST',
      url: `/api/runs/${runId}/debug`,
      payload: { pause: 1, action: 'continue' },
    });
    expect(late.statusCode).toBe(409);
  });
});
