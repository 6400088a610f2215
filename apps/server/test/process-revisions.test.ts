import { listRequestsProcess } from '@junction/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { bearer, P } from './platform-fixtures.ts';
import { waitForRun } from './run-helpers.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

describe(`process revisions: authors, restore, and the list's last run (${storageUnderTest()})`, () => {
  let app: App;
  let viewer: string;
  let builder: string;
  let builderId: string;
  beforeAll(async () => {
    app = await buildTestApp();
    const mint = async (name: string, role: string) => {
      const res = await app.inject({
        method: 'POST',
        url: `${P}/Token`,
        payload: { name, role },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { token: string; id: string };
    };
    viewer = (await mint('Vera (viewer)', 'viewer')).token;
    const made = await mint('Bob the builder', 'builder');
    builder = made.token;
    builderId = made.id;
  });

  /** A process at revision 2: revision 1 is the new process, 2 lists requests. */
  async function twoRevisions() {
    const created = await app.inject({
      method: 'POST',
      url: '/api/processes',
      payload: { name: 'Untitled process' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const saved = await app.inject({
      method: 'PUT',
      url: `/api/processes/${id}`,
      headers: { 'if-match': '"1"', ...bearer(builder) },
      payload: { ...listRequestsProcess(id), name: 'Lists requests' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    return id;
  }

  const restore = (id: string, revision: number, headers: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: `/api/processes/${id}/revisions/${revision}/restore`,
      headers,
    });

  it('lists each revision with who saved it: the install, or a token by its name', async () => {
    const id = await twoRevisions();
    const list = await app.inject({ url: `/api/processes/${id}/revisions` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      {
        revision: 2,
        savedAt: expect.any(String),
        author: { kind: 'token', tokenId: builderId, name: 'Bob the builder' },
        restoredFrom: null,
      },
      { revision: 1, savedAt: expect.any(String), author: { kind: 'install' }, restoredFrom: null },
    ]);
  });

  it('restores an older revision as the new latest one, keeping every revision', async () => {
    const id = await twoRevisions();
    const restored = await restore(id, 1, { 'if-match': '"2"', ...bearer(builder) });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.headers.etag).toBe('"3"');
    expect(restored.json()).toMatchObject({ revision: 3, issues: expect.any(Array) });
    expect(restored.json().document.name).toBe('Untitled process');
    expect(Object.keys(restored.json().document.shapes)).toEqual(['start']);

    const latest = (await app.inject({ url: `/api/processes/${id}` })).json();
    expect(latest.revision).toBe(3);
    expect(latest.document).toEqual(restored.json().document);
    const items = (await app.inject({ url: `/api/processes/${id}/revisions` })).json().items;
    expect(items.map((r: { revision: number }) => r.revision)).toEqual([3, 2, 1]);
    expect(items[0]).toMatchObject({
      restoredFrom: 1,
      author: { kind: 'token', name: 'Bob the builder' },
    });
    const second = (await app.inject({ url: `/api/processes/${id}/revisions/2` })).json();
    expect(second.document.name).toBe('Lists requests');
  });

  it('answers a restore over a stale revision with 409 and the current one, like a save', async () => {
    const id = await twoRevisions();
    const stale = await restore(id, 1, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      error: 'conflict',
      current: { revision: 2, document: { name: 'Lists requests' } },
    });
    expect(stale.headers.etag).toBe('"2"');
    expect((await restore(id, 1, {})).statusCode).toBe(428);
    expect((await restore(id, 1, { 'if-match': 'yesterday' })).statusCode).toBe(400);
    const missingRevision = await restore(id, 9, { 'if-match': '"2"' });
    expect(missingRevision.statusCode).toBe(404);
    expect(missingRevision.json().message).toContain('Revision 9');
    expect((await restore('no-such-process', 1, { 'if-match': '"2"' })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/processes/${id}` })).json().revision).toBe(2);
  });

  it('refuses a viewer’s restore by role, and nothing changes', async () => {
    const id = await twoRevisions();
    const refused = await restore(id, 1, { 'if-match': '"2"', ...bearer(viewer) });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('viewer');
    const list = await app.inject({
      url: `/api/processes/${id}/revisions`,
      headers: bearer(viewer),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
  });

  it('keeps another account’s revisions out of reach', async () => {
    const id = await twoRevisions();
    const provisioned = await app.inject({
      method: 'POST',
      url: `${P}/execute/provision-account`,
      payload: { name: 'Other', id: 'other' },
    });
    expect(provisioned.statusCode, provisioned.body).toBeLessThan(300);
    const minted = await app.inject({
      method: 'POST',
      url: `${P}/Token?overrideAccount=other`,
      payload: { name: 'Other admin', role: 'admin' },
    });
    const outsider = bearer(minted.json().token as string);
    const refused = await restore(id, 1, { 'if-match': '"2"', ...outsider });
    expect(refused.statusCode).toBe(404);
    expect(
      (await app.inject({ url: `/api/processes/${id}/revisions`, headers: outsider })).statusCode,
    ).toBe(404);
    expect((await app.inject({ url: `/api/processes/${id}` })).json().revision).toBe(2);
  });

  it('names a parent account’s token only to callers whose home holds that account', async () => {
    const made = async (url: string, payload: object, headers: Record<string, string> = {}) => {
      const res = await app.inject({ method: 'POST', url, payload, headers });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    await made(`${P}/execute/provision-account`, { name: 'Partner', id: 'rev-partner' });
    await made(`${P}/Account?overrideAccount=rev-partner`, {
      name: 'Customer',
      id: 'rev-customer',
    });
    const partner = bearer(
      (
        await made(`${P}/Token?overrideAccount=rev-partner`, {
          name: 'PARTNER-INTERNAL deploy bot',
          role: 'admin',
        })
      ).token,
    );
    const customer = bearer(
      (
        await made(`${P}/Token?overrideAccount=rev-customer`, {
          name: 'Customer viewer',
          role: 'viewer',
        })
      ).token,
    );
    // The partner saves a process in its customer's account.
    const created = await made(
      '/api/processes',
      { name: 'Saved by the partner' },
      { ...partner, 'x-junction-account': 'rev-customer' },
    );
    const authors = async (headers: Record<string, string>) => {
      const res = await app.inject({ url: `/api/processes/${created.id}/revisions`, headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((r: { author: unknown }) => r.author);
    };
    expect(await authors(customer)).toEqual([{ kind: 'parent-account' }]);
    const named = {
      kind: 'token',
      tokenId: expect.any(String),
      name: 'PARTNER-INTERNAL deploy bot',
    };
    expect(await authors({ ...partner, 'x-junction-account': 'rev-customer' })).toEqual([named]);
    // The install's own access is above every account.
    expect(await authors({ 'x-junction-account': 'rev-customer' })).toEqual([named]);
  });

  it('lists each process with its latest run, or none', async () => {
    const id = await twoRevisions();
    const before = (await app.inject({ url: '/api/processes?limit=200' })).json();
    expect(before.items.find((p: { id: string }) => p.id === id).lastRun).toBeNull();
    const started = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { processId: id, process: { ...listRequestsProcess(id), name: 'Lists requests' } },
    });
    expect(started.statusCode).toBe(201);
    const run = await waitForRun(app, started.json().id);
    const after = (await app.inject({ url: '/api/processes?limit=200' })).json();
    expect(after.items.find((p: { id: string }) => p.id === id).lastRun).toEqual({
      id: run.id,
      status: run.status,
      startedAt: run.startedAt,
    });
  });
});
