import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import {
  attachSandboxPersistence,
  connectSandbox,
  connectSandboxAdmin,
  createSandboxState,
  DEFAULT_SCALE,
  DEFAULT_SEED,
  SANDBOX_DEMO_TOKEN,
} from '@junction/connect-sandbox';
import type { FastifyReply } from 'fastify';
import { installApiDocs } from '../api-docs.ts';
import type { AppOptions } from '../app-options.ts';
import { installAuth } from '../auth/request-auth.ts';
import { sandboxAdminGuard } from '../auth/sandbox-admin-auth.ts';
import { sessionRoutes } from '../auth/session-routes.ts';
import { browseConnection } from '../connect/browse-connection.ts';
import { installErrorPolicy } from '../error-policy.ts';
import { listenerRoutes } from '../listen/listener-routes.ts';
import { webhookRegisterRoute } from '../listen/webhook-register-route.ts';
import { metricsRoute } from '../metrics/metrics-route.ts';
import { platformRoutes } from '../platform/platform-routes.ts';
import { createSandboxPersistence } from '../repositories/sandbox-persistence.ts';
import { boomiImportRoutes } from '../routes/boomi-import-routes.ts';
import { connectionRoutes } from '../routes/connection-routes.ts';
import { executionRoutes } from '../routes/execution-routes.ts';
import { healthRoutes } from '../routes/health-routes.ts';
import { operationImportRoutes } from '../routes/operation-import-routes.ts';
import { processReplacePreviewRoute } from '../routes/process-replace-preview-route.ts';
import { processRoutes } from '../routes/process-routes.ts';
import { runDebugRoutes } from '../routes/run-debug-routes.ts';
import { runDocumentRoutes } from '../routes/run-document-routes.ts';
import { runEventRoutes } from '../routes/run-event-routes.ts';
import { runReplayRoutes } from '../routes/run-replay-routes.ts';
import { runRoutes } from '../routes/run-routes.ts';
import { SANDBOX_ADMIN_PREFIX, sandboxRoutes } from '../routes/sandbox-routes.ts';
import { testInputRoutes } from '../routes/test-input-routes.ts';
import { RUN_QUEUE } from '../runs/queue/run-queue.ts';
import { waitForEnd } from '../runs/wait-for-end.ts';
import { SANDBOX_PREFIX } from '../sandbox-prefix.ts';
import type { Infrastructure } from './infrastructure.ts';
import type { AppServices } from './services.ts';

/** The built-in Connect sandbox: its API, its admin controls and, optionally, its persistence. */
async function registerSandbox(infra: Infrastructure, options: AppOptions) {
  const { http, db } = infra;
  const { tokens, accounts } = infra.repositories;
  // One sandbox state serves the Connect API and its admin endpoints.
  const state = createSandboxState({
    seed: options.sandbox?.seed ?? DEFAULT_SEED,
    scale: options.sandbox?.scale ?? DEFAULT_SCALE,
  });
  await http.register(connectSandbox, {
    prefix: SANDBOX_PREFIX,
    token: SANDBOX_DEMO_TOKEN,
    state,
    webhooks: { fetch: infra.sandboxWebhookFetch },
  });
  // Attached here rather than through the plugin option, so its last save runs
  // before the database closes (the app's onClose hook).
  const persistence = options.sandbox?.persist
    ? await attachSandboxPersistence(state, createSandboxPersistence(db))
    : undefined;
  await http.register(connectSandboxAdmin, {
    prefix: SANDBOX_ADMIN_PREFIX,
    state,
    // The demo token is public; these controls change every account's sandbox.
    authorize: sandboxAdminGuard({ accessToken: options.accessToken, tokens, accounts }),
  });
  await http.register(sandboxRoutes(state));
  return persistence;
}

/**
 * Everything HTTP on top of the services: documentation, error policy, authentication,
 * the API's routes, the sandbox and the web app. Returns what must close with the app.
 */
export async function registerHttp(
  infra: Infrastructure,
  services: AppServices,
  options: AppOptions,
): Promise<{ sandboxPersistence: { close(): Promise<void> } | undefined }> {
  const { http, db, queue, metrics, fetchFor } = infra;
  const { tokens, accounts, connections } = infra.repositories;
  const routeServices = services.routeServices;
  await installApiDocs(http, { sandboxPrefix: SANDBOX_PREFIX });
  const serveWeb = options.webDist !== undefined && existsSync(options.webDist);
  installErrorPolicy(http, { singlePageApp: serveWeb });
  installAuth(http, { accessToken: options.accessToken, tokens, accounts });
  await http.register(
    healthRoutes({
      db,
      queue: queue && (async () => (await queue.boss.getQueue(RUN_QUEUE)) !== null),
    }),
  );
  await http.register(metricsRoute(metrics.registry, options.accessToken));
  await http.register(processRoutes(routeServices));
  await http.register(processReplacePreviewRoute(routeServices));
  await http.register(boomiImportRoutes(routeServices));
  await http.register(connectionRoutes(routeServices));
  await http.register(runRoutes(routeServices));
  await http.register(runDebugRoutes(routeServices));
  await http.register(
    operationImportRoutes(routeServices, (accountId, id, object) =>
      browseConnection(connections, accountId, id, object, fetchFor),
    ),
  );
  await http.register(runEventRoutes(routeServices));
  await http.register(runDocumentRoutes(routeServices));
  await http.register(runReplayRoutes(routeServices));
  await http.register(executionRoutes(routeServices));
  await http.register(testInputRoutes(routeServices));
  await http.register(
    platformRoutes(services.platform, (runId, ms, gone) =>
      waitForEnd(services.dispatcher, runId, ms, gone),
    ),
  );
  await http.register(
    listenerRoutes({
      db,
      services: routeServices,
      tokens,
      accounts,
      secrets: infra.repositories.listenerSecrets,
      webhookEvents: infra.repositories.webhookEvents,
      accessToken: options.accessToken,
    }),
  );
  await http.register(
    webhookRegisterRoute(routeServices, {
      processes: routeServices.processes,
      deployments: infra.repositories.deployments,
      connections,
      secrets: infra.repositories.listenerSecrets,
      fetchFor,
      publicUrl: infra.publicUrl,
    }),
  );
  await http.register(sessionRoutes());
  const sandboxPersistence = await registerSandbox(infra, options);
  if (serveWeb) {
    await http.register(fastifyStatic, webFiles(options.webDist!));
  }
  return { sandboxPersistence };
}

/**
 * The built web app. Vite names every file under `assets/` by a hash of its content, so
 * a name never stands for other bytes: browsers keep those a year without asking again,
 * where they used to ask for each of them on every page load. `index.html`, which names
 * the build's files, is still asked for each time (max-age=0), so a new build shows at once.
 */
export function webFiles(webDist: string) {
  const assets = join(resolve(webDist), 'assets') + sep;
  return {
    root: resolve(webDist),
    wildcard: false,
    setHeaders(reply: FastifyReply, path: string) {
      if (path.startsWith(assets)) {
        reply.header('cache-control', 'public, max-age=31536000, immutable');
      }
    },
  };
}
