import { createConnectClient } from '@junction/connect-client';
import { createInProcessSandbox, type InProcessSandbox } from '@junction/connect-sandbox';
import type { ConnectorOperation } from '@junction/process-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClientGateway } from '../connect-call.ts';
import { JsonDocument } from '../json-document.ts';
import { META } from '../properties.ts';
import { buildProcess, runTest, sink } from '../test-support.ts';
import type { ConnectorGateway, Shape } from '../types.ts';

function operation(
  action: string,
  object: string,
  parameters: ConnectorOperation['parameters'],
  returnApplicationErrors = false,
): ConnectorOperation {
  return {
    connector: 'cloudblue-connect',
    connectionId: 'sandbox',
    action,
    object,
    trackingDirection: 'output',
    returnApplicationErrors,
    parameters,
  };
}

describe('connector shapes against the Connect sandbox (real client)', () => {
  let sandbox: InProcessSandbox;
  let gateway: ConnectorGateway;
  beforeAll(async () => {
    sandbox = await createInProcessSandbox({ seed: 7 });
    gateway = connectClientGateway(
      createConnectClient({
        endpoint: sandbox.endpoint,
        token: sandbox.token,
        fetch: sandbox.fetch,
      }),
    );
  });
  afterAll(async () => {
    await sandbox.close();
  });

  //   start(List · asset, 3) ─▶ get(Get · asset by id) ─▶ end
  it('starts with the records a List returns and fetches each by id downstream', async () => {
    const start: Shape = {
      kind: 'start',
      label: '',
      config: {
        mode: 'connector',
        operation: operation('list', 'asset', [
          { name: 'maxRecords', value: { type: 'static', value: '3' } },
        ]),
      },
    };
    const get: Shape = {
      kind: 'connector',
      label: '',
      config: operation('get', 'asset', [
        { name: 'id', value: { type: 'profile-element', path: 'id' } },
      ]),
    };
    const process = buildProcess({ start, get, end: sink() }, [
      ['start', 'default', 'get'],
      ['get', 'default', 'end'],
    ]);
    const run = await runTest(process, { connectors: gateway });
    expect(run.outcome.status).toBe('complete');
    const listed = run.inputs.get('get')?.flat() ?? [];
    expect(listed).toHaveLength(3);
    // The records Start read are the run's first documents: no parent the run never emitted.
    expect(listed.map((d) => d.parentId)).toEqual([undefined, undefined, undefined]);
    expect(listed.every((d) => JsonDocument.keeps(d))).toBe(true);
    const fetched = run.inputs.get('end')?.flat() ?? [];
    expect(fetched.map((d) => JSON.parse(d.data).id)).toEqual(
      listed.map((d) => JSON.parse(d.data).id),
    );
    expect(fetched.map((d) => d.parentId)).toEqual(listed.map((d) => d.id));
  });

  //   start(no data) ─▶ tc ─try─▶ get(missing id) ─▶ end
  //                       └catch─▶ caught
  it('fails the document on an API error (catchable), or returns the error body with status properties', async () => {
    const get = (returnErrors: boolean): Shape => ({
      kind: 'connector',
      label: '',
      config: operation(
        'get',
        'asset',
        [{ name: 'id', value: { type: 'static', value: 'AS-0000-0000-0000' } }],
        returnErrors,
      ),
    });
    const build = (returnErrors: boolean) =>
      buildProcess(
        {
          tc: { kind: 'try-catch', label: '', config: { retryCount: 0, trigger: 'document' } },
          get: get(returnErrors),
          end: sink(),
          caught: sink(),
        },
        [
          ['start', 'default', 'tc'],
          ['tc', 'try', 'get'],
          ['get', 'default', 'end'],
          ['tc', 'catch', 'caught'],
        ],
      );
    const failing = await runTest(build(false), { connectors: gateway });
    // Caught, so the run completes, with the error in its log as a warning.
    expect(failing.outcome.status).toBe('complete-warn');
    const caught = failing.inputs.get('caught')?.flat() ?? [];
    expect(caught).toHaveLength(1);
    expect(caught[0]?.properties[META.tryCatchMessage]).not.toBe('');

    const answered = await runTest(build(true), { connectors: gateway });
    const out = answered.inputs.get('end')?.flat() ?? [];
    expect(out[0]?.properties[META.applicationStatusCode]).toBe('404');
    expect(answered.inputs.has('caught')).toBe(false);
    expect(answered.outcome.status).toBe('complete');
  });
});
