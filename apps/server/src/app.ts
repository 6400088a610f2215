import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  attachSandboxPersistence,
  connectSandbox,
  connectSandboxAdmin,
  createInjectFetch,
  createSandboxState,
  DEFAULT_SCALE,
  DEFAULT_SEED,
  SANDBOX_DEMO_TOKEN,
} from '@junction/connect-sandbox';
import type { TestLimits } from '@junction/runtime';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { installApiDocs } from './api-docs.ts';
import { installOriginGuard, LOOPBACK_HOST_NAMES } from './auth/origin-guard.ts';
import { callerOf, installAuth } from './auth/request-auth.ts';
import { sandboxAdminGuard } from './auth/sandbox-admin-auth.ts';
import { sessionRoutes } from './auth/session-routes.ts';
import { browseConnection } from './connect/browse-connection.ts';
import { createConnectGateway } from './connect/connect-gateway.ts';
import { createConnectionFetch } from './connect/connection-fetch.ts';
import { createGuardedFetch } from './connect/egress-guard.ts';

import { testConnectCredentials } from './connect/test-connection.ts';
import type { Database } from './db/database.ts';
import { openDatabase } from './db/open-database.ts';
import { installErrorPolicy } from './error-policy.ts';
import { installJsonBodyParser } from './json-body.ts';
import { redactingLogger } from './log-redaction.ts';
import { metricsRoute } from './metrics/metrics-route.ts';
import { createRunMetrics } from './metrics/run-metrics.ts';
import { createPlatformGateway } from './platform/platform-gateway.ts';
import { platformRoutes } from './platform/platform-routes.ts';
import { createPlatformService } from './platform/platform-service.ts';
import {
  createAccountRepository,
  DEFAULT_ACCOUNT_ID,
  ensureDefaultAccount,
} from './repositories/account-repository.ts';
import { createConnectionRepository } from './repositories/connection-repository.ts';
import { createDeploymentRepository } from './repositories/deployment-repository.ts';
import { createEnvironmentRepository } from './repositories/environment-repository.ts';
import { createPinnedInputRepository } from './repositories/pinned-input-repository.ts';
import { createProcessRepository } from './repositories/process-repository.ts';
import { createRunDocumentRepository } from './repositories/run-document-repository.ts';
import { createRunRepository } from './repositories/run-repository.ts';
import { createSandboxPersistence } from './repositories/sandbox-persistence.ts';
import { createTokenRepository } from './repositories/token-repository.ts';
import { connectionRoutes } from './routes/connection-routes.ts';
import { executionRoutes } from './routes/execution-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { operationImportRoutes } from './routes/operation-import-routes.ts';
import { processRoutes } from './routes/process-routes.ts';
import { runDocumentRoutes } from './routes/run-document-routes.ts';
import { runEventRoutes } from './routes/run-event-routes.ts';
import { runReplayRoutes } from './routes/run-replay-routes.ts';
import { runRoutes } from './routes/run-routes.ts';
import { SANDBOX_ADMIN_PREFIX, sandboxRoutes } from './routes/sandbox-routes.ts';
import { testInputRoutes } from './routes/test-input-routes.ts';
import { createInProcessDispatcher } from './runs/in-process-dispatcher.ts';
import { openQueueRuns, type QueueRunsOptions } from './runs/queue/queue-runs.ts';
import { openRunQueue, RUN_QUEUE } from './runs/queue/run-queue.ts';
import { DEFAULT_RUN_RETENTION_DAYS, startRunRetention } from './runs/retention.ts';
import {
  DEFAULT_RUN_LIVENESS,
  type RunDispatcher,
  type RunLiveness,
} from './runs/run-dispatcher.ts';
import { DEFAULT_RUN_SLOT_LIMITS, type RunSlotLimits } from './runs/run-slots.ts';
import { openRunThreads, type RunThreadOptions } from './runs/run-threads.ts';
import { createRuntimeServices } from './runs/runtime-services.ts';
import { createScheduler, type Scheduler, type SchedulerOptions } from './runs/scheduler.ts';
import { SANDBOX_PREFIX } from './sandbox-prefix.ts';
import { createSecretBox, loadOrCreateKeyFile, parseSecretKey } from './secrets/secret-box.ts';
import { installSecurityHeaders } from './security-headers.ts';
import type { Services } from './services.ts';

