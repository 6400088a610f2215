import { SANDBOX_DEMO_TOKEN } from '@junction/connect-sandbox/demo-token';
import { createConnectGateway } from '../connect/connect-gateway.ts';
import { createConnectionFetch } from '../connect/connection-fetch.ts';
import { createGuardedFetch } from '../connect/egress-guard.ts';
import { openDatabase } from '../db/open-database.ts';
import { createRunMetrics } from '../metrics/run-metrics.ts';
import { createPlatformGateway } from '../platform/platform-gateway.ts';
import { createPlatformService } from '../platform/platform-service.ts';
import { createAccountRepository } from '../repositories/account-repository.ts';
import { createConnectionRepository } from '../repositories/connection-repository.ts';
import { createDeploymentRepository } from '../repositories/deployment-repository.ts';
import { createEnvironmentRepository } from '../repositories/environment-repository.ts';
import { createProcessRepository } from '../repositories/process-repository.ts';
import { createRunDocumentRepository } from '../repositories/run-document-repository.ts';
import { createRunPauseRepository } from '../repositories/run-pause-repository.ts';
import { createRunRepository } from '../repositories/run-repository.ts';
import { createTokenRepository } from '../repositories/token-repository.ts';
import { createPauseBoard } from '../runs/debug/pause-board.ts';
import { openEventRelay } from '../runs/queue/event-relay.ts';
import { createQueueDispatcher } from '../runs/queue/queue-dispatcher.ts';
import { openRunQueue, queuedRunTimeLimit, type RunQueueOptions } from '../runs/queue/run-queue.ts';
import { type RunWorkerOptions, startRunWorker } from '../runs/queue/run-worker.ts';
import { createRunExecutor } from '../runs/run-executor.ts';
import type { RunLogger } from '../runs/run-logger.ts';
import { openRunThreads } from '../runs/run-threads.ts';
import { createRuntimeServices } from '../runs/runtime-services.ts';
import { SANDBOX_PREFIX } from '../sandbox-prefix.ts';
import { createSecretBox, parseSecretKey } from '../secrets/secret-box.ts';
import { sandboxFetch } from './sandbox-fetch.ts';
import type { WorkerConfig } from './worker-config.ts';

export interface WorkerHost {
  readonly running: number;
  /** This worker's Prometheus metrics (runs it executed; the queue's depth and workers). */
  metrics(): Promise<{ contentType: string; text: string }>;
  /** Takes no more jobs; running runs get `graceMs`, then end ABORTED; then it closes. */
  stop(graceMs: number): Promise<void>;
}

/**
 * A worker process's whole world: the server's database and key, the same
 * repositories and connector gateways, and the run queue. No Fastify: runs that use
 * the built-in sandbox call the server over HTTP.
 */
export async function startWorkerHost(
  config: WorkerConfig,
  options: RunWorkerOptions & RunQueueOptions,
  log: RunLogger,
): Promise<WorkerHost> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, schema: config.databaseSchema });
  const box = createSecretBox(parseSecretKey(config.secretKey));
  const connections = createConnectionRepository(db, box);
  const runs = createRunRepository(db);
  const processes = createProcessRepository(db);
  const tokens = createTokenRepository(db);
  const fetchFor = createConnectionFetch(
    sandboxFetch(config.serverUrl),
    createGuardedFetch({ allow: config.egressAllow }),
  );
  const queue = await openRunQueue(db, log, { ...options, takesRuns: true });
  // Processes may start processes (the Platform API's Execute): they are queued too.
  const relay = await openEventRelay(db, runs, log);
  const metrics = createRunMetrics(queue);
  const dispatcher = createQueueDispatcher({
    db,
    queue,
    runs,
    relay,
    log,
    maxQueuedRuns: config.maxQueuedRuns,
    observer: metrics.observer,
  });
  const platform = createPlatformService({
    db,
    accounts: createAccountRepository(db),
    tokens,
    environments: createEnvironmentRepository(db),
    deployments: createDeploymentRepository(db),
    processes,
    connections,
    runs,
    dispatcher,
    onAccountCreated: (accountId) =>
      connections.ensureSandbox(
        accountId,
        `${config.publicUrl ?? config.serverUrl ?? 'http://127.0.0.1:4400'}${SANDBOX_PREFIX}`,
        SANDBOX_DEMO_TOKEN,
      ),
  });
  const platformFor = createPlatformGateway({ connections, tokens, platform });
  // A worker is there to run: its engine threads load now, before it takes any run.
  const threads = openRunThreads(options.concurrency, { ...config.runThreads, warm: true });
  // Test runs with breakpoints wait on the worker that executes them.
  const pauses = createPauseBoard({
    db,
    pauses: createRunPauseRepository(db),
    idleMs: config.pauseIdleSeconds && config.pauseIdleSeconds * 1000,
  });
  const executor = createRunExecutor({
    execute: threads.execute,
    runs,
    documents: createRunDocumentRepository(db),
    gatewayFor: (accountId) => createConnectGateway(connections, accountId, fetchFor),
    runtimeFor: createRuntimeServices({
      db,
      processes,
      programCommands: config.programCommands,
      platformFor,
      testLimits: config.testLimits,
    }),
    log,
    observer: metrics.observer,
    maxRunMs: queuedRunTimeLimit(config.maxRunMinutes && config.maxRunMinutes * 60_000),
    pauses,
  });
  await threads.ready();
  const worker = await startRunWorker({ db, queue, runs, executor, log }, options);
  return {
    get running() {
      return worker.running;
    },
    metrics: async () => ({
      contentType: metrics.registry.contentType,
      text: await metrics.registry.metrics(),
    }),
    async stop(graceMs) {
      await worker.stop(graceMs);
      await dispatcher.stop(0);
      await threads.close();
      await pauses.close();
      await db.close();
    },
  };
}
