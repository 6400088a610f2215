import { describe, expect, it } from 'vitest';
import { createConnectClient, toAuthorizationHeader } from './client.ts';
import { ConnectApiError, ConnectError, ConnectTimeoutError, isConnectError } from './errors.ts';
import { jsonResponse, scriptedFetch, takeSpecViolations, testClient } from './test-helpers.ts';

describe('createConnectClient', () => {
  it('rejects an unusable endpoint, an empty token and an Authorization header', () => {
    const base = { endpoint: 'https://x/public/v1', token: 'SU-1:a' };
    expect(() => createConnectClient({ ...base, endpoint: 'ftp://x' })).toThrow(TypeError);
    expect(() => createConnectClient({ ...base, token: '  ' })).toThrow(TypeError);
    expect(() => createConnectClient({ ...base, headers: { authorization: 'x' } })).toThrow(
      TypeError,
    );
  });

  it('normalises the endpoint and exposes namespaces as paths', () => {
    const { fetch } = scriptedFetch(() => new Response('[]'));
    const { client } = testClient(fetch, {
      endpoint: 'http://127.0.0.1:4400/sandbox/connect/public/v1/',
    });
    expect(client.endpoint).toBe('http://127.0.0.1:4400/sandbox/connect/public/v1');
    expect(client.ns('tier').collection('configs').path).toBe('/tier/configs');
    expect(client.collection('/usage/records/').path).toBe('/usage/records');
  });

  it('sends custom default headers on every request', async () => {
    const { fetch, calls } = scriptedFetch(
      () => new Response('{}', { headers: { 'Content-Type': 'application/json' } }),
    );
    const { client } = testClient(fetch, { headers: { 'Connect-Localization': 'ES-MX' } });
    await client.collection('products').resource('PRD-1').get();
    expect(calls[0]?.headers.get('connect-localization')).toBe('ES-MX');
  });
});

describe('toAuthorizationHeader', () => {
  it('adds the ApiKey prefix only when missing', () => {
    expect(toAuthorizationHeader('SU-1:abc')).toBe('ApiKey SU-1:abc');
    expect(toAuthorizationHeader('ApiKey SU-1:abc')).toBe('ApiKey SU-1:abc');
    expect(toAuthorizationHeader(' apikey SU-1:abc ')).toBe('apikey SU-1:abc');
  });
});

describe('errors', () => {
  it('form one hierarchy recognised by isConnectError', () => {
    const apiError = new ConnectApiError({ status: 400, method: 'GET', url: '/x', body: {} });
    expect(apiError).toBeInstanceOf(ConnectError);
    expect(isConnectError(new ConnectTimeoutError('t', 5))).toBe(true);
    expect(isConnectError(new Error('plain'))).toBe(false);
    expect(isConnectError(null)).toBe(false);
  });

  it('reads a JSON error body even when it is labelled as text', async () => {
    const { fetch } = scriptedFetch(
      () =>
        new Response('{"error_code":"AUTH_001","errors":["API request is unauthorized."]}', {
          status: 401,
          headers: { 'Content-Type': 'text/plain' },
        }),
    );
    const { client } = testClient(fetch);
    await expect(client.collection('assets').first()).rejects.toMatchObject({
      status: 401,
      errorCode: 'AUTH_001',
      errors: ['API request is unauthorized.'],
    });
  });
});

describe('spec check of test traffic', () => {
  it('records every request the spec does not allow', async () => {
    const { fetch } = scriptedFetch(() => jsonResponse({}));
    const { client } = testClient(fetch);
    await client.collection('nothing').resource('X').get();
    await client.collection('requests').resource('PR-1').action('approve').post({ template_id: 1 });
    await client
      .collection('requests')
      .resource('PR-1')
      .action('approve')
      .post({ template_id: 'TL-1' });
    // Taken here so they do not fail this test in afterEach, as they fail any other test.
    const violations = takeSpecViolations();
    expect(violations).toHaveLength(2);
    expect(violations[0]).toContain('the spec has no operation GET');
    expect(violations[1]).toContain('/template_id must be string');
  });
});