export { SANDBOX_PREFIX };

export interface AppOptions {
  /** PGlite files and the generated key file live here; undefined = in memory. */
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  /** PostgreSQL schema for this instance (test isolation). */
  databaseSchema?: string | undefined;
  secretKey?: string | undefined;
  accessToken?: string | undefined;
  /** Built web app to serve; skipped when absent. */
  webDist?: string | undefined;
  /** Where users reach this server; shown as the sandbox connection's endpoint. */
  publicUrl?: string;
  logger?: FastifyServerOptions['logger'];
  /** `persist` keeps the sandbox's objects in the database across restarts. */
  sandbox?: { seed?: number; scale?: number; persist?: boolean };
  /** Executables Program Command shapes may run; none by default. */
  programCommands?: readonly string[];
  /** Test mode's limits; the runtime's generous defaults otherwise. */
  testLimits?: Partial<TestLimits>;
  /** Runs at once and runs waiting for a slot (JUNCTION_MAX_RUNS, JUNCTION_MAX_QUEUED_RUNS). */
  runLimits?: Partial<RunSlotLimits>;
  /** The threads runs execute in, off this server's event loop (JUNCTION_RUN_THREADS, …). */
  runThreads?: RunThreadOptions;
  /** Days a finished run (record, documents, logs) is kept (JUNCTION_RUN_RETENTION_DAYS). */
  runRetentionDays?: number | undefined;
  /**
   * Where runs execute (JUNCTION_RUNS): `in-process` in this server, or `queue`, through
   * the pg-boss job queue, by this server's worker and/or `junction worker` processes.
   */
  runs?: 'in-process' | 'queue';
  /** The queue's settings and this server's own worker (`runs: 'queue'`). */
  queue?: QueueRunsOptions;
  /** Run heartbeats and when another server's runs count as abandoned (tests shorten them). */
  runLiveness?: RunLiveness;
  /** Private or local hosts, addresses and ranges connections may call (JUNCTION_EGRESS_ALLOW). */
  egressAllow?: readonly string[];
  /**
   * Host names the server answers to besides loopback ones and publicUrl's host
   * (JUNCTION_ALLOWED_HOSTS); `*` answers to any, for a proxy that checks them itself.
   */
  allowedHosts?: readonly string[];
  /** Largest request body in bytes; larger ones get 413 (default 5 MiB). */
  bodyLimit?: number;
  /** Cron schedules: the clock and how often to look (tests inject both). */
  scheduler?: SchedulerOptions;
  /** How long `shutdown()` lets running runs finish before aborting them (JUNCTION_SHUTDOWN_GRACE_MS). */
  shutdownGraceMs?: number | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Starts deployments' scheduled executions; `tick()` looks now. */
    scheduler: Scheduler;
    /**
     * The graceful stop (signals): no new runs, running runs get the grace period
     * to finish and are then aborted, and only then does the app close.
     */
    shutdown(): Promise<void>;
  }
}

const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

function secretBoxFor(options: AppOptions) {
  if (options.secretKey) {
    return createSecretBox(parseSecretKey(options.secretKey));
  }
  // No data directory (tests): a key for this process only, nothing persists anyway.
  return createSecretBox(options.dataDir ? loadOrCreateKeyFile(options.dataDir) : randomBytes(32));
}

/**
 * Builds the whole server: database, repositories, the in-process sandbox, the
 * run dispatcher and every route. `main.ts` adds only process concerns (listen,
 * signals); tests call this and use `inject`.
 */
