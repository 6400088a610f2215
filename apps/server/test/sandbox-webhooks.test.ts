import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyConnectWebhook } from '@junction/connect-client';
import { SANDBOX_DEMO_TOKEN } from '@junction/connect-sandbox';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';

const API = '/sandbox/connect/public/v1';
const auth = { authorization: SANDBOX_DEMO_TOKEN };

/** A local HTTP server that records what reaches it. */
async function receiver(): Promise<{
  url: string;
  hits: Array<{ headers: Record<string, unknown>; body: string }>;
  close: () => Promise<void>;
}> {
  const hits: Array<{ headers: Record<string, unknown>; body: string }> = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      hits.push({ headers: request.headers, body });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function firstProduct(app: FastifyInstance): Promise<string> {
  return (await app.inject({ url: `${API}/products?limit=1`, headers: auth })).json()[0].id;
}

async function createWebhook(app: FastifyInstance, productId: string, externalUrl: string) {
  const res = await app.inject({
    method: 'POST',
    url: `${API}/notifications/webhooks`,
    headers: auth,
    payload: {
      object_class: 'fulfillment_request',
      label: 'Test',
      product_id: productId,
      description: null,
      external_url: externalUrl,
      jwt_secret: 'server-test-secret',
      active: true,
      http_method: 'POST',
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

async function purchase(app: FastifyInstance, productId: string): Promise<void> {
  const items = (
    await app.inject({ url: `${API}/products/${productId}/items`, headers: auth })
  ).json();
  const res = await app.inject({
    method: 'POST',
    url: `${API}/requests`,
    headers: auth,
    payload: {
      type: 'purchase',
      asset: {
        product: { id: productId },
        items: [{ id: items[0].id, quantity: 1 }],
        tiers: { customer: { name: 'Webhook Customer', contact_info: { country: 'us' } } },
      },
    },
  });
  expect(res.statusCode).toBe(201);
}

/** The webhook once its first call has an outcome (polled: the call is asynchronous). */
async function settled(app: FastifyInstance, id: string) {
  let webhook: Record<string, { status_code?: number | null; errors?: string }> = {};
  await expect
    .poll(
      async () => {
        webhook = (
          await app.inject({ url: `${API}/notifications/webhooks/${id}`, headers: auth })
        ).json();
        return webhook['last_success'] ?? webhook['last_failure'];
      },
      { timeout: 10_000 },
    )
    .toBeDefined();
  return webhook;
}

describe(`sandbox webhooks from the server (${storageUnderTest()})`, () => {
  let guarded: FastifyInstance;
  let allowed: FastifyInstance;
  let local: Awaited<ReturnType<typeof receiver>>;
  let productId: string;
  beforeAll(async () => {
    guarded = await buildTestApp({ egressAllow: [] });
    allowed = await buildTestApp({ egressAllow: ['127.0.0.1'] });
    local = await receiver();
    productId = await firstProduct(guarded);
  });
  afterAll(() => local.close());

  it('never calls a webhook on a private address: the egress guard refuses it', async () => {
    const metadata = await createWebhook(guarded, productId, 'http://169.254.169.254/latest/');
    const loopback = await createWebhook(guarded, productId, local.url);
    await purchase(guarded, productId);
    for (const [id, address] of [
      [metadata, '169.254.169.254'],
      [loopback, '127.0.0.1'],
    ] as const) {
      const webhook = await settled(guarded, id);
      expect(webhook['last_failure']).toMatchObject({
        status_code: null,
        errors: expect.stringContaining(`local or private network addresses: ${address}`),
      });
      // A refusal is final: no retries.
      expect(webhook['stats']).toMatchObject({ triggers: 1 });
    }
    expect(local.hits).toEqual([]);
  });

  it('calls an allowed address with a token the listener can verify', async () => {
    const id = await createWebhook(allowed, productId, local.url);
    await purchase(allowed, productId);
    expect((await settled(allowed, id))['last_success']).toMatchObject({ status_code: 200 });
    expect(local.hits).toHaveLength(1);
    const hit = local.hits[0] as (typeof local.hits)[number];
    const verified = await verifyConnectWebhook(
      hit.headers as never,
      hit.body,
      'server-test-secret',
    );
    expect(verified.claims.webhook_id).toBe(id);
  });

  it('answers calls to its own listeners in process, and only those', async () => {
    const listener = await createWebhook(
      guarded,
      productId,
      'http://127.0.0.1:4400/api/listen/dev/orders',
    );
    const api = await createWebhook(guarded, productId, 'http://127.0.0.1:4400/api/processes');
    const traversal = await createWebhook(
      guarded,
      productId,
      'http://127.0.0.1:4400/api/listen/x/..%2F..%2Fprocesses',
    );
    await purchase(guarded, productId);
    // The app itself answered, not the guard: nothing listens there, so the listener
    // route refuses the call as it refuses every unauthenticated one.
    expect((await settled(guarded, listener))['last_failure']).toMatchObject({
      status_code: 401,
    });
    for (const id of [api, traversal]) {
      expect((await settled(guarded, id))['last_failure']).toMatchObject({
        status_code: null,
        errors: expect.stringContaining('local or private network addresses: 127.0.0.1'),
      });
    }
  });
});
