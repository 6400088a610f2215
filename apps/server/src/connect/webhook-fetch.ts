/** Where this server's listeners answer; only these may be reached in process. */
export const LISTEN_PATH_PREFIX = '/api/listen/';

export interface SandboxWebhookFetchOptions {
  /** The server's public URL: calls to its origin under the listen prefix stay in process. */
  publicUrl: string;
  /** Answers from the app's own routes (`createInjectFetch`). */
  inApp: typeof fetch;
  /** Every other URL: user-supplied, so the egress-guarded fetch. */
  outside: typeof fetch;
}

/**
 * The fetch the built-in sandbox calls webhooks with. Anyone holding the public demo
 * token can create a webhook, so its URL is untrusted: a call to this server's own
 * listeners (`{publicUrl}/api/listen/…`) is answered in process, so the whole loop works
 * with or without a socket, and everything else goes through the egress guard, which
 * refuses loopback, private and link-local addresses. Only listener paths are served in
 * process: a webhook cannot reach the rest of the API from inside.
 */
export function createSandboxWebhookFetch(options: SandboxWebhookFetchOptions): typeof fetch {
  const origin = new URL(options.publicUrl).origin;
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    return url.origin === origin && isListenerPath(url.pathname)
      ? options.inApp(input, init)
      : options.outside(input, init);
  };
}

/**
 * True for a path under the listen prefix that stays there once decoded: the router
 * decodes percent-escapes, so `/api/listen/..%2F..%2Fprocesses` must not count.
 */
export function isListenerPath(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  return (
    decoded.startsWith(LISTEN_PATH_PREFIX) &&
    !decoded.includes('\\') &&
    !decoded.split('/').some((segment) => segment === '..' || segment === '.')
  );
}
