/**
 * `@junction/server/worker`: what `junction worker` runs. It loads no Fastify, routes
 * or web app (biome.json fences this folder), only what executing a run needs.
 */

export { WORKER_LOST_REASON, WORKER_SHUTDOWN_REASON } from '../runs/queue/run-worker.ts';
export { serveMetrics } from './metrics-server.ts';
export { readWorkerConfig, type WorkerConfig } from './worker-config.ts';
export { startWorkerHost, type WorkerHost } from './worker-host.ts';
