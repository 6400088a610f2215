import { describe, expect, it } from 'vitest';
import { operationIdFor } from './api-docs.ts';

describe('sandbox operationIds', () => {
  it('reads the method and path as camelCase words, parameters as By…', () => {
    expect(operationIdFor('GET', '/products/:id/items')).toBe('getProductsByIdItems');
    expect(operationIdFor('POST', '/requests/:id/approve')).toBe('postRequestsByIdApprove');
  });

  it('splits hyphens and dots into words', () => {
    expect(operationIdFor('DELETE', '/tier/config-requests/:id')).toBe(
      'deleteTierConfigRequestsById',
    );
    expect(operationIdFor('GET', '/usage/files/:id/template.xlsx')).toBe(
      'getUsageFilesByIdTemplateXlsx',
    );
  });
});
