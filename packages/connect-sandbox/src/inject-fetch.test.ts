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
  app.get('/chunks', (_request, reply) => {
    reply.raw.writeHead(200, { 'content-type': 'application/json' });
    reply.raw.write('["é",');
    reply.raw.write(Buffer.from('"\u{1F389}"'));
    reply.raw.end(']');
  });
  app.get('/empty', async (_request, reply) => reply.code(204).send());
  afterAll(() => app.close());

  it('answers like fetch', async () => {
    const response = await createInjectFetch(app)('http://local/fast');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('hands over a body written in several chunks whole, and no body for a 204', async () => {
    const fetch = createInjectFetch(app);
    expect(await (await fetch('http://local/chunks')).json()).toEqual(['é', '🎉']);
    const empty = await fetch('http://local/empty');
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
  });

  it('honours an abort signal, so client timeouts work against the built-in sandbox', async () => {
    const started = Date.now();
    await expect(
      createInjectFetch(app)('http://local/slow', { signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
