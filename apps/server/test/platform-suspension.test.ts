import { listRequestsProcess } from '@junction/runtime/testing';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { deployProcess, listenerProcess } from './listener-fixtures.ts';
import { call, P } from './platform-fixtures.ts';

/** default ── partner ── customer, with an admin token in the customer account. */
async function hierarchy(app: FastifyInstance) {
  const provisioned = await call(app, 'POST', `${P}/execute/provision-account`, {
    payload: { name: 'Partner', id: 'partner' },
  });
  expect(provisioned.statusCode, provisioned.body).toBeLessThan(300);
  const customer = await call(app, 'POST', `${P}/Account?overrideAccount=partner`, {
    payload: { name: 'Customer', id: 'customer' },
  });
  expect(customer.statusCode, customer.body).toBe(201);
  const minted = await call(app, 'POST', `${P}/Token?overrideAccount=customer`, {
    payload: { name: 'customer admin', role: 'admin' },
  });
  expect(minted.statusCode, minted.body).toBe(201);
  return minted.json().token as string;
}

const setStatus = (app: FastifyInstance, id: string, status: 'active' | 'suspended') =>
  call(app, 'PUT', `${P}/Account/${id}`, { payload: { status } });

describe(`a suspended partner (${storageUnderTest()})`, () => {
  let app: FastifyInstance;
  let customerAdmin: string;
  let clock = new Date('2026-03-02T10:00:30Z');
  beforeAll(async () => {
    app = await buildTestApp({ scheduler: { now: () => clock, intervalMs: 0 } });
    customerAdmin = await hierarchy(app);
  });

  const session = () => call(app, 'GET', '/api/session', { token: customerAdmin });
  const mintAdmin = () =>
    call(app, 'POST', `${P}/Token`, {
      token: customerAdmin,
      payload: { name: 'one more admin', role: 'admin' },
    });

  it('stops its customers too, until it is reactivated', async () => {
    expect((await session()).statusCode).toBe(200);
    expect((await setStatus(app, 'partner', 'suspended')).statusCode).toBe(200);

    for (const res of [await session(), await mintAdmin()]) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().message).toBe('Account partner is suspended.');
    }
    const actingBelow = await call(app, 'GET', '/api/processes', {
      headers: { 'x-junction-account': 'customer' },
    });
    expect(actingBelow.statusCode).toBe(403);
    const overridden = await call(app, 'POST', `${P}/Token?overrideAccount=customer`, {
      payload: { name: 'minted by the install admin', role: 'admin' },
    });
    expect(overridden.statusCode).toBe(403);
    expect(overridden.json().message).toBe('Account partner is suspended.');

    expect((await setStatus(app, 'partner', 'active')).statusCode).toBe(200);
    expect((await session()).statusCode).toBe(200);
    expect((await mintAdmin()).statusCode).toBe(201);
  });

  it('stops its customers’ schedules too, until it is reactivated', async () => {
    const asCustomer = { token: customerAdmin };
    const imported = await call(app, 'POST', '/api/processes/import', {
      ...asCustomer,
      payload: listRequestsProcess('nightly'),
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const env = await call(app, 'POST', `${P}/Environment`, {
      ...asCustomer,
      payload: { name: 'Prod' },
    });
    const deployed = await call(app, 'POST', `${P}/Deployment`, {
      ...asCustomer,
      payload: {
        processId: 'nightly',
        environmentId: env.json().id,
        schedules: [{ cron: '* * * * *' }],
      },
    });
    expect(deployed.statusCode, deployed.body).toBe(201);

    await setStatus(app, 'partner', 'suspended');
    expect(await app.scheduler.tick()).toBe(0);
    await setStatus(app, 'partner', 'active');
    // The scheduler starts the ticks due since it last looked: the next minute's.
    clock = new Date('2026-03-02T10:01:30Z');
    expect(await app.scheduler.tick()).toBe(1);
  });
});

describe(`listeners of a suspended, then deleted, account (${storageUnderTest()})`, () => {
  it('stay shut, and so does a test URL opened before', async () => {
    const app = await buildTestApp();
    const token = await hierarchy(app);
    const env = await call(app, 'POST', `${P}/Environment`, { token, payload: { name: 'Prod' } });
    expect(env.statusCode, env.body).toBe(201);
    const hook = listenerProcess('hook', {
      path: 'hook',
      auth: { kind: 'shared-secret', header: 'x-hook-secret' },
    });
    await deployProcess(app, token, hook, env.json().id);
    const secret = 'a secret long enough to be one';
    const set = await call(app, 'PUT', '/api/processes/hook/listener-secret', {
      token,
      payload: { secret },
    });
    expect(set.statusCode, set.body).toBe(200);
    const listen = () =>
      app.inject({
        method: 'POST',
        url: `/api/listen/${env.json().id}/hook`,
        headers: { 'x-hook-secret': secret, 'content-type': 'application/json' },
        payload: JSON.stringify({ order: { id: 'A-1', qty: 2 } }),
      });
    expect((await listen()).statusCode).toBe(201);
    const opened = await call(app, 'POST', '/api/processes/hook/listener-tests', {
      token,
      payload: { process: listenerProcess('hook', { path: 'hook' }) },
    });
    expect(opened.statusCode, opened.body).toBe(201);

    expect((await setStatus(app, 'partner', 'suspended')).statusCode).toBe(200);
    const suspended = await listen();
    expect(suspended.statusCode).toBe(403);
    expect(suspended.json().message).toBe('Account partner is suspended.');
    const tested = await app.inject({
      method: 'POST',
      url: opened.json().url,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ order: { id: 'A-1', qty: 2 } }),
    });
    expect(tested.statusCode, tested.body).toBe(403);

    // Deleting marks the subtree deleted, over the partner's suspension.
    expect((await call(app, 'DELETE', `${P}/Account/partner`)).statusCode).toBeLessThan(300);
    const deleted = await listen();
    expect(deleted.statusCode).toBe(403);
    expect(deleted.json().message).toBe('Account customer is deleted.');
  });
});