export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const db: Database = await openDatabase({
    databaseUrl: options.databaseUrl,
    schema: options.databaseSchema,
    dataDir: options.dataDir,
  });
  await ensureDefaultAccount(db);
  const box = secretBoxFor(options);
  const connections = createConnectionRepository(db, box);
  const runs = createRunRepository(db);
  const runDocuments = createRunDocumentRepository(db);
  const accounts = createAccountRepository(db);
  const tokens = createTokenRepository(db);
  // Embedded PGlite belongs to this server alone, so nothing can still be running;
  // a shared PostgreSQL database may hold other servers' live runs. With the queue,
  // the runs of a dead worker are ended by the lost-run queue instead.
  if (db.kind === 'pglite' || options.runs !== 'queue') {
    await runs.abandonInterrupted(
      db.kind === 'postgres'
        ? (options.runLiveness ?? DEFAULT_RUN_LIVENESS).staleAfterMs
        : undefined,
    );
  }

  const app = Fastify({
    // Request lines carry the URL, and `?access_token=` with it.
    logger: redactingLogger(options.logger),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Before any route or plugin, so every JSON body in the app goes through it.
  installJsonBodyParser(app);
  installSecurityHeaders(app);
  const publicUrl = options.publicUrl ?? 'http://127.0.0.1:4400';
  installOriginGuard(app, {
    allowedHosts: [
      ...LOOPBACK_HOST_NAMES,
      new URL(publicUrl).host,
      ...(options.allowedHosts ?? []),
    ],
  });

  const injectFetch = createInjectFetch(app);
  const fetchFor = createConnectionFetch(
    injectFetch,
    createGuardedFetch({ allow: options.egressAllow ?? [] }),
  );
  const processes = createProcessRepository(db);
  const limits = { ...DEFAULT_RUN_SLOT_LIMITS, ...options.runLimits };
  const queue =
    options.runs === 'queue' ? await openRunQueue(db, app.log, options.queue) : undefined;
  const metrics = createRunMetrics(queue);
  const runThreads = openRunThreads(limits.concurrentRuns, options.runThreads);
  const executorDeps = {
    execute: runThreads.execute,
    runs,
    documents: runDocuments,
    gatewayFor: (accountId: string) => createConnectGateway(connections, accountId, fetchFor),
    runtimeFor: createRuntimeServices({
      db,
      processes,
      programCommands: options.programCommands ?? [],
      // The service needs the dispatcher, so the gateway is looked up when a run starts.
      platformFor: (accountId) => platformGatewayFor(accountId),
      testLimits: options.testLimits,
    }),
    log: app.log,
    observer: metrics.observer,
  };
  let startQueueWorker = async (): Promise<void> => undefined;
  let dispatcher: RunDispatcher;
  if (queue) {
    const queued = await openQueueRuns({ ...executorDeps, db }, queue, {
      ...options.queue,
      defaultConcurrency: limits.concurrentRuns,
    });
    dispatcher = metrics.counting(queued.dispatcher);
    startQueueWorker = queued.startWorker;
  } else {
    dispatcher = metrics.counting(
      createInProcessDispatcher({ ...executorDeps, limits, liveness: options.runLiveness }),
    );
  }
  const services: Services = {
    processes,
    connections,
    runs,
    runDocuments,
    pinnedInputs: createPinnedInputRepository(db),
    dispatcher,
    accountOf: (request) => callerOf(request).accountId,
    async testConnection(accountId, id) {
      const credentials = await connections.credentials(accountId, id);
      if (!credentials) {
        return { ok: false, message: `Connection ${id} does not exist.` };
      }
      if (credentials.kind === 'junction-platform') {
        const token = await tokens.resolve(credentials.token);
        return token
          ? { ok: true, message: `Acts as a ${token.role} of account ${token.accountId}.` }
          : { ok: false, message: 'The Platform API token is unknown or revoked.' };
      }
      return testConnectCredentials(credentials, fetchFor(credentials.kind));
    },
  };

  const ensureSandbox = (accountId: string) =>
    connections.ensureSandbox(accountId, `${publicUrl}${SANDBOX_PREFIX}`, SANDBOX_DEMO_TOKEN);
  await ensureSandbox(DEFAULT_ACCOUNT_ID);
  const deployments = createDeploymentRepository(db);
  const platform = createPlatformService({
    db,
    accounts,
    tokens,
    environments: createEnvironmentRepository(db),
    deployments,
    processes,
    connections,
    runs,
    dispatcher,
    onAccountCreated: ensureSandbox,
  });
  const platformGatewayFor = createPlatformGateway({ connections, tokens, platform });
  const scheduler = createScheduler({
    deployments,
    processes,
    dispatcher,
    transaction: (fn) => db.transaction(fn),
    log: app.log,
    options: options.scheduler,
  });
  app.decorate('scheduler', scheduler);

  await installApiDocs(app, { sandboxPrefix: SANDBOX_PREFIX });

  const serveWeb = options.webDist !== undefined && existsSync(options.webDist);
  installErrorPolicy(app, { singlePageApp: serveWeb });
  installAuth(app, { accessToken: options.accessToken, tokens, accounts });
  await app.register(
    healthRoutes({
      db,
      queue: queue && (async () => (await queue.boss.getQueue(RUN_QUEUE)) !== null),
    }),
  );
  await app.register(metricsRoute(metrics.registry, options.accessToken));
  await app.register(processRoutes(services));
  await app.register(connectionRoutes(services));
  await app.register(runRoutes(services));
  await app.register(
    operationImportRoutes(services, (accountId, id, object) =>
      browseConnection(connections, accountId, id, object, fetchFor),
    ),
  );
  await app.register(runEventRoutes(services));
  await app.register(runDocumentRoutes(services));
  await app.register(runReplayRoutes(services));
  await app.register(executionRoutes(services));
  await app.register(testInputRoutes(services));
  await app.register(platformRoutes(platform));
  await app.register(sessionRoutes());
  // One sandbox state serves the Connect API and its admin endpoints.
  const sandboxState = createSandboxState({
    seed: options.sandbox?.seed ?? DEFAULT_SEED,
    scale: options.sandbox?.scale ?? DEFAULT_SCALE,
  });
  await app.register(connectSandbox, {
    prefix: SANDBOX_PREFIX,
    token: SANDBOX_DEMO_TOKEN,
    state: sandboxState,
  });
  // Attached here rather than through the plugin option, so its last save runs
  // before the database closes (see the onClose hook below).
  const sandboxPersistence = options.sandbox?.persist
    ? await attachSandboxPersistence(sandboxState, createSandboxPersistence(db))
    : undefined;
  await app.register(connectSandboxAdmin, {
    prefix: SANDBOX_ADMIN_PREFIX,
    state: sandboxState,
    // The demo token is public; these controls change every account's sandbox.
    authorize: sandboxAdminGuard({ accessToken: options.accessToken, tokens, accounts }),
  });
  await app.register(sandboxRoutes(sandboxState));

  if (serveWeb) {
    await app.register(fastifyStatic, { root: options.webDist!, wildcard: false });
  }

  // Last: a job taken now finds every route (the in-process sandbox) and service ready.
  await startQueueWorker();

  const retention = startRunRetention({
    runs,
    days: options.runRetentionDays ?? DEFAULT_RUN_RETENTION_DAYS,
    log: app.log,
  });

  // Runs must end before Fastify closes: once close() begins, app.inject (the
  // built-in sandbox's transport) fails with "Fastify has already been closed", and a
  // run still calling it would be stored as ERROR. So shutdown() waits for runs first.
  const graceMs = options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
  app.decorate('shutdown', async () => {
    await scheduler.stop();
    await dispatcher.stop(graceMs);
    await app.close();
  });
  // A plain close() (tests, embedding) has no grace left to give: the runs still
  // running are aborted with the shutdown reason at once, before the server and
  // the database go.
  app.addHook('preClose', async () => {
    await scheduler.stop();
    await dispatcher.stop(0);
  });
  app.addHook('onClose', async () => {
    await retention.stop();
    await sandboxPersistence?.close();
    await runThreads.close();
    // The database closes last: every run has stored its end by now.
    await db.close();
  });
  return app;
}
