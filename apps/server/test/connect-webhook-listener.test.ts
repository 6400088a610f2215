import { CONNECT_WEBHOOK_OBJECT_CLASSES, signConnectWebhook } from '@junction/connect-client';
import { SANDBOX_DEMO_TOKEN } from '@junction/connect-sandbox';
import {
  CONNECT_WEBHOOK_CLASSES,
  type ConnectWebhookListener,
  createProcess,
  defaultConnectWebhookListener,
  type ProcessDocument,
} from '@junction/process-model';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { deployProcess } from './listener-fixtures.ts';
import { bearer, call, P, waitForExecution } from './platform-fixtures.ts';

const SANDBOX = '/sandbox/connect/public/v1';
const demo = { authorization: SANDBOX_DEMO_TOKEN };
const JWT_SECRET = 'webhook-listener-secret-0123456789';
const PATH = 'connect-requests';
const URL = `/api/listen/production/${PATH}`;

/** Listen (Connect webhook) → Return Documents. */
function webhookProcess(
  id: string,
  listener: Partial<ConnectWebhookListener> = {},
): ProcessDocument {
  const base = createProcess({ id, name: `Webhook ${id}` });
  return {
    ...base,
    shapes: {
      start: {
        kind: 'start',
        label: '',
        config: {
          mode: 'listen',
          listener: { ...defaultConnectWebhookListener(), path: PATH, ...listener },
        },
      },
      answer: { kind: 'return-documents', label: '', config: { label: 'answer' } },
    },
    connections: [{ id: 'c1', from: { shape: 'start', port: 'default' }, to: { shape: 'answer' } }],
  };
}

