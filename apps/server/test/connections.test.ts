import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';

describe(`connections API (${storageUnderTest()})`, () => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let baseUrl: string;
  beforeAll(async () => {
    app = await buildTestApp();
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  it('comes with a ready Sandbox connection that tests green', async () => {
    const list = (await app.inject({ url: '/api/connections' })).json();
    expect(list.items).toContainEqual(
      expect.objectContaining({ id: 'sandbox', name: 'Sandbox', kind: 'sandbox' }),
    );
    const test = await app.inject({ method: 'POST', url: '/api/connections/sandbox/test' });
    expect(test.json()).toMatchObject({ ok: true });
  });

  it('never returns the token, and stores it encrypted', async () => {
    const token = 'ApiKey SU-123-456-789:very-secret-value';
    const created = await app.inject({
      method: 'POST',
      url: '/api/connections',
      payload: { name: 'Live', endpoint: 'https://api.connect.cloudblue.com/public/v1/', token },
    });
    expect(created.statusCode).toBe(201);
    expect(created.body).not.toContain('very-secret-value');
    expect(created.json().endpoint).toBe('https://api.connect.cloudblue.com/public/v1');
    for (const url of ['/api/connections', `/api/connections/${created.json().id}`]) {
      expect((await app.inject({ url })).body).not.toContain('very-secret-value');
    }
    const openapi = await app.inject({ url: '/api/openapi.json' });
    expect(openapi.statusCode).toBe(200);
  });

  it('reports a wrong token as a failed test, with Connect’s reason', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/connections',
      payload: {
        name: 'Wrong token',
        endpoint: `${baseUrl}/sandbox/connect/public/v1`,
        token: 'ApiKey SU-000:wrong',
      },
    });
    const test = await app.inject({
      method: 'POST',
      url: `/api/connections/${created.json().id}/test`,
    });
    expect(test.json()).toMatchObject({ ok: false });
    expect(test.json().message).toContain('401');
  });

  it('keeps the token when an update does not send one, and refuses to change the Sandbox', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/connections',
      payload: {
        name: 'Local',
        endpoint: `${baseUrl}/sandbox/connect/public/v1`,
        token: (await import('@junction/connect-sandbox')).SANDBOX_DEMO_TOKEN,
      },
    });
    const id = created.json().id;
    const renamed = await app.inject({
      method: 'PUT',
      url: `/api/connections/${id}`,
      payload: { name: 'Local renamed', endpoint: `${baseUrl}/sandbox/connect/public/v1` },
    });
    expect(renamed.json().name).toBe('Local renamed');
    expect(
      (await app.inject({ method: 'POST', url: `/api/connections/${id}/test` })).json(),
    ).toMatchObject({ ok: true });
    const sandbox = await app.inject({ method: 'DELETE', url: '/api/connections/sandbox' });
    expect(sandbox.statusCode).toBe(409);
  });

  it('sends a stored token to no other origin than it was given for', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/connections',
      payload: {
        name: 'Prod',
        endpoint: `${baseUrl}/sandbox/connect/public/v1`,
        token: (await import('@junction/connect-sandbox')).SANDBOX_DEMO_TOKEN,
      },
    });
    const id = created.json().id;
    const elsewhere = 'https://collector.example/public/v1';
    // An editor who cannot read the token must not get it sent to a server of theirs.
    for (const [url, payload] of [
      [`/api/connections/${id}`, { name: 'Prod', endpoint: elsewhere }],
      [`/api/platform/v1/Connection/${id}`, { endpoint: elsewhere }],
    ] as const) {
      const moved = await app.inject({ method: 'PUT', url, payload });
      expect(moved.statusCode, moved.body).toBe(400);
      expect(moved.json()).toMatchObject({ error: 'token-required' });
      expect(moved.json().message).toContain('give its token again');
    }
    const kept = (await app.inject({ url: `/api/connections/${id}` })).json();
    expect(kept.endpoint).toBe(`${baseUrl}/sandbox/connect/public/v1`);
    // A path on the same origin keeps the token; another origin with its token is fine.
    const samePlace = await app.inject({
      method: 'PUT',
      url: `/api/connections/${id}`,
      payload: { name: 'Prod', endpoint: `${baseUrl}/sandbox/connect/public/v1/` },
    });
    expect(samePlace.statusCode, samePlace.body).toBe(200);
    const withToken = await app.inject({
      method: 'PUT',
      url: `/api/connections/${id}`,
      payload: { name: 'Prod', endpoint: elsewhere, token: 'ApiKey SU-9:new' },
    });
    expect(withToken.statusCode, withToken.body).toBe(200);
    expect(withToken.json().endpoint).toBe(elsewhere);
  });

  it('rejects a connection without a usable endpoint', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/connections',
      payload: { name: 'x', endpoint: 'ftp://nope', token: 't' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('endpoint');
  });
});

describe(`the public URL (${storageUnderTest()})`, () => {
  it("is the sandbox connection's endpoint and a host name the server answers to; other names are refused", async () => {
    const app = await buildTestApp({ publicUrl: 'https://junction.example.com' });
    const asked = (host: string) => app.inject({ url: '/api/connections', headers: { host } });
    const listed = await asked('junction.example.com');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toContainEqual(
      expect.objectContaining({
        id: 'sandbox',
        endpoint: 'https://junction.example.com/sandbox/connect/public/v1',
      }),
    );
    expect((await asked('127.0.0.1:4400')).statusCode).toBe(200);
    expect((await asked('evil.example.com')).statusCode).toBe(403);
    // The sandbox is still reached in process, whatever address users see it at.
    const test = await app.inject({ method: 'POST', url: '/api/connections/sandbox/test' });
    expect(test.json()).toMatchObject({ ok: true });
  });
});
