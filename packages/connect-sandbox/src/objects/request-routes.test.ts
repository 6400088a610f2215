import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, call } from '../test-app.ts';

describe('/requests lifecycle', () => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let product: { id: string };
  let templateId: string;
  let itemId: string;
  beforeAll(async () => {
    app = await buildTestApp({ seed: 11 });
    product = (await call(app, 'GET', '/products?limit=1')).json()[0];
    const templates = (
      await call(app, 'GET', `/products/${product.id}/templates?type=fulfillment&scope=asset`)
    ).json();
    templateId = templates[0].id;
    itemId = (await call(app, 'GET', `/products/${product.id}/items`)).json()[0].id;
  });
  afterAll(() => app.close());

  async function purchase(): Promise<{ id: string; asset: { id: string } }> {
    const res = await call(app, 'POST', '/requests', {
      type: 'purchase',
      asset: {
        product: { id: product.id },
        connection: { id: 'CT-6838-5958', type: 'production' },
        external_id: '42',
        external_uid: 'b5d1b9c2-0000-4000-a000-000000000042',
        items: [{ id: itemId, quantity: 3 }],
        params: [],
        tiers: {
          customer: {
            name: 'New Customer Ltd',
            external_id: '777',
            external_uid: 'cust-777',
            contact_info: { country: 'us' },
          },
        },
      },
      marketplace: { id: 'MP-91673' },
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  it('creates a purchase (201, pending, asset processing) and approves it with a template (asset active)', async () => {
    const created = await purchase();
    expect(created.id).toBe(`PR-${created.asset.id.slice(3)}-001`);
    expect(created.id).toMatch(/^PR-\d{4}-\d{4}-\d{4}-001$/);
    expect((await call(app, 'GET', `/assets/${created.asset.id}`)).json().status).toBe(
      'processing',
    );
    const approved = await call(app, 'POST', `/requests/${created.id}/approve`, {
      template_id: templateId,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      id: created.id,
      status: 'approved',
      template: { id: templateId },
    });
    expect(approved.json().asset.status).toBe('active');
    const active = (
      await call(app, 'GET', `/assets/${created.asset.id}?select(template,pending_request)`)
    ).json();
    expect(active.status).toBe('active');
    expect(active.pending_request).toBeUndefined();
    expect(active.template.id).toBe(templateId);
    const again = await call(app, 'POST', `/requests/${created.id}/approve`, {
      template_id: templateId,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error_code).toBe('REQ_003');
  });

  it('finds the request through the runner count idiom', async () => {
    const created = await purchase();
    const res = await call(
      app,
      'GET',
      `/requests?and(eq(id,${created.id}),in(status,(pending)))&limit=0&offset=0`,
    );
    expect(res.json()).toEqual([]);
    expect(res.headers['content-range']).toBe('items 0-0/1');
  });

  it('requires reason to fail (REQ_005) and terminates a failed purchase asset', async () => {
    const created = await purchase();
    const missing = await call(app, 'POST', `/requests/${created.id}/fail`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toEqual({ error_code: 'REQ_005', errors: ['Missed fields: reason.'] });
    const failed = await call(app, 'POST', `/requests/${created.id}/fail`, { reason: 'No stock' });
    expect(failed.json()).toMatchObject({ status: 'failed', reason: 'No stock' });
    expect((await call(app, 'GET', `/assets/${created.asset.id}`)).json().status).toBe(
      'terminated',
    );
  });

  it('inquires only with an invalid param, then pends back', async () => {
    const created = await purchase();
    const refused = await call(app, 'POST', `/requests/${created.id}/inquire`, {
      template_id: templateId,
    });
    expect(refused.json().error_code).toBe('REQ_003');
    const paramId = (await call(app, 'GET', `/requests/${created.id}`)).json().asset.params[0].id;
    const put = await call(app, 'PUT', `/requests/${created.id}`, {
      asset: { params: [{ id: paramId, value_error: 'Wrong value' }] },
    });
    expect(put.statusCode).toBe(200);
    expect((await call(app, 'POST', `/requests/${created.id}/inquire`, {})).json().status).toBe(
      'inquiring',
    );
    expect((await call(app, 'POST', `/requests/${created.id}/pend`)).json().status).toBe('pending');
  });

  it('suspends and resumes an active asset through approved requests', async () => {
    const created = await purchase();
    await call(app, 'POST', `/requests/${created.id}/approve`, { template_id: templateId });
    const suspend = await call(app, 'POST', '/requests', {
      type: 'suspend',
      asset: { id: created.asset.id },
    });
    expect(suspend.json().id).toBe(`PR-${created.asset.id.slice(3)}-002`);
    await call(app, 'POST', `/requests/${suspend.json().id}/approve`, { template_id: templateId });
    expect((await call(app, 'GET', `/assets/${created.asset.id}`)).json().status).toBe('suspended');
    const badSuspend = await call(app, 'POST', '/requests', {
      type: 'suspend',
      asset: { id: created.asset.id },
    });
    expect(badSuspend.json().error_code).toBe('VAL_001');
  });

  it('assigns and unassigns', async () => {
    const created = await purchase();
    const assigned = await call(app, 'POST', `/requests/${created.id}/assign`, {
      id: 'UR-841-574-187',
    });
    expect(assigned.json().assignee.id).toBe('UR-841-574-187');
    expect((await call(app, 'POST', `/requests/${created.id}/unassign`)).json().assignee).toBe('');
  });

  it('creates a conversation on first access', async () => {
    const created = await purchase();
    const res = await call(app, 'GET', `/conversations?instance_id=${created.id}`);
    expect(res.json()).toHaveLength(1);
    expect(res.json()[0].instance_id).toBe(created.id);
    const message = await call(app, 'POST', `/conversations/${res.json()[0].id}/messages`, {
      text: 'hello',
    });
    expect(message.statusCode).toBe(201);
  });

  it('filters, orders, selects and searches over HTTP', async () => {
    const ordered = (
      await call(app, 'GET', '/requests?ordering(-created)&limit=20&select(-asset)')
    ).json();
    expect(ordered[0].asset).toBeUndefined();
    const created = ordered.map((r: { created: string }) => r.created);
    expect(created).toEqual([...created].sort().reverse());
    const pending = (await call(app, 'GET', '/requests?status=pending&limit=1000')).json();
    expect(pending.every((r: { status: string }) => r.status === 'pending')).toBe(true);
    const first = (await call(app, 'GET', '/requests?limit=1')).json()[0];
    const found = (await call(app, 'GET', `/requests?search=${first.asset.id.slice(3)}`)).json();
    expect(found.map((r: { id: string }) => r.id)).toContain(first.id);
    const bad = await call(app, 'GET', '/requests?and(eq(id,1)');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error_code).toBe('VAL_001');
  });
});
