import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';

describe(`Import Operation (${storageUnderTest()})`, () => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    app = await buildTestApp();
  });

  it('reads a sample record through the connection and infers its response profile', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/connections/sandbox/browse',
      payload: { object: 'request' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.sample.id).toMatch(/^PR-/);
    expect(body.profile).toMatchObject({
      type: 'object',
      properties: { id: { type: 'string' }, asset: { type: 'object' } },
    });
  });

  it('refuses objects that cannot be listed and unknown connections, clearly', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/connections/sandbox/browse',
      payload: { object: 'teleport' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('teleport');
    const missing = await app.inject({
      method: 'POST',
      url: '/api/connections/nope/browse',
      payload: { object: 'asset' },
    });
    expect(missing.statusCode).toBe(404);
  });
});
