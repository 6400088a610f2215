import type { FastifyInstance } from 'fastify';
import type { AppOptions } from './app-options.ts';
import { registerHttp } from './composition/http.ts';
import { openInfrastructure } from './composition/infrastructure.ts';
import { createServices } from './composition/services.ts';
import type { Scheduler } from './runs/scheduler.ts';
import { SANDBOX_PREFIX } from './sandbox-prefix.ts';

export type { AppOptions };
export { SANDBOX_PREFIX };

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

export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/**
 * Builds the whole server in three layers, each on the one before: infrastructure
 * (database, repositories, queue, the HTTP host), services (runs, schedules, the
 * Platform API) and HTTP (routes, the sandbox, the web app). Runs start executing
 * last, when everything they use exists. `main.ts` adds only process concerns
 * (listen, signals); tests call this and use `inject`.
 */
export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const infra = await openInfrastructure(options);
  const services = await createServices(infra, options);
  const { sandboxPersistence } = await registerHttp(infra, services, options);
  const retention = await services.startRuns();
  const { http: app, db } = infra;
  const { scheduler, dispatcher } = services;
  app.decorate('scheduler', scheduler);

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
    await services.threads.close();
    await services.pauseBoard.close();
    // The database closes last: every run has stored its end by now.
    await db.close();
  });
  return app;
}
