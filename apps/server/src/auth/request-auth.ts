import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { same } from '../access-token.ts';
import { HttpError } from '../errors.ts';
import {
  type AccountRepository,
  DEFAULT_ACCOUNT_ID,
  inactiveMessage,
} from '../repositories/account-repository.ts';
import { TOKEN_PREFIX, type TokenRepository } from '../repositories/token-repository.ts';
import { type Caller, type Permission, roleAllows } from './roles.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling and for which account; set for every /api request. */
    caller: Caller | undefined;
  }
}

/** The browser's account switcher keeps its choice here (the header wins). */
export const ACCOUNT_HEADER = 'x-junction-account';
export const ACCOUNT_COOKIE = 'junction_account';

const INSTALL_ADMIN: Omit<Caller, 'accountId'> = {
  homeAccountId: DEFAULT_ACCOUNT_ID,
  role: 'admin',
  tokenId: undefined,
};

function cookie(request: FastifyRequest, name: string): string | undefined {
  const raw = new RegExp(`(?:^|;\\s*)${name}=([^;]+)`).exec(request.headers.cookie ?? '')?.[1];
  if (raw === undefined) {
    return undefined;
  }
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

function unauthorized(reply: FastifyReply, message: string) {
  return reply.status(401).send({ error: 'unauthorized', message });
}

export interface AuthDeps {
  accessToken: string | undefined;
  tokens: TokenRepository;
  accounts: AccountRepository;
}

/**
 * The caller a request's credentials make, before any account switch, or why
 * they make none. Exported so routes outside /api (the sandbox's admin
 * controls) authenticate exactly as /api does.
 */
export async function homeCallerOf(
  request: FastifyRequest,
  deps: AuthDeps,
  offered: string | null,
): Promise<Omit<Caller, 'accountId'> | { refused: string }> {
  const bearer = request.headers.authorization?.replace(/^Bearer /, '');
  if (bearer?.startsWith(TOKEN_PREFIX)) {
    const token = await deps.tokens.resolve(bearer);
    return token
      ? { homeAccountId: token.accountId, role: token.role, tokenId: token.id }
      : { refused: 'This API token is unknown or revoked.' };
  }
  if (!deps.accessToken) {
    return INSTALL_ADMIN;
  }
  const fromCookie = cookie(request, 'junction_access');
  const ok =
    (bearer !== undefined && same(bearer, deps.accessToken)) ||
    (fromCookie !== undefined && same(fromCookie, deps.accessToken)) ||
    (offered !== null && same(offered, deps.accessToken));
  return ok ? INSTALL_ADMIN : { refused: 'This Junction server needs its access token.' };
}

/**
 * Who a request is. A platform token (`Bearer jct_…`) names its account and role.
 * Without one, the install's access token (JUNCTION_ACCESS_TOKEN, when set) or —
 * on a default loopback install — nothing at all makes the caller the default
 * account's admin, as before accounts existed. The caller may then act on any
 * account below its own (`x-junction-account`, or the switcher's cookie).
 */
export function installAuth(app: FastifyInstance, deps: AuthDeps): void {
  app.decorateRequest('caller', undefined);
  app.addHook('onRequest', async (request, reply) => {
    const url = new URL(request.url, 'http://x');
    const offered = url.searchParams.get('access_token');
    if (deps.accessToken && offered && same(offered, deps.accessToken)) {
      reply.header(
        'set-cookie',
        `junction_access=${encodeURIComponent(deps.accessToken)}; HttpOnly; SameSite=Strict; Path=/`,
      );
    }
    if (!routeNeedsCaller(request.routeOptions.url, request.url)) {
      return;
    }
    const home = await homeCallerOf(request, deps, offered);
    if ('refused' in home) {
      return unauthorized(reply, home.refused);
    }
    const header = request.headers[ACCOUNT_HEADER];
    const asked = typeof header === 'string' && header !== '' ? header : undefined;
    let accountId = home.homeAccountId;
    if (asked !== undefined && asked !== accountId) {
      if (!(await deps.accounts.within(home.homeAccountId, asked))) {
        return reply.status(403).send({
          error: 'forbidden',
          message: `Account ${asked} is not in your account hierarchy.`,
        });
      }
      accountId = asked;
    } else if (asked === undefined) {
      // A stale switcher cookie (account deleted, other credentials) falls back quietly.
      const chosen = cookie(request, ACCOUNT_COOKIE);
      if (chosen && chosen !== accountId && (await deps.accounts.within(accountId, chosen))) {
        accountId = chosen;
      }
    }
    // The acting account lies within the home account: its chain covers both.
    const inactive = await deps.accounts.inactiveAt(accountId);
    if (inactive !== null) {
      return reply.status(403).send({ error: 'forbidden', message: inactiveMessage(inactive) });
    }
    request.caller = { ...home, accountId };
  });

  // The platform routes check roles per action; the browser's /api routes by method,
  // before body validation so a refused caller learns nothing from a 400.
  app.addHook('preValidation', async (request) => {
    const route = request.routeOptions.url ?? '';
    if (!request.caller || route.startsWith('/api/platform/')) {
      return;
    }
    const permission = permissionFor(request.method, route);
    if (!roleAllows(request.caller.role, permission)) {
      throw new HttpError(
        403,
        'forbidden',
        `The ${request.caller.role} role may not ${request.method} ${route}.`,
      );
    }
  });
}

/**
 * Whether a request must authenticate, judged on the route the router chose and never
 * on the raw URL: the router decodes `/%61pi/session` to `/api/session`, so a prefix
 * test on the raw text would let that through unauthenticated.
 */
/**
 * API routes anyone may call: probes from a load balancer or an orchestrator carry no
 * credentials, and these answer only whether the server is up and ready.
 */
export const PUBLIC_API_ROUTES: ReadonlySet<string> = new Set(['/api/health', '/api/ready']);

/**
 * Listener routes take calls from other systems and authenticate them on their own
 * (an API token of the deployment's account, a listener secret, a test URL's token;
 * `listen/listener-auth.ts`), so the hook leaves them alone.
 */
export const SELF_AUTHENTICATED_API_ROUTES: ReadonlySet<string> = new Set([
  '/api/listen/:environment/:path',
  '/api/listen-test/:token',
]);

export function routeNeedsCaller(route: string | undefined, rawUrl = ''): boolean {
  if (route !== undefined) {
    return (
      (route === '/api' || route.startsWith('/api/')) &&
      !PUBLIC_API_ROUTES.has(route) &&
      !SELF_AUTHENTICATED_API_ROUTES.has(route)
    );
  }
  // No route: only the 404 handler answers. Paths that read as the API after decoding
  // still need credentials, so that nobody can map which API routes exist.
  return /^\/+api(\/|$)/i.test(decodedPath(rawUrl));
}

function decodedPath(rawUrl: string): string {
  const path = rawUrl.split('?')[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

const OPERATE = /^\/api\/(runs|executions)(\/|$)|^\/api\/processes\/:id\/executions$/;

/** Answering a paused test run may edit its documents: that is building, as editing a process is. */
const BUILD_UNDER_OPERATE = new Set(['/api/runs/:id/debug']);

export function permissionFor(method: string, route: string): Permission {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') {
    return 'read';
  }
  return OPERATE.test(route) && !BUILD_UNDER_OPERATE.has(route) ? 'operate' : 'build';
}

export function callerOf(request: unknown): Caller {
  const caller = (request as FastifyRequest).caller;
  return caller ?? { ...INSTALL_ADMIN, accountId: DEFAULT_ACCOUNT_ID };
}