/** A webhook body as the sandbox sends it, for a request object. */
function payload(
  eventId: string,
  object: Record<string, unknown> = { id: 'PR-1', status: 'approved' },
) {
  return JSON.stringify({
    event: {
      id: eventId,
      type: 'status_changed',
      occurred_at: new Date().toISOString(),
      object_class: 'fulfillment_request',
      object_id: object['id'],
      status: 'approved',
      previous_status: 'pending',
    },
    webhook: { id: 'WH-1', label: 'Test' },
    data: {},
    object,
  });
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe(`Connect webhook listeners (${storageUnderTest()})`, () => {
  let app: FastifyInstance;
  let token: string;
  let operator: string;

  const executions = async (processId: string) =>
    (
      await app.inject({ url: `/api/executions?processId=${processId}`, headers: bearer(token) })
    ).json().items as Array<{ id: string; executionType: string; executionStatus: string }>;

  const send = (body: string, headers: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: URL,
      headers: { 'content-type': 'application/json', ...headers },
      payload: body,
    });

  const signed = async (body: string, eventId: string, secret = JWT_SECRET, now?: number) => ({
    authorization: `Bearer ${await signConnectWebhook({
      secret,
      body,
      webhookId: 'WH-1',
      eventId,
      ...(now === undefined ? {} : { now }),
    })}`,
  });

  beforeAll(async () => {
    app = await buildTestApp();
    const res = await call(app, 'POST', `${P}/execute/provision-account`, {
      payload: { name: 'hooks', id: 'hooks' },
    });
    expect(res.statusCode, res.body).toBe(200);
    token = (
      await call(app, 'POST', `${P}/Token?overrideAccount=hooks`, {
        payload: { name: 'hooks', role: 'admin' },
      })
    ).json().token;
    operator = (
      await call(app, 'POST', `${P}/Token?overrideAccount=hooks`, {
        payload: { name: 'hooks-operator', role: 'operator' },
      })
    ).json().token;
    await deployProcess(app, token, webhookProcess('requests-hook'));
    const secret = await app.inject({
      method: 'PUT',
      url: '/api/processes/requests-hook/listener-secret',
      headers: bearer(token),
      payload: { secret: JWT_SECRET },
    });
    expect(secret.statusCode, secret.body).toBe(200);
  });

  it('lists the same object classes as the Connect client', () => {
    expect([...CONNECT_WEBHOOK_CLASSES].sort()).toEqual([...CONNECT_WEBHOOK_OBJECT_CLASSES].sort());
  });

  it('runs once per sandbox state change, with the request as its document', async () => {
    const productId = (
      await app.inject({ url: `${SANDBOX}/products?limit=1`, headers: demo })
    ).json()[0].id as string;
    const items = (
      await app.inject({ url: `${SANDBOX}/products/${productId}/items`, headers: demo })
    ).json();
    const purchased = await app.inject({
      method: 'POST',
      url: `${SANDBOX}/requests`,
      headers: demo,
      payload: {
        type: 'purchase',
        asset: {
          product: { id: productId },
          items: [{ id: items[0].id, quantity: 1 }],
          tiers: { customer: { name: 'Hook Customer', contact_info: { country: 'us' } } },
        },
      },
    });
    expect(purchased.statusCode, purchased.body).toBe(201);
    const requestId = purchased.json().id as string;
    // Registered after the purchase: only the approval below calls it.
    const webhook = await app.inject({
      method: 'POST',
      url: `${SANDBOX}/notifications/webhooks`,
      headers: demo,
      payload: {
        object_class: 'fulfillment_request',
        label: 'Junction',
        product_id: productId,
        description: null,
        external_url: `http://127.0.0.1:4400${URL}`,
        jwt_secret: JWT_SECRET,
        active: true,
        http_method: 'POST',
      },
    });
    expect(webhook.statusCode, webhook.body).toBe(201);
    const approved = await app.inject({
      method: 'POST',
      url: `${SANDBOX}/requests/${requestId}/approve`,
      headers: demo,
      payload: { activation_tile: 'Welcome aboard' },
    });
    expect(approved.statusCode, approved.body).toBe(200);

    let runs: Awaited<ReturnType<typeof executions>> = [];
    await expect
      .poll(
        async () => {
          runs = await executions('requests-hook');
          return runs.length;
        },
        { timeout: 10_000 },
      )
      .toBe(1);
    const run = await waitForExecution(app, token, runs[0]!.id);
    expect(run.status).toBe('COMPLETE');
    expect(runs[0]).toMatchObject({ executionType: 'exec_listener' });
    const start = await app.inject({
      url: `/api/runs/${runs[0]!.id}/shapes/start/documents?direction=out`,
      headers: bearer(token),
    });
    const [document] = start.json().items;
    const data = JSON.parse(document.data);
    // The object as the connector's Get returns it.
    expect(data).toMatchObject({ id: requestId, status: 'approved', type: 'purchase' });
    expect(document.properties).toMatchObject({
      'connect.event.type': 'status_changed',
      'connect.status': 'approved',
      'connect.previous_status': 'pending',
      'connect.object_class': 'fulfillment_request',
    });
    expect(JSON.stringify(document.properties)).not.toMatch(/authorization|Bearer|eyJ/);
    // The sandbox saw a success (202), so it does not retry: still one run.
    const stored = (
      await app.inject({
        url: `${SANDBOX}/notifications/webhooks/${webhook.json().id}`,
        headers: demo,
      })
    ).json();
    expect(stored.last_success).toMatchObject({ status_code: 202 });
    expect(await executions('requests-hook')).toHaveLength(1);
  });

  it('starts a replayed event once, answering the replay 200 DUPLICATE', async () => {
    const before = (await executions('requests-hook')).length;
    const body = payload('EV-replay');
    const first = await send(body, await signed(body, 'EV-replay'));
    expect(first.statusCode, first.body).toBe(202);
    // Connect's retry: a fresh token for the same event.
    const again = await send(body, await signed(body, 'EV-replay', JWT_SECRET, Date.now() + 1000));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ status: 'DUPLICATE', executionId: first.json().executionId });
    expect(await executions('requests-hook')).toHaveLength(before + 1);
  });

  it('refuses calls that Connect did not sign for this body, running nothing', async () => {
    const before = (await executions('requests-hook')).length;
    const body = payload('EV-attack');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ jti: 'EV-attack', exp: now + 300 })}.`;
    const attacks: Array<[string, Record<string, string>, string]> = [
      ['no token', {}, body],
      ['alg none', { authorization: `Bearer ${unsigned}` }, body],
      ['wrong secret', await signed(body, 'EV-attack', 'another-secret-0123456789'), body],
      ['expired', await signed(body, 'EV-attack', JWT_SECRET, Date.now() - 3_600_000), body],
      [
        'tampered body',
        await signed(body, 'EV-attack'),
        payload('EV-attack', { id: 'PR-1', status: 'failed' }),
      ],
      // The account's own API token is not Connect's signature.
      ['Junction token', bearer(token), body],
    ];
    for (const [name, headers, sent] of attacks) {
      const res = await send(sent, headers);
      expect(res.statusCode, name).toBe(401);
      expect(res.body, name).not.toContain(JWT_SECRET);
    }
    expect(await executions('requests-hook')).toHaveLength(before);
    // The event was never taken: Connect's genuine call still runs.
    expect((await send(body, await signed(body, 'EV-attack'))).statusCode).toBe(202);
  });

  it('says where a signed body is not a webhook payload', async () => {
    const body = JSON.stringify({ event: { id: 'EV-bad' }, webhook: {}, object: {} });
    const res = await send(body, await signed(body, 'EV-bad'));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toContain('/event/object_class');
    const notJson = 'not json';
    expect((await send(notJson, await signed(notJson, 'EV-bad'))).statusCode).toBe(400);
  });

  describe('registering the webhook on Connect in one click', () => {
    const register = (processId: string, body: Record<string, string>, as = token) =>
      app.inject({
        method: 'POST',
        url: `/api/processes/${processId}/connect-webhook`,
        headers: bearer(as),
        payload: { environmentId: 'production', connectionId: 'sandbox', ...body },
      });

    it('creates it through the connection, and Connect’s calls then start the process', async () => {
      const productId = (
        await app.inject({ url: `${SANDBOX}/products?limit=1`, headers: demo })
      ).json()[0].id as string;
      const res = await register('requests-hook', { productId });
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json();
      expect(created).toMatchObject({
        objectClass: 'fulfillment_request',
        externalUrl: `http://127.0.0.1:4400${URL}`,
        productId,
      });
      expect(res.body).not.toContain(JWT_SECRET);
      const stored = (
        await app.inject({
          url: `${SANDBOX}/notifications/webhooks/${created.webhookId}`,
          headers: demo,
        })
      ).json();
      expect(stored).toMatchObject({
        external_url: created.externalUrl,
        object_class: 'fulfillment_request',
        active: true,
      });
      // Connect signs with the sealed secret: its trigger reaches the listener and runs.
      const before = (await executions('requests-hook')).length;
      const triggered = await app.inject({
        method: 'POST',
        url: `${SANDBOX}/notifications/webhooks/${created.webhookId}/trigger`,
        headers: demo,
      });
      expect(triggered.statusCode, triggered.body).toBeLessThan(300);
      await expect
        .poll(async () => (await executions('requests-hook')).length, { timeout: 10_000 })
        .toBe(before + 1);
    });

    it('says what is missing, and lets only builders register', async () => {
      const productId = 'PRD-000-000-000';
      expect((await register('requests-hook', { productId }, operator)).statusCode).toBe(403);
      const notThere = await register('requests-hook', { productId, environmentId: 'staging' });
      expect(notThere.statusCode, notThere.body).toBe(409);
      expect(notThere.json().message).toContain('not deployed to staging');
      expect(
        (await register('requests-hook', { productId, connectionId: 'nope' })).statusCode,
      ).toBe(404);
      expect((await register('no-such-process', { productId })).statusCode).toBe(404);
      await deployProcess(app, token, {
        ...webhookProcess('secretless', { path: 'secretless' }),
      });
      const noSecret = await register('secretless', { productId });
      expect(noSecret.statusCode, noSecret.body).toBe(409);
      expect(noSecret.json().message).toContain('JWT secret');
    });
  });
});
