import { request } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { deployProcess, listenerProcess } from './listener-fixtures.ts';
import { bearer, call, P, waitForExecution } from './platform-fixtures.ts';

const EXECUTION = 'x-junction-execution-id';

/** A POST whose path goes on the wire exactly as written (dot segments included). */
function rawPost(url: string, token: string): Promise<number> {
  const { hostname, port } = new URL(url);
  const path = url.slice(url.indexOf('/api/'));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname,
        port,
        path,
        method: 'POST',
        headers: { ...bearer(token), 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(ORDER));
  });
}
const ORDER = { order: { id: 'A-1', qty: 2 } };

describe(`HTTP listeners (${storageUnderTest()})`, () => {
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};

  const listen = (
    path: string,
    options: {
      method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
      token?: string | undefined;
      payload?: unknown;
      headers?: Record<string, string>;
      environment?: string;
    } = {},
  ) =>
    app.inject({
      method: options.method ?? 'POST',
      url: `/api/listen/${options.environment ?? 'production'}/${path}`,
      headers: { ...(options.token ? bearer(options.token) : {}), ...options.headers },
      ...(options.payload === undefined
        ? {}
        : {
            payload:
              typeof options.payload === 'string'
                ? options.payload
                : JSON.stringify(options.payload),
          }),
    });

  beforeAll(async () => {
    app = await buildTestApp();
    for (const id of ['alpha', 'beta']) {
      const res = await call(app, 'POST', `${P}/execute/provision-account`, {
        payload: { name: id, id },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    for (const [name, account, role] of [
      ['alpha', 'alpha', 'admin'],
      ['alphaOperator', 'alpha', 'operator'],
      ['alphaViewer', 'alpha', 'viewer'],
      ['beta', 'beta', 'admin'],
    ] as const) {
      const res = await call(app, 'POST', `${P}/Token?overrideAccount=${account}`, {
        payload: { name, role },
      });
      tokens[name] = res.json().token;
    }
    await deployProcess(app, tokens['alpha']!, listenerProcess('orders', { path: 'orders' }));
  });

  it('answers a synchronous call with what reached Return Documents', async () => {
    const res = await listen('orders?source=shop', {
      token: tokens['alphaOperator']!,
      payload: ORDER,
      headers: { 'content-type': 'application/json', cookie: 'session=abc' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ orderId: 'A-1', quantity: 2 });
    expect(res.headers['x-source']).toBe('shop');
    expect(res.headers['content-type']).toContain('application/json');
    // The call is an execution in Process Reporting, of the listener type.
    const runId = String(res.headers[EXECUTION]);
    const reporting = await app.inject({
      url: '/api/executions?processId=orders',
      headers: bearer(tokens['alpha']!),
    });
    const row = reporting.json().items.find((r: { id: string }) => r.id === runId);
    expect(row).toMatchObject({ executionType: 'exec_listener', executionStatus: 'COMPLETE' });
    expect(row.environmentId).toBe('production');
    // Its start document holds the body, query and headers, never credentials or cookies.
    const start = await app.inject({
      url: `/api/runs/${runId}/shapes/start/documents?direction=out`,
      headers: bearer(tokens['alpha']!),
    });
    const [document] = start.json().items;
    expect(JSON.parse(document.data)).toEqual(ORDER);
    expect(document.properties).toMatchObject({
      'listen.method': 'POST',
      'listen.query.source': 'shop',
      'listen.header.content-type': 'application/json',
    });
    expect(JSON.stringify(document.properties)).not.toMatch(/authorization|cookie|jct_/i);
  });

  it('answers an asynchronous call 202 with the execution id at once', async () => {
    await deployProcess(
      app,
      tokens['alpha']!,
      listenerProcess('events', { path: 'orders-events', answer: { mode: 'async' } }),
    );
    const res = await listen('orders-events', { token: tokens['alpha']!, payload: ORDER });
    expect(res.statusCode, res.body).toBe(202);
    const { executionId, status } = res.json();
    expect(status).toBe('STARTED');
    const record = await waitForExecution(app, tokens['alpha']!, executionId);
    expect(record.status).toBe('COMPLETE');
  });

  it('refuses callers without valid credentials alike, whether a listener is there or not', async () => {
    const none = await listen('orders', { payload: ORDER });
    const wrong = await listen('orders', { token: 'jct_not-a-token', payload: ORDER });
    const nothingThere = await listen('no-such-path', { payload: ORDER });
    const nothingThereWrong = await listen('no-such-path', { token: 'jct_x', payload: ORDER });
    for (const res of [none, wrong, nothingThere, nothingThereWrong]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual(none.json());
    }
    // A caller of the account learns it does not exist; a viewer may not start executions.
    expect(
      (await listen('no-such-path', { token: tokens['alpha']!, payload: ORDER })).statusCode,
    ).toBe(404);
    expect(
      (await listen('orders', { token: tokens['alphaViewer']!, payload: ORDER })).statusCode,
    ).toBe(403);
  });

  it('keeps accounts apart: another account’s token never reaches this listener', async () => {
    expect((await listen('orders', { token: tokens['beta']!, payload: ORDER })).statusCode).toBe(
      404,
    );
    // Beta may listen on the same environment id and path: each token reaches its own.
    const beta = listenerProcess('beta-orders', { path: 'orders' });
    const ownAnswer = {
      ...beta,
      shapes: {
        ...beta.shapes,
        map: {
          ...beta.shapes['map']!,
          config: { mappings: [{ from: 'order.id', to: 'betaId' }], expression: '' },
        },
      },
    } as typeof beta;
    await deployProcess(app, tokens['beta']!, ownAnswer);
    const asBeta = await listen('orders', { token: tokens['beta']!, payload: ORDER });
    expect(asBeta.json()).toEqual({ betaId: 'A-1' });
    const asAlpha = await listen('orders', { token: tokens['alpha']!, payload: ORDER });
    expect(asAlpha.json()).toEqual({ orderId: 'A-1', quantity: 2 });
    // Acting in an account outside the token's hierarchy is refused like a bad token.
    const sideways = await listen('orders', {
      token: tokens['alpha']!,
      payload: ORDER,
      headers: { 'x-junction-account': 'beta' },
    });
    expect(sideways.statusCode).toBe(401);
  });

  it('takes a shared secret from its header, stored sealed and never shown', async () => {
    await deployProcess(
      app,
      tokens['alpha']!,
      listenerProcess('hook', {
        path: 'hook',
        auth: { kind: 'shared-secret', header: 'x-hook-secret' },
      }),
    );
    const secret = 'correct horse battery staple';
    const set = await call(app, 'PUT', '/api/processes/hook/listener-secret', {
      token: tokens['alpha']!,
      payload: { secret },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.body).not.toContain(secret);
    const shown = await call(app, 'GET', '/api/processes/hook/listener-secret', {
      token: tokens['alpha']!,
    });
    expect(shown.json()).toMatchObject({ set: true });
    const exported = await call(app, 'GET', '/api/processes/hook', { token: tokens['alpha']! });
    expect(exported.body).not.toContain(secret);

    const right = await listen('hook', { payload: ORDER, headers: { 'x-hook-secret': secret } });
    expect(right.statusCode, right.body).toBe(201);
    // Opened in a browser, an answer is a sandbox of its own, not a page of the app.
    expect(right.headers['content-security-policy']).toBe(
      "sandbox; default-src 'none'; frame-ancestors 'none'",
    );
    const runId = String(right.headers[EXECUTION]);
    const start = await app.inject({
      url: `/api/runs/${runId}/shapes/start/documents?direction=out`,
      headers: bearer(tokens['alpha']!),
    });
    expect(start.body).not.toContain(secret);

    expect(
      (await listen('hook', { payload: ORDER, headers: { 'x-hook-secret': 'wrong' } })).statusCode,
    ).toBe(401);
    expect((await listen('hook', { payload: ORDER })).statusCode).toBe(401);
    // The account's token alone does not open a listener that wants its secret.
    expect((await listen('hook', { token: tokens['alpha']!, payload: ORDER })).statusCode).toBe(
      401,
    );
  });

  it('checks the body against the listener’s JSON Schema and says where it fails', async () => {
    await deployProcess(
      app,
      tokens['alpha']!,
      listenerProcess('typed', {
        path: 'typed',
        bodySchema: {
          type: 'object',
          required: ['order'],
          properties: {
            order: {
              type: 'object',
              required: ['id'],
              properties: {
                id: { type: 'string', pattern: '^[A-Z]-[0-9]+$' },
                qty: { type: 'integer' },
              },
            },
          },
        },
      }),
    );
    const token = tokens['alpha']!;
    expect((await listen('typed', { token, payload: ORDER })).statusCode).toBe(201);
    const missing = await listen('typed', { token, payload: { order: { qty: 1 } } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().issues[0].pointer).toBe('/order/id');
    const badPattern = await listen('typed', { token, payload: { order: { id: 'nope' } } });
    expect(badPattern.json().issues[0]).toMatchObject({
      pointer: '/order/id',
      code: 'body.pattern',
    });
    const notJson = await listen('typed', { token, payload: '{"order":' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error).toBe('invalid-json');
    const proto = await listen('typed', {
      token,
      payload: '{"__proto__":{"x":1},"order":{"id":"A-1"}}',
    });
    expect(proto.statusCode).toBe(400);
  });

  it('refuses a body schema that cannot compile when the process is deployed', async () => {
    const bad = listenerProcess('bad-schema', {
      path: 'bad-schema',
      bodySchema: { type: 'object', requird: ['x'] },
    });
    const saved = await call(app, 'POST', `${P}/Process`, {
      token: tokens['alpha']!,
      payload: bad,
    });
    expect(saved.statusCode).toBe(201);
    const deployed = await call(app, 'POST', `${P}/execute/deploy-process`, {
      token: tokens['alpha']!,
      payload: { processId: 'bad-schema', environmentId: 'production' },
    });
    expect(deployed.statusCode).toBe(422);
    expect(deployed.json().issues).toContainEqual(
      expect.objectContaining({
        code: 'listen.schema-invalid',
        pointer: '/shapes/start/config/listener/bodySchema',
      }),
    );
  });

  it('refuses bodies over the listener’s size limit (413) and calls over its rate (429)', async () => {
    await deployProcess(
      app,
      tokens['alpha']!,
      listenerProcess('small', {
        path: 'small',
        limits: { maxBodyBytes: 64, ratePerMinute: 3, concurrency: 5 },
      }),
    );
    const token = tokens['alpha']!;
    const big = await listen('small', { token, payload: { order: { id: 'x'.repeat(100) } } });
    expect(big.statusCode).toBe(413);
    expect((await listen('small', { token, payload: ORDER })).statusCode).toBe(201);
    const third = await listen('small', { token, payload: ORDER });
    expect(third.statusCode).toBe(201);
    const limited = await listen('small', { token, payload: ORDER });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Other listeners keep their own budget.
    expect((await listen('orders', { token, payload: ORDER })).statusCode).toBe(201);
  });

  it('answers 504 with the execution id when the process is slower than the timeout, and 429 while it still runs', async () => {
    const token = tokens['alpha']!;
    const base = listenerProcess('slow', {
      path: 'slow',
      answer: { mode: 'sync', timeoutSeconds: 1 },
      limits: { maxBodyBytes: 1024, ratePerMinute: 100, concurrency: 1 },
    });
    const slow = {
      ...base,
      shapes: {
        start: base.shapes['start']!,
        list: {
          kind: 'connector',
          label: '',
          config: {
            connector: 'cloudblue-connect',
            connectionId: 'sandbox',
            action: 'list',
            object: 'request',
            trackingDirection: 'output',
            returnApplicationErrors: false,
            parameters: [],
          },
        },
        answer: base.shapes['answer']!,
      },
      connections: [
        { id: 'c1', from: { shape: 'start', port: 'default' }, to: { shape: 'list' } },
        { id: 'c2', from: { shape: 'list', port: 'default' }, to: { shape: 'answer' } },
      ],
    } as typeof base;
    await deployProcess(app, token, slow);
    // Every sandbox call of the run now takes 1.5 s: longer than the listener waits.
    const faults = await app.inject({
      method: 'PUT',
      url: '/sandbox/admin/faults',
      payload: { rules: [{ path: '/**', fault: 'latency', latencyMs: 1500 }] },
    });
    expect(faults.statusCode, faults.body).toBeLessThan(300);
    try {
      const late = await listen('slow', { token, payload: ORDER });
      expect(late.statusCode, late.body).toBe(504);
      const { runId, error } = late.json();
      expect(error).toBe('listener-timeout');
      expect(late.headers[EXECUTION]).toBe(runId);
      // The run goes on, holding the listener's one slot.
      const busy = await listen('slow', { token, payload: ORDER });
      expect(busy.statusCode, busy.body).toBe(429);
      expect(busy.json().error).toBe('listener-busy');
      expect((await waitForExecution(app, token, runId)).status).toBe('COMPLETE');
    } finally {
      await app.inject({ method: 'DELETE', url: '/sandbox/admin/faults' });
    }
  });

  it('listens only while deployed: 404 before, and at once after undeploying', async () => {
    const token = tokens['alpha']!;
    const process = listenerProcess('later', { path: 'later' });
    await call(app, 'POST', `${P}/Process`, { token, payload: process });
    expect((await listen('later', { token, payload: ORDER })).statusCode).toBe(404);
    const deployment = await deployProcess(app, token, process);
    expect((await listen('later', { token, payload: ORDER })).statusCode).toBe(201);
    // Another environment of the account does not have it.
    expect(
      (await listen('later', { token, payload: ORDER, environment: 'staging' })).statusCode,
    ).toBe(404);
    const removed = await call(app, 'DELETE', `${P}/Deployment/${deployment.id}`, { token });
    expect(removed.statusCode, removed.body).toBeLessThan(300);
    expect((await listen('later', { token, payload: ORDER })).statusCode).toBe(404);
  });

  it('refuses a second process listening on the same path in the environment', async () => {
    const twin = listenerProcess('twin', { path: 'orders' });
    await call(app, 'POST', `${P}/Process`, { token: tokens['alpha']!, payload: twin });
    const res = await call(app, 'POST', `${P}/execute/deploy-process`, {
      token: tokens['alpha']!,
      payload: { processId: 'twin', environmentId: 'production' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('orders');
  });

  it('never lets an encoded or dotted path reach a listener', async () => {
    const token = tokens['alpha']!;
    // Sent as written (no client normalises them): a real socket, not inject.
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    for (const path of [
      '../production/orders',
      'x/../orders',
      './orders',
      'orders/.',
      'orders/x',
    ]) {
      const status = await rawPost(`${origin}/api/listen/production/${path}`, token!);
      expect(status, path).toBe(404);
    }
    for (const path of ['%2e%2e/orders', 'orders%2F', 'ord%65rs', 'orders/', '/orders']) {
      const res = await listen(path, { token, payload: ORDER });
      expect(res.statusCode, path).toBe(404);
    }
    const encodedPrefix = await app.inject({
      method: 'POST',
      url: '/%61pi/listen/production/orders',
      headers: bearer(token!),
      payload: ORDER,
    });
    expect(encodedPrefix.statusCode).not.toBe(201);
    const encodedEnvironment = await listen('orders', {
      token,
      payload: ORDER,
      environment: 'pr%6fduction',
    });
    expect(encodedEnvironment.statusCode).toBe(404);
  });

  it('answers only to known hosts, and lets server-to-server callers through the origin guard', async () => {
    const evilHost = await listen('orders', {
      token: tokens['alpha']!,
      payload: ORDER,
      headers: { host: 'evil.example' },
    });
    expect(evilHost.statusCode).toBe(403);
    const crossSite = await listen('orders', {
      token: tokens['alpha']!,
      payload: ORDER,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.statusCode).toBe(403);
  });

  it('takes Test mode’s one call through a temporary URL, as a test run', async () => {
    const token = tokens['alpha']!;
    const process = listenerProcess('orders', { path: 'orders' });
    const opened = await call(app, 'POST', '/api/processes/orders/listener-tests', {
      token,
      payload: { process },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const test = opened.json();
    expect(test).toMatchObject({ status: 'listening', method: 'POST', runId: null });
    // The token in the URL is the credential: no other is needed.
    const res = await app.inject({
      method: 'POST',
      url: `${test.url}?source=test`,
      payload: ORDER,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ orderId: 'A-1', quantity: 2 });
    const followed = (
      await call(app, 'GET', `/api/processes/orders/listener-tests/${test.token}`, { token })
    ).json();
    expect(followed).toMatchObject({ status: 'received', runId: res.headers[EXECUTION] });
    const run = (await call(app, 'GET', `/api/runs/${followed.runId}`, { token })).json();
    expect(run.executionType).toBe('test_manual');
    // One call only; another account cannot follow it.
    expect((await app.inject({ method: 'POST', url: test.url, payload: ORDER })).statusCode).toBe(
      404,
    );
    const other = await call(app, 'GET', `/api/processes/orders/listener-tests/${test.token}`, {
      token: tokens['beta']!,
    });
    expect(other.statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'POST', url: '/api/listen-test/made-up', payload: ORDER }))
        .statusCode,
    ).toBe(404);
  });
});
