import type { ConnectionKind } from '../repositories/connection-repository.ts';

/** The fetch a Connect client uses for a connection of this kind. */
export type ConnectionFetch = (kind: ConnectionKind) => typeof fetch;

/**
 * The built-in sandbox is reached in-process (no socket); every other endpoint
 * is user-supplied, so it goes through the egress guard.
 */
export function createConnectionFetch(
  sandbox: typeof fetch,
  outside: typeof fetch,
): ConnectionFetch {
  return (kind) => (kind === 'sandbox' ? sandbox : outside);
}
