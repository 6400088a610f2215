import type { TestLimits } from '@junction/runtime';
import type { FastifyServerOptions } from 'fastify';
import type { QueueRunsOptions } from './runs/queue/queue-runs.ts';
import type { RunLiveness } from './runs/run-dispatcher.ts';
import type { RunSlotLimits } from './runs/run-slots.ts';
import type { RunThreadOptions } from './runs/run-threads.ts';
import type { SchedulerOptions } from './runs/scheduler.ts';

/** Everything an embedder or test can set on a server; main.ts reads it from the environment. */
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
  /** How long a run may take before it is aborted, in ms (JUNCTION_MAX_RUN_MINUTES; a day). */
  maxRunMs?: number | undefined;
  /** How long a paused test run waits for an answer, in ms (JUNCTION_PAUSE_IDLE_SECONDS; 15 minutes). */
  pauseIdleMs?: number | undefined;
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
