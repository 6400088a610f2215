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
