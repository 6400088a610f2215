import {
  CONNECT_OPERATIONS,
  createConnectClient,
  executeConnectOperation,
} from '@junction/connect-client';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertConformant, type ConformanceLog } from './conformance.ts';
import type { JsonObject } from './json.ts';
import { SANDBOX_DEMO_TOKEN } from './plugin.ts';
import { createSandboxState } from './seed/create-state.ts';
import type { CollectionName } from './store/collections.ts';
import type { SandboxState } from './store/state.ts';
import { listenTestApp } from './test-app.ts';

/**
 * Runs every catalog operation of @junction/connect-client (the HTTP mapping
 * of every (action, object) pair of the process-model catalog; connect-client's
 * tests check both agree) against a FRESH DEFAULT sandbox over a real socket:
 * each finds a suitable seeded object (no test-side state changes) and must
 * succeed with a status the client's table documents. Every response is also
 * validated against the spec. Catches seeds that leave an action untriable and
 * path, method, body and status drift.
 */
describe('every connect-client catalog operation against the sandbox', () => {
  let app: FastifyInstance;
  let log: ConformanceLog;
  let state: SandboxState;
  let client: ReturnType<typeof createConnectClient>;
  const used = new Set<string>();

  beforeAll(async () => {
    state = createSandboxState();
    const started = await listenTestApp({ state });
    app = started.app;
    log = started.log;
    client = createConnectClient({ endpoint: started.baseUrl, token: SANDBOX_DEMO_TOKEN });
  });
  afterEach(() => assertConformant(log));
  afterAll(() => app.close());

  // A not-yet-used object of a family, optionally in a given status, so
  // operations don't trip over each other's side effects.
  function fresh(
    collection: CollectionName,
    where: (obj: JsonObject) => boolean = () => true,
  ): JsonObject {
    const found = state.all(collection).find((obj) => !used.has(String(obj['id'])) && where(obj));
    if (found === undefined) {
      throw new Error(`no fresh ${collection}`);
    }
    used.add(String(found['id']));
    return found;
  }
  const status = (value: string) => (obj: JsonObject) =>
    obj['status'] === value || obj['state'] === value;
  const id = (obj: JsonObject) => String(obj['id']);
  // A parameter marked invalid (seeded for `inquire`), in a request's asset or a TCR.
  const invalid = (params: unknown) =>
    Array.isArray(params) && params.some((p) => (p as JsonObject)['value_error']);
  const flagged = (obj: JsonObject) =>
    invalid(obj['params']) || invalid((obj['asset'] as JsonObject | undefined)?.['params']);
  const pending = (obj: JsonObject) => status('pending')(obj) && !flagged(obj);
  const templateOf = (productId: string, scope: string) =>
    id(
      state
        .all('template')
        .find(
          (t) =>
            (t['product'] as JsonObject)['id'] === productId &&
            t['scope'] === scope &&
            t['type'] === 'fulfillment',
        ) ?? {},
    );
  const productOf = (obj: JsonObject) =>
    String(((obj['asset'] as JsonObject)['product'] as JsonObject)['id']);
  const xlsx = { filename: 'usage.xlsx', content: new Uint8Array([80, 75, 3, 4]) };

  type Input = {
    id?: string;
    parentId?: string;
    body?: unknown;
    filter?: string;
    maxRecords?: number;
  };
  const inputs: Record<string, () => Input> = {
    'create:request': () => {
      const product = state.all('product')[0] ?? {};
      return {
        body: {
          type: 'purchase',
          asset: { product: { id: id(product) }, items: [], params: [], tiers: {} },
          marketplace: { id: 'MP-91673' },
        },
      };
    },
    'update:request': () => ({
      id: id(fresh('request', pending)),
      body: { asset: { params: [] } },
    }),
    'approve:request': () => {
      const request = fresh('request', pending);
      return { id: id(request), body: { template_id: templateOf(productOf(request), 'asset') } };
    },
    'inquire:request': () => ({
      id: id(fresh('request', (r) => status('pending')(r) && flagged(r))),
      body: {},
    }),
    'pending:request': () => ({ id: id(fresh('request', status('inquiring'))) }),
    'reject:request': () => ({
      id: id(fresh('request', pending)),
      body: { reason: 'no' },
    }),
    'create:subscription-request': () => ({
      body: { asset_id: id(fresh('asset', status('active'))), type: 'vendor', items: [] },
    }),
    'update:subscription-request': () => ({
      id: id(fresh('subscription-request')),
      body: { vendor: { external_id: 'V-1' } },
    }),
    'create:tier-account': () => ({
      body: { name: 'New Co', type: 'customer', contact_info: { country: 'es' } },
    }),
    'update:tier-account': () => ({ id: id(fresh('tier-account')), body: { name: 'Renamed Co' } }),
    'list:tier-account-version': () => ({ parentId: id(state.all('tier-account')[1] ?? {}) }),
    'get:tier-account-version': () => ({
      parentId: id(state.all('tier-account')[1] ?? {}),
      id: '1',
    }),
    'create:tier-account-request': () => ({
      body: { type: 'update', account: { id: id(state.all('tier-account')[2] ?? {}) } },
    }),
    'accept:tier-account-request': () => ({
      id: id(fresh('tier-account-request', status('pending'))),
    }),
    'reject:tier-account-request': () => ({
      id: id(fresh('tier-account-request', status('pending'))),
      body: { reason: 'no' },
    }),
    'create:tier-config-request': () => {
      const account = state.all('tier-account')[3] ?? {};
      return {
        body: {
          configuration: {
            product: { id: id(state.all('product')[0] ?? {}) },
            account: { id: id(account) },
            tier_level: 1,
          },
        },
      };
    },
    'update:tier-config-request': () => ({
      id: id(fresh('tier-config-request', pending)),
      body: { params: [] },
    }),
    'submit:tier-config-request': () => ({
      id: id(fresh('tier-config-request', status('draft'))),
      body: {},
    }),
    'approve:tier-config-request': () => {
      const tcr = fresh('tier-config-request', pending);
      const productId = String(
        ((tcr['configuration'] as JsonObject)['product'] as JsonObject)['id'],
      );
      return { id: id(tcr), body: { template: { id: templateOf(productId, 'tier1') } } };
    },
    'inquire:tier-config-request': () => ({
      id: id(fresh('tier-config-request', (t) => status('pending')(t) && flagged(t))),
    }),
    'pending:tier-config-request': () => ({
      id: id(fresh('tier-config-request', status('inquiring'))),
    }),
    'reject:tier-config-request': () => ({
      id: id(fresh('tier-config-request', pending)),
      body: { reason: 'no' },
    }),
    'create:product': () => ({ body: { name: 'Brand New Product' } }),
    'update:product': () => ({ id: id(fresh('product')), body: { short_description: 'x' } }),
    'delete:product': () => ({ id: id(fresh('product')) }),
    'delete:tier-account': () => ({ id: id(fresh('tier-account')) }),
    'create:usage-report': () => ({
      body: {
        name: 'U',
        product: { id: id(state.all('product')[0] ?? {}) },
        contract: { id: 'CRD-1' },
        period: { from: '2025-01-01', to: '2025-01-31' },
      },
    }),
    'update:usage-report': () => ({ id: id(fresh('usage-report')), body: { description: 'd' } }),
    'upload:usage-report': () => ({ id: id(fresh('usage-report', status('draft'))), body: xlsx }),
    'submit:usage-report': () => ({ id: id(fresh('usage-report', status('ready'))) }),
    'accept:usage-report': () => ({
      id: id(fresh('usage-report', status('pending'))),
      body: { acceptance_note: 'ok' },
    }),
    'reject:usage-report': () => ({
      id: id(fresh('usage-report', status('pending'))),
      body: { rejection_note: 'no' },
    }),
    'close:usage-report': () => ({ id: id(fresh('usage-report', status('accepted'))) }),
    'reprocess:usage-report': () => ({ id: id(fresh('usage-report', status('invalid'))) }),
    'delete:usage-report': () => ({ id: id(fresh('usage-report', status('draft'))) }),
    'update:usage-record': () => ({ id: id(fresh('usage-record')), body: { status: 'approved' } }),
    'close:usage-record': () => ({
      id: id(fresh('usage-record', status('approved'))),
      body: { external_billing_id: 'B' },
    }),
    'bulk-close:usage-record': () => ({
      body: [{ id: id(fresh('usage-record', status('approved'))), external_billing_id: 'B' }],
    }),
    'update:usage-chunk': () => ({ id: id(fresh('usage-chunk')), body: { external_id: 'E' } }),
    'close:usage-chunk': () => ({
      id: id(fresh('usage-chunk', status('ready'))),
      body: { external_billing_id: 'B' },
    }),
    'regenerate:usage-chunk': () => ({ id: id(fresh('usage-chunk', status('ready'))) }),
    'create:usage-reconciliation': () => ({ body: { ...xlsx, filename: 'recon.xlsx' } }),
    'create:case': () => ({
      body: {
        subject: 's',
        description: 'd',
        priority: 1,
        type: 'technical',
        receiver: { account: { id: 'PA-222-222' } },
      },
    }),
    'update:case': () => ({ id: id(fresh('case')), body: { subject: 'new' } }),
    'inquire:case': () => ({ id: id(fresh('case', status('pending'))) }),
    'pending:case': () => ({ id: id(fresh('case', status('inquiring'))) }),
    'resolve:case': () => ({ id: id(fresh('case', status('pending'))) }),
    'close:case': () => ({ id: id(fresh('case', status('resolved'))), body: { rating: 4 } }),
  };

  const keys = Object.keys(CONNECT_OPERATIONS);
  it('covers the 15 catalog objects', () => {
    expect(new Set(keys.map((key) => key.split(':')[1])).size).toBe(15);
    expect(keys.length).toBeGreaterThan(70);
  });
  it.each(keys)('%s', async (key) => {
    const [action = '', object = ''] = key.split(':');
    const spec = CONNECT_OPERATIONS[key];
    let input: Input;
    if (inputs[key]) {
      input = inputs[key]();
    } else if (action === 'list') {
      input = { filter: 'ne(id,null())', maxRecords: 150 };
    } else if (action === 'get') {
      const listed = await executeConnectOperation(client, {
        action: 'list',
        object,
        maxRecords: 1,
      });
      input = { id: String((listed.records[0] as JsonObject)['id']) };
    } else if (action === 'assign' || action === 'unassign') {
      const collection = object as CollectionName;
      input = {
        id: id(fresh(collection, pending)),
        body: action === 'assign' ? { id: 'UR-841-574-187' } : undefined,
      };
    } else {
      throw new Error(`no input for ${key}`);
    }
    const result = await executeConnectOperation(client, { action, object, ...input });
    expect(spec?.success, key).toContain(result.status);
    if (action === 'list') {
      expect(result.records.length, key).toBeGreaterThan(0);
    }
  });
});
