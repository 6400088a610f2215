import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectClient } from './client.ts';
import { ConnectTimeoutError } from './errors.ts';
import { R } from './rql.ts';
import { checkRequestAgainstSpec } from './test-helpers.ts';

// A real HTTP server on 127.0.0.1:0, so the client is exercised over the platform fetch.
const TOTAL = 23;
const seen: string[] = [];
let rateLimited = 0;
let server: Server;
let endpoint: string;

// Every request that reaches the server is checked against the spec (fails the test in afterEach).
function receive(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    checkRequestAgainstSpec({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      body: text === '' ? undefined : text,
    });
    handle(req, res);
  });
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  seen.push(`${req.method} ${url.pathname}${url.search} ${req.headers.authorization}`);
  if (url.pathname === '/public/v1/requests') {
    const limit = Number(url.searchParams.get('limit'));
    const offset = Number(url.searchParams.get('offset'));
    const items = Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, i) => ({
      id: `PR-${offset + i}`,
    }));
    const last = items.length > 0 ? offset + items.length - 1 : offset;
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Range': `items ${offset}-${last}/${TOTAL}`,
    });
    res.end(JSON.stringify(items));
    return;
  }
  if (url.pathname === '/public/v1/assets/AS-1') {
    rateLimited += 1;
    if (rateLimited === 1) {
      res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '1' });
      res.end(JSON.stringify({ error_code: 'RATE', errors: ['slow down'] }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ id: 'AS-1', status: 'active' }));
    return;
  }
  if (url.pathname === '/public/v1/tier/configs') {
    // Never answers within the client's timeout.
    setTimeout(() => res.end('[]'), 2000).unref();
    return;
  }
  res.writeHead(404, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ error_code: 'NOT_FOUND', errors: ['no such path'] }));
}

beforeAll(async () => {
  server = createServer(receive);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  endpoint = `http://127.0.0.1:${port}/public/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('against a real HTTP server', () => {
  it('pages through Content-Range over several pages with a filter', async () => {
    const client = createConnectClient({ endpoint, token: 'SU-1:secret', pageSize: 10 });
    const requests = await client
      .collection<{ id: string }>('requests')
      .filter(R.eq('status', 'pending'))
      .all();
    expect(requests.map((r) => r.id)).toEqual(Array.from({ length: TOTAL }, (_, i) => `PR-${i}`));
    const pages = seen.filter((line) => line.startsWith('GET /public/v1/requests'));
    expect(pages).toEqual([
      'GET /public/v1/requests?eq(status,pending)&limit=10&offset=0 ApiKey SU-1:secret',
      'GET /public/v1/requests?eq(status,pending)&limit=10&offset=10 ApiKey SU-1:secret',
      'GET /public/v1/requests?eq(status,pending)&limit=10&offset=20 ApiKey SU-1:secret',
    ]);
    expect(await client.collection('requests').count()).toBe(TOTAL);
  });

  it('waits Retry-After on a 429, then succeeds', async () => {
    const sleeps: number[] = [];
    const client = createConnectClient({
      endpoint,
      token: 'SU-1:secret',
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    await expect(client.collection('assets').resource('AS-1').get()).resolves.toEqual({
      id: 'AS-1',
      status: 'active',
    });
    expect(sleeps).toEqual([1000]);
    expect(rateLimited).toBe(2);
  });

  it('times out a slow response', async () => {
    const client = createConnectClient({
      endpoint,
      token: 'SU-1:secret',
      timeoutMs: 50,
      retry: { maxRetries: 0 },
    });
    const started = Date.now();
    await expect(client.ns('tier').collection('configs').all()).rejects.toBeInstanceOf(
      ConnectTimeoutError,
    );
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('surfaces a 404 body as a ConnectApiError', async () => {
    const client = createConnectClient({ endpoint, token: 'SU-1:secret' });
    await expect(
      client.ns('helpdesk').collection('cases').resource('CA-404').get(),
    ).rejects.toMatchObject({
      status: 404,
      errorCode: 'NOT_FOUND',
    });
  });
});
