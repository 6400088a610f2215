import {
  list,
  maxRunMinutes,
  positiveInteger,
  readPublicUrl,
  runHeartbeatSeconds,
  runThreads,
} from '../config.ts';

export interface WorkerConfig {
  databaseUrl: string;
  /** The schema the server uses (JUNCTION_DATABASE_SCHEMA); `public` by default. */
  databaseSchema: string | undefined;
  secretKey: string;
  /**
   * Where this worker reaches the server, whose built-in sandbox the sandbox
   * connections call (JUNCTION_SERVER_URL); their stored endpoint otherwise.
   */
  serverUrl: string | undefined;
  /** The URL users reach the server at (JUNCTION_PUBLIC_URL), for new accounts' sandbox. */
  publicUrl: string | undefined;
  egressAllow: string[];
  programCommands: string[];
  testLimits: { documentsPerInbound?: number; bytesPerRun?: number };
  shutdownGraceMs: number | undefined;
  /** Guards the worker's /metrics (JUNCTION_ACCESS_TOKEN), as on the server. */
  accessToken: string | undefined;
  /** JUNCTION_MAX_RUN_MINUTES, as the server has it. */
  maxRunMinutes: number | undefined;
  /** JUNCTION_MAX_QUEUED_RUNS, for the runs its processes start (Platform API Execute). */
  maxQueuedRuns: number | undefined;
  /** JUNCTION_RUN_HEARTBEAT_SECONDS, as the server has it. */
  runHeartbeatSeconds: number | undefined;
  /** Engine threads and each one's heap (JUNCTION_RUN_THREADS, JUNCTION_RUN_THREAD_MEMORY_MB). */
  runThreads: { threads?: number; memoryMb?: number };
  /** JUNCTION_PAUSE_IDLE_SECONDS, as the server has it: paused runs wait on the worker. */
  pauseIdleSeconds: number | undefined;
}

/**
 * A worker shares the server's database and secret key: without them it could
 * neither read runs nor open the connections' tokens, so both are required.
 */
export function readWorkerConfig(env: NodeJS.ProcessEnv): WorkerConfig {
  const databaseUrl = env['DATABASE_URL'];
  if (!databaseUrl) {
    throw new Error(
      'A worker needs DATABASE_URL: the PostgreSQL database the server uses (the embedded database runs its worker inside the server).',
    );
  }
  const secretKey = env['JUNCTION_SECRET_KEY'];
  if (!secretKey) {
    throw new Error(
      "A worker needs JUNCTION_SECRET_KEY, the server's key, to open the connections' tokens.",
    );
  }
  return {
    databaseUrl,
    databaseSchema: env['JUNCTION_DATABASE_SCHEMA'] || undefined,
    secretKey,
    serverUrl: env['JUNCTION_SERVER_URL'] || undefined,
    publicUrl: readPublicUrl(env['JUNCTION_PUBLIC_URL']),
    egressAllow: list(env['JUNCTION_EGRESS_ALLOW']),
    programCommands: list(env['JUNCTION_PROGRAM_COMMANDS']),
    testLimits: {
      ...positiveInteger(env, 'JUNCTION_TEST_MAX_DOCUMENTS', 'documentsPerInbound'),
      ...positiveInteger(env, 'JUNCTION_TEST_MAX_BYTES', 'bytesPerRun'),
    },
    shutdownGraceMs: positiveInteger(env, 'JUNCTION_SHUTDOWN_GRACE_MS', 'ms').ms,
    runHeartbeatSeconds: runHeartbeatSeconds(env),
    maxRunMinutes: maxRunMinutes(env),
    maxQueuedRuns: positiveInteger(env, 'JUNCTION_MAX_QUEUED_RUNS', 'runs').runs,
    runThreads: runThreads(env),
    accessToken: env['JUNCTION_ACCESS_TOKEN'] || undefined,
    pauseIdleSeconds: positiveInteger(env, 'JUNCTION_PAUSE_IDLE_SECONDS', 'seconds').seconds,
  };
}
