import { resolve } from 'node:path';

export interface ServerConfig {
  host: string;
  port: number;
  /**
   * The URL users reach the server at (JUNCTION_PUBLIC_URL): the built-in sandbox
   * connection's endpoint, and a host name the server answers to. By default the
   * listening address, with an any-address (0.0.0.0, ::) read as loopback.
   */
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  secretKey: string | undefined;
  accessToken: string | undefined;
  webDist: string | undefined;
  programCommands: string[];
  persistSandbox: boolean;
  testLimits: { documentsPerInbound?: number; bytesPerRun?: number };
  runLimits: { concurrentRuns?: number; queuedRuns?: number };
  /** Minutes a run may take before it is aborted (JUNCTION_MAX_RUN_MINUTES); undefined = a day. */
  maxRunMinutes: number | undefined;
  /** Engine threads and each one's heap (JUNCTION_RUN_THREADS, JUNCTION_RUN_THREAD_MEMORY_MB). */
  runThreads: { threads?: number; memoryMb?: number };
  /** Days finished runs are kept; undefined = the default. */
  runRetentionDays: number | undefined;
  /** Private or local hosts, addresses and CIDR ranges connections may call. */
  egressAllow: string[];
  /** Host names users reach the server by, beyond loopback ones (JUNCTION_ALLOWED_HOSTS). */
  allowedHosts: string[];
  /** How long running runs may finish on SIGTERM/SIGINT before they are aborted; undefined = the default. */
  shutdownGraceMs: number | undefined;
  /** Where runs execute (JUNCTION_RUNS): in this server, or through the job queue. */
  runs: 'in-process' | 'queue';
  /** With the queue: whether this server runs a worker too (JUNCTION_SERVER_WORKER, default on). */
  serverWorker: boolean;
  /** The PostgreSQL schema of this install's tables (JUNCTION_DATABASE_SCHEMA); `public` by default. */
  databaseSchema: string | undefined;
  /** Seconds a worker may go silent before its runs count as lost (JUNCTION_RUN_HEARTBEAT_SECONDS). */
  runHeartbeatSeconds: number | undefined;
  /** Seconds a paused test run waits for Continue, Step or Stop (JUNCTION_PAUSE_IDLE_SECONDS). */
  pauseIdleSeconds: number | undefined;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

/** Reads the environment once, up front, and refuses settings that would be unsafe. */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const port = Number(env['PORT'] ?? 4400);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env['PORT']}".`);
  }
  const host = env['HOST'] ?? '127.0.0.1';
  const accessToken = env['JUNCTION_ACCESS_TOKEN'] || undefined;
  if (!isLoopback(host) && !accessToken) {
    throw new Error(
      `Refusing to listen on ${host} without JUNCTION_ACCESS_TOKEN: anyone who can reach it could read and run your processes.`,
    );
  }
  const allowedHosts = list(env['JUNCTION_ALLOWED_HOSTS']);
  const publicUrl = readPublicUrl(env['JUNCTION_PUBLIC_URL']);
  // The public URL's host is answered to as well, so it names one already.
  if (!isLoopback(host) && allowedHosts.length === 0 && !publicUrl) {
    throw new Error(
      `Listening on ${host} needs JUNCTION_ALLOWED_HOSTS or JUNCTION_PUBLIC_URL: the host names users reach Junction by (e.g. junction.example.com), so that pages on other names cannot talk to it through DNS rebinding. "*" accepts any name, for a proxy that checks them itself.`,
    );
  }
  return {
    host,
    publicUrl: publicUrl ?? listeningUrl(host, port),
    allowedHosts,
    port,
    dataDir: resolve(env['JUNCTION_DATA_DIR'] ?? 'data'),
    databaseUrl: env['DATABASE_URL'] || undefined,
    secretKey: env['JUNCTION_SECRET_KEY'] || undefined,
    accessToken,
    webDist: env['JUNCTION_WEB_DIST'],
    testLimits: {
      ...positiveInteger(env, 'JUNCTION_TEST_MAX_DOCUMENTS', 'documentsPerInbound'),
      ...positiveInteger(env, 'JUNCTION_TEST_MAX_BYTES', 'bytesPerRun'),
    },
    runRetentionDays: positiveInteger(env, 'JUNCTION_RUN_RETENTION_DAYS', 'days').days,
    maxRunMinutes: maxRunMinutes(env),
    runLimits: {
      ...positiveInteger(env, 'JUNCTION_MAX_RUNS', 'concurrentRuns'),
      ...positiveInteger(env, 'JUNCTION_MAX_QUEUED_RUNS', 'queuedRuns'),
    },
    runThreads: runThreads(env),
    persistSandbox:
      env['JUNCTION_SANDBOX_PERSIST'] === '1' || env['JUNCTION_SANDBOX_PERSIST'] === 'true',
    programCommands: list(env['JUNCTION_PROGRAM_COMMANDS']),
    egressAllow: list(env['JUNCTION_EGRESS_ALLOW']),
    shutdownGraceMs: positiveInteger(env, 'JUNCTION_SHUTDOWN_GRACE_MS', 'ms').ms,
    runs: runsMode(env['JUNCTION_RUNS']),
    serverWorker: !['0', 'false', 'off'].includes(env['JUNCTION_SERVER_WORKER'] ?? ''),
    databaseSchema: env['JUNCTION_DATABASE_SCHEMA'] || undefined,
    runHeartbeatSeconds: runHeartbeatSeconds(env),
    pauseIdleSeconds: positiveInteger(env, 'JUNCTION_PAUSE_IDLE_SECONDS', 'seconds').seconds,
  };
}

