import {
  ConnectApiError,
  createConnectClient,
  registerWebhook,
  verifyConnectWebhook,
  webhookDocument,
} from '@junction/connect-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessSandbox, type InProcessSandbox } from '../in-process-sandbox.ts';
import { sandboxWebhooks } from '../plugin.ts';
import { capturingFetch } from './webhook-test-support.ts';

describe('registerWebhook against the in-process sandbox', () => {
  const delivered = capturingFetch();
  let sandbox: InProcessSandbox;
  let client: ReturnType<typeof createConnectClient>;
  let productId: string;
  beforeAll(async () => {
    sandbox = await createInProcessSandbox({ seed: 9, scale: 60, webhooks: delivered });
    client = createConnectClient({
      endpoint: sandbox.endpoint,
      token: sandbox.token,
      fetch: sandbox.fetch,
    });
    const product = await client.collection<{ id: string }>('products').first();
    productId = product?.id as string;
  });
  afterAll(() => sandbox.close());

  it('creates an active event webhook whose calls the listener can verify', async () => {
    const webhook = await registerWebhook(client, {
      objectClass: 'tier_account_request',
      externalUrl: 'https://junction.example.com/api/listen/production/accounts',
      jwtSecret: 'listener-secret',
      productId,
    });
    expect(webhook).toMatchObject({
      id: expect.stringMatching(/^WH-/),
      type: 'event',
      active: true,
      http_method: 'POST',
      object_class: 'tier_account_request',
      product: { id: productId },
    });
    const listed = await client.ns('notifications').collection<{ id: string }>('webhooks').all();
    expect(listed.map((w) => w.id)).toContain(webhook.id);

    const account = await client.ns('tier').collection<{ id: string }>('accounts').first();
    const request = (await client
      .ns('tier')
      .collection('account-requests')
      .create({ account: { id: account?.id } })) as { id: string; product: { id: string } };
    await sandboxWebhooks(sandbox.state)?.idle();
    // The sandbox files tier account requests under its first product, the one watched.
    expect(request.product.id).toBe(productId);
    const ours = delivered.calls.filter((c) => c.url.includes('/api/listen/production/accounts'));
    expect(ours).toHaveLength(1);
    const call = ours[0] as (typeof ours)[number];
    await verifyConnectWebhook(call.headers, call.body, 'listener-secret');
    expect(webhookDocument(JSON.parse(call.body))).toMatchObject({
      object: 'tier-account-request',
      id: request.id,
    });
  });

  it('surfaces Connect’s field errors', async () => {
    const refused = await registerWebhook(client, {
      objectClass: 'fulfillment_request',
      externalUrl: 'not a url',
      jwtSecret: 's',
      productId,
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ConnectApiError);
    expect((refused as ConnectApiError).errors).toEqual(['external_url: Enter a valid URL.']);
  });
});
