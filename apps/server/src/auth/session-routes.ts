import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SessionSchema } from '@junction/api';
import { AUTH_ERRORS, operation } from '../routes/openapi.ts';
import { callerOf } from './request-auth.ts';

/**
 * Who the browser is: the account its credentials belong to (the top of the
 * switcher), the account it acts on now, and its role.
 */
export const sessionRoutes = (): FastifyPluginAsyncTypebox => async (app) => {
  app.get(
    '/api/session',
    {
      schema: {
        ...operation('getSession', 'accounts'),
        response: { 200: SessionSchema, ...AUTH_ERRORS },
      },
    },
    async (request) => {
      const { homeAccountId, accountId, role } = callerOf(request);
      return { homeAccountId, accountId, role };
    },
  );
};
