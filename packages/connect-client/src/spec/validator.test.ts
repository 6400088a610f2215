import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createSpecValidator,
  formatIssues,
  matchOperation,
  readSpecDocument,
  validateRequest,
  validateResponse,
} from './index.ts';

const fixture = (name: string): unknown =>
  JSON.parse(
    readFileSync(new URL(`../../vendor/connect-openapi/fixtures/${name}`, import.meta.url), 'utf8'),
  );

describe('readSpecDocument', () => {
  it('says where the spec should be when it is missing', () => {
    expect(() => readSpecDocument('/nowhere/openapi.yml')).toThrow(
      'The Connect OpenAPI spec is not at /nowhere/openapi.yml. The spec-conformance checks read it from packages/connect-client/vendor/connect-openapi/openapi.yml',
    );
  });
});

describe('matchOperation', () => {
  it('strips the base path wherever the API is mounted and tolerates a trailing slash', () => {
    expect(
      matchOperation('post', 'http://127.0.0.1:9/sandbox/connect/public/v1/requests/PR-1/approve/'),
    ).toEqual({
      method: 'POST',
      template: '/requests/{id}/approve',
      operationId: 'dp_request_approve_postApproveRequest',
      params: { id: 'PR-1' },
    });
    expect(matchOperation('GET', '/requests?eq(status,pending)&limit=10')?.template).toBe(
      '/requests',
    );
  });

  it('prefers literal segments and decodes parameters', () => {
    expect(matchOperation('POST', '/usage/records/close-records')?.template).toBe(
      '/usage/records/close-records',
    );
    expect(matchOperation('GET', '/tier/accounts/TA%201/versions/3')?.params).toEqual({
      account_id: 'TA 1',
      version: '3',
    });
  });

  it('knows no unknown path or method', () => {
    expect(matchOperation('GET', '/nothing/here')).toBeUndefined();
    expect(matchOperation('PUT', '/assets/AS-1')).toBeUndefined();
  });
});

describe('validateRequest', () => {
  it('accepts a conforming body, given as JSON text or as a value', () => {
    const url = '/requests/PR-1/approve';
    expect(validateRequest({ method: 'POST', url, body: '{"template_id":"TL-1"}' })).toEqual([]);
    expect(validateRequest({ method: 'POST', url, body: { template_id: 'TL-1' } })).toEqual([]);
  });

  it('reports body mismatches with pointers', () => {
    const issues = validateRequest({
      method: 'POST',
      url: '/requests/PR-1/approve',
      body: { template_id: 5 },
    });
    expect(issues).toMatchObject([{ location: 'body', pointer: '/template_id', keyword: 'type' }]);
  });

  it('picks the branch of a discriminated body by its type', () => {
    const create = (body: unknown) => validateRequest({ method: 'POST', url: '/requests', body });
    expect(create({ type: 'suspend', asset: { id: 'AS-1' } })).toEqual([]);
    expect(create({ type: 'bogus' })).toMatchObject([{ pointer: '/type', keyword: 'enum' }]);
    expect(
      create({ type: 'change', asset: { items: [{ id: 'X', quantity: 'two' }] } }),
    ).toMatchObject([{ pointer: '/asset/items/0/quantity', keyword: 'type' }]);
  });

  it('checks declared query parameters next to RQL, and path parameters', () => {
    const list = (query: string) => validateRequest({ method: 'GET', url: `/requests?${query}` });
    expect(list('and(eq(status,pending),ne(x,y))&limit=10&offset=0&search=a%20b')).toEqual([]);
    expect(list('limit=ten&offset=0')).toMatchObject([{ location: 'query', pointer: 'limit' }]);
    expect(list('asset.connection.environment=ne=test')).toEqual([]);
    expect(list('asset.connection.environment=staging')).toMatchObject([{ keyword: 'parameter' }]);
  });

  it('reports unknown operations and bodies the operation does not take', () => {
    expect(validateRequest({ method: 'GET', url: '/slow' })).toMatchObject([
      { location: 'operation' },
    ]);
    expect(validateRequest({ method: 'GET', url: '/requests/PR-1', body: {} })).toMatchObject([
      { location: 'body', keyword: 'content' },
    ]);
  });

  it('validates multipart bodies by their fields', () => {
    const form = new FormData();
    form.set('usage_file', new Blob(['x']), 'usage.xlsx');
    const url = '/usage/files/UF-1/upload';
    expect(validateRequest({ method: 'POST', url, body: form })).toEqual([]);
    expect(validateRequest({ method: 'POST', url, body: { usage_file: 'x' } })).toMatchObject([
      { keyword: 'content' },
    ]);
  });
});

describe('validateResponse', () => {
  it.each([
    ['ff_request.json', 'GET', '/requests/PR-1895-0864-1238-001'],
    ['executive_fullfilment_requests.json', 'GET', '/requests'],
    ['tcr_request.json', 'GET', '/tier/config-requests/TCR-1'],
    ['ta_account.json', 'GET', '/tier/accounts/TA-1'],
    // ta_list.json is left out: its legacy `type: "CLIENT"` is not what Connect sends today.
    ['helpdesk.json', 'GET', '/helpdesk/cases/CA-1'],
    ['usage_records_response.json', 'GET', '/usage/records/UR-1'],
  ])('accepts the real %s only thanks to the documented deviations', (name, method, url) => {
    const body = fixture(name);
    const issues = validateResponse({ method, url, status: 200, body });
    expect(issues, formatIssues(issues)).toEqual([]);
    const strict = createSpecValidator(readSpecDocument(), { deviations: [] });
    expect(strict.validateResponse({ method, url, status: 200, body }).length).toBeGreaterThan(0);
  });

  it('reports a wrong body and an undeclared success status', () => {
    expect(
      validateResponse({ method: 'GET', url: '/assets/AS-1', status: 200, body: { id: 1 } }),
    ).toContainEqual(
      expect.objectContaining({ location: 'body', pointer: '/id', keyword: 'type' }),
    );
    expect(
      validateResponse({ method: 'GET', url: '/assets/AS-1', status: 201, body: {} }),
    ).toMatchObject([{ location: 'status' }]);
  });

  it('checks undeclared error statuses against the Connect error body', () => {
    const get = (body: unknown) =>
      validateResponse({ method: 'GET', url: '/assets/AS-9', status: 404, body });
    expect(get({ error_code: 'NOT_FOUND', errors: ['no such asset'] })).toEqual([]);
    expect(get({ detail: 'Not found.' })).toMatchObject([
      { keyword: 'required', pointer: '/error_code' },
      { keyword: 'required', pointer: '/errors' },
    ]);
  });

  it('validates an aliased status as the declared one, and empty bodies', () => {
    const upload = { method: 'POST', url: '/usage/files/UF-1/upload', body: { id: 'UF-1' } };
    const statusIssues = (status: number) =>
      validateResponse({ ...upload, status }).filter((issue) => issue.location === 'status');
    expect(statusIssues(201)).toEqual([]);
    expect(statusIssues(202)).toHaveLength(1);
    expect(
      validateResponse({ method: 'POST', url: '/tier/config-requests/TCR-1/pend', status: 204 }),
    ).toEqual([]);
    expect(
      validateResponse({ method: 'GET', url: '/assets/AS-1', status: 200, body: undefined }),
    ).toMatchObject([{ keyword: 'content' }]);
  });
});
