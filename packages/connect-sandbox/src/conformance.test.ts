import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { assertConformant, recordConformance } from './conformance.ts';
import { checkedHost, TEST_PREFIX } from './test-app.ts';

describe('the conformance hook of the test apps', () => {
  it('fails an inject whose response does not match the spec, and passes a matching one', async () => {
    const host = checkedHost();
    await host.register(
      async (api) => {
        api.get('/requests/:id', async (request) => {
          const { id } = request.params as { id: string };
          return id === 'bad' ? { id: 5, status: 'nonsense' } : { id, status: 'pending' };
        });
      },
      { prefix: TEST_PREFIX },
    );
    await expect(host.inject({ url: `${TEST_PREFIX}/requests/bad` })).rejects.toThrow(
      /do not match the Connect spec[\s\S]*\/id/,
    );
    expect((await host.inject({ url: `${TEST_PREFIX}/requests/PR-1` })).statusCode).toBe(200);
    await host.close();
  });

  it('records mismatches of a listening app for an afterEach check', async () => {
    const app = Fastify();
    const log = recordConformance(app, '/public/v1');
    app.get('/public/v1/assets', async () => [{ id: 1 }]);
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    await fetch(`${base}/public/v1/assets`);
    expect(log.checked).toBe(1);
    expect(() => assertConformant(log)).toThrow(/GET \/assets → 200/);
    expect(log.issues).toEqual([]);
    await app.close();
  });
});
