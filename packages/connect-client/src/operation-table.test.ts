import { describe, expect, it } from 'vitest';
import { CONNECT_OPERATIONS } from './operation-table.ts';
import { matchOperation, readSpecDocument } from './spec/index.ts';
import { resolveOperation } from './spec/resolve-operation.ts';

// The hand-written table must agree with the official spec: path, method, body and status.
describe('CONNECT_OPERATIONS against the spec', () => {
  const document = readSpecDocument();
  const rows = Object.entries(CONNECT_OPERATIONS);

  it.each(rows)('%s exists with a fitting body and success status', (_, operation) => {
    const url = operation.path.replace('{parentId}', 'TA-1').replace('{id}', 'X-1');
    const matched = matchOperation(operation.method, url);
    expect(matched, `${operation.method} ${operation.path}`).toBeDefined();
    const resolved = resolveOperation(document, matched!.template, matched!.method);
    const content = Object.keys(resolved.requestBody?.content ?? {});
    const expected = {
      none: [] as string[],
      json: ['application/json'],
      'json-array': ['application/json'],
      multipart: ['multipart/form-data'],
    }[operation.body];
    if (operation.body === 'none') {
      expect(resolved.requestBody).toBeUndefined();
    } else {
      expect(content).toEqual(expect.arrayContaining(expected));
    }
    expect([...resolved.responses.keys()]).toContain(String(operation.success[0]));
  });
});

interface CatalogParameters {
  named: readonly { name: string; place: string }[];
  others: 'filter' | 'body' | 'refused';
}

// The process-model catalog says which parameters each operation takes; its body fields must be
// text fields of the spec's request body, and an open body (any field) must be a JSON object.
describe('the catalog parameters against the spec', async () => {
  // Read by relative path: importing @junction/* from this package is forbidden by Biome.
  const catalog = (await import('../../process-model/src/catalog/connect-parameters.ts')) as {
    connectOperationParameters: (action: string, object: string) => CatalogParameters | undefined;
  };
  const document = readSpecDocument();
  const rows = Object.entries(CONNECT_OPERATIONS).map(([key, operation]) => {
    const [action = '', object = ''] = key.split(':');
    return [key, operation, catalog.connectOperationParameters(action, object)] as const;
  });

  it.each(rows)(
    '%s: body parameters are text fields of its request body',
    (_, operation, params) => {
      expect(params).toBeDefined();
      const bodyFields = params!.named.filter((p) => p.place === 'body').map((p) => p.name);
      if (params!.others === 'body') {
        expect(operation.body).toBe('json');
      }
      if (bodyFields.length === 0) {
        return;
      }
      const url = operation.path.replace('{parentId}', 'TA-1').replace('{id}', 'X-1');
      const matched = matchOperation(operation.method, url)!;
      const resolved = resolveOperation(document, matched.template, matched.method);
      const schema = resolved.requestBody?.content?.['application/json']?.schema as
        | { properties?: Record<string, { type?: string }> }
        | undefined;
      for (const name of bodyFields) {
        expect(schema?.properties?.[name]?.type, `${name} in the body`).toBe('string');
      }
    },
  );

  it('path parameters are exactly the placeholders of the path', () => {
    for (const [key, operation, params] of rows) {
      const path = params!.named.filter((p) => p.place === 'path').map((p) => p.name);
      const placeholders = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(path.sort(), key).toEqual(placeholders.sort());
    }
  });
});