/**
 * JUNCTION_PUBLIC_URL as an origin (`https://junction.example.com`, a port if any); the
 * sandbox's path is appended to it, so a path, query or fragment would end up inside.
 */
export function readPublicUrl(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === '') {
    return undefined;
  }
  const problem = (why: string) =>
    new Error(
      `JUNCTION_PUBLIC_URL must be the http(s) address users open Junction at, such as https://junction.example.com: ${why}, got "${text}".`,
    );
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw problem('it is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw problem(`${url.protocol} is not http or https`);
  }
  if (url.username || url.password) {
    throw problem('it may not carry a user name or password');
  }
  if (url.pathname !== '/' || url.search || url.hash || /[?#]$/.test(text.trim())) {
    throw problem('it may have no path, query or fragment');
  }
  return url.origin;
}

/** Where a listener on `host` is reached from this machine: any-address means loopback. */
function listeningUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' || host === '[::]' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

/** The queue's jobs live at most a day (pg-boss's ceiling), so runs do too. */
export function maxRunMinutes(env: NodeJS.ProcessEnv): number | undefined {
  const { minutes } = positiveInteger(env, 'JUNCTION_MAX_RUN_MINUTES', 'minutes');
  if (minutes !== undefined && minutes > 1440) {
    throw new Error(`JUNCTION_MAX_RUN_MINUTES can be at most 1440 (24 hours), got ${minutes}.`);
  }
  return minutes;
}

export function runThreads(env: NodeJS.ProcessEnv): { threads?: number; memoryMb?: number } {
  return {
    ...positiveInteger(env, 'JUNCTION_RUN_THREADS', 'threads'),
    ...positiveInteger(env, 'JUNCTION_RUN_THREAD_MEMORY_MB', 'memoryMb'),
  };
}

/** pg-boss refuses heartbeats under 10 seconds. */
export function runHeartbeatSeconds(env: NodeJS.ProcessEnv): number | undefined {
  const { seconds } = positiveInteger(env, 'JUNCTION_RUN_HEARTBEAT_SECONDS', 'seconds');
  if (seconds !== undefined && seconds < 10) {
    throw new Error(`JUNCTION_RUN_HEARTBEAT_SECONDS must be at least 10, got ${seconds}.`);
  }
  return seconds;
}

function runsMode(text: string | undefined): 'in-process' | 'queue' {
  if (text === undefined || text === '' || text === 'in-process' || text === 'queue') {
    return text === 'queue' ? 'queue' : 'in-process';
  }
  throw new Error(`JUNCTION_RUNS must be "in-process" or "queue", got "${text}".`);
}

/** A comma-separated setting as its non-empty items. */
export function list(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** An optional positive whole number from the environment, under `key`; a bad value stops start-up. */
export function positiveInteger<K extends string>(
  env: NodeJS.ProcessEnv,
  name: string,
  key: K,
): { [P in K]?: number } {
  const text = env[name];
  if (text === undefined || text === '') {
    return {};
  }
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive whole number, got "${text}".`);
  }
  return { [key]: value } as { [P in K]?: number };
}
