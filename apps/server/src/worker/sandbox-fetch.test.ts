import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { sandboxFetch } from './sandbox-fetch.ts';

describe('a worker calling the built-in sandbox', () => {
  const seen: { url: unknown; method: unknown; body: string; auth: unknown }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ url: req.url, method: req.method, body, auth: req.headers.authorization });
      res.end('{}');
    });
  });
  afterAll(() => server.close());

  it("sends the stored endpoint's path, query, method, headers and body to the server's own address", async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const call = sandboxFetch(`http://127.0.0.1:${port}`);
    const res = await call(
      'http://junction.example.com/sandbox/connect/public/v1/requests?limit=1',
      {
        method: 'POST',
        headers: { authorization: 'ApiKey demo' },
        body: '{"a":1}',
      },
    );
    expect(res.status).toBe(200);
    expect(seen).toEqual([
      {
        url: '/sandbox/connect/public/v1/requests?limit=1',
        method: 'POST',
        body: '{"a":1}',
        auth: 'ApiKey demo',
      },
    ]);
  });

  it('uses the stored endpoint as it is when no server address is set', () => {
    expect(sandboxFetch(undefined)).toBe(fetch);
  });
});
