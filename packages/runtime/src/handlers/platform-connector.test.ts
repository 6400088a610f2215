import {
  ACCOUNT_OVERRIDE_PROPERTY,
  defaultConnectorConfig,
  type PlatformOperation,
} from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { createTestPlatformGateway, type PlatformRecord } from '../platform-test-gateway.ts';
import { META } from '../properties.ts';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from '../test-support.ts';
import type { Shape } from '../types.ts';

const base = defaultConnectorConfig('junction-platform');
if (base.connector !== 'junction-platform') {
  throw new Error('unreachable');
}
const op = (patch: Partial<PlatformOperation>): PlatformOperation => ({
  ...base,
  connectionId: 'partner',
  object: 'process',
  ...patch,
});

const processes = (account: string, count: number): PlatformRecord[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `${account}-p${i}`,
    accountId: account,
    name: `P${i}`,
  }));

function gateway() {
  return createTestPlatformGateway({
    accounts: { root: null, child: 'root', grandchild: 'child', stranger: null },
    connections: { partner: 'root' },
    records: {
      process: [...processes('root', 2), ...processes('child', 250), ...processes('grandchild', 1)],
    },
  });
}

/** start → (optional Set Properties of the override) → connector → sink. */
function processWith(config: PlatformOperation, override?: string) {
  const connector: Shape = { kind: 'connector', label: '', config };
  const setOverride: Shape = {
    kind: 'set-properties',
    label: '',
    config: {
      properties: [
        {
          target: 'dynamic-process',
          name: ACCOUNT_OVERRIDE_PROPERTY,
          parts: [{ type: 'static', value: override ?? '' }],
          persist: false,
        },
      ],
    },
  };
  return override === undefined
    ? buildProcess({ start: PASSTHROUGH_START, call: connector, end: sink() }, [
        ['start', 'default', 'call'],
        ['call', 'default', 'end'],
      ])
    : buildProcess({ start: PASSTHROUGH_START, props: setOverride, call: connector, end: sink() }, [
        ['start', 'default', 'props'],
        ['props', 'default', 'call'],
        ['call', 'default', 'end'],
      ]);
}

