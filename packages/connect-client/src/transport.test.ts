import { describe, expect, it } from 'vitest';
import {
  ConnectAbortError,
  ConnectApiError,
  ConnectNetworkError,
  ConnectResponseTooLargeError,
  ConnectTimeoutError,
  isConnectError,
} from './errors.ts';
import { jsonResponse, scriptedFetch, testClient } from './test-helpers.ts';

describe('transport: headers and URLs', () => {
  it('adds the ApiKey prefix, User-Agent and JSON content type', async () => {
    const { fetch, calls } = scriptedFetch(() => jsonResponse({ id: 'PR-1' }, 201));
    const { client } = testClient(fetch, { token: 'SU-1:abc' });
    await client.collection('requests').create({ type: 'purchase' });
    const call = calls[0];
    expect(call?.url).toBe('https://connect.test/public/v1/requests');
    expect(call?.method).toBe('POST');
    expect(call?.headers.get('authorization')).toBe('ApiKey SU-1:abc');
    expect(call?.headers.get('user-agent')).toMatch(
      /^junction\/\d+\.\d+\.\d+ node\/\d+\.\d+\.\d+$/,
    );
    expect(call?.headers.get('content-type')).toBe('application/json');
    expect(call?.body).toBe('{"type":"purchase"}');
  });

  it('keeps a token that already carries the prefix', async () => {
    const { fetch, calls } = scriptedFetch(() => jsonResponse({}));
    const { client } = testClient(fetch, { token: 'ApiKey SU-2:xyz' });
    await client.collection('products').resource('PRD-1').get();
    expect(calls[0]?.headers.get('authorization')).toBe('ApiKey SU-2:xyz');
  });

  it('looks up globalThis.fetch at call time when none is injected', async () => {
    const { client } = testClient(undefined as unknown as typeof fetch, {
      fetch: undefined as never,
    });
    const original = globalThis.fetch;
    const { fetch, calls } = scriptedFetch(() => jsonResponse({ id: 'A' }));
    globalThis.fetch = fetch;
    try {
      await expect(client.collection('assets').resource('A').get()).resolves.toEqual({ id: 'A' });
      expect(calls).toHaveLength(1);
    } finally {
      globalThis.fetch = original;
    }
  });
});

describe('transport: errors', () => {
  it('maps a Connect error body onto ConnectApiError', async () => {
    const { fetch } = scriptedFetch(() =>
      jsonResponse({ error_code: 'REQ_005', errors: ['Missed fields: reason.'] }, 400),
    );
    const { client } = testClient(fetch);
    const error = await client
      .collection('requests')
      .resource('PR-1')
      .action('fail')
      .post({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectApiError);
    expect(isConnectError(error)).toBe(true);
    const apiError = error as ConnectApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.errorCode).toBe('REQ_005');
    expect(apiError.errors).toEqual(['Missed fields: reason.']);
    expect(apiError.message).toContain('REQ_005 - Missed fields: reason.');
  });

  it('keeps the text of a non-JSON error body', async () => {
    const { fetch } = scriptedFetch(
      () =>
        new Response('<html>Bad gateway</html>', {
          status: 400,
          headers: { 'Content-Type': 'text/html' },
        }),
    );
    const { client } = testClient(fetch);
    const error = (await client
      .collection('assets')
      .resource('AS-1')
      .get()
      .catch((e: unknown) => e)) as ConnectApiError;
    expect(error.errorCode).toBeUndefined();
    expect(error.body).toBe('<html>Bad gateway</html>');
    expect(error.message).toContain('Bad gateway');
  });

  it('abandons a body past maxBodyBytes, by its length or as it streams, and does not retry', async () => {
    let streamed = 0;
    const { fetch, calls } = scriptedFetch((_call, index) => {
      if (index === 0) {
        // Refused by its Content-Length, before a byte is read.
        return jsonResponse([], 200, { 'Content-Length': '101' });
      }
      // No Content-Length: chunks without end, until the reader gives up.
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          streamed += 1;
          controller.enqueue(new TextEncoder().encode('"xxxxxxxxxxxxxxxx",'));
        },
      });
      return new Response(body, { headers: { 'Content-Type': 'application/json' } });
    });
    const { client } = testClient(fetch, { maxBodyBytes: 100 });
    for (const read of [
      () => client.collection('requests').all(),
      () => client.request({ method: 'GET', path: '/requests', rawBody: true }),
    ]) {
      const error = await read().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectResponseTooLargeError);
      expect((error as Error).message).toMatch(
        /GET https:\/\/connect\.test\/public\/v1\/requests.* larger than 100 bytes/,
      );
    }
    expect(calls).toHaveLength(2);
    expect(streamed).toBeLessThan(10);
    // Within the limit, the same body reads as before.
    const { client: roomy } = testClient(scriptedFetch(() => jsonResponse([1, 2])).fetch, {
      maxBodyBytes: 100,
    });
    expect(await roomy.collection('requests').all()).toEqual([1, 2]);
  });

  it('treats a 204 as an empty body', async () => {
    const { fetch } = scriptedFetch(() => new Response(null, { status: 204 }));
    const { client } = testClient(fetch);
    const response = await client.request({
      method: 'POST',
      path: '/tier/config-requests/TCR-1/pend',
    });
    expect(response).toMatchObject({ status: 204, body: undefined });
  });
});

