import { createConnectClient } from '@junction/connect-client';
import { formatIssues, validateRequest } from '@junction/connect-client/spec';
import {
  createInProcessSandbox,
  type InProcessSandbox,
  type JsonObject,
  type SandboxState,
} from '@junction/connect-sandbox';
import type { ConnectorOperation, Parameter } from '@junction/process-model';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectClientGateway } from '../connect-call.ts';
import { buildProcess, runTest, sink } from '../test-support.ts';
import type { ConnectorGateway, Shape } from '../types.ts';

const text = (name: string, value: string): Parameter => ({
  name,
  value: { type: 'static', value },
});

function operation(action: string, object: string, parameters: Parameter[]): ConnectorOperation {
  return {
    connector: 'cloudblue-connect',
    connectionId: 'sandbox',
    action,
    object,
    trackingDirection: 'output',
    returnApplicationErrors: false,
    parameters,
  };
}

const connector = (config: ConnectorOperation): Shape => ({ kind: 'connector', label: '', config });

interface SentRequest {
  method: string;
  path: string;
  body: unknown;
}

/**
 * Parameters reach Connect as the catalog says, against the real sandbox through the real
 * client; every request sent is also checked against the official OpenAPI spec.
 */
describe('connector parameters against the Connect sandbox', () => {
  let sandbox: InProcessSandbox;
  let state: SandboxState;
  let gateway: ConnectorGateway;
  const sent: SentRequest[] = [];
  const violations: string[] = [];

  beforeAll(async () => {
    sandbox = await createInProcessSandbox({ seed: 7 });
    state = sandbox.state;
    const base = new URL(sandbox.endpoint).pathname;
    const recording: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const body = request.body ? JSON.parse(await request.clone().text()) : undefined;
      const url = new URL(request.url);
      sent.push({ method: request.method, path: url.pathname.slice(base.length), body });
      const issues = validateRequest({ method: request.method, url: request.url, body });
      if (issues.length > 0) {
        violations.push(`${request.method} ${request.url}\n${formatIssues(issues)}`);
      }
      return sandbox.fetch(request);
    };
    gateway = connectClientGateway(
      createConnectClient({ endpoint: sandbox.endpoint, token: sandbox.token, fetch: recording }),
    );
  });
  afterAll(async () => {
    await sandbox.close();
  });
  afterEach(() => {
    sent.length = 0;
    expect(violations.splice(0), 'requests outside the Connect spec').toEqual([]);
  });

  const requests = () => state.all('request');
  const pending = () => requests().filter((r) => r['status'] === 'pending');

  /** A fulfillment template of the request's product, as an approval takes. */
  function templateFor(request: JsonObject): string {
    const product = (request['asset'] as { product: { id: string } }).product.id;
    const template = state
      .all('template')
      .find((t) => (t['product'] as { id: string }).id === product && t['type'] === 'fulfillment');
    return String(template?.['id']);
  }

  it('List · Request with id returns exactly that request', async () => {
    const target = pending()[1]!;
    expect(requests().length).toBeGreaterThan(1);
    const process = buildProcess(
      {
        list: connector(operation('list', 'request', [text('id', String(target['id']))])),
        end: sink(),
      },
      [
        ['start', 'default', 'list'],
        ['list', 'default', 'end'],
      ],
    );
    const run = await runTest(process, { connectors: gateway });
    expect(run.outcome.status).toBe('complete');
    const listed = run.inputs.get('end')?.flat() ?? [];
    expect(listed.map((d) => JSON.parse(d.data).id)).toEqual([target['id']]);
    expect(sent.map((r) => r.path)).toEqual([`/requests`]);
  });

  it('List · Request with an empty id (a field not found) returns nothing', async () => {
    const process = buildProcess(
      {
        list: connector(
          operation('list', 'request', [
            { name: 'id', value: { type: 'profile-element', path: 'missing' } },
          ]),
        ),
        end: sink(),
      },
      [
        ['start', 'default', 'list'],
        ['list', 'default', 'end'],
      ],
    );
    const run = await runTest(process, { connectors: gateway });
    expect(run.outcome.status).toBe('complete');
    expect(run.inputs.get('end')?.flat() ?? []).toEqual([]);
  });

  //   start ─▶ list(List · Request, id = one pending request) ─▶ approve(template_id) ─▶ end
  it('a List by id fed into Approve approves that one request and no other', async () => {
    const before = pending();
    const target = before[0]!;
    const templateId = templateFor(target);
    const process = buildProcess(
      {
        list: connector(operation('list', 'request', [text('id', String(target['id']))])),
        approve: connector(operation('approve', 'request', [text('template_id', templateId)])),
        end: sink(),
      },
      [
        ['start', 'default', 'list'],
        ['list', 'default', 'approve'],
        ['approve', 'default', 'end'],
      ],
    );
    const run = await runTest(process, { connectors: gateway });
    expect(run.outcome.status).toBe('complete');
    const approvals = sent.filter((r) => r.method === 'POST');
    expect(approvals.map((r) => r.path)).toEqual([`/requests/${target['id']}/approve`]);
    const after = new Map(requests().map((r) => [r['id'], r]));
    expect(after.get(target['id'])).toMatchObject({
      status: 'approved',
      template: { id: templateId },
    });
    const othersStillPending = before
      .filter((r) => r['id'] !== target['id'])
      .every((r) => after.get(r['id'])?.['status'] === 'pending');
    expect(othersStillPending).toBe(true);
  });

  it('Approve · Request sends its template_id parameter in the body', async () => {
    const target = pending()[0]!;
    const templateId = templateFor(target);
    const process = buildProcess(
      {
        approve: connector(
          operation('approve', 'request', [
            text('id', String(target['id'])),
            text('template_id', templateId),
          ]),
        ),
        end: sink(),
      },
      [
        ['start', 'default', 'approve'],
        ['approve', 'default', 'end'],
      ],
    );
    const run = await runTest(process, { connectors: gateway });
    expect(run.outcome.status).toBe('complete');
    expect(sent).toEqual([
      {
        method: 'POST',
        path: `/requests/${target['id']}/approve`,
        body: { template_id: templateId },
      },
    ]);
    expect(state.get('request', String(target['id']))).toMatchObject({
      status: 'approved',
      template: { id: templateId },
    });
  });

  it('a parameter the operation does not take fails the document and sends nothing', async () => {
    const target = pending()[0]!;
    const process = buildProcess(
      {
        approve: connector(
          operation('approve', 'request', [text('id', String(target['id'])), text('foo', 'x')]),
        ),
        end: sink(),
      },
      [
        ['start', 'default', 'approve'],
        ['approve', 'default', 'end'],
      ],
    );
    const run = await runTest(process, { connectors: gateway });
    expect(run.outcome.status).toBe('error');
    expect(JSON.stringify(run.outcome)).toContain("'foo' is not one of its parameters");
    expect(sent).toEqual([]);
    expect(state.get('request', String(target['id']))?.['status']).toBe('pending');
  });
});
