/**
 * Test seams shared by the co-located tests: a scripted fetch returning real Response objects
 * and a client factory with instant sleep and fixed jitter. Every request that reaches a scripted
 * fetch (or a test server calling {@link checkRequestAgainstSpec}) is validated against the
 * official spec; a mismatch fails the test that sent it.
 */

import { afterEach } from 'vitest';
import { type ConnectClient, type ConnectClientOptions, createConnectClient } from './client.ts';
import { formatIssues, validateRequest } from './spec/index.ts';

const specViolations: string[] = [];

/** Records the spec issues of one sent request; they fail the current test in afterEach. */
export function checkRequestAgainstSpec(request: {
  method: string;
  url: string;
  body: unknown;
}): void {
  const issues = validateRequest(request);
  if (issues.length > 0) {
    specViolations.push(`${request.method} ${request.url}\n${formatIssues(issues)}`);
  }
}

/** Returns and clears what was recorded (for tests of the check itself). */
export function takeSpecViolations(): string[] {
  return specViolations.splice(0);
}

// Registered in every test file that imports these helpers. A violation fails the test even
// when the client swallowed the response (e.g. a test expecting an error).
afterEach(() => {
  const found = takeSpecViolations();
  if (found.length > 0) {
    throw new Error(`Requests that do not match the Connect spec:\n${found.join('\n\n')}`);
  }
});

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
    checkRequestAgainstSpec(call);
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
