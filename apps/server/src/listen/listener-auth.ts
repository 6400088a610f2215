import { isReservedSecretHeader } from '@junction/process-model';
import type { FastifyRequest } from 'fastify';
import { same } from '../access-token.ts';
import { ACCOUNT_HEADER } from '../auth/request-auth.ts';
import { roleAllows } from '../auth/roles.ts';
import { HttpError } from '../errors.ts';
import {
  type AccountRepository,
  DEFAULT_ACCOUNT_ID,
  inactiveMessage,
} from '../repositories/account-repository.ts';
import type { ListenerSecretRepository } from '../repositories/listener-secret-repository.ts';
import { TOKEN_PREFIX, type TokenRepository } from '../repositories/token-repository.ts';
import type { DeployedListener } from './listener-lookup.ts';
import { byWebhookToken } from './webhook-call.ts';

export interface ListenerAuthDeps {
  accessToken: string | undefined;
  tokens: TokenRepository;
  accounts: AccountRepository;
  secrets: ListenerSecretRepository;
}

/**
 * One answer for every unauthenticated call, whether a listener exists there or
 * not: a caller without valid credentials cannot map which paths listen.
 */
export const NOT_AUTHENTICATED = () =>
  new HttpError(
    401,
    'unauthorized',
    "This listener call is not authenticated: send the account's API token (Authorization: Bearer jct_…) or the listener's secret header.",
  );

const NOT_FOUND = () =>
  new HttpError(404, 'not-found', 'No process listens here: deploy one with this path and method.');

/** The account a valid API token (or the install's access token) acts for, or undefined. */
async function tokenAccount(
  request: FastifyRequest,
  deps: ListenerAuthDeps,
): Promise<{ accountId: string; operate: boolean } | undefined> {
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (bearer === undefined) {
    return undefined;
  }
  let home: { accountId: string; operate: boolean } | undefined;
  if (bearer.startsWith(TOKEN_PREFIX)) {
    const token = await deps.tokens.resolve(bearer);
    home = token
      ? { accountId: token.accountId, operate: roleAllows(token.role, 'operate') }
      : undefined;
  } else if (deps.accessToken && same(bearer, deps.accessToken)) {
    home = { accountId: DEFAULT_ACCOUNT_ID, operate: true };
  }
  if (!home) {
    throw NOT_AUTHENTICATED();
  }
  const header = request.headers[ACCOUNT_HEADER];
  const asked = typeof header === 'string' && header !== '' ? header : home.accountId;
  if (asked !== home.accountId && !(await deps.accounts.within(home.accountId, asked))) {
    throw NOT_AUTHENTICATED();
  }
  return { accountId: asked, operate: home.operate };
}

/** The candidate whose stored secret the call carries in its header, compared in constant time. */
async function bySecret(
  request: FastifyRequest,
  candidates: readonly DeployedListener[],
  deps: ListenerAuthDeps,
): Promise<DeployedListener | undefined> {
  for (const candidate of candidates) {
    if (candidate.listener.kind !== 'http') {
      continue;
    }
    const auth = candidate.listener.auth;
    // A header browsers fill in themselves is no secret (deployed before the rule).
    if (auth.kind !== 'shared-secret' || isReservedSecretHeader(auth.header)) {
      continue;
    }
    const offered = request.headers[auth.header.toLowerCase()];
    if (typeof offered !== 'string' || offered === '') {
      continue;
    }
    const secret = await deps.secrets.reveal(candidate.accountId, candidate.processId);
    if (secret !== undefined && same(offered, secret)) {
      return candidate;
    }
  }
  return undefined;
}

/** A bearer that is one of Junction's own tokens, which a Connect webhook never takes. */
function junctionBearer(request: FastifyRequest, accessToken: string | undefined): boolean {
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  return (
    bearer !== undefined &&
    (bearer.startsWith(TOKEN_PREFIX) || (accessToken !== undefined && same(bearer, accessToken)))
  );
}

/**
 * Which deployed listener a call reaches, judged by its credentials:
 * - a Connect webhook only by a JWT its sealed secret signed (Connect's
 *   `Authorization: Bearer <JWT>` is never read as a Junction token, and a Junction
 *   token never reaches a webhook);
 * - an API token (or the access token) picks its account's listener (another
 *   account's are invisible: 404) and must be allowed to operate; a listener set
 *   to a shared secret wants its secret as well;
 * - without a token, the listener whose secret the call carries;
 * - anything else is 401, the same whether or not something listens there.
 */
export async function authenticateListenerCall(
  request: FastifyRequest,
  candidates: readonly DeployedListener[],
  deps: ListenerAuthDeps,
): Promise<DeployedListener> {
  const webhooks = candidates.filter((c) => c.listener.kind === 'connect-webhook');
  if (webhooks.length > 0 && !junctionBearer(request, deps.accessToken)) {
    const found = await byWebhookToken(request, webhooks, deps.secrets);
    if (found) {
      return found;
    }
  }
  const account = await tokenAccount(request, deps);
  if (account === undefined) {
    const found = await bySecret(request, candidates, deps);
    if (!found) {
      throw NOT_AUTHENTICATED();
    }
    return found;
  }
  const mine = candidates.filter((c) => c.accountId === account.accountId);
  const found = mine[0];
  if (!found) {
    throw NOT_FOUND();
  }
  if (found.listener.kind !== 'http') {
    throw NOT_AUTHENTICATED();
  }
  if (found.listener.auth.kind === 'shared-secret' && !(await bySecret(request, [found], deps))) {
    throw NOT_AUTHENTICATED();
  }
  if (!account.operate) {
    throw new HttpError(
      403,
      'forbidden',
      'This API token may not start executions (operator role or above).',
    );
  }
  return found;
}

/** Suspended and deleted accounts (and their subtrees) run nothing, listeners included. */
export async function refuseInactive(
  accounts: AccountRepository,
  accountId: string,
): Promise<void> {
  const inactive = await accounts.inactiveAt(accountId);
  if (inactive !== null) {
    throw new HttpError(403, 'forbidden', inactiveMessage(inactive));
  }
}
