import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, call } from '../test-app.ts';

describe('/tier/config-requests', () => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let tcrId: string;
  let configId: string;
  let templateId: string;
  beforeAll(async () => {
    app = await buildTestApp({ seed: 21 });
    const account = (await call(app, 'GET', '/tier/accounts?type=reseller&limit=1')).json()[0];
    const product = (await call(app, 'GET', '/products?limit=1')).json()[0];
    templateId = (await call(app, 'GET', `/products/${product.id}/templates?scope=tier1`)).json()[0]
      .id;
    const res = await call(app, 'POST', '/tier/config-requests', {
      configuration: { product: { id: product.id }, account: { id: account.id }, tier_level: 1 },
    });
    expect(res.statusCode).toBe(201);
    tcrId = res.json().id;
    configId = res.json().configuration.id;
  });
  afterAll(() => app.close());

  it('derives the TCR id from its tier config', () => {
    expect(tcrId).toBe(`TCR-${configId.slice(3)}-001`);
  });

  it('answers 204 with no body and no content type to assign/unassign/inquire/pend/fail', async () => {
    for (const [action, body] of [
      ['assign', { id: 'UR-841-574-187' }],
      ['unassign', undefined],
    ] as const) {
      const res = await call(app, 'POST', `/tier/config-requests/${tcrId}/${action}`, body);
      expect(res.statusCode, action).toBe(204);
      expect(res.body).toBe('');
      expect(res.headers['content-type']).toBeUndefined();
    }
    const refused = await call(app, 'POST', `/tier/config-requests/${tcrId}/inquire`);
    expect(refused.statusCode).toBe(400);
    await call(app, 'PUT', `/tier/config-requests/${tcrId}`, { params: [] });
    const pend = await call(app, 'POST', `/tier/config-requests/${tcrId}/pend`);
    expect(pend.statusCode).toBe(400);
    expect(pend.json().error_code).toBe('REQ_003');
  });

  it('approves with {template:{id}} → 200 {template, effective_date} and activates the config', async () => {
    const res = await call(app, 'POST', `/tier/config-requests/${tcrId}/approve`, {
      template: { id: templateId },
    });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(['effective_date', 'template']);
    expect(res.json().template.id).toBe(templateId);
    expect((await call(app, 'GET', `/tier/config-requests/${tcrId}`)).json().status).toBe(
      'approved',
    );
    expect((await call(app, 'GET', `/tier/configs/${configId}`)).json().status).toBe('active');
    const fail = await call(app, 'POST', `/tier/config-requests/${tcrId}/fail`, { reason: 'late' });
    expect(fail.statusCode).toBe(400);
  });

  it('fails a pending TCR with 204', async () => {
    const res = await call(app, 'POST', '/tier/config-requests', {
      configuration: { id: configId },
      params: [],
    });
    const id = res.json().id;
    expect(id).toBe(`TCR-${configId.slice(3)}-002`);
    expect(
      (await call(app, 'POST', `/tier/config-requests/${id}/fail`, {})).json().error_code,
    ).toBe('REQ_005');
    const fail = await call(app, 'POST', `/tier/config-requests/${id}/fail`, { reason: 'nope' });
    expect(fail.statusCode).toBe(204);
    expect((await call(app, 'GET', `/tier/config-requests/${id}`)).json().status).toBe('failed');
  });
});

describe('/tier/account-requests', () => {
  it('accepts and ignores pending requests once', async () => {
    const app = await buildTestApp({ seed: 22 });
    const account = (await call(app, 'GET', '/tier/accounts?limit=1')).json()[0];
    const created = await call(app, 'POST', '/tier/account-requests', {
      type: 'update',
      account: { id: account.id, name: 'Renamed' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().id).toMatch(/^TAR-\d{4}-\d{4}-\d{4}-\d{3}-\d{3}$/);
    const accepted = await call(app, 'POST', `/tier/account-requests/${created.json().id}/accept`);
    expect(accepted.json().status).toBe('accepted');
    expect(
      (
        await call(app, 'POST', `/tier/account-requests/${created.json().id}/ignore`, {
          reason: 'x',
        })
      ).statusCode,
    ).toBe(400);
    await app.close();
  });
});
