import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { connectSandboxAdmin } from './admin.ts';
import { type ConnectSandboxOptions, connectSandbox, SANDBOX_DEMO_TOKEN } from './plugin.ts';
import { createSandboxState } from './seed/create-state.ts';

/** The prefix the Junction server mounts the sandbox under. */
export const TEST_PREFIX = '/sandbox/connect/public/v1';
/** The prefix the Junction server mounts the admin plugin under. */
export const ADMIN_PREFIX = '/sandbox/admin';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A host app with the sandbox and its admin plugin registered (one state), for `inject` tests. */
export async function buildTestApp(options: ConnectSandboxOptions = {}): Promise<FastifyInstance> {
  const { seed, scale, ...rest } = options;
  const state =
    options.state ??
    createSandboxState({
      ...(seed === undefined ? {} : { seed }),
      ...(scale === undefined ? {} : { scale }),
    });
  const app = Fastify();
  await app.register(connectSandbox, { prefix: TEST_PREFIX, ...rest, state });
  await app.register(connectSandboxAdmin, {
    prefix: ADMIN_PREFIX,
    state,
    ...(options.token === undefined ? {} : { token: options.token }),
  });
  await app.ready();
  return app;
}

function send(
  app: FastifyInstance,
  method: Method,
  url: string,
  body: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: { authorization: SANDBOX_DEMO_TOKEN },
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

/** Sends an authorised request to the sandbox; `body` is sent as JSON. */
export function call(
  app: FastifyInstance,
  method: Method,
  path: string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  return send(app, method, `${TEST_PREFIX}${path}`, body);
}

/** Sends an authorised request to the admin plugin. */
export function admin(
  app: FastifyInstance,
  method: Method,
  path: string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  return send(app, method, `${ADMIN_PREFIX}${path}`, body);
}
