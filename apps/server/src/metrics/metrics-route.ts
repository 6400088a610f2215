import type { FastifyPluginAsync } from 'fastify';
import type { Registry } from 'prom-client';
import { same } from '../access-token.ts';

/**
 * GET /metrics in Prometheus's text format. With an access token configured the
 * scraper must send it (`Authorization: Bearer …`); platform tokens do not open it.
 */
export function metricsRoute(
  registry: Registry,
  accessToken: string | undefined,
): FastifyPluginAsync {
  return async (app) => {
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      const offered = request.headers.authorization?.replace(/^Bearer /, '');
      if (accessToken && !(offered !== undefined && same(offered, accessToken))) {
        return reply
          .status(401)
          .send({ error: 'unauthorized', message: 'The metrics need the access token.' });
      }
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  };
}
