import type { FastifyInstance } from 'fastify';

/**
 * A `fetch` that answers from the app's own routes without a socket. The built-in
 * sandbox connection uses it, so runs work the same whether or not the server
 * is listening (tests use inject) and no request leaves the process.
 */
export function createInjectFetch(app: FastifyInstance): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const response = await app.inject({
      method: request.method as 'GET',
      url: `${url.pathname}${url.search}`,
      headers: Object.fromEntries(request.headers),
      ...(body ? { payload: body } : {}),
    });
    const status = response.statusCode;
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) {
        headers.set(name, Array.isArray(value) ? value.join(', ') : String(value));
      }
    }
    const noBody = status === 204 || status === 304 || request.method === 'HEAD';
    return new Response(noBody ? null : response.rawPayload, { status, headers });
  };
}
