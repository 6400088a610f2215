import { once } from 'node:events';
import {
  readWorkerConfig,
  serveMetrics,
  startWorkerHost,
  WORKER_SHUTDOWN_REASON,
} from '@junction/server/worker';
import type { WorkerArgs } from './args.ts';
import type { Output } from './commands.ts';

const DEFAULT_GRACE_MS = 10_000;
// After the grace period runs are aborted; one whose call ignores the abort must not
// keep the worker alive forever. Past this, the worker exits and the queue's
// heartbeat check ends what it still held as lost.
const ABORT_DEADLINE_MS = 10_000;

/** Resolves true when `work` settles within `ms`. */
function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([work.then(() => true), late]).finally(() => clearTimeout(timer));
}

/** Structured lines on stderr, one JSON object each, like the server's log. */
function workerLog(io: Output) {
  const line = (level: string) => (details: object, message: string) => {
    const err = (details as { err?: unknown }).err;
    io.err(
      JSON.stringify({
        level,
        time: new Date().toISOString(),
        msg: message,
        ...details,
        ...(err instanceof Error ? { err: { message: err.message, stack: err.stack } } : {}),
      }),
    );
  };
  return { info: line('info'), warn: line('warn'), error: line('error') };
}

/**
 * `junction worker`: takes runs from the queue until SIGTERM or SIGINT, then stops
 * taking them, gives running runs the grace period and ends the rest ABORTED.
 * Exits 0 after a clean stop, 1 when runs still had not ended ABORT_DEADLINE_MS later.
 */
export async function workerCommand(
  args: WorkerArgs,
  io: Output,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const config = readWorkerConfig(env);
  const log = workerLog(io);
  const host = await startWorkerHost(
    config,
    {
      concurrency: args.concurrency,
      perAccount: args.perAccount,
      ...(config.runHeartbeatSeconds ? { heartbeatSeconds: config.runHeartbeatSeconds } : {}),
      shutdownReason: WORKER_SHUTDOWN_REASON,
    },
    log,
  );
  const closeMetrics = args.metricsPort
    ? await serveMetrics(
        args.metricsPort,
        env['JUNCTION_METRICS_HOST'] || '127.0.0.1',
        host.metrics,
        config.accessToken,
      )
    : undefined;
  io.out(`junction worker: taking runs, ${args.concurrency} at once (pid ${process.pid})`);
  const signal = await Promise.race([once(process, 'SIGTERM'), once(process, 'SIGINT')]);
  const graceMs = args.graceMs ?? config.shutdownGraceMs ?? DEFAULT_GRACE_MS;
  log.info({ signal, running: host.running, graceMs }, 'worker stopping');
  if (!(await settlesWithin(host.stop(graceMs), graceMs + ABORT_DEADLINE_MS))) {
    log.error({ running: host.running }, 'runs did not end after their abort; exiting anyway');
    return 1;
  }
  await closeMetrics?.();
  io.out('junction worker: stopped');
  return 0;
}
