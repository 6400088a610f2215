import type { AddressInfo } from 'node:net';
import {
  type ConnectClient,
  createConnectClient,
  mapWithConcurrency,
} from '@junction/connect-client';
import { connectSandbox, createSandboxState, SANDBOX_DEMO_TOKEN } from '@junction/connect-sandbox';
import Fastify from 'fastify';
import { type Figure, fmt } from '../measure.ts';

const PREFIX = '/public/v1';
// Scale 36,000 seeds about 11,000 fulfillment requests, about 1,050 of them pending.
const SCALE = 36_000;
const LIST_TOTAL = 10_000;
/** Pages of 100: the client's (and the Python client's) default page size. */
const PAGE = 100;
const APPROVALS = 1_000;
const CONCURRENCY = 16;
// The machines are shared and noisy: medians of several alternating runs.
const RUNS = 5;
const TARGET = 0.8;

const headers = { Authorization: SANDBOX_DEMO_TOKEN, Accept: 'application/json' };

/** The same pages the client asks for, one after another, with nothing but fetch. */
async function bareList(base: string): Promise<number> {
  let count = 0;
  for (let offset = 0; offset < LIST_TOTAL; offset += PAGE) {
    const response = await fetch(`${base}/requests?limit=${PAGE}&offset=${offset}`, { headers });
    if (!response.ok || !response.headers.get('content-range')) {
      throw new Error(`bare list failed: ${response.status}`);
    }
    count += ((await response.json()) as unknown[]).length;
  }
  return count;
}

async function clientList(client: ConnectClient): Promise<number> {
  let count = 0;
  for await (const _ of client
    .collection('requests')
    .pageSize(PAGE)
    .iterate({ maxRecords: LIST_TOTAL })) {
    count += 1;
  }
  return count;
}

async function bareApprove(base: string, ids: readonly string[], template: string): Promise<void> {
  const body = JSON.stringify({ template_id: template });
  await mapWithConcurrency(ids, CONCURRENCY, async (id) => {
    const response = await fetch(`${base}/requests/${encodeURIComponent(id)}/approve`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body,
    });
    if (!response.ok) {
      throw new Error(`bare approve failed: ${response.status} ${await response.text()}`);
    }
    await response.json();
  });
}

async function clientApprove(client: ConnectClient, ids: readonly string[], template: string) {
  await mapWithConcurrency(ids, CONCURRENCY, (id) =>
    client.collection('requests').resource(id).action('approve').post({ template_id: template }),
  );
}

/** Median ms of `RUNS` alternating runs of both variants after one warm-up each. */
async function compare(
  run: { client: () => Promise<unknown>; bare: () => Promise<unknown> },
  before: () => void = () => undefined,
): Promise<{ client: number; bare: number }> {
  const times = { client: [] as number[], bare: [] as number[] };
  for (let i = 0; i <= RUNS; i++) {
    // Alternate which goes first, so neither always pays for the other's garbage.
    const order = i % 2 === 0 ? (['client', 'bare'] as const) : (['bare', 'client'] as const);
    for (const variant of order) {
      before();
      const start = performance.now();
      await run[variant]();
      if (i > 0) {
        times[variant].push(performance.now() - start);
      }
    }
  }
  const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  return { client: median(times.client), bare: median(times.bare) };
}

export async function connectClientFigures(): Promise<Figure[]> {
  const state = createSandboxState({ seed: 1, scale: SCALE });
  const app = Fastify({ logger: false });
  await app.register(connectSandbox, { prefix: PREFIX, state });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}${PREFIX}`;
  try {
    const client = createConnectClient({ endpoint: base, token: SANDBOX_DEMO_TOKEN });
    const total = await client.collection('requests').count();
    const pending = await client
      .collection('requests')
      .filter('eq(status,pending)')
      .pageSize(1000)
      .all({ maxRecords: APPROVALS });
    if (total < LIST_TOTAL || pending.length < APPROVALS) {
      throw new Error(`scale ${SCALE} seeded ${total} requests, ${pending.length} pending`);
    }
    const ids = pending.map((request) => String((request as { id: string }).id));
    const product = (await client.collection('products').first()) as { id: string };
    const template = (await client
      .collection('products')
      .resource(product.id)
      .collection('templates')
      .first()) as { id: string };

    const list = await compare({
      client: async () => check(await clientList(client), LIST_TOTAL),
      bare: async () => check(await bareList(base), LIST_TOTAL),
    });
    // Approving is one-way: every run starts from the same pending requests and their assets
    // (approve touches nothing else), restored by id: far cheaper than a whole-state replace.
    const originals = ids.flatMap((id) => {
      const request = state.get('request', id)!;
      const assetId = String((request['asset'] as { id: string }).id);
      return [
        ['request', request],
        ['asset', state.get('asset', assetId)!],
      ] as const;
    });
    const restore = () => {
      for (const [collection, object] of originals) {
        state.put(collection, structuredClone(object));
      }
    };
    const approve = await compare(
      {
        client: () => clientApprove(client, ids, template.id),
        bare: () => bareApprove(base, ids, template.id),
      },
      restore,
    );
    const rate = (items: number, ms: number) => `${Math.round((items / ms) * 1000)}/s`;
    const figure = (name: string, items: number, times: { client: number; bare: number }) => {
      const ratio = times.bare / times.client;
      return {
        figure: name,
        value: `${fmt(times.client)} (${rate(items, times.client)}), ${ratio.toFixed(2)}× bare fetch throughput`,
        comparison: `bare fetch loop, same requests and concurrency: ${fmt(times.bare)} (${rate(items, times.bare)})`,
        target: `≥ ${TARGET}× bare fetch`,
        met: ratio >= TARGET,
      };
    };
    return [
      figure(
        `connect-client: list ${LIST_TOTAL.toLocaleString('en')} requests from the sandbox over 127.0.0.1 (pages of ${PAGE}, one after another)`,
        LIST_TOTAL,
        list,
      ),
      figure(
        `connect-client: approve ${APPROVALS.toLocaleString('en')} pending requests, mapWithConcurrency ${CONCURRENCY}`,
        APPROVALS,
        approve,
      ),
    ];
  } finally {
    await app.close();
  }
}

function check(count: number, expected: number): void {
  if (count !== expected) {
    throw new Error(`expected ${expected} items, got ${count}`);
  }
}
