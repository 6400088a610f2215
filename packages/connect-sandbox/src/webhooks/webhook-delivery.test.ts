import { verifyConnectWebhook, webhookDocument } from '@junction/connect-client';
import { afterEach, describe, expect, it } from 'vitest';
import { sandboxWebhooks } from '../plugin.ts';
import { createSandboxState } from '../seed/create-state.ts';
import type { SandboxState } from '../store/state.ts';
import { buildTestApp, call } from '../test-app.ts';
import type { SandboxWebhookOptions } from './webhook-dispatcher.ts';
import { capturingFetch, purchase, webhookBody } from './webhook-test-support.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

let open: App[] = [];
afterEach(async () => {
  await Promise.all(open.map((app) => app.close()));
  open = [];
});

async function sandbox(webhooks: SandboxWebhookOptions) {
  const state = createSandboxState({ seed: 3, scale: 60 });
  const app = await buildTestApp({ state, webhooks: { retryDelayMs: 1, ...webhooks } });
  open.push(app);
  const products = (await call(app, 'GET', '/products?limit=2')).json();
  return { app, state, productId: products[0].id as string, otherId: products[1].id as string };
}

async function register(app: App, productId: string, overrides: Record<string, unknown> = {}) {
  const res = await call(app, 'POST', '/notifications/webhooks', webhookBody(productId, overrides));
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string };
}

function idle(state: SandboxState): Promise<void> {
  return sandboxWebhooks(state)?.idle() ?? Promise.reject(new Error('no dispatcher'));
}

