import { randomBytes } from 'node:crypto';
import type { ListenerTestView } from '@junction/api';
import type { HttpListener, ProcessDocument } from '@junction/process-model';

/** How long a test URL waits for its one call. */
export const TEST_LISTENER_TTL_MS = 5 * 60_000;
/** Test URLs waiting at once, per server; the oldest goes first. */
const MAX_WAITING = 1_000;

interface TestListener {
  token: string;
  accountId: string;
  processId: string | null;
  process: ProcessDocument;
  listener: HttpListener;
  expiresAt: number;
  runId: string | null;
}

export const TEST_URL_PREFIX = '/api/listen-test/';

/**
 * Test mode's temporary listeners: a random 256-bit token names the URL (the token
 * is its credential, as with n8n's test webhooks), it takes one call and expires
 * after TEST_LISTENER_TTL_MS. Kept in this server's memory: the designer asks the
 * server that made the URL, and a restart forgets them, as it should.
 */
export function createListenerTests(now: () => number = Date.now) {
  const byToken = new Map<string, TestListener>();

  function sweep(): void {
    for (const [token, test] of byToken) {
      if (test.expiresAt <= now() - TEST_LISTENER_TTL_MS) {
        byToken.delete(token);
      }
    }
  }

  function view(test: TestListener): ListenerTestView {
    return {
      token: test.token,
      url: `${TEST_URL_PREFIX}${test.token}`,
      method: test.listener.method,
      // A claimed call becoming a run ('') still shows as listening.
      status: test.runId ? 'received' : test.expiresAt <= now() ? 'expired' : 'listening',
      runId: test.runId || null,
      expiresAt: new Date(test.expiresAt).toISOString(),
    };
  }

  return {
    open(input: Omit<TestListener, 'token' | 'expiresAt' | 'runId'>): ListenerTestView {
      sweep();
      if (byToken.size >= MAX_WAITING) {
        byToken.delete(byToken.keys().next().value as string);
      }
      const test: TestListener = {
        ...input,
        token: randomBytes(32).toString('base64url'),
        expiresAt: now() + TEST_LISTENER_TTL_MS,
        runId: null,
      };
      byToken.set(test.token, test);
      return view(test);
    },

    /** The account's test listener, for the designer to follow. */
    get(accountId: string, token: string): ListenerTestView | undefined {
      const test = byToken.get(token);
      return test && test.accountId === accountId ? view(test) : undefined;
    },

    close(accountId: string, token: string): boolean {
      const test = byToken.get(token);
      return test?.accountId === accountId && byToken.delete(token);
    },

    /** Takes the one call a test URL accepts: undefined when unknown, used or expired. */
    claim(token: string): TestListener | undefined {
      const test = byToken.get(token);
      if (!test || test.runId !== null || test.expiresAt <= now()) {
        return undefined;
      }
      test.runId = '';
      return test;
    },

    received(token: string, runId: string): void {
      const test = byToken.get(token);
      if (test) {
        test.runId = runId;
      }
    },

    /** A claimed call that never became a run (refused body): the URL listens again. */
    release(token: string): void {
      const test = byToken.get(token);
      if (test?.runId === '') {
        test.runId = null;
      }
    },
  };
}

export type ListenerTests = ReturnType<typeof createListenerTests>;
