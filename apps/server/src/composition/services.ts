import { SANDBOX_DEMO_TOKEN } from '@junction/connect-sandbox';
import type { AppOptions } from '../app-options.ts';
import { callerOf } from '../auth/request-auth.ts';
import { createConnectGateway } from '../connect/connect-gateway.ts';
import { testConnectCredentials } from '../connect/test-connection.ts';
import { createPlatformGateway } from '../platform/platform-gateway.ts';
import { createPlatformService } from '../platform/platform-service.ts';
import { DEFAULT_ACCOUNT_ID } from '../repositories/account-repository.ts';
import { createPauseBoard } from '../runs/debug/pause-board.ts';
import { openInProcessRuns } from '../runs/in-process-dispatcher.ts';
import { openQueueRuns } from '../runs/queue/queue-runs.ts';
import { DEFAULT_RUN_RETENTION_DAYS, startRunRetention } from '../runs/retention.ts';
import { DEFAULT_RUN_LIVENESS } from '../runs/run-dispatcher.ts';
import type { RunExecutorDeps } from '../runs/run-executor.ts';
import { DEFAULT_RUN_SLOT_LIMITS } from '../runs/run-slots.ts';
import { openRunThreads } from '../runs/run-threads.ts';
import { createRuntimeServices } from '../runs/runtime-services.ts';
import { createScheduler } from '../runs/scheduler.ts';
import { SANDBOX_PREFIX } from '../sandbox-prefix.ts';
import type { Services } from '../services.ts';
import type { Infrastructure } from './infrastructure.ts';

export type AppServices = Awaited<ReturnType<typeof createServices>>;

/**
 * The side of runs that stores and starts them: in-process or through the queue.
 * Nothing executes yet; `startExecuting` comes once the executor's dependencies exist.
 */
async function openRuns(infra: Infrastructure, options: AppOptions) {
  const { db, queue, metrics, http } = infra;
  const { runs } = infra.repositories;
  // Embedded PGlite belongs to this server alone, so nothing can still be running;
  // a shared PostgreSQL database may hold other servers' live runs. With the queue,
  // the runs of a dead worker are ended by the lost-run queue instead.
  if (db.kind === 'pglite' || !queue) {
    await runs.abandonInterrupted(
      db.kind === 'postgres'
        ? (options.runLiveness ?? DEFAULT_RUN_LIVENESS).staleAfterMs
        : undefined,
    );
  }
  const limits = { ...DEFAULT_RUN_SLOT_LIMITS, ...options.runLimits };
  const opened = queue
    ? await openQueueRuns({ db, runs, log: http.log, observer: metrics.observer }, queue, {
        ...options.queue,
        defaultConcurrency: limits.concurrentRuns,
        maxQueuedRuns: limits.queuedRuns,
      })
    : openInProcessRuns({ runs, log: http.log, limits, liveness: options.runLiveness });
  return { ...opened, dispatcher: metrics.counting(opened.dispatcher) };
}

/**
 * What the routes work with, built in dependency order with no forward reference:
 * the run dispatcher (storing and queueing runs), the Platform API service on it, the
 * gateway runs use to call that API, and only then the executor, which needs all of
 * them. The executor is handed over by `startRuns`, once the HTTP side exists too:
 * a run's built-in sandbox calls go through the app's routes.
 */
export async function createServices(infra: Infrastructure, options: AppOptions) {
  const { db, http, fetchFor, metrics, publicUrl } = infra;
  const repositories = infra.repositories;
  const { connections, tokens, processes } = repositories;
  const runs = await openRuns(infra, options);
  const { dispatcher } = runs;
  // Processes execute in these threads, never on the event loop that answers requests.
  // A queue server whose runs all go to `junction worker`s executes none: no warm threads.
  const executesRuns = !(options.runs === 'queue' && options.queue?.worker === false);
  const threads = openRunThreads(
    options.runLimits?.concurrentRuns ?? DEFAULT_RUN_SLOT_LIMITS.concurrentRuns,
    { ...options.runThreads, warm: executesRuns && options.runThreads?.warm },
  );

  const ensureSandbox = (accountId: string) =>
    connections.ensureSandbox(accountId, `${publicUrl}${SANDBOX_PREFIX}`, SANDBOX_DEMO_TOKEN);
  await ensureSandbox(DEFAULT_ACCOUNT_ID);
  const platform = createPlatformService({
    ...repositories,
    db,
    dispatcher,
    onAccountCreated: ensureSandbox,
  });
  // Paused test runs wait here for answers that any server may take.
  const pauseBoard = createPauseBoard({
    db,
    pauses: repositories.runPauses,
    idleMs: options.pauseIdleMs,
  });
  const executorDeps: RunExecutorDeps = {
    execute: threads.execute,
    pauses: pauseBoard,
    runs: repositories.runs,
    documents: repositories.runDocuments,
    gatewayFor: (accountId) => createConnectGateway(connections, accountId, fetchFor),
    runtimeFor: createRuntimeServices({
      db,
      processes,
      programCommands: options.programCommands ?? [],
      platformFor: createPlatformGateway({ connections, tokens, platform }),
      testLimits: options.testLimits,
    }),
    log: http.log,
    observer: metrics.observer,
    maxRunMs: options.maxRunMs,
  };
  const scheduler = createScheduler({
    deployments: repositories.deployments,
    processes,
    dispatcher,
    transaction: (fn) => db.transaction(fn),
    log: http.log,
    options: options.scheduler,
  });
  const routeServices: Services = {
    ...repositories,
    dispatcher,
    pauseBoard,
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
  return {
    dispatcher,
    platform,
    scheduler,
    routeServices,
    /** Closed after the dispatcher has stopped: no run is left in a thread by then. */
    threads,
    pauseBoard,
    /** Runs start executing here; until then, accepted runs wait (in their slot or queue). */
    async startRuns() {
      await threads.ready();
      await runs.startExecuting(executorDeps);
      return startRunRetention({
        runs: repositories.runs,
        days: options.runRetentionDays ?? DEFAULT_RUN_RETENTION_DAYS,
        log: http.log,
      });
    },
  };
}
