import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

const ACCESS = 'install-access-token';

/** Spellings of `/api` that the router may decode, fold or normalise into the API. */
const API_SPELLINGS = [
  '/%61pi',
  '/%61%70%69',
  '/a%70i',
  '/ap%69',
  '/%41pi',
  '/%2561pi',
  '/%252561pi',
  '/API',
  '/Api',
  '/./api',
  '/x/../api',
  '/%2e/api',
  '//api',
];

function sessionVariants(): string[] {
  const paths = API_SPELLINGS.map((prefix) => `${prefix}/session`);
  return [
    ...paths,
    '/api/%73ession',
    '/api/session/',
    '/api//session',
    '/api%2Fsession',
    '/api/session%00',
    '/api/session;x',
    '/api/session?x=1',
  ];
}

describe(`authentication is decided on the routed path (${storageUnderTest()})`, () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp({ accessToken: ACCESS });
  });

  it('answers the plain path only with the access token (the test can tell)', async () => {
    expect((await app.inject({ url: '/api/session' })).statusCode).toBe(401);
    const ok = await app.inject({
      url: '/api/session',
      headers: { authorization: `Bearer ${ACCESS}` },
    });
    expect(ok.statusCode).toBe(200);
  });

  it.each(sessionVariants())('refuses GET %s without credentials', async (url) => {
    const res = await app.inject({ url });
    expect([401, 404], `${url} answered ${res.statusCode}: ${res.body}`).toContain(res.statusCode);
    expect(res.body).not.toContain('"role"');
  });

  it.each(API_SPELLINGS.map((prefix) => `${prefix}/platform/v1/Token`))(
    'mints no token through POST %s without credentials',
    async (url) => {
      const res = await app.inject({ method: 'POST', url, payload: { name: 'x', role: 'admin' } });
      expect([401, 404], `${url} answered ${res.statusCode}: ${res.body}`).toContain(
        res.statusCode,
      );
      expect(res.body).not.toContain('jct_');
    },
  );

  it('authenticates an encoded path the router does route, once credentials are given', async () => {
    const res = await app.inject({
      url: '/%61pi/session',
      headers: { authorization: `Bearer ${ACCESS}` },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe(`DNS rebinding and cross-site requests on a default install (${storageUnderTest()})`, () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp();
  });

  it('answers loopback names and refuses any other Host, before authentication', async () => {
    for (const host of ['localhost:4400', '127.0.0.1:4400', '[::1]:4400']) {
      const res = await app.inject({ url: '/api/session', headers: { host } });
      expect(res.statusCode, host).toBe(200);
    }
    for (const host of [
      'attacker.example',
      'attacker.example:4400',
      'localhost.attacker.example',
    ]) {
      const res = await app.inject({ url: '/api/session', headers: { host } });
      expect(res.statusCode, host).toBe(403);
      expect(res.json().message).toContain('JUNCTION_ALLOWED_HOSTS');
      expect(res.body).not.toContain('"role"');
    }
  });

  it('refuses a cross-site bodiless POST (the sandbox reset) by Fetch-Metadata and by Origin', async () => {
    const crossSite = await app.inject({
      method: 'POST',
      url: '/api/sandbox/reset',
      headers: { 'sec-fetch-site': 'cross-site', origin: 'https://attacker.example' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error).toBe('cross-site-request');
    const oldBrowser = await app.inject({
      method: 'POST',
      url: '/api/processes',
      headers: { origin: 'https://attacker.example' },
      payload: { name: 'Planted' },
    });
    expect(oldBrowser.statusCode).toBe(403);
    const opaque = await app.inject({
      method: 'POST',
      url: '/api/processes',
      headers: { origin: 'null' },
      payload: { name: 'Planted' },
    });
    expect(opaque.statusCode).toBe(403);
    const list = await app.inject({ url: '/api/processes' });
    expect(list.body).not.toContain('Planted');
  });

  it('lets the designer itself (same origin) and non-browser clients change state', async () => {
    const sameOrigin = await app.inject({
      method: 'POST',
      url: '/api/processes',
      headers: {
        host: '127.0.0.1:4400',
        origin: 'http://127.0.0.1:4400',
        'sec-fetch-site': 'same-origin',
      },
      payload: { name: 'From the designer' },
    });
    expect(sameOrigin.statusCode).toBe(201);
    // Through a dev proxy that rewrites Host, Fetch-Metadata still says same-origin.
    const proxied = await app.inject({
      method: 'POST',
      url: '/api/processes',
      headers: { origin: 'http://localhost:5173', 'sec-fetch-site': 'same-origin' },
      payload: { name: 'Through the dev proxy' },
    });
    expect(proxied.statusCode).toBe(201);
    const curl = await app.inject({
      method: 'POST',
      url: '/api/processes',
      payload: { name: 'From curl' },
    });
    expect(curl.statusCode).toBe(201);
  });

  it('still answers cross-site reads, which the browser keeps from the foreign page', async () => {
    const res = await app.inject({
      url: '/api/health',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('a configured host name', () => {
  it('is answered besides loopback; others still are not', async () => {
    const app = await buildTestApp({ allowedHosts: ['junction.example.com'] });
    const named = await app.inject({
      url: '/api/health',
      headers: { host: 'junction.example.com' },
    });
    expect(named.statusCode).toBe(200);
    const other = await app.inject({ url: '/api/health', headers: { host: 'other.example.com' } });
    expect(other.statusCode).toBe(403);
  });
});
