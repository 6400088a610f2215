import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConnectorConfig } from '../catalog/connector-summary.ts';
import {
  PLATFORM_OBJECT_ACTIONS,
  PLATFORM_OBJECT_EXECUTE_ACTIONS,
} from '../catalog/platform-operations.ts';
import { shapeSummary } from '../catalog/shape-catalog.ts';
import { everyShapeProcess } from '../fixtures/every-shape.ts';
import type { PlatformOperation } from '../schema/connector.ts';
import type { ProcessDocument } from '../schema/process.ts';
import { parseProcess, serializeProcess } from '../serialize.ts';
import { validateProcess } from './validate.ts';

const QUERY: PlatformOperation = {
  connector: 'junction-platform',
  connectionId: 'platform',
  action: 'query',
  object: 'process',
  executeAction: '',
  accountId: '',
  trackingDirection: 'output',
  returnApplicationErrors: false,
  parameters: [{ name: 'since', value: { type: 'process-property', name: 'since' } }],
  filter: {
    expression: {
      operator: 'and',
      nestedExpression: [
        { property: 'name', operator: 'STARTS_WITH', argument: ['Sync'] },
        { property: 'updatedAt', operator: 'GREATER_THAN', argument: ['{since}'] },
      ],
    },
  },
};

/** The every-shape process with its connector shape turned into `op`. */
function withPlatform(op: PlatformOperation): ProcessDocument {
  const doc = everyShapeProcess();
  const shape = doc.shapes['approve'];
  if (shape?.kind !== 'connector') {
    throw new Error('fixture has no connector');
  }
  return { ...doc, shapes: { ...doc.shapes, approve: { ...shape, config: op } } };
}

const issues = (op: PlatformOperation) =>
  validateProcess(withPlatform(op)).map((i) => [
    i.code,
    i.pointer.replace('/shapes/approve/config', ''),
  ]);

describe('Platform API operations', () => {
  it('are valid when complete, round-trip, and summarise as "Query · Process"', () => {
    const doc = withPlatform(QUERY);
    expect(validateProcess(doc)).toEqual([]);
    expect(parseProcess(serializeProcess(doc))).toEqual({ ok: true, document: doc });
    expect(shapeSummary({ kind: 'connector', label: '', config: QUERY })).toBe('Query · Process');
    expect(
      shapeSummary({
        kind: 'connector',
        label: '',
        config: { ...QUERY, action: 'execute', executeAction: 'execute-process', filter: null },
      }),
    ).toBe('Execute Process · Process');
  });

  it('still reads the committed v1 file with a Connect connector unchanged', () => {
    const text = readFileSync(
      new URL('../fixtures/every-shape.process.json', import.meta.url),
      'utf8',
    );
    expect(parseProcess(text)).toEqual({ ok: true, document: everyShapeProcess() });
  });

  it('offers only the catalog pairs and execute actions', () => {
    expect(PLATFORM_OBJECT_ACTIONS.token).toEqual(['get', 'query', 'create', 'delete']);
    expect(PLATFORM_OBJECT_EXECUTE_ACTIONS['execution-record']).toEqual(['cancel-execution']);
    expect(issues({ ...QUERY, object: 'token', action: 'update', filter: null })).toEqual([
      ['connector.invalid-pair', '/action'],
    ]);
    expect(issues({ ...QUERY, action: 'execute', filter: null })).toEqual([
      ['platform.execute-action-missing', '/executeAction'],
    ]);
    expect(
      issues({ ...QUERY, action: 'execute', executeAction: 'deploy-process', filter: null }),
    ).toEqual([['platform.execute-action-invalid', '/executeAction']]);
    expect(issues({ ...QUERY, executeAction: 'execute-process' })).toEqual([
      ['platform.execute-action-unused', '/executeAction'],
    ]);
  });

  it('points at the missing connection, object and Get id', () => {
    expect(
      issues({
        ...QUERY,
        connectionId: '',
        object: '',
        action: 'get',
        filter: null,
        parameters: [],
      }),
    ).toEqual([
      ['connector.connection-missing', '/connectionId'],
      ['connector.object-missing', '/object'],
      ['platform.id-missing', '/parameters'],
    ]);
  });

  it('checks the filter tree: argument counts per operator, empty groups, parameter names', () => {
    const bad: PlatformOperation = {
      ...QUERY,
      filter: {
        expression: {
          operator: 'or',
          nestedExpression: [
            { property: 'status', operator: 'IS_NULL', argument: ['x'] },
            { property: 'date', operator: 'BETWEEN', argument: ['2026-01-01'] },
            { property: '', operator: 'EQUALS', argument: ['{nope}'] },
            { property: 'id', operator: 'EQUALS', argument: [''] },
            { operator: 'and', nestedExpression: [] },
          ],
        },
      },
    };
    const at = '/filter/expression/nestedExpression';
    expect(issues(bad)).toEqual([
      ['filter.argument-count', `${at}/0/argument`],
      ['filter.argument-count', `${at}/1/argument`],
      ['filter.property-missing', `${at}/2/property`],
      ['filter.parameter-unknown', `${at}/2/argument/0`],
      ['filter.argument-empty', `${at}/3/argument/0`],
      ['filter.group-empty', `${at}/4/nestedExpression`],
    ]);
    expect(
      issues({
        ...QUERY,
        action: 'get',
        parameters: [...QUERY.parameters, { name: 'id', value: { type: 'static', value: 'p1' } }],
      }),
    ).toEqual([['platform.filter-unused', '/filter']]);
  });

  it('refuses an unknown operator and a Start that does not read', () => {
    const doc = withPlatform({
      ...QUERY,
      filter: { expression: { property: 'a', operator: 'ALMOST' as 'LIKE', argument: ['b'] } },
    });
    expect(validateProcess(doc).some((i) => i.code.startsWith('schema.'))).toBe(true);
    const start = {
      ...defaultConnectorConfig('junction-platform'),
      connectionId: 'c',
      object: 'account',
      action: 'create' as const,
    };
    const withStart: ProcessDocument = {
      ...everyShapeProcess(),
      shapes: {
        ...everyShapeProcess().shapes,
        start: { kind: 'start', label: '', config: { mode: 'connector', operation: start } },
      },
    };
    expect(validateProcess(withStart).map((i) => i.code)).toContain('start.not-a-get');
  });

  it('switching connectors keeps what both share', () => {
    const connect = defaultConnectorConfig('cloudblue-connect', QUERY);
    expect(connect).toEqual({
      connector: 'cloudblue-connect',
      connectionId: '',
      action: '',
      object: '',
      trackingDirection: 'output',
      returnApplicationErrors: false,
      parameters: QUERY.parameters,
    });
    expect(defaultConnectorConfig('junction-platform')).toMatchObject({
      action: 'query',
      filter: null,
    });
  });
});
