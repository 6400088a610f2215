import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import { SANDBOX_DEMO_TOKEN } from './demo-token.ts';
import { installFaults } from './fault-hooks.ts';
import { type FaultRule, type FaultSettings, sandboxFaults } from './faults.ts';
import {
  connectErrorHandler,
  exactJsonContentType,
  lenientJsonParser,
  requireToken,
} from './http/common.ts';
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
import {
  attachSandboxPersistence,
  type SandboxPersistence,
  type SandboxPersistenceOptions,
} from './persistence.ts';
import { createSandboxState } from './seed/create-state.ts';
import type { SandboxState } from './store/state.ts';
import { type SandboxWebhookOptions, WebhookDispatcher } from './webhooks/webhook-dispatcher.ts';
import { registerWebhookRoutes } from './webhooks/webhook-routes.ts';

export { SANDBOX_DEMO_TOKEN };

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
  /**
   * Keeps the state across restarts: loaded when the plugin registers (replacing
   * the seeded content when a snapshot is stored), saved debounced after changes
   * and flushed when the app closes. See `attachSandboxPersistence`.
   */
  persistence?: SandboxPersistence;
  persistenceOptions?: SandboxPersistenceOptions;
  /**
   * How webhooks are called when watched objects change (`/notifications/webhooks`).
   * Hosts that face users pass a fetch that refuses private networks.
   */
  webhooks?: SandboxWebhookOptions;
}

/** The largest usage file the sandbox takes. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const dispatchers = new WeakMap<SandboxState, WebhookDispatcher>();

/** The webhook dispatcher of the plugin serving `state`, if one is registered (tests await `idle()`). */
export function sandboxWebhooks(state: SandboxState): WebhookDispatcher | undefined {
  return dispatchers.get(state);
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

  if (options.persistence !== undefined) {
    const handle = await attachSandboxPersistence(
      state,
      options.persistence,
      options.persistenceOptions ?? {},
    );
    app.addHook('onClose', () => handle.close());
  }

  const webhooks = new WebhookDispatcher(state, options.webhooks);
  const unwatch = webhooks.watch();
  dispatchers.set(state, webhooks);
  app.addHook('onClose', async () => {
    unwatch();
    await webhooks.close();
    if (dispatchers.get(state) === webhooks) {
      dispatchers.delete(state);
    }
  });

  // Usage files for tests: the demo token is public, so what one upload may make the
  // server read is kept small (files are counted as they stream, never held).
  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 4, fields: 64, fieldSize: 64 * 1024 },
  });

  lenientJsonParser(app);
  requireToken(app, token);
  installFaults(app, faults);
  exactJsonContentType(app);
  connectErrorHandler(app);

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
  registerWebhookRoutes(app, state, webhooks);
};
