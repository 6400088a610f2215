import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSandboxAdmin } from './admin.ts';
import { assertConformant, type ConformanceLog, recordConformance } from './conformance.ts';
import { SANDBOX_DEMO_TOKEN } from './plugin.ts';
import { createSandboxState } from './seed/create-state.ts';
import { startStandalone } from './standalone.ts';
import type { SandboxState } from './store/state.ts';
import { ADMIN_PREFIX, admin, buildTestApp, call } from './test-app.ts';

describe('connectSandboxAdmin', () => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let state: SandboxState;
  beforeAll(async () => {
    state = createSandboxState({ seed: 5, scale: 60 });
    app = await buildTestApp({ state });
  });
  afterAll(() => app.close());

  it('requires the sandbox token and answers exactly application/json', async () => {
    const res = await app.inject({ url: `${ADMIN_PREFIX}/state` });
    expect(res.statusCode).toBe(401);
    expect(res.json().error_code).toBe('AUTH_001');
    expect(res.headers['content-type']).toBe('application/json');
    const ok = await admin(app, 'GET', '/state');
    expect(ok.headers['content-type']).toBe('application/json');
  });

  it('inspects counts, ids and single objects', async () => {
    const summary = (await admin(app, 'GET', '/state')).json();
    expect(summary).toMatchObject({ seed: 5, scale: 60 });
    expect(summary.counts.request).toBe(state.all('request').length);
    const list = (await admin(app, 'GET', '/state/tier-config-request')).json();
    expect(list.count).toBe(state.all('tier-config-request').length);
    const id = list.ids[0];
    expect((await admin(app, 'GET', `/state/tier-config-request/${id}`)).json().id).toBe(id);
    expect((await admin(app, 'GET', '/state/tier-config-request/TCR-0')).statusCode).toBe(404);
    expect((await admin(app, 'GET', '/state/nothing')).statusCode).toBe(404);
  });

  it('resets to the seed after changes made through the API', async () => {
    const before = JSON.stringify(state.snapshot());
    const pending = state.all('request').find((r) => r['status'] === 'pending');
    const id = String(pending?.['id']);
    expect((await call(app, 'POST', `/requests/${id}/fail`, { reason: 'x' })).statusCode).toBe(200);
    const created = await call(app, 'POST', '/tier/accounts', {
      name: 'New Co',
      type: 'customer',
      contact_info: { country: 'es' },
    });
    expect(created.statusCode).toBe(201);
    expect(JSON.stringify(state.snapshot())).not.toBe(before);
    const reset = await admin(app, 'POST', '/reset');
    expect(reset.statusCode).toBe(200);
    expect(JSON.stringify(state.snapshot())).toBe(before);
    expect((await call(app, 'GET', `/requests/${id}`)).json().status).toBe('pending');
  });

  it('re-seeds with a new seed and scale, validating them', async () => {
    const res = await admin(app, 'POST', '/seed', { seed: 8, scale: 30 });
    expect(res.json()).toMatchObject({ seed: 8, scale: 30 });
    const count = res.json().counts.asset;
    const listed = await call(app, 'GET', '/assets?limit=0');
    expect(listed.headers['content-range']).toBe(`items 0-0/${count}`);
    expect(JSON.stringify(state.snapshot())).toBe(
      JSON.stringify(createSandboxState({ seed: 8, scale: 30 }).snapshot()),
    );
    for (const body of [{ scale: -1 }, { seed: 'x' }, { scale: 10_000_000 }]) {
      const bad = await admin(app, 'POST', '/seed', body);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error_code).toBe('VAL_001');
    }
    await admin(app, 'POST', '/seed', { seed: 5, scale: 60 });
  });

  it('sets, lists, appends and clears fault rules that the API plugin applies', async () => {
    const put = await admin(app, 'PUT', '/faults', {
      rules: [{ path: '/assets', sequence: [503, 'ok'] }],
      seed: 3,
    });
    expect(put.statusCode).toBe(200);
    expect((await call(app, 'GET', '/assets')).statusCode).toBe(503);
    expect((await call(app, 'GET', '/assets')).statusCode).toBe(200);
    const added = await admin(app, 'POST', '/faults', {
      path: '/products/*',
      method: 'GET',
      fault: 429,
    });
    expect(added.statusCode).toBe(201);
    const product = String(state.all('product')[0]?.['id']);
    expect((await call(app, 'GET', `/products/${product}`)).statusCode).toBe(429);
    const listed = (await admin(app, 'GET', '/faults')).json();
    expect(listed.rules.map((r: { matched: number; injected: number }) => r.injected)).toEqual([
      1, 1,
    ]);
    const bad = await admin(app, 'PUT', '/faults', { rules: [{ path: '/x', fault: 'boom' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatch(/^rules\[0\]\.fault/);
    const cleared = await admin(app, 'DELETE', '/faults');
    expect(cleared.statusCode).toBe(204);
    expect((await call(app, 'GET', `/products/${product}`)).statusCode).toBe(200);
    expect((await admin(app, 'GET', '/faults')).json()).toEqual({ rules: [] });
  });

  it('is mounted by the standalone command next to the API', async () => {
    const logs: ConformanceLog[] = [];
    const { baseUrl, adminUrl, close } = await startStandalone(
      { port: 0, host: '127.0.0.1', seed: 2, scale: 20 },
      (host) => {
        logs.push(recordConformance(host, '/public/v1'));
      },
    );
    try {
      const headers = { authorization: 'ApiKey SU-000-000-000:sandbox-demo-secret' };
      const json = { ...headers, 'content-type': 'application/json' };
      const faults = await fetch(`${adminUrl}/faults`, {
        method: 'PUT',
        headers: json,
        body: JSON.stringify({ rules: [{ path: '/helpdesk/cases', sequence: [500] }] }),
      });
      expect(faults.status).toBe(200);
      expect((await fetch(`${baseUrl}/helpdesk/cases`, { headers })).status).toBe(500);
      expect((await fetch(`${baseUrl}/helpdesk/cases`, { headers })).status).toBe(200);
      const reset = await fetch(`${adminUrl}/reset`, { method: 'POST', headers: json });
      expect(reset.headers.get('content-type')).toBe('application/json');
      expect(((await reset.json()) as { seed: number }).seed).toBe(2);
      for (const log of logs) {
        assertConformant(log);
      }
    } finally {
      await close();
    }
  });
});

describe('connectSandboxAdmin with the host’s own authorization', () => {
  it('asks the host instead of accepting the public demo token', async () => {
    const host = Fastify();
    await host.register(connectSandboxAdmin, {
      prefix: ADMIN_PREFIX,
      state: createSandboxState({ seed: 5, scale: 10 }),
      authorize: async (request, reply) =>
        request.headers['x-host-admin'] === 'yes' ? undefined : reply.status(403).send({}),
    });
    const demo = await host.inject({
      url: `${ADMIN_PREFIX}/state`,
      headers: { authorization: SANDBOX_DEMO_TOKEN },
    });
    expect(demo.statusCode).toBe(403);
    const reset = await host.inject({
      method: 'POST',
      url: `${ADMIN_PREFIX}/reset`,
      headers: { authorization: SANDBOX_DEMO_TOKEN },
    });
    expect(reset.statusCode).toBe(403);
    const allowed = await host.inject({
      url: `${ADMIN_PREFIX}/state`,
      headers: { 'x-host-admin': 'yes' },
    });
    expect(allowed.statusCode).toBe(200);
    await host.close();
  });
});
