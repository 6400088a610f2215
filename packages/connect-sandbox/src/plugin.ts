import multipart from '@fastify/multipart';
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { SandboxHttpError, unauthorized, validationError } from './errors.ts';
import { installFaults } from './fault-hooks.ts';
import { type FaultRule, type FaultSettings, sandboxFaults } from './faults.ts';
import { registerAssetRoutes } from './objects/asset-routes.ts';
import { registerCaseRoutes } from './objects/case-routes.ts';
import { registerCatalogRoutes } from './objects/catalog-routes.ts';
import { registerConversationRoutes } from './objects/conversation-routes.ts';
import { registerRenderRoutes } from './objects/render-routes.ts';
import { registerRequestRoutes } from './objects/request-routes.ts';
import { registerSubscriptionRequestRoutes } from './objects/subscription-request-routes.ts';
import { registerTierAccountRoutes } from './objects/tier-account-routes.ts';
import { registerTierConfigRoutes } from './objects/tier-config-routes.ts';
import { registerUsageFileRoutes } from './objects/usage-file-routes.ts';
import { registerUsageRoutes } from './objects/usage-routes.ts';
import { createSandboxState } from './seed/create-state.ts';
import type { SandboxState } from './store/state.ts';

/** The Authorization header value the sandbox accepts unless told otherwise. */
export const SANDBOX_DEMO_TOKEN = 'ApiKey SU-000-000-000:sandbox-demo-secret';

/** Options of the `connectSandbox` plugin. */
export interface ConnectSandboxOptions {
  /** Exact `Authorization` header value to accept (default `SANDBOX_DEMO_TOKEN`). */
  token?: string;
  /** Seed for generated data (ignored when `state` is given). */
  seed?: number;
  /** Approximate number of seeded objects (ignored when `state` is given). */
  scale?: number;
  /**
   * Existing state to serve, so the host can keep data across plugin instances
   * and share it with `connectSandboxAdmin` (which needs the same object).
   */
  state?: SandboxState;
  /**
   * Initial fault rules (replace the state's current ones); the admin plugin
   * can change them later (`sandboxFaults(state)` in code).
   */
  faults?: FaultSettings | readonly FaultRule[];
}

/**
 * An offline CloudBlue Connect API as a Fastify plugin. Register it under a
 * prefix ending in `/public/v1`. It is deliberately encapsulated (no
 * fastify-plugin): its auth hook, content-type fix and error handler only
 * apply to its own routes.
 *
 * @example
 * app.register(connectSandbox, { prefix: '/sandbox/connect/public/v1', seed: 7 });
 */
export const connectSandbox: FastifyPluginAsync<ConnectSandboxOptions> = async (app, options) => {
  const state =
    options.state ??
    createSandboxState({
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.scale === undefined ? {} : { scale: options.scale }),
    });
  const token = options.token ?? SANDBOX_DEMO_TOKEN;
  const faults = sandboxFaults(state);
  if (options.faults !== undefined) {
    faults.set(options.faults);
  }

  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024 } });

  // Action endpoints are often posted with `Content-Type: application/json`
  // and no body; Fastify's own parser rejects that, Connect does not.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(validationError('JSON parse error - Invalid JSON body.'), undefined);
    }
  });

  app.addHook('onRequest', async (request) => {
    if (request.headers.authorization !== token) {
      throw unauthorized();
    }
  });
  installFaults(app, faults);

  // Fastify always appends `; charset=utf-8`; strict clients (the JS SDK)
  // only parse errors whose type is exactly `application/json` (§1.3).
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('application/json')) {
      reply.header('content-type', 'application/json');
    }
    return payload;
  });

  app.setErrorHandler((error: FastifyError | SandboxHttpError, _request, reply) => {
    if (error instanceof SandboxHttpError) {
      return reply.code(error.status).send(error.body);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(400).send({ error_code: 'VAL_001', errors: [error.message] });
    }
    app.log.error(error);
    return reply.code(500).send({ error_code: 'SYS_001', errors: ['Internal server error.'] });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error_code: 'NFND_000',
      errors: [`Path \`${request.url.split('?')[0]}\` not found.`],
    }),
  );

  registerCatalogRoutes(app, state);
  registerAssetRoutes(app, state);
  registerRequestRoutes(app, state);
  registerSubscriptionRequestRoutes(app, state);
  registerTierAccountRoutes(app, state);
  registerTierConfigRoutes(app, state);
  registerUsageFileRoutes(app, state);
  registerUsageRoutes(app, state);
  registerCaseRoutes(app, state);
  registerConversationRoutes(app, state);
  registerRenderRoutes(app, state);
};
