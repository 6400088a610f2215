import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSandbox, SANDBOX_DEMO_TOKEN } from './plugin.ts';
import { createSandboxState } from './seed/create-state.ts';
import { buildTestApp, call, checkedHost, TEST_PREFIX } from './test-app.ts';

describe('connectSandbox transport', () => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    app = await buildTestApp({ seed: 3 });
  });
  afterAll(() => app.close());

  it('answers 401 AUTH_001 without or with a wrong Authorization header', async () => {
    for (const authorization of [
      undefined,
      'ApiKey SU-000-000-000:wrong',
      'SU-000-000-000:sandbox-demo-secret',
    ]) {
      const res = await app.inject({
        url: `${TEST_PREFIX}/requests`,
        headers: authorization ? { authorization } : {},
      });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.json()).toEqual({
        error_code: 'AUTH_001',
        errors: ['API request is unauthorized.'],
      });
    }
  });

  it('sends exactly application/json on lists, objects, 400 and 404', async () => {
    const first = (await call(app, 'GET', '/requests?limit=1')).json()[0];
    for (const path of [
      '/requests',
      `/requests/${first.id}`,
      '/requests/PR-0000-0000-0000-001',
      '/no-such-endpoint',
      '/requests?eq(',
    ]) {
      const res = await call(app, 'GET', path);
      expect(res.headers['content-type'], path).toBe('application/json');
    }
    const missing = await call(app, 'GET', '/requests/PR-0000-0000-0000-001');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      error_code: 'NFND_000',
      errors: ['Object `PR-0000-0000-0000-001` not found.'],
    });
  });

  it('accepts an optional trailing slash on collections, objects and actions', async () => {
    const list = await call(app, 'GET', '/assets/?limit=1');
    expect(list.statusCode).toBe(200);
    const id = list.json()[0].id;
    expect((await call(app, 'GET', `/assets/${id}/`)).json().id).toBe(id);
    const fail = await call(app, 'POST', '/requests/PR-0000-0000-0000-001/fail/', { reason: 'x' });
    expect(fail.statusCode).toBe(404);
  });

  it('serves every catalog object family', async () => {
    const paths = [
      '/assets',
      '/subscriptions/assets',
      '/requests',
      '/subscriptions/requests',
      '/tier/accounts',
      '/tier/account-requests',
      '/tier/configs',
      '/tier/config-requests',
      '/products',
      '/usage/files',
      '/usage/records',
      '/usage/chunks',
      '/usage/reconciliations',
      '/helpdesk/cases',
      '/accounts',
      '/conversations',
    ];
    for (const path of paths) {
      const res = await call(app, 'GET', path);
      expect(res.statusCode, path).toBe(200);
      expect(res.headers['content-range'], path).toMatch(/^items \d+-\d+\/[1-9]\d*$/);
      const first = res.json()[0];
      const one = await call(app, 'GET', `${path}/${first.id}`);
      expect(one.statusCode, path).toBe(200);
      expect(one.json().id).toBe(first.id);
    }
  });

  it('hides template/pending_request/billing on /assets but shows billing on /subscriptions/assets', async () => {
    const asset = (await call(app, 'GET', '/assets?limit=1')).json()[0];
    expect(asset.billing).toBeUndefined();
    const sub = (await call(app, 'GET', `/subscriptions/assets/${asset.id}`)).json();
    expect(sub.billing.period.uom).toBe('monthly');
  });

  it('lists templates of a product and tier account versions', async () => {
    const product = (await call(app, 'GET', '/products?limit=1')).json()[0];
    const templates = await call(app, 'GET', `/products/${product.id}/templates`);
    expect(templates.json().length).toBeGreaterThan(0);
    expect(templates.json()[0].id).toMatch(/^TL-\d{3}-\d{3}-\d{3}$/);
    const account = (await call(app, 'GET', '/tier/accounts?limit=1')).json()[0];
    const versions = (await call(app, 'GET', `/tier/accounts/${account.id}/versions`)).json();
    expect(versions.map((v: { version: number }) => v.version)).toContain(account.version);
  });

  it('keeps its hooks and error handler inside its own prefix', async () => {
    const host = checkedHost();
    host.get('/health', async () => ({ ok: true }));
    await host.register(connectSandbox, {
      prefix: TEST_PREFIX,
      state: createSandboxState({ scale: 10 }),
    });
    const res = await host.inject({ url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const inside = await host.inject({
      url: `${TEST_PREFIX}/accounts`,
      headers: { authorization: SANDBOX_DEMO_TOKEN },
    });
    expect(inside.headers['content-type']).toBe('application/json');
    await host.close();
  });

  it('accepts action posts with an empty JSON body and JSON with a charset', async () => {
    const pending = (await call(app, 'GET', '/requests?status=inquiring&limit=1')).json()[0];
    const res = await app.inject({
      method: 'POST',
      url: `${TEST_PREFIX}/requests/${pending.id}/pend`,
      headers: { authorization: SANDBOX_DEMO_TOKEN, 'content-type': 'application/json' },
      payload: '',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('pending');
    const withCharset = await app.inject({
      method: 'POST',
      url: `${TEST_PREFIX}/requests/${pending.id}/fail`,
      headers: {
        authorization: SANDBOX_DEMO_TOKEN,
        'content-type': 'application/json; charset=utf-8',
      },
      payload: JSON.stringify({ reason: 'bye' }),
    });
    expect(withCharset.json().status).toBe('failed');
    const broken = await app.inject({
      method: 'POST',
      url: `${TEST_PREFIX}/requests/${pending.id}/fail`,
      headers: { authorization: SANDBOX_DEMO_TOKEN, 'content-type': 'application/json' },
      payload: '{nope',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toBe('application/json');
    expect(broken.json().error_code).toBe('VAL_001');
  });

  it('creates a conversation for eq(instance_id,…) too', async () => {
    const request = (await call(app, 'GET', '/requests?limit=1&offset=5')).json()[0];
    const res = await call(app, 'GET', `/conversations?eq(instance_id,${request.id})`);
    expect(res.json()).toHaveLength(1);
    expect((await call(app, 'GET', `/conversations/${request.id}`)).json().id).toBe(
      res.json()[0].id,
    );
  });

  it('registers on a host that ignores trailing slashes itself', async () => {
    const host = checkedHost({ routerOptions: { ignoreTrailingSlash: true } });
    await host.register(connectSandbox, { prefix: TEST_PREFIX, scale: 10 });
    for (const url of [`${TEST_PREFIX}/accounts`, `${TEST_PREFIX}/accounts/`]) {
      const res = await host.inject({ url, headers: { authorization: SANDBOX_DEMO_TOKEN } });
      expect(res.statusCode, url).toBe(200);
    }
    await host.close();
  });

  it('answers an RQL like with a backtracking-prone pattern at once', {
    timeout: 10_000,
  }, async () => {
    const pending = (await call(app, 'GET', '/requests?eq(status,pending)&limit=1')).json()[0];
    const reason = 'a'.repeat(3_000);
    expect((await call(app, 'POST', `/requests/${pending.id}/fail`, { reason })).statusCode).toBe(
      200,
    );
    const started = performance.now();
    const miss = await call(app, 'GET', '/requests?like(reason,*a*a*a*a*a*a*a*a*a*a*b)');
    const hit = await call(app, 'GET', '/requests?ilike(reason,*A*A*A*A*A*A*A*A*A*A*A)');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(miss.json()).toEqual([]);
    expect(hit.json().map((r: { id: string }) => r.id)).toEqual([pending.id]);
  });

  it('accepts a custom token', async () => {
    const custom = await buildTestApp({ state: createSandboxState({ scale: 10 }) });
    const other = checkedHost();
    await other.register(connectSandbox, {
      prefix: TEST_PREFIX,
      token: 'ApiKey SU-1:s',
      scale: 10,
    });
    expect(
      (
        await other.inject({
          url: `${TEST_PREFIX}/accounts`,
          headers: { authorization: 'ApiKey SU-1:s' },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await other.inject({
          url: `${TEST_PREFIX}/accounts`,
          headers: { authorization: SANDBOX_DEMO_TOKEN },
        })
      ).statusCode,
    ).toBe(401);
    await Promise.all([custom.close(), other.close()]);
  });
});
