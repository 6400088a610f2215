import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { call } from '../test-app.ts';

/** One call the sandbox made, as the receiving side saw it. */
export interface CapturedCall {
  url: string;
  method: string;
  headers: Headers;
  body: string;
}

/**
 * A fetch that records each webhook call and answers with the next scripted status
 * (200 once the script runs out). A status of 0 holds the call until it is aborted.
 */
export function capturingFetch(script: number[] = []): {
  fetch: typeof fetch;
  calls: CapturedCall[];
} {
  const calls: CapturedCall[] = [];
  const capture = (async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    calls.push({
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: await request.text(),
    });
    const status = script.shift() ?? 200;
    if (status === 0) {
      return new Promise<Response>((_resolve, reject) => {
        request.signal.addEventListener('abort', () => reject(request.signal.reason));
      });
    }
    return new Response(status === 204 ? null : 'ok', { status });
  }) as typeof fetch;
  return { fetch: capture, calls };
}

/** A purchase request for `productId` (201), as request-routes.test.ts creates one. */
export async function purchase(
  app: FastifyInstance,
  productId: string,
): Promise<{ id: string; status: string }> {
  const itemId = (await call(app, 'GET', `/products/${productId}/items`)).json()[0].id;
  const res = await call(app, 'POST', '/requests', {
    type: 'purchase',
    asset: {
      product: { id: productId },
      connection: { id: 'CT-6838-5958', type: 'production' },
      external_id: '42',
      items: [{ id: itemId, quantity: 1 }],
      params: [],
      tiers: { customer: { name: 'Webhook Customer', contact_info: { country: 'us' } } },
    },
    marketplace: { id: 'MP-91673' },
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

/** A valid create body; override what a test is about. */
export function webhookBody(productId: string, overrides: Record<string, unknown> = {}) {
  return {
    object_class: 'fulfillment_request',
    label: 'New orders',
    product_id: productId,
    description: 'Calls the order handler',
    external_url: 'https://hooks.example.com/connect',
    jwt_secret: 'handler-secret',
    active: true,
    http_method: 'POST',
    headers: { 'X-Team': 'ops' },
    data: { source: 'sandbox' },
    ...overrides,
  };
}
