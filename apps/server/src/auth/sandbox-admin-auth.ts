import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_ACCOUNT_ID } from '../repositories/account-repository.ts';
import { type AuthDeps, homeCallerOf } from './request-auth.ts';

/**
 * The sandbox's admin controls (reset, seed, faults, state) change the one
 * sandbox every account shares, and the demo token is public: only the
 * install's administrator may use them — the access token (or, on a default
 * loopback install, anyone, as for /api), or an admin token of the top account.
 */
export function sandboxAdminGuard(deps: AuthDeps) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const offered = new URL(request.url, 'http://x').searchParams.get('access_token');
    const home = await homeCallerOf(request, deps, offered);
    if ('refused' in home) {
      return reply.status(401).send({ error: 'unauthorized', message: home.refused });
    }
    if (home.role !== 'admin' || home.homeAccountId !== DEFAULT_ACCOUNT_ID) {
      return reply.status(403).send({
        error: 'forbidden',
        message: 'The sandbox admin controls are for the administrator of this Junction server.',
      });
    }
    return undefined;
  };
}
