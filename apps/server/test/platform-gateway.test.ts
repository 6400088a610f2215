import {
  addShape,
  connectShapes,
  createProcess,
  defaultConnectorConfig,
  type PlatformOperation,
  type ProcessDocument,
} from '@junction/process-model';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { call, P } from './platform-fixtures.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

/** Start -> Platform API connector -> Stop. */
function platformProcess(config: Partial<PlatformOperation>): ProcessDocument {
  const base = defaultConnectorConfig('junction-platform');
  if (base.connector !== 'junction-platform') {
    throw new Error('unreachable');
  }
  let doc = createProcess({ id: 'partner-api', name: 'Partner API' });
  doc = addShape(doc, {
    id: 'call',
    kind: 'connector',
    position: { x: 300, y: 0 },
    shape: { kind: 'connector', label: '', config: { ...base, ...config } },
  });
  doc = addShape(doc, { id: 'stop', kind: 'stop', position: { x: 500, y: 0 } });
  doc = connectShapes(doc, {
    id: 'c1',
    from: { shape: 'start', port: 'default' },
    to: { shape: 'call' },
  });
  return connectShapes(doc, {
    id: 'c2',
    from: { shape: 'call', port: 'default' },
    to: { shape: 'stop' },
  });
}

async function run(app: App, process: ProcessDocument) {
  const started = await call(app, 'POST', '/api/runs', { payload: { process } });
  expect(started.statusCode, started.body).toBe(201);
  for (let i = 0; i < 200; i++) {
    const state = (await call(app, 'GET', `/api/runs/${started.json().id}`)).json();
    if (state.status !== 'running') {
      const out = await call(
        app,
        'GET',
        `/api/runs/${state.id}/shapes/call/documents?direction=out&limit=500`,
      );
      return {
        state,
        out: out.json().items as { data?: string; properties?: Record<string, string> }[],
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('run did not finish');
}

describe(`the Partner API connector's gateway (${storageUnderTest()})`, () => {
  let app: App;
  let connectionId: string;
  beforeAll(async () => {
    app = await buildTestApp();
    for (const id of ['partner', 'stranger']) {
      await call(app, 'POST', `${P}/execute/provision-account`, { payload: { name: id, id } });
    }
    await call(app, 'POST', `${P}/Account?overrideAccount=partner`, {
      payload: { name: 'customer', id: 'customer' },
    });
    for (let i = 0; i < 120; i++) {
      await call(app, 'POST', `${P}/Environment?overrideAccount=customer`, {
        payload: { name: `c-${i}` },
      });
    }
    const token = (
      await call(app, 'POST', `${P}/Token?overrideAccount=partner`, {
        payload: { name: 'process', role: 'builder' },
      })
    ).json().token;
    // The connection lives in the default account; its token acts as the partner.
    connectionId = (
      await call(app, 'POST', `${P}/Connection`, {
        payload: { name: 'Partner', kind: 'junction-platform', token },
      })
    ).json().id;
  });

  it('queries every page of a customer account under the token’s partner account', async () => {
    const { state } = await run(
      app,
      platformProcess({
        connectionId,
        action: 'query',
        object: 'environment',
        accountId: 'customer',
      }),
    );
    expect(state.status).toBe('complete');
    // A child made with Create (not Provision) has no Production environment: 120, over two pages.
    expect(state.shapes.call.documentsOut).toBe(120);
  });

  it('acts in the token’s own account without an Account ID', async () => {
    const { state } = await run(
      app,
      platformProcess({ connectionId, action: 'query', object: 'environment', accountId: '' }),
    );
    expect(state.shapes.call.documentsOut).toBe(1); // partner's Production
  });

  it('turns an account outside the hierarchy into a 403 application error response', async () => {
    const { state, out } = await run(
      app,
      platformProcess({
        connectionId,
        action: 'query',
        object: 'environment',
        accountId: 'stranger',
        returnApplicationErrors: true,
      }),
    );
    expect(state.status).toBe('complete');
    expect(out).toHaveLength(1);
    expect(JSON.stringify(out[0])).toContain('forbidden');
    expect(JSON.stringify(out[0])).toContain('403');
  });

  it('fails the document when application errors are not returned', async () => {
    const { state } = await run(
      app,
      platformProcess({
        connectionId,
        action: 'query',
        object: 'environment',
        accountId: 'default',
        returnApplicationErrors: false,
      }),
    );
    expect(state.shapes.call.documentsInError).toBe(1);
  });
});
