import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

describe(`security headers and bad input (${storageUnderTest()})`, () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp({ bodyLimit: 64 * 1024 });
  });

  it('sends security headers and a CSP, and no CORS header even when asked cross-origin', async () => {
    const res = await app.inject({
      url: '/api/processes',
      headers: { origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/processes',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.statusCode).toBeLessThan(500);
  });

  it('answers malformed JSON with 400 and a clear message, without a stack trace', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/processes',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/JSON/i);
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    expect(res.json()).not.toHaveProperty('stack');
  });

  it('answers wrong types with 400 and the field, and an oversized body with 413', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/processes',
      payload: { name: { first: 'x' } },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain('/name');
    const badQuery = await app.inject({ url: '/api/processes?limit=lots' });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().message).toContain('limit');
    const big = await app.inject({
      method: 'POST',
      url: '/api/processes',
      payload: { name: 'x'.repeat(100 * 1024) },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toMatch(/too large/i);
  });

  it('refuses numbers beyond what the database holds with 400 (found by the property test)', async () => {
    const huge = await app.inject({ url: '/api/processes/p/revisions/1e400' });
    expect(huge.statusCode).toBe(400);
    const offset = await app.inject({ url: '/api/processes?offset=99999999999' });
    expect(offset.statusCode).toBe(400);
  });

  it('answers an unknown id with 404 and says which', async () => {
    const res = await app.inject({ url: '/api/runs/no-such-run' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'not-found', message: 'Run no-such-run does not exist.' });
  });
});
