import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_DEMO_TOKEN } from '@junction/connect-sandbox';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { buildTestApp } from './build-test-app.ts';

const auth = { authorization: SANDBOX_DEMO_TOKEN };
const API = '/sandbox/connect/public/v1';

async function failPendingRequest(app: FastifyInstance): Promise<string> {
  const [pending] = (
    await app.inject({ url: `${API}/requests?status=pending&limit=1`, headers: auth })
  ).json() as { id: string }[];
  expect(pending).toBeDefined();
  const failed = await app.inject({
    method: 'POST',
    url: `${API}/requests/${pending!.id}/fail`,
    headers: auth,
    payload: { reason: 'test' },
  });
  expect(failed.statusCode).toBe(200);
  return pending!.id;
}

async function statusOf(app: FastifyInstance, id: string): Promise<string> {
  return (await app.inject({ url: `${API}/requests/${id}`, headers: auth })).json().status;
}

describe('the built-in sandbox', () => {
  it('can be reset to its seed from the API (the UI’s Reset sandbox)', async () => {
    const app = await buildTestApp();
    const id = await failPendingRequest(app);
    expect(await statusOf(app, id)).toBe('failed');
    const reset = await app.inject({ method: 'POST', url: '/api/sandbox/reset' });
    expect(reset.statusCode).toBe(200);
    expect(await statusOf(app, id)).toBe('pending');
    const admin = await app.inject({ url: '/sandbox/admin/state', headers: auth });
    expect(admin.json().counts.request).toBeGreaterThan(100);
  });

  it('keeps its changes across a restart when asked to (JUNCTION_SANDBOX_PERSIST)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'junction-sandbox-'));
    const first = await buildApp({ dataDir, sandbox: { persist: true } });
    const id = await failPendingRequest(first);
    await first.close();
    const second = await buildApp({ dataDir, sandbox: { persist: true } });
    try {
      expect(await statusOf(second, id)).toBe('failed');
    } finally {
      await second.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the sandbox admin controls', () => {
  const ACCESS = 'install-access-token-for-sandbox-admin';
  const P = '/api/platform/v1';
  const routes = [
    { method: 'GET', url: '/sandbox/admin/state' },
    { method: 'GET', url: '/sandbox/admin/state/request' },
    { method: 'POST', url: '/sandbox/admin/reset' },
    { method: 'POST', url: '/sandbox/admin/seed', payload: { seed: 7 } },
    { method: 'GET', url: '/sandbox/admin/faults' },
    { method: 'PUT', url: '/sandbox/admin/faults', payload: { rules: [] } },
    { method: 'DELETE', url: '/sandbox/admin/faults' },
  ] as const;
  const callAs = (app: FastifyInstance, route: (typeof routes)[number], authorization?: string) =>
    app.inject({
      method: route.method,
      url: route.url,
      headers: authorization ? { authorization } : {},
      ...('payload' in route ? { payload: route.payload } : {}),
    });

  async function mint(app: FastifyInstance, account: string, role: string): Promise<string> {
    const res = await app.inject({
      method: 'POST',
      url: `${P}/Token?overrideAccount=${account}`,
      headers: { authorization: `Bearer ${ACCESS}` },
      payload: { name: `${account} ${role}`, role },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().token;
  }

  it('refuse the public demo token, no token and anyone but the install’s admin', async () => {
    const app = await buildTestApp({ accessToken: ACCESS });
    const provisioned = await app.inject({
      method: 'POST',
      url: `${P}/execute/provision-account`,
      headers: { authorization: `Bearer ${ACCESS}` },
      payload: { name: 'Partner', id: 'partner' },
    });
    expect(provisioned.statusCode, provisioned.body).toBeLessThan(300);
    const limited = [
      await mint(app, 'default', 'viewer'),
      await mint(app, 'default', 'operator'),
      await mint(app, 'default', 'builder'),
      await mint(app, 'partner', 'admin'),
    ];
    for (const route of routes) {
      expect((await callAs(app, route)).statusCode, route.url).toBe(401);
      expect((await callAs(app, route, SANDBOX_DEMO_TOKEN)).statusCode, route.url).toBe(401);
      for (const token of limited) {
        expect((await callAs(app, route, `Bearer ${token}`)).statusCode, route.url).toBe(403);
      }
    }
    const admin = await mint(app, 'default', 'admin');
    for (const route of routes) {
      expect((await callAs(app, route, `Bearer ${ACCESS}`)).statusCode, route.url).toBeLessThan(
        300,
      );
      expect((await callAs(app, route, `Bearer ${admin}`)).statusCode, route.url).toBeLessThan(300);
    }
    const reset = await app.inject({
      method: 'POST',
      url: '/api/sandbox/reset',
      headers: { authorization: `Bearer ${ACCESS}` },
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().counts.request).toBeGreaterThan(100);
    // The UI's reset changes the same shared sandbox: the same callers are refused.
    for (const token of limited) {
      const refused = await app.inject({
        method: 'POST',
        url: '/api/sandbox/reset',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(refused.statusCode, refused.body).toBe(403);
    }
    const byAdmin = await app.inject({
      method: 'POST',
      url: '/api/sandbox/reset',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(byAdmin.statusCode).toBe(200);
  });
});
