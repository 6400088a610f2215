import Fastify, {
  type FastifyInstance,
  type FastifyServerOptions,
  type InjectOptions,
  type LightMyRequestResponse,
} from 'fastify';
import { connectSandboxAdmin } from './admin.ts';
import { assertConformant, type ConformanceLog, recordConformance } from './conformance.ts';
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
  const app = checkedHost();
  await app.register(connectSandbox, { prefix: TEST_PREFIX, ...rest, state });
  await app.register(connectSandboxAdmin, {
    prefix: ADMIN_PREFIX,
    state,
    ...(options.token === undefined ? {} : { token: options.token }),
  });
  await app.ready();
  return app;
}

/**
 * A bare host app whose `inject` calls reject when a response under `prefix`
 * does not match the Connect spec, so any test using it fails on a mismatch.
 */
export function checkedHost(
  options: FastifyServerOptions = {},
  prefix = TEST_PREFIX,
): FastifyInstance {
  const app = Fastify(options);
  failOnMismatch(app, recordConformance(app, prefix));
  return app;
}

/** Makes every `app.inject(options)` reject when the log gained mismatches. */
function failOnMismatch(app: FastifyInstance, log: ConformanceLog): void {
  const inject = app.inject.bind(app);
  const checked = async (options: InjectOptions | string): Promise<LightMyRequestResponse> => {
    const response = await inject(options);
    assertConformant(log);
    return response;
  };
  Object.assign(app, { inject: checked });
}

/**
 * A sandbox listening on 127.0.0.1:0 under `/public/v1` (for clients using
 * fetch), checked against the spec: call `assertConformant(log)` after each test.
 */
export async function listenTestApp(
  options: ConnectSandboxOptions & { forceCloseConnections?: boolean } = {},
): Promise<{ app: FastifyInstance; baseUrl: string; log: ConformanceLog }> {
  const { forceCloseConnections = false, ...rest } = options;
  const app = Fastify({ forceCloseConnections });
  const log = recordConformance(app, '/public/v1');
  await app.register(connectSandbox, { prefix: '/public/v1', ...rest });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, baseUrl: `${address}/public/v1`, log };
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
