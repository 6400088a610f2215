import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { passThroughProcess, waitForRun, withListAtStart } from './run-helpers.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

const TOKEN = 'ApiKey SU-000:pages-secret';

/** Records a real Connect could send: every kind of character, and one of several megabytes. */
const firstPage = [
  { id: 'PR-1', text: 'línea "quoted" \\ back\nslash\ttab', emoji: '🎉 𝄞', sep: '\u2028\u2029' },
  { id: 'PR-2', nul: '\u0000', ['__proto__']: { polluted: true }, n: [1e21, -2.5e-7, 0] },
  { id: 'PR-3', blob: 'ü'.repeat(1_500_000) },
];
const secondPage = [{ id: 'PR-4' }];

/**
 * A Connect stand-in on loopback serving a two-page list of requests; `second` is what
 * it answers for the second page.
 */
async function pagedConnect(second: string): Promise<{ server: Server; endpoint: string }> {
  const server = createServer((req, res) => {
    const offset = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('offset'));
    const [body, range] =
      offset === 0 ? [JSON.stringify(firstPage), 'items 0-2/4'] : [second, 'items 3-3/4'];
    res.writeHead(200, { 'content-type': 'application/json', 'content-range': range });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, endpoint: `http://127.0.0.1:${port}/public/v1` };
}

/**
 * A Connect stand-in whose first page holds `count` requests and whose second page
 * waits for `release`, then answers text that is not JSON.
 */
async function slowFailingConnect(count: number, release: Promise<void>) {
  const first = Array.from({ length: count }, (_, i) => ({ id: `PR-${i}` }));
  const server = createServer((req, res) => {
    const offset = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('offset'));
    const range = `items ${offset === 0 ? `0-${count - 1}` : `${count}-${count}`}/${count + 1}`;
    res.writeHead(200, { 'content-type': 'application/json', 'content-range': range });
    if (offset === 0) {
      res.end(JSON.stringify(first));
    } else {
      void release.then(() => res.end('[{'));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, endpoint: `http://127.0.0.1:${port}/public/v1` };
}

describe(`a list read page by page into a test run (${storageUnderTest()})`, () => {
  let app: App;
  const servers: Server[] = [];
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => {
    for (const server of servers) {
      server.close();
    }
  });

  const startAgainst = async (endpoint: string) => {
    const connection = await app.inject({
      method: 'POST',
      url: '/api/connections',
      payload: { name: 'Paged', endpoint, token: TOKEN },
    });
    const connectionId = connection.json().id as string;
    const process = withListAtStart(passThroughProcess(), connectionId);
    const started = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { process, connectionId },
    });
    return started.json().id as string;
  };
  const runAgainst = async (second: string) => {
    const { server, endpoint } = await pagedConnect(second);
    servers.push(server);
    return waitForRun(app, await startAgainst(endpoint));
  };
  const outputsOfStart = async (runId: string) =>
    (
      await app.inject({ url: `/api/runs/${runId}/shapes/start/documents?direction=out` })
    ).json() as { items: unknown[]; total: number };

  it('stores every record exactly as Connect sent it, and never the token', async () => {
    const run = await runAgainst(JSON.stringify(secondPage));
    expect(run.status).toBe('complete');
    const page = (
      await app.inject({ url: `/api/runs/${run.id}/shapes/start/documents?direction=out` })
    ).json() as { items: Array<{ documentId: string }> };
    const stored: string[] = [];
    for (const item of page.items) {
      const detail = await app.inject({ url: `/api/runs/${run.id}/documents/${item.documentId}` });
      stored.push(detail.json().data);
    }
    expect(stored).toEqual([...firstPage, ...secondPage].map((record) => JSON.stringify(record)));
    const everything = JSON.stringify(
      (await app.inject({ url: `/api/runs/${run.id}` })).json(),
    ).concat(stored.join(''));
    expect(everything).not.toContain('pages-secret');
  });

  it('fails the run with the page that is not JSON, and goes on serving', async () => {
    const run = await runAgainst('[{"id":"PR-4",');
    expect(run.status).toBe('error');
    expect(run.shapes.start.message).toMatch(/Page 2 of the list is not valid JSON/);
    expect(JSON.stringify(run)).not.toContain('pages-secret');
    // The first page's records were handed over early; the failed call took them back.
    const outputs = await app.inject({
      url: `/api/runs/${run.id}/shapes/start/documents?direction=out`,
    });
    expect(outputs.json()).toMatchObject({ items: [], total: 0 });
  });

  it("stores a List's records while it still reads, and takes them back when a later page fails", async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { server, endpoint } = await slowFailingConnect(2_000, released);
    servers.push(server);
    const runId = await startAgainst(endpoint);
    try {
      // The first page is stored while the second has not come: the inspector can read it.
      await vi.waitFor(async () => expect((await outputsOfStart(runId)).total).toBe(2_000), {
        timeout: 20_000,
      });
      expect((await app.inject({ url: `/api/runs/${runId}` })).json().status).toBe('running');
    } finally {
      release();
    }
    const run = await waitForRun(app, runId);
    expect(run.shapes.start.message).toMatch(/Page 2 of the list is not valid JSON/);
    expect(await outputsOfStart(runId)).toMatchObject({ items: [], total: 0 });
    const next = await runAgainst('{"not":"a list"}');
    expect(next.shapes.start.message).toContain(
      'Page 2 of the list is JSON object, not an array of records.',
    );
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });
});
