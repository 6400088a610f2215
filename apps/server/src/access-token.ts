import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * With JUNCTION_ACCESS_TOKEN set (required to listen beyond loopback), every API
 * call needs `Authorization: Bearer <token>` or the cookie a browser gets by
 * opening `/?access_token=<token>` once.
 */
export function installAccessToken(app: FastifyInstance, token: string): void {
  app.addHook('onRequest', async (request, reply) => {
    const url = new URL(request.url, 'http://x');
    const offered = url.searchParams.get('access_token');
    if (offered && same(offered, token)) {
      reply.header(
        'set-cookie',
        `junction_access=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
      );
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      return;
    }
    const bearer = request.headers.authorization?.replace(/^Bearer /, '');
    const cookie = /(?:^|;\s*)junction_access=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    if ((bearer && same(bearer, token)) || (cookie && same(decodeURIComponent(cookie), token))) {
      return;
    }
    return reply
      .status(401)
      .send({ error: 'unauthorized', message: 'This Junction server needs its access token.' });
  });
}
