import { listRequestsProcess } from '@junction/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { waitForRun } from './run-helpers.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

describe(`test runs against the built-in sandbox (${storageUnderTest()})`, () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp();
  });

  it('runs Start -> List Resource · Request -> Stop and counts the documents at every shape', async () => {
    const sandboxCount = await app.inject({
      url: '/sandbox/connect/public/v1/requests?limit=0',
      headers: { authorization: (await import('@junction/connect-sandbox')).SANDBOX_DEMO_TOKEN },
    });
    const total = Number(/\/(\d+)$/.exec(String(sandboxCount.headers['content-range']))?.[1]);
    expect(total).toBeGreaterThan(100);

    const started = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { process: listRequestsProcess() },
    });
    expect(started.statusCode).toBe(201);
    const run = await waitForRun(app, started.json().id);
    expect(run.status).toBe('complete');
    expect(run.shapes.start).toMatchObject({ status: 'done', documentsIn: 0, documentsOut: 1 });
    expect(run.shapes.list).toMatchObject({ status: 'done', documentsIn: 1, documentsOut: total });
    expect(run.shapes.stop).toMatchObject({ status: 'done', documentsIn: total, documentsOut: 0 });
    expect(run.connections).toEqual({ c1: 1, c2: total });
  });

  it('refuses to run an invalid process and says why', async () => {
    const doc = listRequestsProcess();
    const list = doc.shapes['list']!;
    const broken = {
      ...doc,
      shapes: {
        ...doc.shapes,
        list: { ...list, config: { ...(list.config as object), object: '' } },
      },
    };
    const res = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { process: broken },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().issues).toContainEqual(
      expect.objectContaining({ code: 'connector.object-missing', shapeId: 'list' }),
    );
  });

  it('marks documents in error when Connect answers with an error, and the run as Error', async () => {
    const doc = listRequestsProcess();
    const list = doc.shapes['list']!;
    // Get Resource with an id that does not exist: the sandbox answers 404.
    const getMissing = {
      ...doc,
      shapes: {
        ...doc.shapes,
        list: {
          ...list,
          config: {
            ...(list.config as object),
            action: 'get',
            parameters: [{ name: 'id', value: { type: 'static', value: 'PR-0000-0000-0000-000' } }],
          },
        },
      },
    };
    const started = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { process: getMissing },
    });
    const run = await waitForRun(app, started.json().id);
    expect(run.status).toBe('error');
    expect(run.shapes.list).toMatchObject({ status: 'error', documentsIn: 1, documentsInError: 1 });
    expect(run.shapes.list.message).toContain('404');
    expect(run.shapes.stop).toBeUndefined();
  });

  it('lists the runs of a stored process', async () => {
    const created = (
      await app.inject({ method: 'POST', url: '/api/processes', payload: { name: 'With runs' } })
    ).json();
    const doc = listRequestsProcess(created.id);
    const started = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { process: doc, processId: created.id },
    });
    await waitForRun(app, started.json().id);
    const runs = await app.inject({ url: `/api/processes/${created.id}/runs` });
    expect(runs.json().items.map((r: { id: string }) => r.id)).toEqual([started.json().id]);
  });
});
