import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SANDBOX_DEMO_TOKEN } from '@junction/connect-sandbox';
import type { FastifyInstance } from 'fastify';

export const SANDBOX_ADMIN_PREFIX = '/sandbox/admin';

/**
 * "Reset sandbox" for the UI: puts the built-in sandbox back to its seed. It goes
 * through /api so role limits apply (the sandbox's own admin endpoints accept the
 * public demo token).
 */
export const sandboxRoutes =
  (host: FastifyInstance): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post('/api/sandbox/reset', { schema: { tags: ['sandbox'] } }, async (_request, reply) => {
      const answer = await host.inject({
        method: 'POST',
        url: `${SANDBOX_ADMIN_PREFIX}/reset`,
        headers: { authorization: SANDBOX_DEMO_TOKEN },
      });
      return reply.status(answer.statusCode).type('application/json').send(answer.body);
    });
  };