describe('transport: retries', () => {
  it('retries a GET on 503 with exponential back-off, then succeeds', async () => {
    const { fetch, calls } = scriptedFetch((_, index) =>
      index < 2 ? jsonResponse({ errors: [] }, 503) : jsonResponse({ id: 'AS-1' }),
    );
    const { client, sleeps } = testClient(fetch, { retry: { baseDelayMs: 100 } });
    await expect(client.collection('assets').resource('AS-1').get()).resolves.toEqual({
      id: 'AS-1',
    });
    expect(calls).toHaveLength(3);
    // random() = 0.5 → 3/4 of the exponential delay: 75, then 150.
    expect(sleeps).toEqual([75, 150]);
  });

  it('honours Retry-After in seconds and as an HTTP date on 429', async () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const { fetch } = scriptedFetch((_, index) => {
      if (index === 0) {
        return jsonResponse({}, 429, { 'Retry-After': '2' });
      }
      if (index === 1) {
        return jsonResponse({}, 429, { 'Retry-After': 'Thu, 01 Jan 2026 00:00:05 GMT' });
      }
      return jsonResponse([]);
    });
    const { client, sleeps } = testClient(fetch, { now: () => now });
    await client.collection('requests').all();
    expect(sleeps).toEqual([2000, 5000]);
  });

  it('gives up when Retry-After exceeds the maximum delay', async () => {
    const { fetch, calls } = scriptedFetch(() => jsonResponse({}, 429, { 'Retry-After': '3600' }));
    const { client } = testClient(fetch);
    await expect(client.collection('requests').count()).rejects.toMatchObject({ status: 429 });
    expect(calls).toHaveLength(1);
  });

  it('stops after maxRetries and throws the last error', async () => {
    const { fetch, calls } = scriptedFetch(() => jsonResponse({}, 502));
    const { client } = testClient(fetch, { retry: { maxRetries: 2 } });
    await expect(client.collection('assets').first()).rejects.toMatchObject({ status: 502 });
    expect(calls).toHaveLength(3);
  });

  it('never retries a POST, nor a 500 or 4xx', async () => {
    const { fetch, calls } = scriptedFetch(() => jsonResponse({}, 503));
    const { client } = testClient(fetch);
    await expect(
      client.collection('requests').resource('PR-1').action('approve').post({}),
    ).rejects.toBeInstanceOf(ConnectApiError);
    expect(calls).toHaveLength(1);

    const other = scriptedFetch(() => jsonResponse({}, 500));
    const { client: client500 } = testClient(other.fetch);
    await expect(client500.collection('assets').resource('A').get()).rejects.toMatchObject({
      status: 500,
    });
    expect(other.calls).toHaveLength(1);
  });

  it('retries network errors of idempotent requests and wraps them', async () => {
    const { fetch, calls } = scriptedFetch((_, index) => {
      if (index === 0) {
        throw new TypeError('fetch failed');
      }
      return jsonResponse({ ok: true });
    });
    const { client } = testClient(fetch);
    await expect(
      client.ns('tier').collection('accounts').resource('TA-1').update({ name: 'Acme' }),
    ).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(2);

    const failing = scriptedFetch(() => {
      throw new TypeError('fetch failed');
    });
    const { client: postClient } = testClient(failing.fetch);
    const error = await postClient
      .collection('requests')
      .create({ type: 'suspend', asset: { id: 'AS-1' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectNetworkError);
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(failing.calls).toHaveLength(1);
  });
});

describe('transport: timeout and cancellation', () => {
  const hanging = (): Promise<Response> => new Promise<Response>(() => undefined);

  it('times out a stalled request even when fetch ignores the signal', async () => {
    const { fetch } = scriptedFetch(hanging);
    const { client } = testClient(fetch, { timeoutMs: 20, retry: { maxRetries: 0 } });
    const error = await client
      .collection('assets')
      .first()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectTimeoutError);
    expect((error as ConnectTimeoutError).timeoutMs).toBe(20);
  });

  it('aborts through the caller signal without retrying', async () => {
    const { fetch, calls } = scriptedFetch(hanging);
    const { client } = testClient(fetch);
    const controller = new AbortController();
    const pending = client.collection('assets').all({ signal: controller.signal });
    controller.abort(new Error('user cancelled'));
    await expect(pending).rejects.toBeInstanceOf(ConnectAbortError);
    expect(calls).toHaveLength(1);
  });

  it('does not even send a request with an already aborted signal', async () => {
    const { fetch, calls } = scriptedFetch(() => jsonResponse({}));
    const { client } = testClient(fetch);
    await expect(
      client.collection('assets').resource('A').get({ signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(ConnectAbortError);
    expect(calls).toHaveLength(0);
  });
});