describe('Platform API connector', () => {
  it('acts in the override property, else the Account ID field, else the connection’s account', async () => {
    const cases: Array<[string, string | undefined, string | undefined]> = [
      ['', undefined, undefined],
      ['child', undefined, 'child'],
      ['child', 'grandchild', 'grandchild'],
      ['', 'grandchild', 'grandchild'],
      ['child', '  ', 'child'],
    ];
    for (const [field, override, expected] of cases) {
      const platform = gateway();
      const process = processWith(op({ action: 'query', accountId: field }), override);
      const run = await runTest(process, { platform, startDocuments: docs('') });
      expect(run.outcome.status).toBe('complete');
      expect(platform.calls.map((c) => c.accountId)).toEqual([expected]);
    }
  });

  it('queries every page: one document per record, in order', async () => {
    const platform = gateway();
    const run = await runTest(processWith(op({ action: 'query', accountId: 'child' })), {
      platform,
      startDocuments: docs(''),
    });
    const out = run.dataAt('end').map((d) => (JSON.parse(d) as PlatformRecord).id);
    expect(out).toHaveLength(250);
    expect(out[0]).toBe('child-p0');
    expect(out[249]).toBe('child-p249');
    expect(platform.pages).toBe(3);
  });

  it('binds {name} filter arguments from parameters per document', async () => {
    const platform = gateway();
    const config = op({
      action: 'query',
      parameters: [{ name: 'prefix', value: { type: 'profile-element', path: 'p' } }],
      filter: {
        expression: {
          operator: 'and',
          nestedExpression: [
            { property: 'name', operator: 'STARTS_WITH', argument: ['{prefix}'] },
            { property: 'deleted', operator: 'IS_NULL', argument: [] },
            { property: 'note', operator: 'EQUALS', argument: ['{literal'] },
          ],
        },
      },
    });
    await runTest(processWith(config), { platform, startDocuments: docs('{"p":"Sync"}') });
    expect(platform.calls[0]?.filter).toEqual({
      expression: {
        operator: 'and',
        nestedExpression: [
          { property: 'name', operator: 'STARTS_WITH', argument: ['Sync'] },
          { property: 'deleted', operator: 'IS_NULL', argument: [] },
          { property: 'note', operator: 'EQUALS', argument: ['{literal'] },
        ],
      },
    });
  });

  it('returns an outside-hierarchy error as a document when asked, else fails the document', async () => {
    const config = op({ action: 'query', accountId: 'stranger', returnApplicationErrors: true });
    const returned = await runTest(processWith(config), {
      platform: gateway(),
      startDocuments: docs(''),
    });
    expect(returned.outcome.status).toBe('complete');
    const [doc] = returned.inputs.get('end')?.flat() ?? [];
    expect(JSON.parse(doc?.data ?? '')).toMatchObject({ error: 'forbidden' });
    expect(doc?.properties[META.applicationStatusCode]).toBe('403');
    expect(doc?.properties[META.applicationStatusMessage]).toContain('outside the hierarchy');

    const failed = await runTest(processWith({ ...config, returnApplicationErrors: false }), {
      platform: gateway(),
      startDocuments: docs(''),
    });
    expect(failed.outcome.status).toBe('error');
    expect(failed.outcome.shapes['call']?.documentsInError).toBe(1);
    expect(failed.dataAt('end')).toEqual([]);
  });

  it('gets by the id parameter; update takes the id from the document; create sends parameters as fields', async () => {
    const platform = gateway();
    const get = op({
      action: 'get',
      parameters: [{ name: 'id', value: { type: 'profile-element', path: 'id' } }],
    });
    const run = await runTest(processWith(get), {
      platform,
      startDocuments: docs('{"id":"root-p1"}'),
    });
    expect(run.dataAt('end').map((d) => JSON.parse(d).name)).toEqual(['P1']);

    const write = gateway();
    await runTest(processWith(op({ action: 'update' })), {
      platform: write,
      startDocuments: docs('{"id":"root-p0","name":"New"}'),
    });
    const create = op({
      action: 'create',
      parameters: [{ name: 'folder', value: { type: 'static', value: 'Sync' } }],
    });
    await runTest(processWith(create), { platform: write, startDocuments: docs('{"name":"X"}') });
    const execute = op({ action: 'execute', executeAction: 'execute-process', accountId: 'child' });
    await runTest(processWith(execute), {
      platform: write,
      startDocuments: docs('{"id":"child-p3"}'),
    });
    expect(write.calls).toEqual([
      {
        action: 'update',
        object: 'process',
        accountId: undefined,
        id: 'root-p0',
        body: { id: 'root-p0', name: 'New' },
      },
      {
        action: 'create',
        object: 'process',
        accountId: undefined,
        body: { name: 'X', folder: 'Sync' },
      },
      {
        action: 'execute',
        object: 'process',
        accountId: 'child',
        executeAction: 'execute-process',
        id: 'child-p3',
        body: { id: 'child-p3' },
      },
    ]);
  });

  it('fails a document with no id for delete, and the run without a Platform API', async () => {
    const run = await runTest(processWith(op({ action: 'delete' })), {
      platform: gateway(),
      startDocuments: docs('{}'),
    });
    expect(run.outcome.shapes['call']?.message).toContain('needs the record');

    const none = await runTest(processWith(op({ action: 'query' })), { startDocuments: docs('') });
    expect(none.outcome.status).toBe('error');
    expect(none.outcome.error).toContain('This server has no Platform API');
  });

  it('runs as a Start connector', async () => {
    const start: Shape = {
      kind: 'start',
      label: '',
      config: { mode: 'connector', operation: op({ action: 'query', accountId: 'grandchild' }) },
    };
    const run = await runTest(buildProcess({ start, end: sink() }, [['start', 'default', 'end']]), {
      platform: gateway(),
    });
    expect(run.dataAt('end').map((d) => JSON.parse(d).id)).toEqual(['grandchild-p0']);
  });
});
