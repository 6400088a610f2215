import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxState } from '../seed/create-state.ts';
import { restoreSandboxState } from '../store/state.ts';
import { buildTestApp, call } from '../test-app.ts';
import { webhookBody } from './webhook-test-support.ts';

describe('/notifications/webhooks', () => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let productId: string;
  let otherProductId: string;
  const state = createSandboxState({ seed: 5 });
  beforeAll(async () => {
    app = await buildTestApp({ state, webhooks: { fetch: async () => new Response(null) } });
    const products = (await call(app, 'GET', '/products?limit=2')).json();
    productId = products[0].id;
    otherProductId = products[1].id;
  });
  afterAll(() => app.close());

  it('creates a webhook (201) that get returns as created, secret included as Connect does', async () => {
    const created = await call(app, 'POST', '/notifications/webhooks', webhookBody(productId));
    expect(created.statusCode).toBe(201);
    const webhook = created.json();
    expect(webhook).toMatchObject({
      id: expect.stringMatching(/^WH-\d{3}-\d{3}-\d{3}$/),
      type: 'event',
      object_class: 'fulfillment_request',
      product: { id: productId },
      external_url: 'https://hooks.example.com/connect',
      jwt_secret: 'handler-secret',
      headers: { 'X-Team': 'ops' },
      data: { source: 'sandbox' },
      stats: { events: 0, triggers: 0 },
      account: { id: expect.any(String) },
    });
    const read = await call(app, 'GET', `/notifications/webhooks/${webhook.id}`);
    expect(read.json()).toEqual(webhook);
    // Kept with the rest of the state, so persistence stores it.
    const restored = restoreSandboxState(JSON.parse(JSON.stringify(state.snapshot())));
    expect(restored.get('webhook', webhook.id)).toEqual(webhook);
  });

  it('lists with RQL filters and Content-Range', async () => {
    await call(
      app,
      'POST',
      '/notifications/webhooks',
      webhookBody(otherProductId, { label: 'Paused', active: false }),
    );
    const active = await call(app, 'GET', '/notifications/webhooks?eq(active,false)');
    expect(active.json().map((w: { label: string }) => w.label)).toEqual(['Paused']);
    const byProduct = await call(
      app,
      'GET',
      `/notifications/webhooks?product.id=${otherProductId}&limit=0`,
    );
    expect(byProduct.headers['content-range']).toBe('items 0-0/1');
    const searched = await call(app, 'GET', '/notifications/webhooks?search=paus');
    expect(searched.json()).toHaveLength(1);
  });

  it('updates with PUT over the stored webhook and checks the result', async () => {
    const id = (await call(app, 'POST', '/notifications/webhooks', webhookBody(productId))).json()
      .id;
    const updated = await call(app, 'PUT', `/notifications/webhooks/${id}`, {
      label: 'Renamed',
      active: false,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      label: 'Renamed',
      active: false,
      jwt_secret: 'handler-secret',
      modified_at: expect.any(String),
    });
    const refused = await call(app, 'PUT', `/notifications/webhooks/${id}`, {
      external_url: 'ftp://files.example.com/',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({
      error_code: 'VAL_001',
      errors: ['external_url: Enter a valid URL.'],
    });
  });

  it('deletes (204) and then answers 404', async () => {
    const id = (await call(app, 'POST', '/notifications/webhooks', webhookBody(productId))).json()
      .id;
    expect((await call(app, 'DELETE', `/notifications/webhooks/${id}`)).statusCode).toBe(204);
    const gone = await call(app, 'GET', `/notifications/webhooks/${id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error_code).toBe('NFND_000');
  });

  it('hides webhooks of other accounts', async () => {
    const mine = (
      await call(app, 'POST', '/notifications/webhooks', webhookBody(productId))
    ).json();
    state.put('webhook', { ...mine, id: 'WH-999-999-999', account: { id: 'PA-999-999' } });
    expect((await call(app, 'GET', '/notifications/webhooks/WH-999-999-999')).statusCode).toBe(404);
    expect((await call(app, 'DELETE', '/notifications/webhooks/WH-999-999-999')).statusCode).toBe(
      404,
    );
    const listed = (await call(app, 'GET', '/notifications/webhooks?limit=1000')).json();
    expect(listed.map((w: { id: string }) => w.id)).not.toContain('WH-999-999-999');
    state.remove('webhook', 'WH-999-999-999');
  });

  it('names every missing field at once', async () => {
    const res = await call(app, 'POST', '/notifications/webhooks', {});
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error_code: 'VAL_001',
      errors: [
        'object_class: This field is required.',
        'label: This field is required.',
        'product_id: This field is required.',
        'description: This field is required.',
        'external_url: This field is required.',
        'jwt_secret: This field is required.',
        'active: This field is required.',
        'http_method: This field is required.',
      ],
    });
  });

  it.each([
    [{ object_class: 'asset' }, 'object_class: "asset" is not a valid choice.'],
    [{ http_method: 'DELETE' }, 'http_method: "DELETE" is not a valid choice.'],
    [{ external_url: 'javascript:alert(1)' }, 'external_url: Enter a valid URL.'],
    [{ product_id: 'PRD-000-000-000' }, 'product_id: Product PRD-000-000-000 not found.'],
    [
      { jwt_secret: 'x'.repeat(101) },
      'jwt_secret: Ensure this field has no more than 100 characters.',
    ],
    [{ active: 'yes' }, 'active: Must be a valid boolean.'],
    [{ data: [1] }, 'data: Expected a dictionary of items.'],
    [
      { headers: { Host: 'internal' } },
      'headers: Host is set by Connect and cannot be configured.',
    ],
    [
      { headers: { Authorization: 'Bearer forged' } },
      'headers: Authorization is set by Connect and cannot be configured.',
    ],
    [{ headers: { 'Bad Name': 'x' } }, 'headers: "Bad Name" is not a valid header name.'],
    [
      { headers: { 'X-Split': 'a\r\nX-Injected: 1' } },
      'headers.X-Split: Must be a string of at most 1024 printable characters.',
    ],
  ])('refuses %j with a field-level message', async (override, message) => {
    const res = await call(
      app,
      'POST',
      '/notifications/webhooks',
      webhookBody(productId, override),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error_code: 'VAL_001', errors: [message] });
  });

  it('refuses a body that is not an object', async () => {
    const res = await call(app, 'POST', '/notifications/webhooks', [webhookBody(productId)]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error_code).toBe('VAL_001');
  });

  it('caps the webhooks of an account', async () => {
    const existing = (await call(app, 'GET', '/notifications/webhooks?limit=0')).headers[
      'content-range'
    ] as string;
    const total = Number(existing.split('/')[1]);
    for (let i = total; i < 100; i += 1) {
      const res = await call(app, 'POST', '/notifications/webhooks', webhookBody(productId));
      expect(res.statusCode).toBe(201);
    }
    const refused = await call(app, 'POST', '/notifications/webhooks', webhookBody(productId));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toContain('at most 100 webhooks');
  });
});
