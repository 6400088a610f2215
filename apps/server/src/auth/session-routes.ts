import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
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
        tags: ['accounts'],
        response: {
          200: Type.Object({
            homeAccountId: Type.String(),
            accountId: Type.String(),
            role: Type.String(),
          }),
        },
      },
    },
    async (request) => {
      const { homeAccountId, accountId, role } = callerOf(request);
      return { homeAccountId, accountId, role };
    },
  );
};