describe('webhook calls on state changes', () => {
  it('calls once per created request, signed with the secret, with the object Get returns', async () => {
    const { fetch, calls } = capturingFetch();
    const { app, state, productId } = await sandbox({ fetch });
    const webhook = await register(app, productId);
    const created = await purchase(app, productId);
    await idle(state);

    expect(calls).toHaveLength(1);
    const [delivered] = calls;
    expect(delivered?.url).toBe('https://hooks.example.com/connect');
    expect(delivered?.method).toBe('POST');
    expect(delivered?.headers.get('x-team')).toBe('ops');
    expect(delivered?.headers.get('content-type')).toBe('application/json');
    const verified = await verifyConnectWebhook(
      delivered?.headers as Headers,
      delivered?.body as string,
      'handler-secret',
    );
    expect(verified).toMatchObject({ bodyVerified: true, claims: { webhook_id: webhook.id } });
    const document = webhookDocument(JSON.parse(delivered?.body as string));
    const got = (await call(app, 'GET', `/requests/${created.id}`)).json();
    expect(document).toMatchObject({
      object: 'request',
      id: created.id,
      data: got,
      properties: {
        'connect.event.type': 'created',
        'connect.status': 'pending',
        'connect.webhook.id': webhook.id,
      },
    });
    expect(JSON.parse(delivered?.body as string).data).toEqual({ source: 'sandbox' });
    const stored = (await call(app, 'GET', `/notifications/webhooks/${webhook.id}`)).json();
    expect(stored).toMatchObject({
      stats: { events: 1, triggers: 1, success_triggers: 1, failure_triggers: 0 },
      last_success: { status: 'success', status_code: 200 },
    });
  });

  it('reports a status change with the status before it, and nothing for other updates', async () => {
    const { fetch, calls } = capturingFetch();
    const { app, state, productId } = await sandbox({ fetch });
    await register(app, productId);
    const created = await purchase(app, productId);
    await call(app, 'POST', `/requests/${created.id}/assign`, { id: 'UR-841-574-187' });
    const failed = await call(app, 'POST', `/requests/${created.id}/fail`, { reason: 'No stock' });
    expect(failed.statusCode).toBe(200);
    await idle(state);

    const events = calls.map((c) => JSON.parse(c.body).event);
    expect(events.map((e) => [e.type, e.previous_status, e.status])).toEqual([
      ['created', null, 'pending'],
      ['status_changed', 'pending', 'failed'],
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(2);
  });

  it('calls only active event webhooks of the object’s class and product', async () => {
    const { fetch, calls } = capturingFetch();
    const { app, state, productId, otherId } = await sandbox({ fetch });
    await register(app, otherId, { external_url: 'https://other-product.example.com/' });
    await register(app, productId, { active: false, external_url: 'https://off.example.com/' });
    await register(app, productId, {
      object_class: 'tier_config_request',
      external_url: 'https://tcr.example.com/',
    });
    await register(app, productId, {
      type: 'validator',
      external_url: 'https://validator.example.com/',
    });
    const deleted = await register(app, productId, { external_url: 'https://gone.example.com/' });
    await call(app, 'DELETE', `/notifications/webhooks/${deleted.id}`);
    await purchase(app, productId);
    await idle(state);
    expect(calls).toEqual([]);
  });

  it('reports tier config requests changing state', async () => {
    const { fetch, calls } = capturingFetch();
    const { app, state, productId } = await sandbox({ fetch });
    await register(app, productId, { object_class: 'tier_config_request' });
    const account = (await call(app, 'GET', '/tier/accounts?type=reseller&limit=1')).json()[0];
    const tcr = await call(app, 'POST', '/tier/config-requests', {
      configuration: { product: { id: productId }, account: { id: account.id }, tier_level: 1 },
    });
    expect(tcr.statusCode).toBe(201);
    await call(app, 'POST', `/tier/config-requests/${tcr.json().id}/fail`, { reason: 'No' });
    await idle(state);
    const docs = calls.map((c) => webhookDocument(JSON.parse(c.body)));
    expect(docs.map((d) => [d.object, d.id, d.properties['connect.status']])).toEqual([
      ['tier-config-request', tcr.json().id, 'pending'],
      ['tier-config-request', tcr.json().id, 'failed'],
    ]);
  });

  it('answers the request that changed the state before the handler answers', async () => {
    const { fetch, calls } = capturingFetch([0]);
    const { app, state, productId } = await sandbox({ fetch, timeoutMs: 60_000 });
    const webhook = await register(app, productId);
    await purchase(app, productId);
    await expect.poll(() => calls.length).toBe(1);
    // The call is still held open by the handler; the sandbox answered long ago.
    const pending = (await call(app, 'GET', `/notifications/webhooks/${webhook.id}`)).json();
    expect(pending.stats.triggers).toBe(0);
    await sandboxWebhooks(state)?.close();
  });

  it('retries 5xx and 429 a bounded number of times with the same event id', async () => {
    const { fetch, calls } = capturingFetch([503, 429, 503, 503]);
    const { app, state, productId } = await sandbox({ fetch, attempts: 3 });
    const webhook = await register(app, productId);
    await purchase(app, productId);
    await idle(state);
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => JSON.parse(c.body).event.id)).size).toBe(1);
    const stored = (await call(app, 'GET', `/notifications/webhooks/${webhook.id}`)).json();
    expect(stored).toMatchObject({
      stats: { events: 1, triggers: 3, failure_triggers: 1, failure_since_last_success: 1 },
      last_failure: { status: 'failure', status_code: 503 },
    });
  });

  it('does not retry a 4xx answer', async () => {
    const { fetch, calls } = capturingFetch([401]);
    const { app, state, productId } = await sandbox({ fetch });
    await register(app, productId);
    await purchase(app, productId);
    await idle(state);
    expect(calls).toHaveLength(1);
  });

  it('gives up on a handler that does not answer within the timeout', async () => {
    const { fetch, calls } = capturingFetch([0, 0]);
    const { app, state, productId } = await sandbox({ fetch, timeoutMs: 50, attempts: 2 });
    const webhook = await register(app, productId);
    await purchase(app, productId);
    await idle(state);
    expect(calls).toHaveLength(2);
    const stored = (await call(app, 'GET', `/notifications/webhooks/${webhook.id}`)).json();
    expect(stored.last_failure).toMatchObject({
      status_code: null,
      errors: 'No answer within 50 ms.',
    });
  });

  it('sends GET webhooks without a body, still signed', async () => {
    const { fetch, calls } = capturingFetch();
    const { app, state, productId } = await sandbox({ fetch });
    await register(app, productId, { http_method: 'GET' });
    await purchase(app, productId);
    await idle(state);
    expect(calls.map((c) => [c.method, c.body])).toEqual([['GET', '']]);
    await expect(
      verifyConnectWebhook(calls[0]?.headers as Headers, '', 'handler-secret'),
    ).resolves.toMatchObject({ bodyVerified: true });
  });

  it('trigger sends the newest watched object at once', async () => {
    const { fetch, calls } = capturingFetch();
    const { app, state, productId } = await sandbox({ fetch });
    const created = await purchase(app, productId);
    const webhook = await register(app, productId, { active: false });
    const res = await call(app, 'POST', `/notifications/webhooks/${webhook.id}/trigger`);
    expect(res.statusCode).toBe(200);
    await idle(state);
    expect(calls.map((c) => webhookDocument(JSON.parse(c.body)))).toMatchObject([
      { id: created.id, properties: { 'connect.event.type': 'trigger' } },
    ]);
  });

  it('trigger says so when there is nothing to send', async () => {
    const { fetch } = capturingFetch();
    const { app, productId } = await sandbox({ fetch });
    const webhook = await register(app, productId, { object_class: 'listing_request' });
    const res = await call(app, 'POST', `/notifications/webhooks/${webhook.id}/trigger`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toBe(`No listing_request of product ${productId} to send yet.`);
  });

  it('drops calls beyond the queue bound and counts them as failures', async () => {
    const { fetch, calls } = capturingFetch([0, 0, 0]);
    const { app, state, productId } = await sandbox({
      fetch,
      concurrency: 1,
      maxQueued: 1,
      timeoutMs: 60_000,
    });
    const webhook = await register(app, productId);
    await purchase(app, productId);
    await expect.poll(() => calls.length).toBe(1);
    await purchase(app, productId);
    await purchase(app, productId);
    const stored = (await call(app, 'GET', `/notifications/webhooks/${webhook.id}`)).json();
    expect(stored.last_failure.errors).toBe('Dropped: too many webhook calls waiting.');
    await sandboxWebhooks(state)?.close();
    expect(calls).toHaveLength(1);
  });
});
