import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { createInjectFetch } from './inject-fetch.ts';

describe('the in-process fetch', () => {
  const app = Fastify();
  app.get('/slow', async () => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    return { late: true };
  });
  app.get('/fast', async () => ({ ok: true }));
  afterAll(() => app.close());

  it('answers like fetch', async () => {
    const response = await createInjectFetch(app)('http://local/fast');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('honours an abort signal, so client timeouts work against the built-in sandbox', async () => {
    const started = Date.now();
    await expect(
      createInjectFetch(app)('http://local/slow', { signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
