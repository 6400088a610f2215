import {
  insertShapeOnConnection,
  type ProcessDocument,
  updateShape,
} from '@junction/process-model';
import { listRequestsProcess } from '@junction/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { createStoredProcess, startGetProcess, waitForRun } from './run-helpers.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

/** Start -> List Resource · Request (tracking `side`) -> Notify at `level` -> Stop. */
function trackedProcess(side: 'input' | 'output', level: 'info' | 'warning'): ProcessDocument {
  let doc = listRequestsProcess(`tracked-${side}`);
  const list = doc.shapes['list'];
  if (list?.kind !== 'connector' || list.config.connector !== 'cloudblue-connect') {
    throw new Error('unreachable: the skeleton has a Connect connector');
  }
  doc = updateShape(doc, 'list', {
    ...list,
    config: { ...list.config, trackingDirection: side },
  });
  return insertShapeOnConnection(
    doc,
    'c2',
    {
      id: 'notify',
      kind: 'notify',
      position: { x: 400, y: 160 },
      shape: {
        kind: 'notify',
        label: '',
        config: { level, title: '', text: 'listed', parameters: [], oncePerExecution: true },
      },
    },
    'c3',
  );
}

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

  it('keeps only the tracked documents of an execution; Test mode keeps every shape’s', async () => {
    const count = async (runId: string, shapeId: string, direction: string) =>
      (
        await app.inject({
          url: `/api/runs/${runId}/shapes/${shapeId}/documents?direction=${direction}&limit=1`,
        })
      ).json().total as number;
    for (const side of ['input', 'output'] as const) {
      const { id } = await createStoredProcess(app, trackedProcess(side, 'info'));
      const started = await app.inject({ method: 'POST', url: `/api/processes/${id}/executions` });
      const run = await waitForRun(app, started.json().id);
      expect(run.executionStatus).toBe('COMPLETE');
      const listed = run.shapes.list.documentsOut as number;
      expect(listed).toBeGreaterThan(1);
      // Start always tracks what it produced; the connector keeps one side only.
      expect(await count(run.id, 'start', 'out')).toBe(1);
      expect(await count(run.id, 'list', 'in')).toBe(side === 'input' ? 1 : 0);
      expect(await count(run.id, 'list', 'out')).toBe(side === 'output' ? listed : 0);
      expect(await count(run.id, 'list', 'tracked')).toBe(side === 'input' ? 1 : listed);
      expect(await count(run.id, 'notify', 'in')).toBe(0);
      expect(await count(run.id, 'notify', 'tracked')).toBe(0);
      // The process log is kept whatever is tracked.
      const logs = (await app.inject({ url: `/api/runs/${run.id}/logs` })).json().items;
      expect(logs).toHaveLength(1);
      const rerun = await app.inject({
        method: 'POST',
        url: `/api/runs/${run.id}/rerun`,
        payload: { shapeId: 'notify' },
      });
      expect(rerun.statusCode).toBe(409);
      expect(rerun.json().message).toContain('keeps only tracked documents');
    }
    const test = await waitForRun(
      app,
      (
        await app.inject({
          method: 'POST',
          url: '/api/runs',
          payload: { process: trackedProcess('input', 'info') },
        })
      ).json().id,
    );
    expect(await count(test.id, 'list', 'out')).toBe(test.shapes.list.documentsOut);
    expect(await count(test.id, 'notify', 'in')).toBe(test.shapes.notify.documentsIn);
  });

  it('reports a run that finished with a warning as COMPLETE_WARN, and filters on it', async () => {
    const { id } = await createStoredProcess(app, trackedProcess('output', 'warning'));
    const started = await app.inject({ method: 'POST', url: `/api/processes/${id}/executions` });
    const run = await waitForRun(app, started.json().id);
    expect(run).toMatchObject({
      status: 'complete-warn',
      executionStatus: 'COMPLETE_WARN',
      error: null,
      documentsInError: 0,
    });
    const warned = (await app.inject({ url: '/api/executions?status=COMPLETE_WARN' })).json();
    expect(warned.items.map((r: { id: string }) => r.id)).toEqual([run.id]);
    const complete = (await app.inject({ url: '/api/executions?status=COMPLETE' })).json();
    expect(complete.items.map((r: { id: string }) => r.id)).not.toContain(run.id);
  });
});
