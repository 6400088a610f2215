import type { ProcessDocument } from '@junction/process-model';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { createStoredProcess, startGetProcess, waitForRun } from './run-helpers.ts';
import { listRequestsProcess } from './skeleton-process.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

describe(`executions and Process Reporting (${storageUnderTest()})`, () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp();
  });

  it('executes a saved revision and reports Boomi status, counts and duration', async () => {
    const { id } = await createStoredProcess(app, startGetProcess());
    const started = await app.inject({
      method: 'POST',
      url: `/api/processes/${id}/executions`,
      payload: {},
    });
    expect(started.statusCode).toBe(201);
    expect(started.json().revision).toBe(2);
    const run = await waitForRun(app, started.json().id);
    const total = run.shapes.start.documentsOut as number;
    expect(total).toBeGreaterThan(0);
    expect(run).toMatchObject({
      executionType: 'exec_manual',
      executionStatus: 'COMPLETE',
      revision: 2,
      connectionId: null,
      // Only Start's Get counts as In; nothing was sent to an outbound connector.
      documentsIn: total,
      documentsOut: 0,
      documentsInError: 0,
    });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);

    const rev1 = await app.inject({
      method: 'POST',
      url: `/api/processes/${id}/executions`,
      payload: { revision: 1 },
    });
    // Revision 1 is a bare Start: valid, it runs and brings nothing in.
    const first = await waitForRun(app, rev1.json().id);
    expect(first).toMatchObject({ revision: 1, documentsIn: 0 });
    const missing = await app.inject({
      method: 'POST',
      url: `/api/processes/${id}/executions`,
      payload: { revision: 99 },
    });
    expect(missing.statusCode).toBe(404);
    const unknown = await app.inject({ method: 'POST', url: '/api/processes/nope/executions' });
    expect(unknown.statusCode).toBe(404);
  });

  it('counts a run with a failed document as ERROR and filters like Process Reporting', async () => {
    const doc = listRequestsProcess();
    const list = doc.shapes['list']!;
    const failing = {
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
    const { id } = await createStoredProcess(app, failing as unknown as ProcessDocument);
    const ran = await app.inject({ method: 'POST', url: `/api/processes/${id}/executions` });
    const run = await waitForRun(app, ran.json().id);
    expect(run).toMatchObject({ executionStatus: 'ERROR', documentsInError: 1 });
    await waitForRun(
      app,
      (
        await app.inject({
          method: 'POST',
          url: '/api/runs',
          payload: { process: failing, processId: id },
        })
      ).json().id,
    );

    const mine = (await app.inject({ url: `/api/executions?processId=${id}` })).json();
    expect(mine.total).toBe(1);
    expect(mine.items[0].id).toBe(run.id);
    const withTests = (
      await app.inject({ url: `/api/executions?processId=${id}&includeTests=true` })
    ).json();
    expect(withTests.total).toBe(2);
    const errors = (await app.inject({ url: '/api/executions?status=ERROR' })).json();
    expect(errors.items.map((r: { id: string }) => r.id)).toContain(run.id);
    const complete = (await app.inject({ url: '/api/executions?status=COMPLETE' })).json();
    expect(complete.items.map((r: { id: string }) => r.id)).not.toContain(run.id);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const none = (await app.inject({ url: `/api/executions?from=${future}` })).json();
    expect(none).toEqual({ items: [], total: 0 });
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const paged = (
      await app.inject({ url: `/api/executions?from=${past}&to=${future}&limit=1&offset=0` })
    ).json();
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThanOrEqual(2);
    const detail = await app.inject({ url: `/api/executions/${run.id}` });
    expect(detail.json().executionStatus).toBe('ERROR');
    const badStatus = await app.inject({ url: '/api/executions?status=SUCCESS' });
    expect(badStatus.statusCode).toBe(400);
    const badDate = await app.inject({ url: '/api/executions?from=yesterday' });
    expect(badDate.statusCode).toBe(400);
  });
});
