import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { type ConnectSandboxOptions, connectSandbox, SANDBOX_DEMO_TOKEN } from './plugin.ts';

/** The prefix the Junction server mounts the sandbox under. */
export const TEST_PREFIX = '/sandbox/connect/public/v1';

/** A host app with the sandbox registered, for `inject` tests. */
export async function buildTestApp(options: ConnectSandboxOptions = {}): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(connectSandbox, { prefix: TEST_PREFIX, ...options });
  await app.ready();
  return app;
}

/** Sends an authorised request to the sandbox; `body` is sent as JSON. */
export function call(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url: `${TEST_PREFIX}${path}`,
    headers: { authorization: SANDBOX_DEMO_TOKEN },
    ...(body === undefined ? {} : { payload: body as object }),
  });
}
