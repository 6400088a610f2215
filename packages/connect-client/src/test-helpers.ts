/**
 * Test seams shared by the co-located tests: a scripted fetch returning real Response objects
 * and a client factory with instant sleep and fixed jitter.
 */

import { type ConnectClient, type ConnectClientOptions, createConnectClient } from './client.ts';

/** A request seen by {@link scriptedFetch}. */
export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: RequestInit['body'];
}

/** Builds a JSON response the way the Connect simulator sends it. */
export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** A fetch that answers from `handler` and records every call. */
export function scriptedFetch(
  handler: (call: RecordedCall, index: number) => Response | Promise<Response>,
): {
  fetch: typeof fetch;
  calls: RecordedCall[];
} {
  const calls: RecordedCall[] = [];
  const fetchImpl = async (
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<Response> => {
    const call: RecordedCall = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: init?.body,
    };
    calls.push(call);
    return handler(call, calls.length - 1);
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}

/** A client against a fake endpoint; sleeps are recorded instead of waited. */
export function testClient(
  fetchImpl: typeof fetch,
  overrides: Partial<ConnectClientOptions> = {},
): { client: ConnectClient; sleeps: number[] } {
  const sleeps: number[] = [];
  const client = createConnectClient({
    endpoint: 'https://connect.test/public/v1',
    token: 'SU-000-000-000:secret',
    fetch: fetchImpl,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });
  return { client, sleeps };
}
