import { HttpError } from '../errors.ts';

/** The origin of an endpoint URL; the text itself when it is no URL (compared as is). */
function originOf(endpoint: string): string {
  try {
    return new URL(endpoint).origin;
  } catch {
    return endpoint;
  }
}

/**
 * A stored token is sent only where it was given for. A connection moved to another
 * origin must be given its token again: otherwise whoever may edit connections, but
 * never read their tokens, could point one at a server of their own and have its
 * token sent there (by Test connection or a run). A path change on the same origin
 * keeps the token.
 */
export function requireTokenForNewOrigin(
  before: string,
  after: string,
  token: string | undefined,
): void {
  if (token === undefined && originOf(before) !== originOf(after)) {
    throw new HttpError(
      400,
      'token-required',
      `The connection moves from ${originOf(before)} to ${originOf(after)}: give its token again, as the stored one is only sent where it was given for.`,
    );
  }
}
