import { insertShapeOnConnection, serializeProcess } from '@junction/process-model';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { passThroughProcess, waitForRun } from './run-helpers.ts';
import { listRequestsProcess } from './skeleton-process.ts';

describe(`processes API (${storageUnderTest()})`, () => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    app = await buildTestApp();
  });

  async function createProcess(name: string) {
    const res = await app.inject({ method: 'POST', url: '/api/processes', payload: { name } });
    expect(res.statusCode).toBe(201);
    return res.json() as {
      id: string;
      revision: number;
      document: ReturnType<typeof listRequestsProcess>;
    };
  }

  it('creates a process that opens with its Start shape and revision 1', async () => {
    const created = await createProcess('Orders');
    const res = await app.inject({ url: `/api/processes/${created.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(
      Object.values(res.json().document.shapes).map((s) => (s as { kind: string }).kind),
    ).toEqual(['start']);
  });

  it('saves with If-Match, and answers a stale save with 409 and the current revision', async () => {
    const created = await createProcess('Concurrent');
    const edited = { ...listRequestsProcess(created.id), name: 'Concurrent' };
    const first = await app.inject({
      method: 'PUT',
      url: `/api/processes/${created.id}`,
      headers: { 'if-match': '"1"' },
      payload: edited,
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const stale = await app.inject({
      method: 'PUT',
      url: `/api/processes/${created.id}`,
      headers: { 'if-match': '"1"' },
      payload: { ...edited, name: 'Overwrite attempt' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.revision).toBe(2);
    expect(stale.json().current.document.name).toBe('Concurrent');
    const noIfMatch = await app.inject({
      method: 'PUT',
      url: `/api/processes/${created.id}`,
      payload: edited,
    });
    expect(noIfMatch.statusCode).toBe(428);
    const revisions = await app.inject({ url: `/api/processes/${created.id}/revisions` });
    expect(revisions.json().items.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
    const rev1 = await app.inject({ url: `/api/processes/${created.id}/revisions/1` });
    expect(Object.keys(rev1.json().document.shapes)).toEqual(['start']);
  });

  it('rejects a malformed document with JSON pointers and keeps the stored one', async () => {
    const created = await createProcess('Guarded');
    const broken = {
      ...created.document,
      shapes: {
        ...created.document.shapes,
        x: { kind: 'stop', label: '', config: { endAndReturn: 'yes' } },
      },
    };
    const res = await app.inject({
      method: 'PUT',
      url: `/api/processes/${created.id}`,
      headers: { 'if-match': '"1"' },
      payload: broken,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].pointer).toBe('/shapes/x/config/endAndReturn');
    const stored = await app.inject({ url: `/api/processes/${created.id}` });
    expect(stored.headers.etag).toBe('"1"');
  });

  it('saves drafts with semantic issues and reports them', async () => {
    const created = await createProcess('Draft');
    const draft = { ...listRequestsProcess(created.id), connections: [] };
    const res = await app.inject({
      method: 'PUT',
      url: `/api/processes/${created.id}`,
      headers: { 'if-match': '"1"' },
      payload: draft,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().issues.map((i: { code: string }) => i.code)).toContain('shape.unreachable');
  });

  it('flags a JSONata regex the linear-time engine refuses, and refuses to run it', async () => {
    const created = await createProcess('Lookahead');
    const withMap = insertShapeOnConnection(
      passThroughProcess(created.id),
      'c1',
      {
        id: 'map',
        kind: 'map',
        position: { x: 200, y: 160 },
        shape: {
          kind: 'map',
          label: '',
          config: { expression: '$replace(name, /a(?=b)/, "x")', mappings: [] },
        },
      },
      'c2',
    );
    const refused = (issues: { code: string; pointer: string }[]) =>
      issues.filter((i) => i.code === 'map.expression-regex-unsupported').map((i) => i.pointer);
    const saved = await app.inject({
      method: 'PUT',
      url: `/api/processes/${created.id}`,
      headers: { 'if-match': '"1"' },
      payload: withMap,
    });
    expect(refused(saved.json().issues)).toEqual(['/shapes/map/config/expression']);
    const run = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { process: withMap },
    });
    expect(run.statusCode).toBe(422);
    expect(refused(run.json().issues)).toEqual(['/shapes/map/config/expression']);
  });

  it('flags a Process Call to a process the account does not have, and refuses to run it', async () => {
    const caller = await createProcess('Caller');
    const callTo = (processId: string) =>
      insertShapeOnConnection(
        passThroughProcess(caller.id),
        'c1',
        {
          id: 'call',
          kind: 'process-call',
          position: { x: 200, y: 160 },
          shape: {
            kind: 'process-call',
            label: '',
            config: { processId, wait: true, abortOnFailure: true, returnPaths: [] },
          },
        },
        'c2',
      );
    const unknown = (issues: { code: string; pointer: string }[]) =>
      issues.filter((i) => i.code === 'process-call.process-unknown').map((i) => i.pointer);

    const saved = await app.inject({
      method: 'PUT',
      url: `/api/processes/${caller.id}`,
      headers: { 'if-match': '"1"' },
      payload: callTo('no-such-process'),
    });
    expect(unknown(saved.json().issues)).toEqual(['/shapes/call/config/processId']);
    const run = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { process: callTo('no-such-process') },
    });
    expect(run.statusCode).toBe(422);
    expect(unknown(run.json().issues)).toEqual(['/shapes/call/config/processId']);

    const child = await createProcess('Child');
    const valid = await app.inject({
      method: 'POST',
      url: '/api/validate',
      payload: callTo(child.id),
    });
    expect(unknown(valid.json().issues)).toEqual([]);
    const ran = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { process: callTo(child.id), processId: caller.id },
    });
    expect((await waitForRun(app, ran.json().id)).status).toBe('complete');
    // A deleted process cannot be called either, not even by retrying a run that did.
    await app.inject({ method: 'DELETE', url: `/api/processes/${child.id}` });
    const retried = await app.inject({ method: 'POST', url: `/api/runs/${ran.json().id}/retry` });
    expect(retried.statusCode).toBe(422);
    expect(unknown(retried.json().issues)).toEqual(['/shapes/call/config/processId']);
    const gone = await app.inject({
      method: 'POST',
      url: '/api/validate',
      payload: callTo(child.id),
    });
    expect(unknown(gone.json().issues)).toEqual(['/shapes/call/config/processId']);
  });

  it('exports the deterministic file and imports it back as a new process', async () => {
    const created = await createProcess('Round trip');
    const doc = { ...listRequestsProcess(created.id), name: 'Round trip' };
    await app.inject({
      method: 'PUT',
      url: `/api/processes/${created.id}`,
      headers: { 'if-match': '"1"' },
      payload: doc,
    });
    const exported = await app.inject({ url: `/api/processes/${created.id}/export` });
    expect(exported.body).toBe(serializeProcess(doc));
    expect(exported.headers['content-disposition']).toContain('Round-trip.junction.json');
    const imported = await app.inject({
      method: 'POST',
      url: '/api/processes/import',
      payload: JSON.parse(exported.body),
    });
    expect(imported.statusCode).toBe(201);
    expect(imported.json().id).not.toBe(created.id);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/processes/import',
      payload: { schemaVersion: 1, name: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.length).toBeGreaterThan(0);
  });

  it('lists with search and paging, and hides deleted processes', async () => {
    const a = await createProcess('Search alpha');
    await createProcess('Search beta');
    const found = await app.inject({ url: '/api/processes?search=alpha' });
    expect(found.json().items.map((p: { name: string }) => p.name)).toEqual(['Search alpha']);
    const page = await app.inject({ url: '/api/processes?search=Search&limit=1' });
    expect(page.json()).toMatchObject({ total: 2, items: [{}] });
    expect((await app.inject({ method: 'DELETE', url: `/api/processes/${a.id}` })).statusCode).toBe(
      204,
    );
    expect((await app.inject({ url: `/api/processes/${a.id}` })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/processes?search=alpha' })).json().total).toBe(0);
  });

  it('validates a document without storing it', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/validate',
      payload: listRequestsProcess(),
    });
    expect(res.json()).toEqual({ issues: [] });
  });

  it('answers unknown routes and bad query strings with a clear 4xx, never a 500', async () => {
    expect((await app.inject({ url: '/api/nope' })).statusCode).toBe(404);
    const bad = await app.inject({ url: '/api/processes?limit=0' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('limit');
  });
});
