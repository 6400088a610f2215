import { listRequestsProcess, shoutProcess } from '@junction/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { v } from './breakpoint-fixtures.ts';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { createStoredProcess, passThroughProcess, waitForRun } from './run-helpers.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

describe(`test input, stored results, retry and re-run (${storageUnderTest()})`, () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp();
  });

  it('keeps pinned test input per process and runs with it', async () => {
    const { id, document } = await createStoredProcess(app, passThroughProcess());
    expect((await app.inject({ url: `/api/processes/${id}/test-input` })).json()).toEqual({
      documents: [],
    });
    const pinned = [{ data: '{"a":1}', properties: { tag: 'x' } }, { data: 'second' }];
    const put = await app.inject({
      method: 'PUT',
      url: `/api/processes/${id}/test-input`,
      payload: { documents: pinned },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().documents[1]).toEqual({ data: 'second', properties: {} });
    const replaced = await app.inject({
      method: 'PUT',
      url: `/api/processes/${id}/test-input`,
      payload: { documents: pinned.slice(0, 1) },
    });
    expect(replaced.json().documents).toHaveLength(1);

    const started = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { process: document, processId: id, usePinnedInput: true },
    });
    expect(started.statusCode).toBe(201);
    const run = await waitForRun(app, started.json().id);
    expect(run.status).toBe('complete');
    expect(run.shapes.stop).toMatchObject({ documentsIn: 1 });
    const docs = await app.inject({
      url: `/api/runs/${run.id}/shapes/stop/documents?direction=in`,
    });
    expect(docs.json().items[0]).toMatchObject({ data: '{"a":1}', properties: { tag: 'x' } });

    expect(
      (await app.inject({ method: 'DELETE', url: `/api/processes/${id}/test-input` })).statusCode,
    ).toBe(204);
    const none = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { process: document, processId: id, usePinnedInput: true },
    });
    expect(none.statusCode).toBe(409);
    const badPin = await app.inject({
      method: 'PUT',
      url: `/api/processes/${id}/test-input`,
      payload: { documents: [{ data: { x: 1 } }] },
    });
    expect(badPin.statusCode).toBe(400);
    const unknown = await app.inject({ url: '/api/processes/nope/test-input' });
    expect(unknown.statusCode).toBe(404);
  });

  it('runs with start documents from the request and refuses malformed ones', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { process: passThroughProcess(), startDocuments: [{ data: 'x', properties: 3 }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('/startDocuments/0/properties');
    const started = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: {
        process: passThroughProcess(),
        startDocuments: Array.from({ length: 120 }, (_, i) => ({ data: `doc ${i}` })),
      },
    });
    const run = await waitForRun(app, started.json().id);
    expect(run.shapes.stop.documentsIn).toBe(120);
    // Start's 120 out, Stop's 120 in.
    expect(run.documentsStored).toBe(240);
    const page = await app.inject({
      url: `/api/runs/${run.id}/shapes/stop/documents?direction=in&offset=100&limit=50`,
    });
    expect(page.json().total).toBe(120);
    expect(page.json().items.map((d: { data: string }) => d.data)).toEqual(
      Array.from({ length: 20 }, (_, i) => `doc ${100 + i}`),
    );
  });

  it('gives back every document of a run exactly as it went in: special characters, large, not JSON', async () => {
    const bodies = [
      '{"quote":"\\"","backslash":"\\\\","escaped":"\\u00e9\\n","emoji":"🚀👍🏽"}',
      'not JSON: tab\there\nnewline\r\nCRLF \\N and a backslash \\',
      '<?xml version="1.0"?><a b="c">caf\u00e9 &amp; 日本</a>',
      'id,name\n1,"a, b"\n2,"say ""hi"""',
      '',
      `{"large":"${'abcdefghij'.repeat(20_000)}"}`,
    ];
    // More than a hundred, so they are stored as one large batch (a COPY on PGlite).
    const startDocuments = Array.from({ length: 150 }, (_, i) => ({
      data: bodies[i % bodies.length]!,
      properties: { n: String(i), 'tab\tkey': 'é "v" \\' },
    }));
    const started = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { process: passThroughProcess(), startDocuments },
    });
    const run = await waitForRun(app, started.json().id);
    expect(run.status).toBe('complete');
    expect(run.documentsStored).toBe(300);
    for (const [shape, direction] of [
      ['start', 'out'],
      ['stop', 'in'],
    ]) {
      const page = (
        await app.inject({
          url: `/api/runs/${run.id}/shapes/${shape}/documents?direction=${direction}&limit=500`,
        })
      ).json();
      expect(page.total).toBe(150);
      expect(
        page.items.map((d: { data: string; size: number; properties: object }) => ({
          size: d.size,
          properties: d.properties,
          start: d.data.slice(0, 100),
        })),
      ).toEqual(
        startDocuments.map((d) => ({
          size: d.data.length,
          properties: d.properties,
          start: d.data.slice(0, 100),
        })),
      );
    }
    const stopIn = (
      await app.inject({ url: `/api/runs/${run.id}/shapes/stop/documents?direction=in&limit=6` })
    ).json();
    for (const [i, item] of stopIn.items.entries()) {
      const detail = (
        await app.inject({ url: `/api/runs/${run.id}/documents/${item.documentId}` })
      ).json();
      // The whole document, beyond the list's 10 KB preview.
      expect(detail.data).toBe(bodies[i]);
      expect(detail.properties).toEqual(startDocuments[i]!.properties);
      expect(detail.appearances.map((a: { shapeId: string }) => a.shapeId)).toEqual([
        'start',
        'stop',
      ]);
    }
  });

  it('opens a document as it was at the shape it is opened from, not only as it ended', async () => {
    const started = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { process: shoutProcess(), startDocuments: [{ data: v('hi') }] },
    });
    const run = await waitForRun(app, started.json().id);
    const [entered] = (
      await app.inject({ url: `/api/runs/${run.id}/shapes/shout/documents?direction=in` })
    ).json().items;
    const url = `/api/runs/${run.id}/documents/${entered.documentId}`;
    // The Message keeps the document's id and changes its data.
    expect((await app.inject({ url })).json().data).toBe('hi!');
    expect((await app.inject({ url: `${url}?shape=shout&direction=in` })).json().data).toBe(
      v('hi'),
    );
    expect((await app.inject({ url: `${url}?shape=start` })).json().data).toBe(v('hi'));
    expect((await app.inject({ url: `${url}?shape=shout&direction=out` })).json().data).toBe('hi!');
    const elsewhere = await app.inject({ url: `${url}?shape=nowhere` });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().message).toContain('at shape nowhere');
    const badDirection = await app.inject({ url: `${url}?shape=shout&direction=sideways` });
    expect(badDirection.statusCode).toBe(400);
  });

  it('keeps each shape’s documents, one document with lineage and logs, and retries and re-runs', async () => {
    const started = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { process: listRequestsProcess() },
    });
    const run = await waitForRun(app, started.json().id);
    const total = run.shapes.list.documentsOut as number;
    const out = (
      await app.inject({ url: `/api/runs/${run.id}/shapes/list/documents?direction=out&limit=5` })
    ).json();
    expect(out.total).toBe(total);
    expect(out.items[0]).toMatchObject({ port: 'default', truncated: false });
    const first = out.items[0];
    expect(JSON.parse(first.data)).toHaveProperty('id');
    const detail = (
      await app.inject({ url: `/api/runs/${run.id}/documents/${first.documentId}` })
    ).json();
    expect(detail.lineage).toEqual([first.parentId]);
    expect(
      detail.appearances.map((a: { shapeId: string; direction: string }) => [
        a.shapeId,
        a.direction,
      ]),
    ).toEqual([
      ['list', 'out'],
      ['stop', 'in'],
    ]);
    expect(detail.logs).toEqual(expect.any(Array));
    const missing = await app.inject({ url: `/api/runs/${run.id}/documents/nope` });
    expect(missing.statusCode).toBe(404);
    expect((await app.inject({ url: `/api/runs/${run.id}/logs` })).statusCode).toBe(200);

    const retried = await app.inject({ method: 'POST', url: `/api/runs/${run.id}/retry` });
    expect(retried.statusCode).toBe(201);
    const retry = await waitForRun(app, retried.json().id);
    expect(retry).toMatchObject({ status: 'complete', originalRunId: run.id });
    expect(retry.shapes.list.documentsOut).toBe(total);

    const rerun = await app.inject({
      method: 'POST',
      url: `/api/runs/${run.id}/rerun`,
      payload: { shapeId: 'stop' },
    });
    expect(rerun.statusCode).toBe(201);
    const fromStop = await waitForRun(app, rerun.json().id);
    expect(fromStop.status).toBe('complete');
    expect(fromStop.shapes.list).toBeUndefined();
    expect(fromStop.shapes.stop.documentsIn).toBe(total);
    const rerunBad = await app.inject({
      method: 'POST',
      url: `/api/runs/${run.id}/rerun`,
      payload: { shapeId: 'no-such-shape' },
    });
    expect(rerunBad.statusCode).toBe(400);
  });
});
