import { createHash } from 'node:crypto';
import { listRequestsProcess } from '@junction/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { call, P, waitForExecution } from './platform-fixtures.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

describe(`Platform API (${storageUnderTest()})`, () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp();
  });

  it('shows a token once, stores only its hash, and stops it when revoked', async () => {
    const created = await call(app, 'POST', `${P}/Token`, {
      payload: { name: 'ci', role: 'viewer' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^jct_[A-Za-z0-9_-]{43}$/);
    const read = await call(app, 'GET', `${P}/Token/${id}`);
    expect(read.json()).toMatchObject({ id, name: 'ci', role: 'viewer', revokedAt: null });
    expect(read.body).not.toContain(token);
    const hash = createHash('sha256').update(token).digest('hex');
    expect(read.body).not.toContain(hash);
    const me = await call(app, 'GET', `${P}/Account/default`, { token });
    expect(me.statusCode).toBe(200);
    expect((await call(app, 'DELETE', `${P}/Token/${id}`)).json()).toEqual({ id, revoked: true });
    const after = await call(app, 'GET', `${P}/Account/default`, { token });
    expect(after.statusCode).toBe(401);
    expect((await call(app, 'GET', '/api/processes', { token: 'jct_forged' })).statusCode).toBe(
      401,
    );
  });

  it('queries with a filter tree and pages through every result with queryMore', async () => {
    for (let i = 0; i < 130; i++) {
      const res = await call(app, 'POST', `${P}/Environment`, {
        payload: {
          name: `env-${String(i).padStart(3, '0')}`,
          classification: i % 2 ? 'PROD' : 'TEST',
        },
      });
      expect(res.statusCode).toBe(201);
    }
    const filter = {
      QueryFilter: {
        expression: {
          operator: 'and',
          nestedExpression: [
            { property: 'name', operator: 'STARTS_WITH', argument: ['env-'] },
            { property: 'classification', operator: 'EQUALS', argument: ['PROD'] },
          ],
        },
      },
    };
    const first = (await call(app, 'POST', `${P}/Environment/query`, { payload: filter })).json();
    expect(first.numberOfResults).toBe(65);
    expect(first.result).toHaveLength(65);
    expect(first.queryToken).toBeUndefined();
    const all = (await call(app, 'POST', `${P}/Environment/query`, { payload: {} })).json();
    expect(all.numberOfResults).toBe(130);
    expect(all.result).toHaveLength(100);
    const more = await call(app, 'POST', `${P}/Environment/queryMore`, {
      payload: { queryToken: all.queryToken },
    });
    expect(more.json().result).toHaveLength(30);
    expect(more.json().queryToken).toBeUndefined();
    const names = [...all.result, ...more.json().result].map((e: { name: string }) => e.name);
    expect(new Set(names).size).toBe(130);
    const bad = await call(app, 'POST', `${P}/Environment/query`, {
      payload: { expression: { property: 'secret', operator: 'EQUALS', argument: ['x'] } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('bad-filter');
  });

  it('executes the deployed revision, not the latest save, and records it', async () => {
    await call(app, 'POST', '/api/processes/import', { payload: listRequestsProcess('deployed') });
    const notDeployed = await call(app, 'POST', `${P}/execute/execute-process`, {
      payload: { processId: 'deployed' },
    });
    expect(notDeployed.statusCode).toBe(409);
    const env = (await call(app, 'POST', `${P}/Environment`, { payload: { name: 'Prod' } })).json();
    await call(app, 'POST', `${P}/execute/deploy-process`, {
      payload: { processId: 'deployed', environmentId: env.id },
    });
    const doc = (await call(app, 'GET', `${P}/Process/deployed`)).json().document;
    const saved = await call(app, 'PUT', `${P}/Process/deployed`, {
      payload: { revision: 1, document: { ...doc, name: 'renamed' } },
    });
    expect(saved.json().revision).toBe(2);
    const started = await call(app, 'POST', `${P}/execute/execute-process`, {
      payload: { processId: 'deployed' },
    });
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({ status: 'STARTED', revision: 1, environmentId: env.id });
    const record = await waitForExecution(app, '', started.json().executionId);
    expect(record).toMatchObject({ status: 'COMPLETE', revision: 1, executionType: 'exec_manual' });
    const cancel = await call(app, 'POST', `${P}/execute/cancel-execution`, {
      payload: { executionId: record.executionId },
    });
    expect(cancel.statusCode).toBe(409);
  });

  it('documents every platform route in the OpenAPI document', async () => {
    const doc = (await call(app, 'GET', '/api/openapi.json')).json();
    for (const path of ['Account/query', 'Token/{id}', 'Process', 'execute/deploy-process']) {
      expect(Object.keys(doc.paths)).toContain(`${P}/${path}`);
    }
  });

  it('never returns a connection token, and accepts Platform API connections', async () => {
    const platformToken = (
      await call(app, 'POST', `${P}/Token`, {
        payload: { name: 'for a process', role: 'operator' },
      })
    ).json().token;
    const created = await call(app, 'POST', `${P}/Connection`, {
      payload: { name: 'Platform', kind: 'junction-platform', token: platformToken },
    });
    expect(created.statusCode).toBe(201);
    expect(created.body).not.toContain(platformToken);
    const listed = await call(app, 'GET', '/api/connections');
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(platformToken);
    const queried = await call(app, 'POST', `${P}/Connection/query`);
    expect(queried.body).not.toContain(platformToken);
    expect(queried.json().result.map((c: { kind: string }) => c.kind)).toContain(
      'junction-platform',
    );
  });
});

describe(`with JUNCTION_ACCESS_TOKEN set (${storageUnderTest()})`, () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp({ accessToken: 'install-secret' });
  });

  it('needs the access token or a platform token; a platform token acts as its account', async () => {
    expect((await call(app, 'GET', '/api/processes')).statusCode).toBe(401);
    const asInstall = { headers: { authorization: 'Bearer install-secret' } };
    expect((await call(app, 'GET', '/api/processes', asInstall)).statusCode).toBe(200);
    const account = await call(app, 'POST', `${P}/Account`, {
      ...asInstall,
      payload: { name: 'Sub', id: 'sub' },
    });
    expect(account.statusCode).toBe(201);
    const token = (
      await call(app, 'POST', `${P}/Token?overrideAccount=sub`, {
        ...asInstall,
        payload: { name: 'sub', role: 'builder' },
      })
    ).json().token;
    const created = await call(app, 'POST', '/api/processes', {
      token,
      payload: { name: 'in sub' },
    });
    expect(created.statusCode).toBe(201);
    const inDefault = (await call(app, 'GET', '/api/processes', asInstall)).json();
    expect(inDefault.items).toHaveLength(0);
    const viaHeader = await call(app, 'GET', '/api/processes', {
      headers: { ...asInstall.headers, 'x-junction-account': 'sub' },
    });
    expect(viaHeader.json().items).toHaveLength(1);
    const viaCookie = await call(app, 'GET', '/api/processes', {
      headers: { ...asInstall.headers, cookie: 'junction_account=sub' },
    });
    expect(viaCookie.json().items).toHaveLength(1);
    const upward = await call(app, 'GET', '/api/processes', {
      token,
      headers: { 'x-junction-account': 'default' },
    });
    expect(upward.statusCode).toBe(403);
  });
});
